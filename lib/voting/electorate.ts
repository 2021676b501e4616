// The electorate of a vote: the council's active members when voting opens, written once so that
// who may vote, turnout and quorum can be checked later. Its fingerprint is SHA-256 over the
// proposal id and the sorted member ids, one per line, so anyone holding the list can recompute it.
import { createHash } from "node:crypto";
import type { Tx } from "../db/types";

export function electorateFingerprint(proposalId: string, userIds: readonly string[]): string {
  return createHash("sha256").update([proposalId, ...[...userIds].sort()].join("\n")).digest("hex");
}

/** Records the electorate of a vote opening at `openedAt`; returns its size and fingerprint. */
export async function recordElectorate(tx: Tx, { proposalId, councilId, openedAt }: { proposalId: string; councilId: string; openedAt: Date }) {
  await tx.$executeRaw`
    INSERT INTO "ElectorateEntry" ("proposalId", "userId")
    SELECT ${proposalId}, "userId" FROM "Membership"
    WHERE "councilId" = ${councilId} AND status = 'ACTIVE' AND "admittedAt" <= ${openedAt}`;
  const entries = await tx.electorateEntry.findMany({ where: { proposalId }, select: { userId: true } });
  const ids = entries.map((e) => e.userId);
  return { electorateSize: ids.length, electorateHash: electorateFingerprint(proposalId, ids) };
}
