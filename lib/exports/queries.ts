// Read-only queries behind the downloads: a closed vote's ballot board, a council's decision
// record, and a member's own data. Callers authorise first; nothing here writes or checks access.
import "server-only";
import type { Db } from "../db/types";
import { readElectionCount } from "../elections/count";
import { proposalStatus, type ProposalStatus } from "../proposals/lifecycle";
import { toCsv } from "./csv";

// The board query lives apart, free of `server-only`, so the audit verifier script can use it too.
export { findBoard, findBoardParts } from "./board-query";

/** What a route needs to authorise a board download and to say why it is not ready. */
export async function findBoardProposal(db: Db, proposalId: string) {
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    select: { id: true, kind: true, councilId: true, withdrawnAt: true, votingOpenedAt: true, votingClosesAt: true },
  });
  return proposal ? { ...proposal, status: proposalStatus(proposal) } : null;
}

/** Proposals of a council whose vote has lapsed but which nobody has counted yet. */
export async function listUncountedProposals(db: Db, councilId: string, now = new Date()) {
  const rows = await db.proposal.findMany({
    where: { councilId, withdrawnAt: null, votingClosesAt: { lte: now }, result: null },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export interface DecisionRecordRow {
  id: string;
  title: string;
  kind: string;
  status: ProposalStatus;
  author: string;
  createdAt: Date;
  openedAt: Date | null;
  closedAt: Date | null;
  outcome: string | null;
  yes: number | null;
  no: number | null;
  abstain: number | null;
  electorateSize: number | null;
  winners: string[];
}

/** Every proposal of a council, oldest first, with its stored result. */
export async function findDecisionRecord(db: Db, councilId: string, now = new Date()): Promise<DecisionRecordRow[]> {
  const proposals = await db.proposal.findMany({
    where: { councilId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true, title: true, kind: true, createdAt: true, withdrawnAt: true, votingOpenedAt: true, votingClosesAt: true,
      author: { select: { name: true } },
      result: { select: { outcome: true, yes: true, no: true, abstain: true, electorateSize: true, winners: true, count: true } },
    },
  });
  return proposals.map((p) => {
    const status = proposalStatus(p, now);
    const r = p.result;
    const yesNo = r && p.kind !== "ELECTION";
    // Winners by name, as the count recorded them when it was made.
    const names = new Map((r && p.kind === "ELECTION" ? readElectionCount(r.count)?.candidates ?? [] : []).map((c) => [c.id, c.name]));
    return {
      id: p.id, title: p.title, kind: p.kind, status, author: p.author.name, createdAt: p.createdAt,
      openedAt: p.votingOpenedAt, closedAt: status === "closed" ? p.votingClosesAt : null,
      outcome: r?.outcome ?? null,
      yes: yesNo ? r.yes : null, no: yesNo ? r.no : null, abstain: yesNo ? r.abstain : null,
      electorateSize: r?.electorateSize ?? null,
      winners: r?.winners.map((id) => names.get(id) ?? id) ?? [],
    };
  });
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function decisionRecordCsv(rows: readonly DecisionRecordRow[]): string {
  return toCsv(
    ["proposal_id", "title", "kind", "status", "author", "created_at", "voting_opened_at", "voting_closed_at", "outcome", "yes", "no", "abstain", "electorate_size", "winners"],
    rows.map((r) => [
      r.id, r.title, r.kind, r.status, r.author, iso(r.createdAt), iso(r.openedAt), iso(r.closedAt),
      r.outcome, r.yes, r.no, r.abstain, r.electorateSize, r.winners.join("; "),
    ]),
  );
}

export const MEMBER_EXPORT_FORMAT = "plenum-member-export";

/**
 * Everything Plenum holds about one member, and nothing about anyone else: their account (never
 * the password hash), memberships, proposals, nominations, delegations, their own ballots (for
 * secret ballots, only that they took part: nothing links them to the ballot) and comments (hidden
 * ones too, with the reason: the text is theirs).
 */
export async function findMemberExport(db: Db, userId: string, now = new Date()) {
  const account = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, createdAt: true } });
  if (!account) return null;
  const council = { select: { id: true, slug: true, name: true } } as const;
  const proposalRef = { select: { id: true, title: true, council } } as const;
  const [memberships, proposals, nominations, nominationsMade, delegations, votes, rankedVotes, secretBallots, comments] = await Promise.all([
    db.membership.findMany({
      where: { userId }, orderBy: { requestedAt: "asc" },
      select: { council, role: true, status: true, requestedAt: true, admittedAt: true, endedAt: true },
    }),
    db.proposal.findMany({
      where: { authorId: userId }, orderBy: { createdAt: "asc" },
      select: {
        id: true, kind: true, title: true, body: true, council, createdAt: true, withdrawnAt: true, votingOpenedAt: true, votingClosesAt: true,
        result: { select: { outcome: true } },
      },
    }),
    db.nomination.findMany({
      where: { nomineeId: userId }, orderBy: { createdAt: "asc" },
      select: { proposal: proposalRef, nominatedById: true, createdAt: true, acceptedAt: true, declinedAt: true },
    }),
    // Nominations this member made of others: the act is theirs, the nominee is not named.
    db.nomination.findMany({
      where: { nominatedById: userId, nomineeId: { not: userId } }, orderBy: { createdAt: "asc" },
      select: { proposal: proposalRef, createdAt: true },
    }),
    db.delegation.findMany({
      where: { holderId: userId }, orderBy: { startsAt: "asc" },
      select: { council, role: { select: { name: true, kind: true } }, electedById: true, startsAt: true, endsAt: true, endedAt: true, endReason: true },
    }),
    db.vote.findMany({
      where: { userId }, orderBy: { castAt: "asc" },
      select: { proposal: proposalRef, choice: true, castAt: true, updatedAt: true },
    }),
    db.rankedVote.findMany({
      where: { userId }, orderBy: { castAt: "asc" },
      select: { proposal: { select: { ...proposalRef.select, nominations: { select: { nominee: { select: { id: true, name: true } } } } } }, ranking: true, castAt: true, updatedAt: true },
    }),
    // Secret ballots: only that the member took part. What they voted is held by no one but them (their receipt).
    db.participation.findMany({ where: { userId }, orderBy: { proposalId: "asc" }, select: { proposal: proposalRef } }),
    db.comment.findMany({
      where: { authorId: userId }, orderBy: { createdAt: "asc" },
      select: { id: true, proposal: proposalRef, parentId: true, body: true, createdAt: true, editedAt: true, hiddenAt: true, hiddenReason: true },
    }),
  ]);
  return {
    format: MEMBER_EXPORT_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    account,
    memberships,
    proposals: proposals.map(({ result, ...p }) => ({ ...p, status: proposalStatus(p, now), outcome: result?.outcome ?? null })),
    nominations: nominations.map(({ nominatedById, ...n }) => ({ ...n, selfNominated: nominatedById === userId })),
    nominationsMade,
    delegations,
    votes,
    rankedBallots: rankedVotes.map(({ proposal: { nominations: candidates, ...proposal }, ranking, ...v }) => {
      // The candidates this member ranked, by name: part of what their ballot says.
      const names = new Map(candidates.map((c) => [c.nominee.id, c.nominee.name]));
      return { proposal, ranking: ranking.map((id) => ({ id, name: names.get(id) ?? null })), ...v };
    }),
    secretBallotsCast: secretBallots.map((b) => b.proposal),
    comments,
  };
}

export type MemberExport = NonNullable<Awaited<ReturnType<typeof findMemberExport>>>;
