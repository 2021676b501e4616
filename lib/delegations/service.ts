// Delegations: who holds which role for which term, how they got it, and how it ends (term,
// a later election, recall, or leaving the council). Recall is a motion decided under the charter.
import type { PrismaClient } from "../db/connection";
import type { Db, Tx } from "../db/types";
import { refusal } from "../errors";
import { requireMember } from "../councils/access";
import { proposalStatus } from "../proposals/lifecycle";
import { appendAudit } from "../audit/log";


export const currentWhere = (now = new Date()) => ({ endedAt: null, endsAt: { gt: now } });

export function termEnd(start: Date, termMonths: number): Date {
  const end = new Date(start);
  end.setUTCMonth(end.getUTCMonth() + termMonths);
  return end;
}

export async function listDelegations(db: PrismaClient, { councilId, now = new Date() }: { councilId: string; now?: Date }) {
  const include = {
    role: { select: { id: true, name: true, kind: true, federation: { select: { slug: true, name: true } } } },
    holder: { select: { id: true, name: true } },
    electedBy: { select: { id: true, title: true } },
    recalls: { select: { id: true, withdrawnAt: true, votingOpenedAt: true, votingClosesAt: true, result: { select: { outcome: true } } } },
  } as const;
  const [current, past, roles] = await Promise.all([
    db.delegation.findMany({ where: { councilId, ...currentWhere(now) }, include, orderBy: [{ role: { name: "asc" } }, { startsAt: "asc" }] }),
    db.delegation.findMany({
      where: { councilId, OR: [{ endedAt: { not: null } }, { endsAt: { lte: now } }] },
      include,
      orderBy: [{ startsAt: "desc" }],
      take: 100,
    }),
    db.role.findMany({ where: { councilId }, orderBy: { name: "asc" } }),
  ]);
  return { current, past, roles };
}

/** How many terms someone has held (or holds) in a role: what rotation limits. */
export function termsHeld(db: Db, roleId: string, holderId: string) {
  return db.delegation.count({ where: { roleId, holderId } });
}

/** Any member may start a recall of a current delegate; it goes to deliberation like a motion. */
export async function startRecall(
  db: PrismaClient,
  { delegationId, actorId, reason }: { delegationId: string; actorId: string; reason: string },
) {
  return db.$transaction(async (tx) => {
    // Locks the delegation, so members starting a recall at the same moment start only one.
    await tx.$queryRaw`SELECT id FROM "Delegation" WHERE id = ${delegationId} FOR UPDATE`;
    const delegation = await tx.delegation.findUnique({
      where: { id: delegationId },
      include: { role: true, holder: { select: { name: true } } },
    });
    if (!delegation) throw refusal("NOT_FOUND", "noSuchDelegation");
    await requireMember(tx, delegation.councilId, actorId);
    if (delegation.endedAt || delegation.endsAt <= new Date()) {
      throw refusal("CLOSED", "noLongerHolds", { name: delegation.holder.name });
    }
    const running = await tx.proposal.findMany({ where: { kind: "RECALL", delegationId, withdrawnAt: null }, select: { withdrawnAt: true, votingOpenedAt: true, votingClosesAt: true } });
    if (running.some((p) => proposalStatus(p) !== "closed")) {
      throw refusal("CONFLICT", "recallUnderWay", { name: delegation.holder.name });
    }
    const recall = await tx.proposal.create({
      data: {
        councilId: delegation.councilId,
        authorId: actorId,
        kind: "RECALL",
        delegationId,
        title: `Recall ${delegation.holder.name} as ${delegation.role.name}`,
        body: reason,
      },
    });
    await appendAudit(tx, { councilId: delegation.councilId, actorId, action: "recall.started", subjectId: recall.id, data: { proposalId: recall.id, delegationId, holderId: delegation.holderId } });
    return recall;
  });
}

/**
 * A passed recall ends the delegation at once and opens a by-election for the vacant seat
 * (in deliberation, so members can nominate). Runs inside the transaction that stores the result.
 */
export async function applyRecall(tx: Tx, recall: { id: string; authorId: string; delegationId: string | null }, now: Date) {
  if (!recall.delegationId) return;
  const delegation = await tx.delegation.findUnique({ where: { id: recall.delegationId }, include: { role: true, holder: { select: { name: true } } } });
  if (!delegation || delegation.endedAt || delegation.endsAt <= now) return; // already over: nothing to end or fill
  await tx.delegation.update({ where: { id: delegation.id }, data: { endedAt: now, endReason: "RECALLED" } });
  await appendAudit(tx, { councilId: delegation.councilId, action: "delegation.ended", subjectId: delegation.id, data: { delegationId: delegation.id, roleId: delegation.roleId, holderId: delegation.holderId, reason: "RECALLED", recallId: recall.id } });
  const byElection = await tx.proposal.create({
    data: {
      councilId: delegation.councilId,
      authorId: recall.authorId,
      kind: "ELECTION",
      roleId: delegation.roleId,
      seats: 1,
      byElection: true,
      openedByRecallId: recall.id,
      title: `By-election: ${delegation.role.name}`,
      body: `${delegation.holder.name} was recalled (see the recall motion). This by-election fills the vacant seat for a full term. Nominate yourself or another member.`,
    },
  });
  await appendAudit(tx, { councilId: delegation.councilId, action: "election.created", subjectId: byElection.id, data: { proposalId: byElection.id, roleId: delegation.roleId, seats: 1, byElection: true, recallId: recall.id } });
}

/** Someone leaving (or removed from) a council stops holding its roles. */
export async function endDelegationsOfLeaver(tx: Tx, councilId: string, userId: string, now = new Date()) {
  const ending = await tx.delegation.findMany({ where: { councilId, holderId: userId, ...currentWhere(now) }, select: { id: true, roleId: true } });
  await tx.delegation.updateMany({
    where: { councilId, holderId: userId, ...currentWhere(now) },
    data: { endedAt: now, endReason: "LEFT_COUNCIL" },
  });
  for (const d of ending) {
    await appendAudit(tx, { councilId, action: "delegation.ended", subjectId: d.id, data: { delegationId: d.id, roleId: d.roleId, holderId: userId, reason: "LEFT_COUNCIL" } });
  }
}

