// How each member council of a federation decided: its own members' votes as one bar of its
// electorate (yes, no, abstain, did not vote), and the mandate its delegates carry written beside
// it. All words come in through props; the list of mandates next to the chart has the same numbers.
import { useId } from "react";
import { stack } from "@/lib/charts/geometry";
import { fillOf, numberFormats, PatternDefs, type Series, Swatch, usePatternPrefix } from "./parts";

export interface MandateRow {
  id: string;
  name: string;
  yes: number;
  no: number;
  abstain: number;
  electorate: number;
  mandate: "YES" | "NO" | "ABSTAIN";
  /** What the delegates carry, e.g. "Mandate: Yes · weight 1". */
  mandateLabel: string;
}

export interface MandatesChartProps {
  councils: MandateRow[];
  title: string;
  description: string;
  labels: { yes: string; no: string; abstain: string; didNotVote: string };
  locale?: string;
  testId?: string;
}

const SERIES: Series[] = ["yes", "no", "abstain", "none"];
const MANDATE_SERIES: Record<MandateRow["mandate"], Series> = { YES: "yes", NO: "no", ABSTAIN: "abstain" };

export function MandatesChart({ councils, title, description, labels, locale = "en", testId }: MandatesChartProps) {
  const id = useId();
  const prefix = usePatternPrefix();
  const fmt = numberFormats(locale);
  const names = [labels.yes, labels.no, labels.abstain, labels.didNotVote];
  return (
    <figure className="min-w-0 space-y-2" data-testid={testId}>
      <figcaption className="space-y-0.5">
        <span id={`${id}-title`} className="block text-sm font-semibold">{title}</span>
        <span id={`${id}-desc`} className="block text-sm text-stone-700">{description}</span>
      </figcaption>
      <PatternDefs prefix={prefix} />
      <div role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} className="space-y-3">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
          {SERIES.map((s, i) => <li key={s} className="flex items-center gap-1.5"><Swatch prefix={prefix} series={s} />{names[i]}</li>)}
        </ul>
        {councils.map((c) => {
          const notVoted = Math.max(0, c.electorate - c.yes - c.no - c.abstain);
          const values = [c.yes, c.no, c.abstain, notVoted];
          const segments = stack(values);
          return (
            <div key={c.id} className="min-w-0 space-y-1">
              <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-0.5 text-sm">
                <span className="min-w-0 font-semibold break-words">{c.name}</span>
                <span className="flex items-center gap-1.5 font-semibold"><Swatch prefix={prefix} series={MANDATE_SERIES[c.mandate]} />{c.mandateLabel}</span>
              </div>
              <svg width="100%" height="18" className="block overflow-hidden" aria-hidden="true" focusable="false">
                <rect x="0" y="1" width="100%" height="16" rx="2" className="fill-stone-100 stroke-stone-400" />
                {segments.map((s, i) => {
                  if (s.size === 0 || SERIES[i] === "none") return null;
                  const f = fillOf(prefix, SERIES[i]!);
                  return <rect key={SERIES[i]} x={`${s.start}%`} y="1" width={`${s.size}%`} height="16" className={f.className} fill={f.fill} />;
                })}
              </svg>
              <p className="text-xs text-stone-700 tabular-nums">
                {values.map((v, i) => `${names[i]} ${fmt.count(v)}`).join(" · ")}
              </p>
            </div>
          );
        })}
      </div>
    </figure>
  );
}
