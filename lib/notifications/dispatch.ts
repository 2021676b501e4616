// The notification dispatcher (docs/decisions/012-notifications.md). It reads the committed audit
// log after a stored cursor and, in one transaction with the cursor's advance, creates the
// notifications and queued emails the entries call for: nothing is lost or made twice. It also
// reminds electorates of votes closing within a day and writes the daily digests. Domain services
// know nothing of it; it runs from the server's sweep (every few seconds; reminders, digests and emails once a minute) and is called directly by tests.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../db/connection";
import type { Tx } from "../db/types";
import { sealAuditLog } from "../audit/log";
import { FANOUT_PAGE, NOTIFYING_ACTIONS, draftsFor, formatDeadline } from "./derive";
import { deliver, emailText } from "./deliver";
import { sendQueuedEmails, type SendOptions, type SendReport } from "./mail";

const CURSOR = "audit";
export const DISPATCH_BATCH = 200;
/**
 * About how many notifications one dispatch transaction makes. An electorate of a million is told
 * over many transactions, the cursor remembering the last member reached, so none runs for minutes
 * and a restart resumes where the last one committed.
 */
export const FANOUT_BUDGET = 10_000;

/**
 * Reads by chain index, not seq: an entry is only sealed once its transaction has committed, and
 * sealers take turns under a lock, so when index n is visible every index below it is too. Reading
 * by seq could pass over an entry whose transaction commits after a later one's.
 */
export async function dispatchNotifications(db: PrismaClient, { seal = true, batch = DISPATCH_BATCH, budget = FANOUT_BUDGET, page = FANOUT_PAGE } = {}): Promise<number> {
  if (seal) await sealAuditLog(db);
  let created = 0;
  for (;;) {
    const step = await db.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO "NotificationCursor" (name, "chainIndex", "updatedAt") VALUES (${CURSOR}, 0, now()) ON CONFLICT (name) DO NOTHING`;
      // One dispatcher at a time: the row lock holds a second one until the first commits.
      const [cursor] = await tx.$queryRaw<{ chainIndex: bigint; afterUserId: string | null }[]>`SELECT "chainIndex", "afterUserId" FROM "NotificationCursor" WHERE name = ${CURSOR} FOR UPDATE`;
      // Everything up to the last sealed index is committed and visible; entries that notify nobody
      // (most of them: votes) are passed over in the query, and the cursor moves past them too.
      const [head] = await tx.$queryRaw<{ last: bigint | null }[]>`SELECT max("chainIndex") AS last FROM "AuditEntry"`;
      const last = head?.last ?? null;
      if (last === null || last <= cursor!.chainIndex) return { created: 0, more: false };
      const entries = await tx.auditEntry.findMany({
        where: { chainIndex: { gt: cursor!.chainIndex, lte: last }, action: { in: [...NOTIFYING_ACTIONS] } },
        orderBy: { chainIndex: "asc" },
        take: batch,
        select: { seq: true, chainIndex: true, councilId: true, actorId: true, action: true, subjectId: true, data: true },
      });
      let made = 0;
      let left = budget;
      for (const [i, entry] of entries.entries()) {
        // The cursor's user id belongs to the first entry after it: a fan-out begun by an earlier step.
        let after = i === 0 ? cursor!.afterUserId : null;
        for (;;) {
          const { drafts, next } = await draftsFor(tx, entry, { after, size: page });
          made += await deliver(tx, drafts);
          left -= Math.max(1, drafts.length);
          if (next === null) break;
          after = next;
          if (left <= 0) {
            // This transaction has done its share: the rest of this entry's recipients go in the next.
            await tx.notificationCursor.update({ where: { name: CURSOR }, data: { chainIndex: entry.chainIndex! - 1n, afterUserId: after } });
            return { created: made, more: true };
          }
        }
      }
      const reached = entries.length === batch ? entries.at(-1)!.chainIndex! : last;
      await tx.notificationCursor.update({ where: { name: CURSOR }, data: { chainIndex: reached, afterUserId: null } });
      return { created: made, more: entries.length === batch };
    }, { timeout: 120_000 });
    created += step.created;
    if (!step.more) return created;
  }
}

const DAY = 24 * 3_600_000;

/**
 * Tells electorate members who have not voted that a vote closes within 24 hours. Only votes that
 * were open for more than a day get a reminder (a shorter vote has just been announced). "Has
 * voted" is any Vote, RankedVote or Participation row (the last is how secret ballots record it).
 */
export async function remindClosingVotes(db: PrismaClient, now = new Date()): Promise<number> {
  const closing = await db.proposal.findMany({
    where: { withdrawnAt: null, kind: { not: "FEDERATION_MOTION" }, votingClosesAt: { gt: now, lte: new Date(now.getTime() + DAY) }, votingOpenedAt: { not: null } },
    select: { id: true, title: true, councilId: true, votingOpenedAt: true, votingClosesAt: true, council: { select: { name: true } } },
    take: 500,
  });
  let created = 0;
  for (const p of closing) {
    if (p.votingClosesAt!.getTime() - p.votingOpenedAt!.getTime() <= DAY) continue;
    created += await db.$transaction(async (tx) => {
      // Still members, and no sign of a vote; already reminded ones are skipped by deliver's key.
      const waiting = await tx.$queryRaw<{ userId: string }[]>`
        SELECT e."userId" FROM "ElectorateEntry" e
        JOIN "Membership" m ON m."userId" = e."userId" AND m."councilId" = ${p.councilId} AND m.status = 'ACTIVE'
        WHERE e."proposalId" = ${p.id}
          AND NOT EXISTS (SELECT 1 FROM "Vote" v WHERE v."proposalId" = e."proposalId" AND v."userId" = e."userId")
          AND NOT EXISTS (SELECT 1 FROM "RankedVote" r WHERE r."proposalId" = e."proposalId" AND r."userId" = e."userId")
          AND NOT EXISTS (SELECT 1 FROM "Participation" pa WHERE pa."proposalId" = e."proposalId" AND pa."userId" = e."userId")`;
      return deliver(tx, waiting.map(({ userId }) => ({
        userId, kind: "VOTE_CLOSING" as const, key: `closing:${p.id}`,
        title: `Last day to vote on “${p.title}” in ${p.council.name}: closes ${formatDeadline(p.votingClosesAt!)}`,
        url: `/proposals/${p.id}`, councilId: p.councilId, proposalId: p.id,
      })));
    });
  }
  return created;
}

/**
 * Gathers each digest reader's waiting notifications into one email, at most once a day per member.
 * Someone who turned the digest off since gets what was waiting in one last digest.
 */
export async function sendDigests(db: PrismaClient, now = new Date()): Promise<number> {
  // Only members whose digest is due: one who had today's waits for tomorrow without a transaction
  // of its own every minute (20,000 such members cost seconds of CPU a sweep). writeDigest decides
  // again under the lock; this only leaves out who it would turn away.
  const dayAgo = new Date(now.getTime() - DAY);
  const waiting = await db.$queryRaw<{ userId: string }[]>`
    SELECT w."userId" FROM (SELECT DISTINCT "userId" FROM "Notification" WHERE digest) w
    LEFT JOIN "NotificationSettings" s ON s."userId" = w."userId"
    WHERE NOT (coalesce(s.digest, false) AND s."lastDigestAt" IS NOT NULL AND s."lastDigestAt" > ${dayAgo})`;
  let written = 0;
  for (const { userId } of waiting) {
    written += await db.$transaction((tx) => writeDigest(tx, userId, now));
  }
  return written;
}

async function writeDigest(tx: Tx, userId: string, now: Date): Promise<number> {
  // Lock the member's settings row so two sweeps cannot both write today's digest.
  await tx.$executeRaw`INSERT INTO "NotificationSettings" ("userId", "updatedAt") VALUES (${userId}, now()) ON CONFLICT ("userId") DO NOTHING`;
  const [settings] = await tx.$queryRaw<{ lastDigestAt: Date | null; digest: boolean }[]>`SELECT "lastDigestAt", digest FROM "NotificationSettings" WHERE "userId" = ${userId} FOR UPDATE`;
  if (settings?.digest && settings.lastDigestAt && now.getTime() - settings.lastDigestAt.getTime() < DAY) return 0;
  const items = await tx.notification.findMany({ where: { userId, digest: true }, orderBy: { createdAt: "asc" }, take: 500, select: { id: true, title: true, url: true } });
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (items.length === 0 || !user) return 0;
  const text = items.map((n) => emailText(`• ${n.title}`, n.url).trimEnd()).join("\n\n");
  const email = await tx.email.create({
    data: {
      id: randomUUID().replaceAll("-", ""), userId, to: user.email, kind: null,
      subject: items.length === 1 ? "Your Plenum digest: 1 update" : `Your Plenum digest: ${items.length} updates`,
      text: `What happened in your councils since your last digest:\n\n${text}\n`,
    },
  });
  await tx.notification.updateMany({ where: { id: { in: items.map((n) => n.id) } }, data: { digest: false, emailId: email.id } });
  await tx.notificationSettings.update({ where: { userId }, data: { lastDigestAt: now } });
  return 1;
}

export interface SweepReport {
  notified: number;
  reminded: number;
  digests: number;
  mail: SendReport;
}

/** Everything the server's minute sweep does for notifications, in order; each step is safe to repeat. */
export async function runNotificationSweep(db: PrismaClient, options: SendOptions & { now?: Date } = {}): Promise<SweepReport> {
  const now = options.now ?? new Date();
  const notified = await dispatchNotifications(db);
  const reminded = await remindClosingVotes(db, now);
  const digests = await sendDigests(db, now);
  const mail = await sendQueuedEmails(db, { ...options, now });
  return { notified, reminded, digests, mail };
}
