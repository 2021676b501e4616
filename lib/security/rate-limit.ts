// Rate limits shared by every app instance: fixed-window counters in the database, each bump one
// atomic INSERT … ON CONFLICT, on the database's clock. Used by sign-in, sign-up and voting.
import type { PrismaClient } from "../db/connection";
import type { Db } from "../db/types";
import { waitRefusal, type DomainMessageKey } from "../errors";

export interface Limit {
  /** What is counted and for whom, e.g. `vote:user:<id>` or `signin:ip:203.0.113.7`. */
  key: string;
  /** Attempts allowed per window. */
  max: number;
  windowSeconds: number;
}

export interface LimitState {
  allowed: boolean;
  count: number;
  /** Seconds until the window ends (at least 1). */
  retryAfter: number;
}

const KEY_MAX = 300;

// Keys come from emails and addresses people send us: bounded, so a huge one cannot bloat the table.
const normaliseKey = (key: string) => key.slice(0, KEY_MAX);

/**
 * Counts one attempt against `limit` and says whether it is within it. The counter restarts when a
 * new window begins; concurrent bumps from any number of processes never lose a count.
 */
export async function hitLimit(db: PrismaClient, limit: Limit): Promise<LimitState> {
  return (await bumpAll(db, [limit]))[0]!;
}

/**
 * Every limit bumped in one statement (one round trip, one commit). The commit does not wait for
 * the disk (`synchronous_commit` off for this transaction only): a crash may forget the last
 * fraction of a second of counts, which costs a guesser nothing worth having, and a vote no longer
 * waits for a second flush of the log besides its own (docs/decisions/011-performance.md). It takes
 * the client, never a transaction: the setting would then hold for the whole transaction.
 */
async function bumpAll(db: PrismaClient, limits: Limit[]): Promise<LimitState[]> {
  const keys = limits.map((l) => normaliseKey(l.key));
  if (new Set(keys).size !== keys.length) throw new Error("rate limits bumped together must have distinct keys");
  const windows = limits.map((l) => l.windowSeconds);
  const rows = await db.$queryRaw<{ key: string; count: number; retry_after: number }[]>`
    WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true)),
    l AS (
      SELECT k, w, to_timestamp(floor(extract(epoch FROM now()) / w) * w) AT TIME ZONE 'UTC' AS start
      FROM unnest(${keys}::text[], ${windows}::int[]) AS u(k, w)
    ),
    bumped AS (
      INSERT INTO "RateLimit" (key, "windowStart", count)
      SELECT l.k, l.start, 1 FROM l CROSS JOIN relaxed
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN "RateLimit"."windowStart" = EXCLUDED."windowStart" THEN "RateLimit".count + 1 ELSE 1 END,
        "windowStart" = EXCLUDED."windowStart"
      RETURNING key, count, "windowStart"
    )
    SELECT b.key, b.count,
      ceil(extract(epoch FROM (b."windowStart" + make_interval(secs => l.w)) - (now() AT TIME ZONE 'UTC')))::int AS retry_after
    FROM bumped b JOIN l ON l.k = b.key`;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return limits.map((limit, i) => {
    const row = byKey.get(keys[i]!)!;
    return { allowed: row.count <= limit.max, count: row.count, retryAfter: Math.max(1, Number(row.retry_after)) };
  });
}

/** Takes back one attempt in the current window (a sign-in that succeeded is not held against anyone). */
export async function refundLimit(db: Db, limit: Limit): Promise<void> {
  await db.$executeRaw`
    UPDATE "RateLimit" SET count = greatest(count - 1, 0)
    WHERE key = ${normaliseKey(limit.key)}
      AND "windowStart" = to_timestamp(floor(extract(epoch FROM now()) / ${limit.windowSeconds}::int) * ${limit.windowSeconds}::int) AT TIME ZONE 'UTC'`;
}

/** Counts an attempt against every limit; the longest wait among those exceeded, or null if none. */
export async function hitLimits(db: PrismaClient, limits: Limit[]): Promise<number | null> {
  let wait: number | null = null;
  for (const state of await bumpAll(db, limits)) if (!state.allowed) wait = Math.max(wait ?? 0, state.retryAfter);
  return wait;
}

/** Counts an attempt against every limit and refuses, saying how long to wait, when one is exceeded. */
export async function enforceLimits(db: PrismaClient, limits: Limit[], what: DomainMessageKey): Promise<void> {
  const wait = await hitLimits(db, limits);
  if (wait !== null) throw waitRefusal(what, wait);
}

/** Windows that ended a day ago are of no use to anyone (the server's minute sweep calls this). */
export async function pruneLimits(db: Db): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(Date.now() - 24 * 3600_000) } } });
  return count;
}

// The limits themselves, in one place. Generous enough that a co-op behind one shared address
// (a workplace's NAT) is not locked out, tight enough to stop guessing and ballot-stuffing scripts.
const MINUTE = 60;
export const LIMITS = {
  /** Failed sign-ins for one email (successful ones are refunded): stops password guessing. */
  signInAccount: (email: string): Limit => ({ key: `signin:account:${email}`, max: 10, windowSeconds: 15 * MINUTE }),
  /** Failed sign-ins from one address: stops spraying one password over many accounts. */
  signInIp: (ip: string): Limit => ({ key: `signin:ip:${ip}`, max: 100, windowSeconds: 15 * MINUTE }),
  /** Accounts made from one address. */
  signUpIp: (ip: string): Limit => ({ key: `signup:ip:${ip}`, max: 30, windowSeconds: 60 * MINUTE }),
  /** Password changes (each checks the current password: a guessing channel like sign-in). */
  passwordAccount: (userId: string): Limit => ({ key: `password:account:${userId}`, max: 10, windowSeconds: 15 * MINUTE }),
  /** Ballots (cast or changed) by one member, over every proposal. */
  voteAccount: (userId: string): Limit => ({ key: `vote:account:${userId}`, max: 30, windowSeconds: MINUTE }),
  /** Ballots from one address: a whole workplace may vote from one, so this one is wide. */
  voteIp: (ip: string): Limit => ({ key: `vote:ip:${ip}`, max: 1200, windowSeconds: MINUTE }),
};
