"use client";
// An election's count stage by stage: the table of votes after each stage, then the same numbers as
// bars against the quota. A client component for the server's sake, not the browser's: the page
// sends the stored count (about 8 KB for ten candidates over ten stages) and the words, and this
// draws them, still into the page's HTML on the server. As a server component its two thousand
// elements were rendered twice — into React's payload, then into HTML — and the payload carried
// them all again (decision 011). Words arrive translated in `words`; numbers are formatted here.
import type { ElectionCount } from "@/lib/elections/count";
import { StagesChart } from "@/components/charts/StagesChart";
import { votesFormat, type VotesFormat } from "./votes-format";

export interface StageWords {
  unknown: string;
  rounds: string;
  roundsHelp: string;
  caption: string;
  candidate: string;
  excludedEarlier: string;
  elected: string;
  excluded: string;
  nonTransferable: string;
  truncation: string;
  ties: string;
  chart: string;
  chartHelp: string;
  continuing: string;
  quotaLine: string;
  /** Per stage, in order: "Stage 2", what happened ("Surplus of … transferred"), and the chart's title. */
  stages: { heading: string; action: string; chartTitle: string }[];
  /** The tie-breaks, one line each ("Stage 3: … were tied …"). */
  tieLines: { stage: number; text: string }[];
}

/**
 * Winners first in order of election, then the rest from the last excluded back to the first.
 * Candidates who left the council before the close were not in the count and are listed apart.
 */
function candidateOrder(count: ElectionCount): string[] {
  const withdrawn = new Set(count.withdrawn ?? []);
  const order = [...count.winners, ...[...count.excluded].reverse()];
  for (const c of count.candidates) if (!order.includes(c.id) && !withdrawn.has(c.id)) order.push(c.id);
  return order;
}

const signed = (v: number, formatVotes: VotesFormat) => (v > 0 ? `+${formatVotes(v)}` : v < 0 ? `−${formatVotes(-v)}` : "");

export function ElectionStages({ count, words, decimal }: { count: ElectionCount; words: StageWords; decimal: string }) {
  const formatVotes = votesFormat(decimal);
  const names = new Map(count.candidates.map((c) => [c.id, c.name]));
  const name = (id: string) => names.get(id) ?? words.unknown;
  const order = candidateOrder(count);
  return (
    <>
      <StageTable count={count} words={words} order={order} name={name} formatVotes={formatVotes} />
      <StagesChart
        order={order}
        names={Object.fromEntries(order.map((id) => [id, name(id)]))}
        quota={count.quota}
        stages={count.stages.map((s, i) => ({
          number: s.number,
          votes: s.votes,
          elected: s.elected,
          excluded: s.action.type === "exclusion" ? s.action.candidate : null,
          title: words.stages[i]?.chartTitle ?? "",
        }))}
        title={words.chart}
        description={words.chartHelp}
        labels={{ elected: words.elected, continuing: words.continuing, excluded: words.excluded, quota: words.quotaLine }}
        formatVotes={formatVotes}
        testId="stage-chart"
      />
    </>
  );
}

function StageTable({ count, words, order, name, formatVotes }: {
  count: ElectionCount; words: StageWords; order: string[]; name: (id: string) => string; formatVotes: VotesFormat;
}) {
  const electedAt = new Map<string, number>();
  for (const s of count.stages) for (const id of s.elected) electedAt.set(id, s.number);
  const excludedAt = new Map<string, number>();
  for (const s of count.stages) if (s.action.type === "exclusion") excludedAt.set(s.action.candidate, s.number);
  return (
    <section aria-labelledby="rounds" className="space-y-2">
      <h3 id="rounds" className="font-semibold">{words.rounds}</h3>
      <p className="text-sm text-stone-600">{words.roundsHelp}</p>
      {/* relative: the table's visually hidden text is positioned, and must scroll with it, not widen the page */}
      <div className="relative overflow-x-auto rounded-lg border border-stone-200" role="region" aria-labelledby="rounds" tabIndex={0}>
        <table className="min-w-full border-collapse text-sm" data-testid="stage-table">
          <caption className="sr-only">{words.caption}</caption>
          <thead className="bg-stone-100">
            <tr>
              <th scope="col" className="sticky left-0 z-10 bg-stone-100 p-2 text-left align-bottom">{words.candidate}</th>
              {count.stages.map((s, i) => (
                <th key={s.number} scope="col" className="min-w-32 p-2 text-left align-bottom font-semibold">
                  {words.stages[i]?.heading}
                  <span className="block text-xs font-normal text-stone-700">{words.stages[i]?.action}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {order.map((id) => (
              <tr key={id}>
                <th scope="row" className="sticky left-0 z-10 max-w-36 bg-white p-2 text-left align-top font-medium break-words">{name(id)}</th>
                {count.stages.map((s) => {
                  const gone = (excludedAt.get(id) ?? Infinity) < s.number;
                  const transfer = s.number > 1 ? s.transfers[id] ?? 0 : 0;
                  return (
                    <td key={s.number} className={`p-2 align-top tabular-nums ${gone ? "text-stone-400" : ""}`}>
                      {gone ? <><span aria-hidden="true">—</span><span className="sr-only">{words.excludedEarlier}</span></> : (
                        <>
                          {transfer !== 0 ? <span className={`block text-xs ${transfer > 0 ? "text-emerald-800" : "text-red-800"}`}>{signed(transfer, formatVotes)}</span> : null}
                          <span className="block">{formatVotes(s.votes[id] ?? 0)}</span>
                          {electedAt.get(id) === s.number ? <span className="mt-1 inline-block rounded bg-emerald-100 px-1.5 text-xs font-semibold text-emerald-900">{words.elected}</span> : null}
                          {excludedAt.get(id) === s.number ? <span className="mt-1 inline-block rounded bg-stone-200 px-1.5 text-xs font-semibold text-stone-800">{words.excluded}</span> : null}
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr className="bg-stone-50">
              <th scope="row" className="sticky left-0 z-10 bg-stone-50 p-2 text-left align-top font-medium">{words.nonTransferable}</th>
              {count.stages.map((s, i) => {
                const change = s.nonTransferable - (i > 0 ? count.stages[i - 1]!.nonTransferable : 0);
                return (
                  <td key={s.number} className="p-2 align-top tabular-nums">
                    {change !== 0 ? <span className="block text-xs text-stone-700">{signed(change, formatVotes)}</span> : null}
                    <span className="block">{formatVotes(s.nonTransferable)}</span>
                  </td>
                );
              })}
            </tr>
            <tr className="bg-stone-50">
              <th scope="row" className="sticky left-0 z-10 bg-stone-50 p-2 text-left align-top font-medium">{words.truncation}</th>
              {count.stages.map((s) => <td key={s.number} className="p-2 tabular-nums">{formatVotes(s.residual)}</td>)}
            </tr>
          </tbody>
        </table>
      </div>
      {words.tieLines.length > 0 ? (
        <div className="space-y-1 text-sm">
          <h4 className="font-semibold">{words.ties}</h4>
          <ul className="list-disc space-y-1 pl-5">
            {words.tieLines.map((tie) => <li key={tie.stage} data-testid="tie-break">{tie.text}</li>)}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
