// What a closed secret ballot publishes to members beside its result: who took part (never how),
// and whether a tracking code is on the ballot board. Read-only; callers authorise first.
import type { Db } from "../db/types";
import { normaliseTrackingCode } from "./receipts";

export const PARTICIPANTS_LIMIT = 500;

/** Who took part in a secret ballot, by name, bounded; `total` is the full count. */
export async function findParticipants(db: Db, proposalId: string) {
  const [rows, total] = await Promise.all([
    db.participation.findMany({
      where: { proposalId },
      take: PARTICIPANTS_LIMIT,
      orderBy: { entry: { userId: "asc" } },
      select: { userId: true },
    }),
    db.participation.count({ where: { proposalId } }),
  ]);
  const users = await db.user.findMany({ where: { id: { in: rows.map((r) => r.userId) } }, select: { name: true } });
  return { names: users.map((u) => u.name).sort((a, b) => a.localeCompare(b)), total };
}

export type TrackingCheck =
  | { kind: "invalid" }
  | { kind: "missing"; code: string }
  | { kind: "found"; code: string; choice: string | null; ranking: string[] };

/** Looks a pasted tracking code up on a closed secret ballot's board. */
export async function checkTrackingCode(db: Db, proposalId: string, input: string): Promise<TrackingCheck> {
  const code = normaliseTrackingCode(input);
  if (!code) return { kind: "invalid" };
  const ballot = await db.ballot.findUnique({ where: { proposalId_tracking: { proposalId, tracking: code } }, select: { choice: true, ranking: true } });
  return ballot ? { kind: "found", code, choice: ballot.choice, ranking: ballot.ranking } : { kind: "missing", code };
}
