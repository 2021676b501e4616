// Who is a member of what. Every service that acts in a council goes through requireMember,
// which fails closed: no active membership (or not the needed power) means FORBIDDEN.
import type { Db } from "../db/types";
import { refusal } from "../errors";
import { roleMay, type CouncilPermission } from "./membership";

export async function findMembership(db: Db, councilId: string, userId: string) {
  return db.membership.findUnique({ where: { councilId_userId: { councilId, userId } } });
}

export async function requireMember(
  db: Db,
  councilId: string,
  userId: string,
  needs?: CouncilPermission,
) {
  const membership = await findMembership(db, councilId, userId);
  if (!membership || membership.status !== "ACTIVE") {
    throw refusal("FORBIDDEN", "membersOnly");
  }
  if (needs && !roleMay(membership.role, needs)) {
    throw refusal("FORBIDDEN", "facilitatorsOnly");
  }
  return membership;
}
