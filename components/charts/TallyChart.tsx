// Yes, no and abstain as one bar of all votes cast, with the line yes must pass to carry the
// motion. The numbers are printed in the legend under the bar; the table beside it has them too.
import type { ReactNode } from "react";
import { anchorAt, tallyLayout } from "@/lib/charts/geometry";
import { MarkerLine, ChartFrame, fillOf, numberFormats, PatternDefs, type Series, Swatch, usePatternPrefix } from "./parts";

export interface TallyChartProps {
  tally: { yes: number; no: number; abstain: number };
  /** Where the pass line falls, percent of yes plus no (passPercent in lib/charts/geometry); null: no line. */
  passPercent: number | null;
  title: string;
  /** Visible under the title and read as the chart's description: may carry the figures as text. */
  description: ReactNode;
  labels: { yes: string; no: string; abstain: string; passLine?: string };
  locale?: string;
  testId?: string;
}

const SERIES: Series[] = ["yes", "no", "abstain"];

export function TallyChart({ tally, passPercent, title, description, labels, locale = "en", testId }: TallyChartProps) {
  const prefix = usePatternPrefix();
  const layout = tallyLayout(tally, passPercent);
  const fmt = numberFormats(locale);
  const values = [tally.yes, tally.no, tally.abstain];
  const names = [labels.yes, labels.no, labels.abstain];
  const top = labels.passLine && layout.passAt !== null ? 16 : 2;
  return (
    <ChartFrame title={title} description={description} testId={testId}>
      <PatternDefs prefix={prefix} />
      <svg width="100%" height={top + 28} className="block overflow-hidden" aria-hidden="true" focusable="false">
        <rect x="0" y={top} width="100%" height="24" rx="3" className="fill-stone-100 stroke-stone-400" />
        {layout.segments.map((s, i) => {
          if (s.size === 0) return null;
          const f = fillOf(prefix, SERIES[i]!);
          return <rect key={SERIES[i]} x={`${s.start}%`} y={top} width={`${s.size}%`} height="24" className={f.className} fill={f.fill} />;
        })}
        {layout.passAt !== null ? (
          <>
            <MarkerLine at={layout.passAt} y1={top - 3} y2={top + 27} />
            {labels.passLine ? (
              <text x={`${layout.passAt}%`} y="11" textAnchor={anchorAt(layout.passAt)} className="fill-stone-800 text-xs font-semibold">{labels.passLine}</text>
            ) : null}
          </>
        ) : null}
      </svg>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {SERIES.map((series, i) => (
          <li key={series} className="flex items-center gap-1.5">
            <Swatch prefix={prefix} series={series} />
            <span>{names[i]}</span>
            <span className="font-semibold tabular-nums">{fmt.count(values[i]!)}</span>
            <span className="text-stone-600 tabular-nums">({fmt.percent(layout.segments[i]!.size)})</span>
          </li>
        ))}
      </ul>
    </ChartFrame>
  );
}
