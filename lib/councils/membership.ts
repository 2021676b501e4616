// The life of a membership: the only place its status changes, and who may do what in a council.
import type { MemberRole, MembershipStatus, JoinPolicy } from "../generated/prisma/enums";
import { DomainError } from "../errors";

export type MembershipEvent = "join" | "request" | "accept-invite" | "admit" | "decline" | "remove" | "leave";

/** The status a membership moves to, or a DomainError saying why it cannot. `null` = no row yet. */
export function nextMembershipStatus(current: MembershipStatus | null, event: MembershipEvent): MembershipStatus {
  const rejoinable = current === null || current === "LEFT" || current === "DECLINED" || current === "REMOVED";
  switch (event) {
    case "join":
    case "accept-invite":
      if (current === "ACTIVE") throw new DomainError("CONFLICT", "You are already a member of this council.");
      if (current === "REMOVED" && event === "join")
        throw new DomainError("FORBIDDEN", "You were removed from this council; ask a facilitator for an invitation.");
      return "ACTIVE";
    case "request":
      if (current === "ACTIVE") throw new DomainError("CONFLICT", "You are already a member of this council.");
      if (current === "PENDING") throw new DomainError("CONFLICT", "Your request to join is already waiting for a facilitator.");
      if (current === "REMOVED")
        throw new DomainError("FORBIDDEN", "You were removed from this council; ask a facilitator for an invitation.");
      if (!rejoinable) throw new DomainError("CONFLICT", "You cannot ask to join right now.");
      return "PENDING";
    case "admit":
      if (current !== "PENDING") throw new DomainError("CONFLICT", "Only a pending request can be admitted.");
      return "ACTIVE";
    case "decline":
      if (current !== "PENDING") throw new DomainError("CONFLICT", "Only a pending request can be declined.");
      return "DECLINED";
    case "remove":
      if (current !== "ACTIVE") throw new DomainError("CONFLICT", "Only an active member can be removed.");
      return "REMOVED";
    case "leave":
      if (current === "PENDING") return "LEFT"; // withdrawing a request
      if (current !== "ACTIVE") throw new DomainError("CONFLICT", "You are not a member of this council.");
      return "LEFT";
  }
}

/** What asking to join does under a join policy. */
export function joinEvent(policy: JoinPolicy): "join" | "request" {
  if (policy === "OPEN") return "join";
  if (policy === "APPROVAL") return "request";
  throw new DomainError("FORBIDDEN", "This council is invite-only: you need an invitation link from a facilitator.");
}

export type CouncilPermission = "admit" | "decline" | "remove" | "invite" | "open-any-vote" | "hide-comment";

const FACILITATOR_POWERS: ReadonlySet<CouncilPermission> = new Set(["admit", "decline", "remove", "invite", "open-any-vote", "hide-comment"]);

/** Facilitators administer; they hold no power over votes, ballots, others' proposals or the charter. */
export function roleMay(role: MemberRole, permission: CouncilPermission): boolean {
  return role === "FACILITATOR" && FACILITATOR_POWERS.has(permission);
}
