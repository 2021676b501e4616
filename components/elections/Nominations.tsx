// The nominations of an election: who was nominated, by whom, and whether they stand. In
// deliberation, members nominate and each nominee answers for themselves.
import { useTranslations } from "next-intl";
import type { FormActionFn } from "@/components/ui/form";
import { NominateForm } from "./NominateForm";
import { RespondForm } from "./RespondForm";

export interface NominationView {
  nominee: { id: string; name: string };
  nominatedBy: { id: string; name: string };
  acceptedAt: Date | null;
  declinedAt: Date | null;
}

const STATE = {
  accepted: { label: "stands", style: "bg-emerald-100 text-emerald-900" },
  declined: { label: "declined", style: "bg-stone-200 text-stone-700" },
  awaiting: { label: "awaiting", style: "bg-sky-100 text-sky-900" },
} as const;

const stateOf = (n: NominationView) => (n.acceptedAt ? "accepted" : n.declinedAt ? "declined" : "awaiting");

export function Nominations({ proposalId, nominations, members, viewerId, open, nominateAction, respondAction }: {
  proposalId: string;
  nominations: NominationView[];
  members: { id: string; name: string }[];
  viewerId: string;
  /** Nominations are open while the election is in deliberation. */
  open: boolean;
  nominateAction: FormActionFn;
  respondAction: FormActionFn;
}) {
  const t = useTranslations("election");
  const mine = nominations.find((n) => n.nominee.id === viewerId);
  const nominated = new Set(nominations.map((n) => n.nominee.id));
  const candidates = nominations.filter((n) => n.acceptedAt).length;
  return (
    <section aria-labelledby="nominations" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
      <div>
        <h2 id="nominations" className="text-xl font-semibold">{t("nominations")}</h2>
        <p className="text-sm text-stone-600">
          {t("standing", { count: candidates })}{" "}
          {open ? t("closeWhenOpen") : t("closedWhenOpened")}
        </p>
      </div>
      {nominations.length === 0 ? <p className="text-stone-600">{t("noneNominated")}</p> : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200" aria-label={t("nominees")}>
          {nominations.map((n) => {
            const s = STATE[stateOf(n)];
            return (
              <li key={n.nominee.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3" data-testid="nomination">
                <span className="min-w-0 flex-1 font-medium break-words">{n.nominee.name}{n.nominee.id === viewerId ? t("you") : ""}</span>
                <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${s.style}`}>{t(s.label)}</span>
                <span className="w-full text-sm text-stone-600">
                  {n.nominatedBy.id === n.nominee.id ? t("selfNominated") : t("nominatedBy", { name: n.nominatedBy.name })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {open && mine ? (
        <div className="space-y-2 rounded-lg bg-sky-50 p-3">
          <p className="font-medium">
            {mine.acceptedAt ? t("youStand") : mine.declinedAt ? t("youDeclined") : t("willYouStand", { name: mine.nominatedBy.name })}
            {" "}<span className="font-normal text-stone-700">{t("changeMind")}</span>
          </p>
          <RespondForm action={respondAction} proposalId={proposalId} accepted={Boolean(mine.acceptedAt)} declined={Boolean(mine.declinedAt)} />
        </div>
      ) : null}
      {open ? (
        <NominateForm action={nominateAction} proposalId={proposalId} viewerId={viewerId}
          members={members.filter((m) => !nominated.has(m.id))} />
      ) : null}
    </section>
  );
}
