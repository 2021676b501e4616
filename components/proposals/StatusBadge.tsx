import { useTranslations } from "next-intl";
import type { ProposalStatus } from "@/lib/proposals/lifecycle";
import type { Outcome } from "@/lib/generated/prisma/enums";


const STYLE: Record<string, string> = {
  deliberation: "bg-sky-100 text-sky-900",
  voting: "bg-amber-100 text-amber-900",
  withdrawn: "bg-stone-200 text-stone-700",
  closed: "bg-stone-200 text-stone-800",
  PASSED: "bg-emerald-100 text-emerald-900",
  REJECTED: "bg-red-100 text-red-900",
  NO_QUORUM: "bg-orange-100 text-orange-900",
  ELECTED: "bg-emerald-100 text-emerald-900",
};

export function StatusBadge({ status, outcome }: { status: ProposalStatus; outcome?: Outcome | null | undefined }) {
  const key = status === "closed" && outcome ? outcome : status;
  const t = useTranslations("enums");
  const label = status === "closed" && outcome ? t(`outcome.${outcome}`) : t(`status.${status}`);
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${STYLE[key]}`}>{label}</span>;
}
