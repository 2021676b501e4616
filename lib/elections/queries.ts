// Read-only queries the election pages need beyond lib/elections/service.ts: the roles a council
// can hold an election for. (Turnout, open or secret, is countParticipation in lib/voting/live.ts.)
import "server-only";
import type { Db } from "../db/types";

/** The council's roles, for choosing which one an election fills. */
export function listCouncilRoles(db: Db, councilId: string) {
  return db.role.findMany({
    where: { councilId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, kind: true, seats: true, termMonths: true, federation: { select: { name: true } } },
    take: 200,
  });
}
