import { STATUS_LABEL, type ProposalStatus } from "@/lib/proposals/lifecycle";
import type { Outcome } from "@/lib/generated/prisma/enums";
import { Badge, type BadgeTone } from "@/components/ui/Badge";

export const OUTCOME_LABEL: Record<Outcome, string> = { PASSED: "Passed", REJECTED: "Rejected", NO_QUORUM: "No quorum", ELECTED: "Elected" };

const TONE: Record<ProposalStatus | Outcome, BadgeTone> = {
  deliberation: "info",
  voting: "warning",
  withdrawn: "neutral",
  closed: "neutral",
  PASSED: "success",
  REJECTED: "danger",
  NO_QUORUM: "caution",
  ELECTED: "success",
};

export function StatusBadge({ status, outcome }: { status: ProposalStatus; outcome?: Outcome | null | undefined }) {
  const key = status === "closed" && outcome ? outcome : status;
  const label = status === "closed" && outcome ? OUTCOME_LABEL[outcome] : STATUS_LABEL[status];
  return <Badge tone={TONE[key]}>{label}</Badge>;
}
