// The life of a membership: the only place its status changes, and who may do what in a council.
import type { MemberRole, MembershipStatus, JoinPolicy } from "../generated/prisma/enums";
import { DomainError, refusal } from "../errors";

export type MembershipEvent = "join" | "request" | "accept-invite" | "admit" | "decline" | "remove" | "leave";

/** The status a membership moves to, or a DomainError saying why it cannot. `null` = no row yet. */
export function nextMembershipStatus(current: MembershipStatus | null, event: MembershipEvent): MembershipStatus {
  const rejoinable = current === null || current === "LEFT" || current === "DECLINED" || current === "REMOVED";
  switch (event) {
    case "join":
    case "accept-invite":
      if (current === "ACTIVE") throw refusal("CONFLICT", "alreadyMember");
      if (current === "REMOVED" && event === "join")
        throw refusal("FORBIDDEN", "wereRemoved");
      return "ACTIVE";
    case "request":
      if (current === "ACTIVE") throw refusal("CONFLICT", "alreadyMember");
      if (current === "PENDING") throw refusal("CONFLICT", "requestAlreadyWaiting");
      if (current === "REMOVED")
        throw refusal("FORBIDDEN", "wereRemoved");
      if (!rejoinable) throw refusal("CONFLICT", "cannotAskNow");
      return "PENDING";
    case "admit":
      if (current !== "PENDING") throw refusal("CONFLICT", "onlyPendingAdmitted");
      return "ACTIVE";
    case "decline":
      if (current !== "PENDING") throw refusal("CONFLICT", "onlyPendingDeclined");
      return "DECLINED";
    case "remove":
      if (current !== "ACTIVE") throw refusal("CONFLICT", "onlyActiveRemoved");
      return "REMOVED";
    case "leave":
      if (current === "PENDING") return "LEFT"; // withdrawing a request
      if (current !== "ACTIVE") throw refusal("CONFLICT", "notMember");
      return "LEFT";
  }
}

/** What asking to join does under a join policy. */
export function joinEvent(policy: JoinPolicy): "join" | "request" {
  if (policy === "OPEN") return "join";
  if (policy === "APPROVAL") return "request";
  throw refusal("FORBIDDEN", "inviteOnly");
}

export type CouncilPermission = "admit" | "decline" | "remove" | "invite" | "open-any-vote" | "hide-comment";

const FACILITATOR_POWERS: ReadonlySet<CouncilPermission> = new Set(["admit", "decline", "remove", "invite", "open-any-vote", "hide-comment"]);

/** Facilitators administer; they hold no power over votes, ballots, others' proposals or the charter. */
export function roleMay(role: MemberRole, permission: CouncilPermission): boolean {
  return role === "FACILITATOR" && FACILITATOR_POWERS.has(permission);
}
