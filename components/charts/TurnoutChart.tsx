// Turnout against the electorate, with the quorum marked: whether enough members took part for the
// vote to count. All words come in through props.
import type { ReactNode } from "react";
import { anchorAt, turnoutLayout } from "@/lib/charts/geometry";
import { MarkerLine, ChartFrame, fillOf, usePatternPrefix } from "./parts";

export interface TurnoutChartProps {
  turnout: number;
  electorate: number;
  quorumNeeded: number;
  title: string;
  /** Visible under the title and read as the chart's description: may carry the figures as text. */
  description: ReactNode;
  /** Printed under the bar, e.g. "5 of 8 voted" (leave out when the description says it). */
  turnoutLabel?: string;
  /** Printed at the quorum line, e.g. "Quorum 4". */
  quorumLabel?: string;
  testId?: string;
}

export function TurnoutChart({ turnout, electorate, quorumNeeded, title, description, turnoutLabel, quorumLabel, testId }: TurnoutChartProps) {
  const prefix = usePatternPrefix();
  const layout = turnoutLayout(turnout, electorate, quorumNeeded);
  const f = fillOf(prefix, "turnout");
  const top = quorumLabel && layout.quorumAt !== null ? 16 : 2;
  return (
    <ChartFrame title={title} description={description} testId={testId}>
      <svg width="100%" height={top + 22} className="block overflow-hidden" aria-hidden="true" focusable="false">
        <rect x="0" y={top} width="100%" height="18" rx="3" className="fill-stone-100 stroke-stone-400" />
        {layout.filled > 0 ? <rect x="0" y={top} width={`${layout.filled}%`} height="18" rx="3" className={f.className} /> : null}
        {layout.quorumAt !== null ? (
          <>
            <MarkerLine at={layout.quorumAt} y1={top - 3} y2={top + 21} />
            {quorumLabel ? (
              <text x={`${layout.quorumAt}%`} y="11" textAnchor={anchorAt(layout.quorumAt)} className="fill-stone-800 text-xs font-semibold">{quorumLabel}</text>
            ) : null}
          </>
        ) : null}
      </svg>
      {turnoutLabel ? <p className="text-sm font-semibold tabular-nums">{turnoutLabel}</p> : null}
    </ChartFrame>
  );
}
