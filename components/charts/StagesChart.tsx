// An STV or IRV count stage by stage: each candidate still in the count as a bar against the
// quota, on one scale for every stage, with who is elected and who is excluded written beside the
// bar (not shown by colour alone). All words come in through props; the stage table has the numbers.
import { useId } from "react";
import { stagesLayout, type CandidateState } from "@/lib/charts/geometry";
import { MarkerLine, fillOf, PatternDefs, type Series, Swatch, usePatternPrefix } from "./parts";

export interface StagesChartProps {
  /** Candidate ids in the order rows are drawn (winners first, say). */
  order: string[];
  names: Record<string, string>;
  quota: number;
  stages: { number: number; votes: Record<string, number>; elected: string[]; excluded: string | null; title: string }[];
  title: string;
  description: string;
  labels: { elected: string; continuing: string; excluded: string; quota: string };
  formatVotes: (votes: number) => string;
  testId?: string;
}

const SERIES: Record<CandidateState, Series> = { hopeful: "hopeful", elected: "elected", "elected-now": "elected", "excluded-now": "excluded" };

export function StagesChart({ order, names, quota, stages, title, description, labels, formatVotes, testId }: StagesChartProps) {
  const id = useId();
  const prefix = usePatternPrefix();
  const layout = stagesLayout({ order, quota, stages });
  const stateLabel = (s: CandidateState) => (s === "elected-now" ? `✓ ${labels.elected}` : s === "elected" ? labels.elected : s === "excluded-now" ? labels.excluded : "");
  return (
    <figure className="min-w-0 space-y-3" data-testid={testId}>
      <figcaption className="space-y-0.5">
        <span className="block font-semibold">{title}</span>
        <span id={`${id}-desc`} className="block text-sm text-stone-600">{description}</span>
      </figcaption>
      <PatternDefs prefix={prefix} />
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-hidden="true">
        <li className="flex items-center gap-1.5"><Swatch prefix={prefix} series="elected" />{labels.elected}</li>
        <li className="flex items-center gap-1.5"><Swatch prefix={prefix} series="hopeful" />{labels.continuing}</li>
        <li className="flex items-center gap-1.5"><Swatch prefix={prefix} series="excluded" />{labels.excluded}</li>
        <li className="flex items-center gap-1.5">
          <svg width="14" height="14" aria-hidden="true" focusable="false"><line x1="7" x2="7" y1="0" y2="14" strokeWidth="3" className="stroke-stone-900" /></svg>
          {labels.quota}
        </li>
      </ul>
      <ol className="grid gap-3 sm:grid-cols-2">
        {layout.stages.map((stage, i) => (
          <li key={stage.number} className="min-w-0 rounded-lg border border-stone-200 bg-white p-3">
            <p id={`${id}-s${stage.number}`} className="mb-2 text-sm font-semibold break-words">{stages[i]!.title}</p>
            <div role="img" aria-labelledby={`${id}-s${stage.number}`} aria-describedby={`${id}-desc`} className="space-y-1.5">
              {stage.rows.map((row) => {
                const f = fillOf(prefix, SERIES[row.state]);
                const state = stateLabel(row.state);
                return (
                  <div key={row.id} className="min-w-0">
                    <div className="flex items-baseline justify-between gap-2 text-xs">
                      <span className="min-w-0 truncate">{names[row.id] ?? row.id}</span>
                      <span className="shrink-0 tabular-nums">
                        <span className="font-semibold">{formatVotes(row.votes)}</span>
                        {state ? <span className="ml-1 text-stone-700">{state}</span> : null}
                      </span>
                    </div>
                    <svg width="100%" height="14" className="block overflow-hidden" aria-hidden="true" focusable="false">
                      <rect x="0" y="1" width="100%" height="12" rx="2" className="fill-stone-100" />
                      {row.width > 0 ? <rect x="0" y="1" width={`${row.width}%`} height="12" rx="2" className={f.className} fill={f.fill} /> : null}
                      <MarkerLine at={layout.quotaAt} y1={0} y2={14} />
                    </svg>
                  </div>
                );
              })}
            </div>
          </li>
        ))}
      </ol>
    </figure>
  );
}
