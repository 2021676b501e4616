// The count of a motion: tally as accessible bars, turnout against the electorate, quorum and
// threshold and whether each was met. Pure presentation from numbers the domain computed.
import { useFormatter, useTranslations } from "next-intl";
import type { Tally } from "@/lib/voting/outcome";

const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);

export function TallyBars({ tally }: { tally: Tally }) {
  const t = useTranslations("vote");
  const format = useFormatter();
  const total = tally.yes + tally.no + tally.abstain;
  const rows = [
    { key: "yes", n: tally.yes, color: "bg-emerald-700" },
    { key: "no", n: tally.no, color: "bg-red-700" },
    { key: "abstain", n: tally.abstain, color: "bg-stone-500" },
  ] as const;
  return (
    <table className="w-full text-sm" aria-label={t("byChoice")}>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row" className="w-20 py-1 pr-2 text-left font-medium">{t(r.key)}</th>
            <td className="py-1">
              <div className="h-5 w-full rounded bg-stone-100" aria-hidden="true">
                <div className={`h-5 rounded ${r.color}`} style={{ width: `${pct(r.n, total)}%` }} />
              </div>
            </td>
            <td className="w-28 py-1 pl-2 text-right tabular-nums" data-testid={`tally-${r.key}`}>
              {format.number(r.n)} <span className="text-stone-500">({format.number(pct(r.n, total) / 100, "percent")})</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Turnout({ turnout, electorate, quorumNeeded }: { turnout: number; electorate: number; quorumNeeded: number }) {
  const t = useTranslations("vote");
  const format = useFormatter();
  const percent = (n: number) => format.number(pct(n, electorate) / 100, "percent");
  return (
    <div className="space-y-1">
      <p className="text-sm"><strong data-testid="turnout">{t("turnout", { turnout, electorate })}</strong>{t("turnoutRest", { percent: percent(turnout), needed: quorumNeeded })}</p>
      <div className="relative h-3 w-full rounded bg-stone-100" role="img" aria-label={t("turnoutImage", { percent: percent(turnout), quorum: percent(quorumNeeded) })}>
        <div className="h-3 rounded bg-sky-700" style={{ width: `${pct(turnout, electorate)}%` }} />
        <div className="absolute top-[-3px] h-[18px] w-0.5 bg-stone-900" style={{ left: `${pct(quorumNeeded, electorate)}%` }} />
      </div>
    </div>
  );
}
