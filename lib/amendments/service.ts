// Amendments: a member proposes a replacement text for a motion in deliberation; it is an AMENDMENT
// proposal voted yes/no like any motion (same electorate, charter, closing, result and audit). When
// one passes, its text becomes the next version of the motion, in deadline order, unless the text
// changed since it was drafted (then it is refused as stale). See docs/decisions/008-amendments.md.
// Lock order, everywhere: the main proposal first, then its amendments.
import type { PrismaClient } from "../db/connection";
import type { Db, Tx } from "../db/types";
import { refusal } from "../errors";
import { requireMember } from "../councils/access";
import { appendAudit } from "../audit/log";
import { proposalStatus } from "../proposals/lifecycle";
import type { TProposeAmendment } from "./schemas";

/** How many amendments a motion page lists; more is a sign of a different problem. */
export const AMENDMENTS_SHOWN = 50;
export const VERSIONS_SHOWN = 50;

const lock = (tx: Tx, id: string) => tx.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${id} FOR UPDATE`;

/** The main proposal an amendment would change, or null if this is not an amendment. */
export async function findAmendmentTargetId(db: Db, proposalId: string): Promise<string | null> {
  return (await db.amendment.findUnique({ where: { proposalId }, select: { targetId: true } }))?.targetId ?? null;
}

/** The current version number of a proposal's text: 1 until an amendment is merged. */
export async function currentVersion(db: Db, proposalId: string): Promise<number> {
  const latest = await db.proposalVersion.findFirst({ where: { proposalId }, orderBy: { version: "desc" }, select: { version: true } });
  return latest?.version ?? 1;
}

export async function proposeAmendment(db: PrismaClient, input: TProposeAmendment & { authorId: string }) {
  return db.$transaction(async (tx) => {
    await lock(tx, input.proposalId);
    const target = await tx.proposal.findUnique({ where: { id: input.proposalId } });
    if (!target) throw refusal("NOT_FOUND", "noSuchProposal");
    await requireMember(tx, target.councilId, input.authorId);
    if (target.kind !== "MOTION") throw refusal("INVALID", "onlyMotionsAmended");
    if (proposalStatus(target) !== "deliberation") {
      throw refusal("CLOSED", "amendOnlyInDeliberation");
    }
    if (input.body === target.body.trim()) {
      throw refusal("INVALID", "amendmentUnchanged", undefined, { body: "amendmentUnchangedField" });
    }
    const baseVersion = await currentVersion(tx, target.id);
    const title = `Amend “${target.title.length > 50 ? `${target.title.slice(0, 49)}…` : target.title}”: ${input.summary}`;
    const amendment = await tx.proposal.create({
      data: { councilId: target.councilId, authorId: input.authorId, kind: "AMENDMENT", title, body: input.body },
    });
    await tx.amendment.create({ data: { proposalId: amendment.id, targetId: target.id, baseVersion } });
    await appendAudit(tx, {
      councilId: target.councilId, actorId: input.authorId, action: "amendment.proposed", subjectId: amendment.id,
      data: { proposalId: amendment.id, targetId: target.id, baseVersion },
    });
    return amendment;
  });
}

/** Opening an amendment's vote (called by openVoting with the main proposal already locked). */
export async function checkAmendmentMayOpen(tx: Tx, amendmentId: string) {
  const link = await tx.amendment.findUniqueOrThrow({ where: { proposalId: amendmentId }, include: { target: true } });
  if (proposalStatus(link.target) !== "deliberation") {
    throw refusal("CLOSED", "mainLeftDeliberation");
  }
  if (link.baseVersion !== (await currentVersion(tx, link.targetId))) {
    throw refusal("CONFLICT", "amendmentStale");
  }
}

/** A withdrawn motion's amendments never put to a vote lapse with it (inside withdrawProposal). */
export async function lapseAmendmentsOfWithdrawn(tx: Tx, { targetId, actorId, councilId, now }: { targetId: string; actorId: string; councilId: string; now: Date }) {
  const idle = await tx.proposal.findMany({ where: { amendment: { targetId }, withdrawnAt: null, votingOpenedAt: null }, select: { id: true } });
  for (const a of idle) {
    await tx.proposal.update({ where: { id: a.id }, data: { withdrawnAt: now } });
    await appendAudit(tx, { councilId, actorId, action: "amendment.lapsed", subjectId: a.id, data: { proposalId: a.id, targetId } });
  }
}

/**
 * Before a motion's own vote opens (its row locked, amendments already due counted and merged):
 * refuses while an amendment vote still runs, and lapses the amendments never put to a vote.
 */
export async function settleAmendmentsBeforeVoting(tx: Tx, { targetId, actorId, councilId, now }: { targetId: string; actorId: string; councilId: string; now: Date }) {
  const amendments = await tx.proposal.findMany({
    where: { amendment: { targetId }, withdrawnAt: null, result: null },
    select: { id: true, title: true, withdrawnAt: true, votingOpenedAt: true, votingClosesAt: true },
    orderBy: { votingClosesAt: "asc" },
  });
  const running = amendments.find((a) => proposalStatus(a, now) === "voting");
  if (running) {
    throw refusal("CONFLICT", "amendmentVoteRunning", { title: running.title, closes: running.votingClosesAt!.getTime() });
  }
  const lapsing = amendments.filter((a) => proposalStatus(a, now) === "deliberation");
  for (const a of lapsing) {
    await tx.proposal.update({ where: { id: a.id }, data: { withdrawnAt: now } });
    await appendAudit(tx, { councilId, actorId, action: "amendment.lapsed", subjectId: a.id, data: { proposalId: a.id, targetId } });
  }
}

/**
 * Uncounted amendments of a motion whose vote ended before `before` (or by `now` if omitted), in
 * deadline order.
 */
export async function findUncountedAmendments(tx: Db, targetId: string, before?: { closesAt: Date; id: string }, now: Date = new Date()) {
  const due = await tx.proposal.findMany({
    where: { amendment: { targetId }, withdrawnAt: null, result: null, votingClosesAt: { lte: before?.closesAt ?? now } },
    orderBy: [{ votingClosesAt: "asc" }, { id: "asc" }],
    select: { id: true, votingClosesAt: true },
  });
  return before
    ? due.filter((a) => a.votingClosesAt! < before.closesAt || (a.votingClosesAt!.getTime() === before.closesAt.getTime() && a.id < before.id))
    : due;
}

/**
 * A passed amendment becomes the main proposal's next version, inside the transaction that stores
 * its result (the main proposal is locked). Refused, and the refusal recorded, if the text changed
 * since it was drafted or the main proposal left deliberation.
 */
export async function applyAmendment(tx: Tx, amendment: { id: string; councilId: string }, now: Date) {
  const link = await tx.amendment.findUniqueOrThrow({ where: { proposalId: amendment.id }, include: { target: true, proposal: { select: { body: true } } } });
  const target = link.target;
  const version = await currentVersion(tx, target.id);
  const refusal = proposalStatus(target, now) !== "deliberation" || target.votingOpenedAt ? "MAIN_NOT_IN_DELIBERATION" as const
    : link.baseVersion !== version ? "STALE" as const
    : null;
  if (refusal) {
    await tx.amendment.update({ where: { proposalId: amendment.id }, data: { refusal } });
    await appendAudit(tx, { councilId: amendment.councilId, action: "amendment.not-merged", subjectId: amendment.id, data: { proposalId: amendment.id, targetId: target.id, reason: refusal, baseVersion: link.baseVersion, currentVersion: version } });
    return null;
  }
  if (version === 1 && !(await tx.proposalVersion.findFirst({ where: { proposalId: target.id }, select: { version: true } }))) {
    // The first merge also records the text as submitted, so the history starts at the beginning.
    await tx.proposalVersion.create({ data: { proposalId: target.id, version: 1, body: target.body, createdAt: target.createdAt } });
  }
  const next = await tx.proposalVersion.create({ data: { proposalId: target.id, version: version + 1, body: link.proposal.body, amendmentId: amendment.id, createdAt: now } });
  await tx.proposal.update({ where: { id: target.id }, data: { body: link.proposal.body } });
  await appendAudit(tx, { councilId: amendment.councilId, action: "amendment.merged", subjectId: amendment.id, data: { proposalId: amendment.id, targetId: target.id, version: next.version } });
  return next;
}

/** A motion's amendments and its version history, for its page (the viewer is already checked). */
export async function findAmendmentsOf(db: Db, proposal: { id: string; body: string; createdAt: Date }) {
  const [amendments, versions, amendmentCount] = await Promise.all([
    db.proposal.findMany({
      where: { amendment: { targetId: proposal.id } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: AMENDMENTS_SHOWN,
      select: {
        id: true, title: true, createdAt: true, withdrawnAt: true, votingOpenedAt: true, votingClosesAt: true,
        author: { select: { name: true } }, result: { select: { outcome: true } },
        amendment: { select: { baseVersion: true, refusal: true } },
      },
    }),
    db.proposalVersion.findMany({ where: { proposalId: proposal.id }, orderBy: { version: "desc" }, take: VERSIONS_SHOWN }),
    db.amendment.count({ where: { targetId: proposal.id } }),
  ]);
  const merged = await db.proposalVersion.findMany({ where: { amendmentId: { in: amendments.map((a) => a.id) } }, select: { amendmentId: true, version: true } });
  const mergedAs = new Map(merged.map((m) => [m.amendmentId!, m.version]));
  const titles = new Map(amendments.map((a) => [a.id, a.title]));
  const history = versions.length
    ? versions.map((v) => ({ version: v.version, body: v.body, createdAt: v.createdAt, amendmentId: v.amendmentId, amendmentTitle: v.amendmentId ? titles.get(v.amendmentId) ?? null : null }))
    : [{ version: 1, body: proposal.body, createdAt: proposal.createdAt, amendmentId: null, amendmentTitle: null }];
  return {
    amendments: amendments.map((a) => ({ ...a, mergedAs: mergedAs.get(a.id) ?? null })),
    amendmentCount,
    versions: history,
    currentVersion: history[0]!.version,
  };
}

/** What an amendment's page shows about the motion it would change. */
export async function findAmendmentDetails(db: Db, amendmentId: string) {
  const link = await db.amendment.findUnique({
    where: { proposalId: amendmentId },
    include: { target: { select: { id: true, title: true, body: true, withdrawnAt: true, votingOpenedAt: true, votingClosesAt: true, createdAt: true } } },
  });
  if (!link) return null;
  const [version, base, mergedAs] = await Promise.all([
    currentVersion(db, link.targetId),
    db.proposalVersion.findUnique({ where: { proposalId_version: { proposalId: link.targetId, version: link.baseVersion } }, select: { body: true } }),
    db.proposalVersion.findUnique({ where: { amendmentId }, select: { version: true } }),
  ]);
  // The text it was drafted against: its stored version, or the body if nothing was merged since.
  const baseBody = base?.body ?? (version === link.baseVersion ? link.target.body : null);
  return { target: link.target, baseVersion: link.baseVersion, currentVersion: version, baseBody, refusal: link.refusal, mergedAs: mergedAs?.version ?? null };
}
