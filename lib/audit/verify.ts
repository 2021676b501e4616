// Verifies the audit log and the stored results: walks the sealed chain in chain order and reports
// the first broken link (an edited, deleted or relinked entry), flags entries left unsealed for too
// long, and recounts every stored result from its ballots with the ballot board's recount.
import type { Db } from "../db/types";
import { recountBoard } from "../exports/board";
import { findBoard } from "../exports/board-query";
import { GENESIS_HASH, entryHash } from "./log";

/** An entry the sealer should long have chained: its absence from the chain is suspicious. */
export const UNSEALED_GRACE_MS = 5 * 60_000;
const WALK_BATCH = 5000;
const RESULT_BATCH = 500;

export type ChainBreak =
  /** The entry's content no longer hashes to its stored hash. */
  | { kind: "edited"; chainIndex: bigint; seq: bigint; message: string }
  /** Chain indexes are missing: entries were deleted (or the first ones were). */
  | { kind: "deleted"; chainIndex: bigint; seq: bigint; missingFrom: bigint; missingTo: bigint; message: string }
  /** The entry does not point at the hash of the entry before it: entries were reordered or relinked. */
  | { kind: "relinked"; chainIndex: bigint; seq: bigint; message: string };

export interface ResultMismatch {
  proposalId: string;
  title: string;
  councilId: string;
  problems: string[];
}

export interface AuditReport {
  ok: boolean;
  /** Sealed entries walked. */
  entries: number;
  /** The last chain index whose link and every link before it check out (0: none). */
  intactUpTo: bigint;
  firstBreak: ChainBreak | null;
  /** Entries still unsealed more than UNSEALED_GRACE_MS after they were written. */
  staleUnsealed: { count: number; oldestSeq: bigint; oldestAt: Date } | null;
  results: { checked: number; mismatches: ResultMismatch[] };
}

/** Callers seal first (sealAuditLog). `checkResults: false` checks the chain only (the log page). */
export async function verifyAuditLog(db: Db, { now = new Date(), checkResults = true }: { now?: Date; checkResults?: boolean } = {}): Promise<AuditReport> {
  const chain = await verifyChain(db);
  const staleUnsealed = await findStaleUnsealed(db, now);
  const results = checkResults ? await verifyResults(db) : { checked: 0, mismatches: [] };
  return {
    ok: !chain.firstBreak && !staleUnsealed && results.mismatches.length === 0,
    ...chain,
    staleUnsealed,
    results,
  };
}

async function verifyChain(db: Db): Promise<Pick<AuditReport, "entries" | "intactUpTo" | "firstBreak">> {
  let entries = 0;
  let expected = 1n;
  let prev = GENESIS_HASH;
  for (;;) {
    const batch = await db.auditEntry.findMany({
      where: { chainIndex: { gte: expected } },
      orderBy: { chainIndex: "asc" },
      take: WALK_BATCH,
    });
    for (const e of batch) {
      const index = e.chainIndex!;
      const at = `chain index ${index} (seq ${e.seq}, ${e.action})`;
      if (index !== expected) {
        const missing = index - 1n === expected ? `entry ${expected} is` : `entries ${expected}–${index - 1n} are`;
        return { entries, intactUpTo: expected - 1n, firstBreak: {
          kind: "deleted", chainIndex: index, seq: e.seq, missingFrom: expected, missingTo: index - 1n,
          message: `Deleted: chain ${missing} missing before ${at}.`,
        } };
      }
      if (e.prevHash !== prev) {
        return { entries, intactUpTo: expected - 1n, firstBreak: {
          kind: "relinked", chainIndex: index, seq: e.seq,
          message: `Reordered or relinked: ${at} does not follow the entry before it (its previous hash ${short(e.prevHash)} ≠ ${short(prev)}).`,
        } };
      }
      const hash = entryHash({ ...e, chainIndex: index, prevHash: e.prevHash });
      if (e.hash !== hash) {
        return { entries, intactUpTo: expected - 1n, firstBreak: {
          kind: "edited", chainIndex: index, seq: e.seq,
          message: `Edited: ${at} no longer matches its hash (stored ${short(e.hash)}, recomputed ${short(hash)}).`,
        } };
      }
      entries++;
      expected++;
      prev = hash;
    }
    if (batch.length < WALK_BATCH) break;
  }
  return { entries, intactUpTo: expected - 1n, firstBreak: null };
}

const short = (hash: string | null) => (hash ? hash.slice(0, 12) : "none");

async function findStaleUnsealed(db: Db, now: Date): Promise<AuditReport["staleUnsealed"]> {
  const where = { chainIndex: null, at: { lt: new Date(now.getTime() - UNSEALED_GRACE_MS) } };
  const [count, oldest] = await Promise.all([
    db.auditEntry.count({ where }),
    db.auditEntry.findFirst({ where, orderBy: { seq: "asc" }, select: { seq: true, at: true } }),
  ]);
  return count && oldest ? { count, oldestSeq: oldest.seq, oldestAt: oldest.at } : null;
}

/** Every stored result, rebuilt as a ballot board from the ballots and recounted. */
async function verifyResults(db: Db): Promise<AuditReport["results"]> {
  const mismatches: ResultMismatch[] = [];
  let checked = 0;
  let after: string | undefined;
  for (;;) {
    const batch = await db.result.findMany({
      where: after ? { proposalId: { gt: after } } : {},
      orderBy: { proposalId: "asc" },
      take: RESULT_BATCH,
      select: { proposalId: true, proposal: { select: { title: true, councilId: true } } },
    });
    for (const { proposalId, proposal } of batch) {
      checked++;
      const problems = await recountProblems(db, proposalId);
      if (problems.length) mismatches.push({ proposalId, title: proposal.title, councilId: proposal.councilId, problems });
    }
    if (batch.length < RESULT_BATCH) break;
    after = batch[batch.length - 1]!.proposalId;
  }
  return { checked, mismatches };
}

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

async function recountProblems(db: Db, proposalId: string): Promise<string[]> {
  try {
    const board = await findBoard(db, proposalId);
    if (!board) return ["its ballot board cannot be rebuilt (the vote is not closed or has no charter)"];
    const recount = recountBoard(board);
    if (recount.matches) return [];
    return [
      ...recount.problems,
      ...recount.differences.map((d) => `${d.field}: stored ${show(d.published)}, recounted ${show(d.recounted)}`),
    ];
  } catch (e) {
    return [`its ballots cannot be recounted: ${e instanceof Error ? e.message : String(e)}`];
  }
}
