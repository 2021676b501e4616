// Read-only queries for delegation pages beyond lib/delegations/service.ts.
import "server-only";
import type { Db } from "../db/types";

/**
 * The by-election a passed recall opened (lib/delegations/service.ts applyRecall): the first
 * by-election for the same role created once the recall had closed. The by-election does not
 * record which recall opened it, so it is found by role and time.
 */
export function findByElection(db: Db, { councilId, roleId, after }: { councilId: string; roleId: string; after: Date }) {
  return db.proposal.findFirst({
    where: { councilId, roleId, kind: "ELECTION", byElection: true, createdAt: { gte: after } },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true },
  });
}
