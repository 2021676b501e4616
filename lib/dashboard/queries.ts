// The personal dashboard and the calendar feed: what a member is asked to decide, by when, and what
// their councils decided lately. "Has voted" counts a Vote, a RankedVote or (secret ballots) a
// Participation row.
import "server-only";
import type { PrismaClient } from "../db/connection";

/** Open votes this member may cast and has not cast, soonest deadline first. */
export function listVotesAwaitingMe(db: PrismaClient, userId: string, now = new Date()) {
  return db.proposal.findMany({
    where: {
      withdrawnAt: null,
      votingClosesAt: { gt: now },
      electorate: { some: { userId, vote: { is: null }, rankedVote: { is: null }, participation: { is: null } } },
      council: { memberships: { some: { userId, status: "ACTIVE" } } },
    },
    orderBy: [{ votingClosesAt: "asc" }, { id: "asc" }],
    take: 50,
    select: { id: true, title: true, kind: true, votingClosesAt: true, council: { select: { name: true, slug: true } } },
  });
}

/** The latest results in the councils this member belongs to. */
export function listRecentResults(db: PrismaClient, userId: string, take = 10) {
  return db.proposal.findMany({
    where: { result: { isNot: null }, council: { memberships: { some: { userId, status: "ACTIVE" } } } },
    orderBy: [{ votingClosesAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true, title: true, kind: true, votingClosesAt: true,
      council: { select: { name: true, slug: true } },
      result: { select: { outcome: true, yes: true, no: true, abstain: true, electorateSize: true } },
    },
  });
}

/** Deadlines for the calendar: votes this member is in the electorate of, from a month back on. */
export function listDeadlines(db: PrismaClient, userId: string, now = new Date()) {
  return db.proposal.findMany({
    where: {
      withdrawnAt: null,
      kind: { not: "FEDERATION_MOTION" },
      votingClosesAt: { gte: new Date(now.getTime() - 30 * 24 * 3_600_000) },
      electorate: { some: { userId } },
      council: { memberships: { some: { userId, status: "ACTIVE" } } },
    },
    orderBy: [{ votingClosesAt: "asc" }, { id: "asc" }],
    take: 300,
    select: { id: true, title: true, votingClosesAt: true, council: { select: { name: true } } },
  });
}
