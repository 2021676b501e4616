// The electorate of a vote: the council's active members when voting opens, written once so that
// who may vote, turnout and quorum can be checked later. Its fingerprint is SHA-256 over the
// proposal id and the sorted member ids, one per line, so anyone holding the list can recompute it.
import { createHash } from "node:crypto";
import type { Tx } from "../db/types";

export function electorateFingerprint(proposalId: string, userIds: readonly string[]): string {
  return createHash("sha256").update([proposalId, ...[...userIds].sort()].join("\n")).digest("hex");
}

/**
 * Opening a vote in a council of a million members writes a million entries: give the transaction
 * that does it time (Prisma's default is 5 s), and let it wait for a connection in a busy pool.
 */
export const OPEN_VOTING_TRANSACTION = { timeout: 120_000, maxWait: 10_000 } as const;

/**
 * Records the electorate of a vote opening at `openedAt`; returns its size and fingerprint. The
 * fingerprint is computed by PostgreSQL, so a million member ids never travel to the server: the
 * same bytes electorateFingerprint hashes (ids sorted by code unit — COLLATE "C" — which is the
 * same order for the ASCII ids Plenum makes), checked against it in tests/integration/roll-call.test.ts.
 */
export async function recordElectorate(tx: Tx, { proposalId, councilId, openedAt }: { proposalId: string; councilId: string; openedAt: Date }) {
  await tx.$executeRaw`
    INSERT INTO "ElectorateEntry" ("proposalId", "userId")
    SELECT ${proposalId}, "userId" FROM "Membership"
    WHERE "councilId" = ${councilId} AND status = 'ACTIVE' AND "admittedAt" <= ${openedAt}`;
  const [row] = await tx.$queryRaw<{ size: number; hash: string }[]>`
    SELECT count(*)::int AS size,
      encode(sha256(convert_to(${proposalId}::text || coalesce(E'\n' || string_agg("userId", E'\n' ORDER BY "userId" COLLATE "C"), ''), 'UTF8')), 'hex') AS hash
    FROM "ElectorateEntry" WHERE "proposalId" = ${proposalId}`;
  return { electorateSize: row!.size, electorateHash: row!.hash };
}
