// Words for the council enums, the same in every page.
import type { CouncilKind, JoinPolicy, MemberRole } from "../generated/prisma/enums";

export const KIND_LABEL: Record<CouncilKind, string> = {
  WORKERS: "Workers' council",
  CONSUMERS: "Consumers' council",
  ASSEMBLY: "Assembly",
  FEDERATION: "Federation",
};

export const JOIN_POLICY_LABEL: Record<JoinPolicy, string> = {
  OPEN: "Open: anyone can join",
  APPROVAL: "By approval: a facilitator admits each request",
  INVITE_ONLY: "Invite-only: single-use links from facilitators",
};

export const ROLE_LABEL: Record<MemberRole, string> = { MEMBER: "Member", FACILITATOR: "Facilitator" };
