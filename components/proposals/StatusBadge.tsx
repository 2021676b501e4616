import { useTranslations } from "next-intl";
import type { ProposalStatus } from "@/lib/proposals/lifecycle";
import type { Outcome } from "@/lib/generated/prisma/enums";
import { Badge, type BadgeTone } from "@/components/ui/Badge";

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
  const t = useTranslations("enums");
  const label = status === "closed" && outcome ? t(`outcome.${outcome}`) : t(`status.${status}`);
  return <Badge tone={TONE[key]}>{label}</Badge>;
}
