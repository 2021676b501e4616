// The count of a motion: the tally as a chart with the pass line and as a table, turnout against
// the electorate with the quorum marked. Pure presentation from numbers the domain computed; the
// chart components take every word, and the reader's locale for numbers, from here (components/charts/).
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { TallyChart } from "@/components/charts/TallyChart";
import { TurnoutChart } from "@/components/charts/TurnoutChart";
import { passPercent, shares } from "@/lib/charts/geometry";
import type { PassThreshold } from "@/lib/generated/prisma/enums";
import type { Tally } from "@/lib/voting/outcome";

const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);

export function TallyBars({ tally, passThreshold }: { tally: Tally; passThreshold?: PassThreshold }) {
  const t = useTranslations("vote");
  const te = useTranslations("enums");
  const format = useFormatter();
  const locale = useLocale();
  const total = tally.yes + tally.no + tally.abstain;
  // The same rounding as the chart's legend, so the two never disagree by a tenth.
  const share = shares([tally.yes, tally.no, tally.abstain]);
  const rows = [
    { key: "yes", n: tally.yes, share: share[0]! },
    { key: "no", n: tally.no, share: share[1]! },
    { key: "abstain", n: tally.abstain, share: share[2]! },
  ] as const;
  return (
    <div className="space-y-3">
      <TallyChart
        tally={tally}
        passPercent={passThreshold ? passPercent(passThreshold) : null}
        title={t("byChoice")}
        description={total === 0
          ? t("tallyNone")
          : passThreshold
          ? t("tallyThreshold", { threshold: te(`threshold.${passThreshold}`) })
          : t("tallyShares")}
        labels={{ yes: t("yes"), no: t("no"), abstain: t("abstain"), passLine: t("passLine") }}
        locale={locale}
        testId="tally-chart"
      />
      <table className="w-full max-w-sm text-sm">
        <caption className="sr-only">{t("byChoice")}</caption>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-t border-stone-200">
              <th scope="row" className="py-1 pr-2 text-left font-medium">{t(r.key)}</th>
              <td className="py-1 pl-2 text-right tabular-nums" data-testid={`tally-${r.key}`}>
                {format.number(r.n)} <span className="text-stone-600">({format.number(r.share / 100, "percent")})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Turnout({ turnout, electorate, quorumNeeded }: { turnout: number; electorate: number; quorumNeeded: number }) {
  const t = useTranslations("vote");
  const format = useFormatter();
  const percent = (n: number) => format.number(pct(n, electorate) / 100, "percent");
  return (
    <TurnoutChart
      turnout={turnout}
      electorate={electorate}
      quorumNeeded={quorumNeeded}
      title={t("turnoutChart")}
      description={<><strong data-testid="turnout">{t("turnout", { turnout: format.number(turnout), electorate: format.number(electorate) })}</strong>{t("turnoutRest", { percent: percent(turnout), needed: quorumNeeded })}</>}
      quorumLabel={t("quorumLine", { needed: format.number(quorumNeeded) })}
      testId="turnout-chart"
    />
  );
}
