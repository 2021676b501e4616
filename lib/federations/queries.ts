// Read-only queries for federation pages beyond lib/federations/service.ts: which federations a
// council belongs to, which councils a person facilitates, and the admission motions under way.
import "server-only";
import type { Db } from "../db/types";

/** The federations a council belongs to or has asked to join. */
export function listCouncilFederations(db: Db, councilId: string) {
  return db.federationMembership.findMany({
    where: { councilId, status: { in: ["ACTIVE", "PENDING"] } },
    orderBy: { federation: { name: "asc" } },
    select: { status: true, admittedAt: true, requestedAt: true, federation: { select: { slug: true, name: true } } },
  });
}

/** Councils of people this person facilitates: those that can found or join a federation. */
export function listFacilitatedCouncils(db: Db, userId: string) {
  return db.council.findMany({
    where: { kind: { not: "FEDERATION" }, memberships: { some: { userId, status: "ACTIVE", role: "FACILITATOR" } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
    take: 200,
  });
}

/** The latest admission motion per applying council, to link a pending request to its vote. */
export async function listAdmissionMotions(db: Db, federationId: string) {
  const motions = await db.proposal.findMany({
    where: { councilId: federationId, kind: "FEDERATION_MOTION", admitsCouncilId: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { id: true, admitsCouncilId: true, votingClosesAt: true },
    take: 500,
  });
  const latest = new Map<string, { id: string; votingClosesAt: Date | null }>();
  for (const m of motions) if (!latest.has(m.admitsCouncilId!)) latest.set(m.admitsCouncilId!, m);
  return latest;
}

/** Which of these councils the person is an active member of (to link their own mandate votes). */
export async function findMemberCouncilIds(db: Db, userId: string, councilIds: string[]): Promise<Set<string>> {
  if (councilIds.length === 0) return new Set();
  const rows = await db.membership.findMany({
    where: { userId, status: "ACTIVE", councilId: { in: councilIds } },
    select: { councilId: true },
  });
  return new Set(rows.map((r) => r.councilId));
}
