// Read-only queries the election pages need beyond lib/elections/service.ts: how many ranked
// ballots are in (turnout while voting runs) and the roles a council can hold an election for.
import "server-only";
import type { Db } from "../db/types";

/** Members who have cast a ranked ballot: an election's turnout (a changed ballot counts once). */
export function countRankedBallots(db: Db, proposalId: string): Promise<number> {
  return db.rankedVote.count({ where: { proposalId } });
}

/** The council's roles, for choosing which one an election fills. */
export function listCouncilRoles(db: Db, councilId: string) {
  return db.role.findMany({
    where: { councilId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, kind: true, seats: true, termMonths: true, federation: { select: { name: true } } },
    take: 200,
  });
}
