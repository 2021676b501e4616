// A federation motion as its member councils decide it: while open, which councils are still
// deciding; after the close, each council's mandate with its own vote, and the federation outcome
// computed from the mandates under the federation's weighting.
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { MandatesChart } from "@/components/charts/MandatesChart";
import { TallyChart } from "@/components/charts/TallyChart";
import { passPercent } from "@/lib/charts/geometry";
import type { FederationCount } from "@/lib/federations/count";
import type { FederationWeighting, PassThreshold } from "@/lib/generated/prisma/enums";
import type { Mandate } from "@/lib/federations/rules";

export interface MandateVote {
  id: string;
  councilId: string;
  electorateSize: number | null;
  council: { name: string; slug: string };
}

const MANDATE_LABEL = { YES: "yes", NO: "no", ABSTAIN: "abstain" } as const satisfies Record<Mandate, string>;
const MANDATE_STYLE: Record<Mandate, string> = {
  YES: "bg-emerald-100 text-emerald-900",
  NO: "bg-red-100 text-red-900",
  ABSTAIN: "bg-stone-200 text-stone-800",
};

function MandateLink({ vote, mine }: { vote: MandateVote | undefined; mine: boolean }) {
  const t = useTranslations("federation");
  if (!vote) return null;
  return mine ? (
    <Link href={`/proposals/${vote.id}`} className="inline-flex min-h-11 items-center text-sm font-medium text-emerald-800 underline">
      {t("mandateVoteIn", { name: vote.council.name })}
    </Link>
  ) : (
    <span className="text-sm text-stone-600">{t("mandateVoteClosed")}</span>
  );
}

export function OpenMandates({ votes, mine, weighting }: { votes: MandateVote[]; mine: Set<string>; weighting: FederationWeighting }) {
  const t = useTranslations("federation");
  const te = useTranslations("enums");
  return (
    <div className="space-y-3">
      <p className="text-stone-700">
        {t("deciding", { weighting: te(`weighting.${weighting}`).toLowerCase() })}
      </p>
      <h3 className="font-semibold">{t("notDecidedYet", { count: votes.length })}</h3>
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="undecided">
        {votes.map((v) => (
          <li key={v.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3">
            <span className="min-w-0 flex-1 font-medium break-words">{v.council.name}</span>
            <span className="text-sm text-stone-600">
              {t("voting", { count: v.electorateSize ?? 0 })}{weighting === "MEMBERSHIP" ? t("weight", { weight: v.electorateSize ?? 0 }) : ""}
            </span>
            <span className="w-full"><MandateLink vote={v} mine={mine.has(v.councilId)} /></span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function MandateResults({ count, votes, mine, passThreshold }: { count: FederationCount; votes: MandateVote[]; mine: Set<string>; passThreshold?: PassThreshold }) {
  const te = useTranslations("enums");
  const t = useTranslations("federation");
  const tv = useTranslations("vote");
  const format = useFormatter();
  const locale = useLocale();
  const byCouncil = new Map(votes.map((v) => [v.councilId, v]));
  const total = { YES: 0, NO: 0, ABSTAIN: 0 };
  for (const m of count.mandates) total[m.mandate] += m.weight;
  return (
    <div className="space-y-4">
      <p className="text-sm text-stone-700">
        {t.rich("weightingLine", { weighting: te(`weighting.${count.weighting}`), b: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <dl className="grid grid-cols-3 gap-2 text-center" data-testid="federation-tally">
        {(["YES", "NO", "ABSTAIN"] as const).map((m) => (
          <div key={m} className={`rounded-md p-2 ${MANDATE_STYLE[m]}`}>
            <dt className="text-sm">{tv(MANDATE_LABEL[m])}</dt>
            <dd className="text-xl font-bold tabular-nums">{total[m]}</dd>
          </div>
        ))}
      </dl>
      <TallyChart
        tally={{ yes: total.YES, no: total.NO, abstain: total.ABSTAIN }}
        passPercent={passThreshold ? passPercent(passThreshold) : null}
        title={t("countChart")}
        description={passThreshold
          ? t("countChartThreshold", { threshold: te(`threshold.${passThreshold}`) })
          : t("countChartShares")}
        labels={{ yes: tv("yes"), no: tv("no"), abstain: tv("abstain"), passLine: tv("passLine") }}
        locale={locale}
        testId="federation-chart"
      />
      <h3 className="font-semibold">{t("mandatesOf")}</h3>
      <MandatesChart
        councils={count.mandates.map((m) => ({
          id: m.councilId, name: m.councilName, yes: m.yes, no: m.no, abstain: m.abstain, electorate: m.electorateSize,
          mandate: m.mandate,
          mandateLabel: `${t("mandate", { choice: tv(MANDATE_LABEL[m.mandate]) })}${t("weight", { weight: format.number(m.weight) })}`,
        }))}
        title={t("councilsChart")}
        description={t("councilsChartHelp")}
        labels={{ yes: tv("yes"), no: tv("no"), abstain: tv("abstain"), didNotVote: t("didNotVote") }}
        locale={locale}
        testId="mandates-chart"
      />
      <ul className="space-y-2" data-testid="mandates">
        {count.mandates.map((m) => {
          const turnout = m.yes + m.no + m.abstain;
          return (
            <li key={m.councilId} className="space-y-1 rounded-lg border border-stone-200 bg-white p-3">
              <div className="flex flex-wrap items-center gap-2">
                <span className="min-w-0 flex-1 font-semibold break-words">{m.councilName}</span>
                <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${MANDATE_STYLE[m.mandate]}`}>{t("mandate", { choice: tv(MANDATE_LABEL[m.mandate]) })}</span>
              </div>
              <p className="text-sm text-stone-700">
                {m.decided ? t("decided", { outcome: m.outcome ? te(`outcome.${m.outcome}`).toLowerCase() : t("noResult") }) : turnout === 0 ? t("nobodyVoted") : t("noQuorum")}
                {t("mandateLine", { turnout, total: m.electorateSize, yes: m.yes, no: m.no, abstain: m.abstain, weight: m.weight })}
              </p>
              <MandateLink vote={byCouncil.get(m.councilId)} mine={mine.has(m.councilId)} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
