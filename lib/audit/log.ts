// The audit log: append-only, tamper-evident (docs/decisions/006-audit-log.md). Services append an
// unchained entry inside the transaction of the action it records, so it commits or rolls back with
// it and takes no lock; sealAuditLog later links the committed entries into a SHA-256 hash chain.
import { createHash } from "node:crypto";
import type { PrismaClient } from "../db/connection";
import type { Tx } from "../db/types";

/** What an entry says. Only ids and non-secret facts go in `data`: never a ballot's content. */
export interface AuditInput {
  councilId?: string | null;
  actorId?: string | null;
  action: string;
  subjectId?: string | null;
  data?: Record<string, unknown>;
}

export const GENESIS_HASH = "0".repeat(64);
/**
 * Entries sealed per round trip. Hashing runs on the event loop, so a batch hashed without a break
 * delays every request the process is serving; the hashing yields every few entries, and the
 * server seals every few seconds (lib/server-start.ts), so a burst's entries are sealed in small
 * pieces rather than a minute's worth at once (decision 011; `npm run bench:seal` measures it).
 */
export const SEAL_BATCH = 500;
const HASHES_BETWEEN_YIELDS = 25;
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A plain INSERT in the caller's transaction. */
export async function appendAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      councilId: entry.councilId ?? null,
      actorId: entry.actorId ?? null,
      action: entry.action,
      subjectId: entry.subjectId ?? null,
      data: (entry.data ?? {}) as object,
    },
  });
}

/** JSON with object keys sorted at every level, so equal values always serialise alike. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(",")}}`;
}

export interface HashedFields {
  chainIndex: bigint;
  seq: bigint;
  at: Date;
  councilId: string | null;
  actorId: string | null;
  action: string;
  subjectId: string | null;
  data: unknown;
  prevHash: string;
}

/** SHA-256 (hex) of a canonical serialisation of the entry and the hash before it. */
export function entryHash(e: HashedFields): string {
  const canonical = JSON.stringify([
    "plenum-audit-v1", e.chainIndex.toString(), e.seq.toString(), e.at.toISOString(),
    e.councilId, e.actorId, e.action, e.subjectId, canonicalJson(e.data), e.prevHash,
  ]);
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

/**
 * Links every committed, unsealed entry into the chain, in seq order, after the last sealed one.
 * The advisory lock makes concurrent sealers take turns; appenders never wait for it.
 * Returns how many entries were sealed.
 */
export async function sealAuditLog(db: PrismaClient): Promise<number> {
  return db.$transaction(
    async (tx) => {
      // A fixed key ("audit-seal"): one sealer at a time, across all server processes.
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(7406116202611251)::text AS locked`;
      const last = await tx.auditEntry.findFirst({
        where: { chainIndex: { not: null } },
        orderBy: { chainIndex: "desc" },
        select: { chainIndex: true, hash: true },
      });
      let index = last?.chainIndex ?? 0n;
      let prev = last?.hash ?? GENESIS_HASH;
      let sealed = 0;
      for (;;) {
        const batch = await tx.auditEntry.findMany({ where: { chainIndex: null }, orderBy: { seq: "asc" }, take: SEAL_BATCH });
        if (batch.length === 0) break;
        const seqs: string[] = [], indexes: string[] = [], prevs: string[] = [], hashes: string[] = [];
        for (const [i, e] of batch.entries()) {
          if (i % HASHES_BETWEEN_YIELDS === HASHES_BETWEEN_YIELDS - 1) await yieldToRequests();
          index += 1n;
          const hash = entryHash({ ...e, chainIndex: index, prevHash: prev });
          seqs.push(e.seq.toString());
          indexes.push(index.toString());
          prevs.push(prev);
          hashes.push(hash);
          prev = hash;
        }
        await tx.$executeRaw`
          UPDATE "AuditEntry" AS a SET "chainIndex" = u.ci, "prevHash" = u.ph, hash = u.h
          FROM unnest(${seqs}::text[]::bigint[], ${indexes}::text[]::bigint[], ${prevs}::text[], ${hashes}::text[]) AS u(seq, ci, ph, h)
          WHERE a.seq = u.seq AND a."chainIndex" IS NULL`;
        sealed += batch.length;
        if (batch.length < SEAL_BATCH) break;
      }
      return sealed;
    },
    { timeout: 120_000 },
  );
}
