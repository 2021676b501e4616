// Read-only queries for delegation pages beyond lib/delegations/service.ts.
import "server-only";
import type { Db } from "../db/types";

/** The by-election a passed recall opened (lib/delegations/service.ts applyRecall). */
export function findByElection(db: Db, recallId: string) {
  return db.proposal.findUnique({ where: { openedByRecallId: recallId }, select: { id: true, title: true } });
}
