// The count of an election as people read it: who was elected, the quota and the rules, turnout
// against quorum, then every stage as a table and as bars. Pure presentation of the stored count.
import type { ElectionCount } from "@/lib/elections/count";
import type { Stage, TieBreak } from "@/lib/voting/stv";
import { formatVotes as formatVotesPlain } from "@/lib/voting/stv";
import { StagesChart } from "@/components/charts/StagesChart";
import { Turnout } from "@/components/proposals/ResultPanel";
import { useFormatter, useLocale, useTranslations } from "next-intl";

type T = ReturnType<typeof useTranslations<"count">>;
type VotesFormat = (votes: number) => string;

/**
 * Votes as stored (fixed point, five decimals, never rounded), with the reader's decimal sign:
 * 12.50000 in English, 12,50000 in Spanish and German. The table and the chart use the same one.
 */
function useVotesFormat(): VotesFormat {
  const locale = useLocale();
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
  return (votes) => formatVotesPlain(votes).replace(".", decimal);
}

type Names = (id: string) => string;

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

function actionLabel(t: T, stage: Stage, name: Names, formatVotes: VotesFormat): string {
  switch (stage.action.type) {
    case "first-preferences":
      return t("firstPreferences");
    case "surplus":
      return t("surplus", { name: name(stage.action.candidate), votes: formatVotes(stage.action.surplus) });
    case "exclusion":
      return t("exclusion", { name: name(stage.action.candidate) });
  }
}


function tieBreakText(t: T, list: (items: string[]) => string, tie: TieBreak, name: Names): string {
  const what = tie.kind === "surplus" ? t("tieSurplus") : t("tieExcluded");
  const how = tie.by === "lot" ? t("byLot") : t("byStage", { stage: tie.stage ?? 0 });
  return t("tie", { tied: list(tie.tied.map(name)), chosen: name(tie.chosen), what, how });
}

const signed = (v: number, formatVotes: VotesFormat) => (v > 0 ? `+${formatVotes(v)}` : v < 0 ? `−${formatVotes(-v)}` : "");

export function ElectionResult({ count, elected, quorumMet, seats, electorateSize, quorumPercent, roleName }: {
  count: ElectionCount; elected: boolean; quorumMet: boolean; seats: number; electorateSize: number; quorumPercent: number; roleName: string;
}) {
  const t = useTranslations("count");
  const format = useFormatter();
  const formatVotes = useVotesFormat();
  const list = (items: string[]) => format.list(items, { type: "conjunction" });
  const names = new Map(count.candidates.map((c) => [c.id, c.name]));
  const name: Names = (id) => names.get(id) ?? t("unknown");
  const withoutQuota = new Set(count.electedWithoutQuota);
  const withdrawn = count.withdrawn ?? [];
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        {elected ? (
          <>
            <h3 className="font-semibold">{t("electedAs", { role: roleName })}</h3>
            <ol className="space-y-1" data-testid="winners">
              {count.winners.map((id, i) => (
                <li key={id} className="flex items-baseline gap-2 rounded-md bg-emerald-50 px-3 py-2">
                  <span className="font-semibold tabular-nums text-emerald-900">{i + 1}.</span>
                  <span className="font-semibold">{name(id)}</span>
                  {withoutQuota.has(id) ? <span className="text-sm text-stone-600">{t("withoutQuota")}</span> : null}
                </li>
              ))}
            </ol>
            {withdrawn.length > 0 ? (
              <p className="text-sm text-stone-700">
                {t("passedOver", { count: withdrawn.length, names: list(withdrawn.map(name)) })}
              </p>
            ) : null}
            {count.winners.length < seats ? (
              <p className="text-sm text-stone-700">{t("notFilled", { filled: count.winners.length, seats })}</p>
            ) : null}
          </>
        ) : (
          <p className="rounded-md bg-orange-50 p-3 text-orange-950">
            {count.turnout === 0
              ? t("noBallots")
              : t("noQuorum")}
          </p>
        )}
      </div>

      {/* At least one ballot is always needed: no one is elected by lot alone (lib/elections/rules.ts). */}
      <Turnout turnout={count.turnout} electorate={electorateSize} quorumNeeded={Math.max(1, count.quorumNeeded)} />
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div><dt className="text-stone-600">{t("rule")}</dt><dd data-testid="rule">{count.ruleLabel}</dd></div>
        <div><dt className="text-stone-600">{t("seats")}</dt><dd>{seats}</dd></div>
        <div><dt className="text-stone-600">{t("valid")}</dt><dd className="tabular-nums">{count.validBallots}</dd></div>
        <div>
          <dt className="text-stone-600">{t("quota")}</dt>
          <dd><span className="tabular-nums" data-testid="quota">{formatVotes(count.quota)}</span> <span className="text-stone-600">= ⌊{count.validBallots} ÷ ({seats} + 1)⌋ + 1</span></dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-stone-600">{t("quorum", { percent: quorumPercent })}</dt>
          <dd>{t("quorumLine", { met: quorumMet ? t("met") : t("notMet"), turnout: count.turnout, total: electorateSize, needed: Math.max(1, count.quorumNeeded) })}</dd>
        </div>
      </dl>

      <StageTable count={count} name={name} />
      <StageChart count={count} name={name} />
    </div>
  );
}

function StageTable({ count, name }: { count: ElectionCount; name: Names }) {
  const order = candidateOrder(count);
  const electedAt = new Map<string, number>();
  for (const s of count.stages) for (const id of s.elected) electedAt.set(id, s.number);
  const excludedAt = new Map<string, number>();
  for (const s of count.stages) if (s.action.type === "exclusion") excludedAt.set(s.action.candidate, s.number);
  const ties = count.stages.filter((s) => s.tieBreak);
  const t = useTranslations("count");
  const format = useFormatter();
  const formatVotes = useVotesFormat();
  const list = (items: string[]) => format.list(items, { type: "conjunction" });
  return (
    <section aria-labelledby="rounds" className="space-y-2">
      <h3 id="rounds" className="font-semibold">{t("rounds")}</h3>
      <p className="text-sm text-stone-600">
        {t("roundsHelp")}
      </p>
      {/* relative: the table's visually hidden text is positioned, and must scroll with it, not widen the page */}
      <div className="relative overflow-x-auto rounded-lg border border-stone-200" role="region" aria-labelledby="rounds" tabIndex={0}>
        <table className="min-w-full border-collapse text-sm" data-testid="stage-table">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-stone-100">
            <tr>
              <th scope="col" className="sticky left-0 z-10 bg-stone-100 p-2 text-left align-bottom">{t("candidate")}</th>
              {count.stages.map((s) => (
                <th key={s.number} scope="col" className="min-w-32 p-2 text-left align-bottom font-semibold">
                  {t("stage", { number: s.number })}
                  <span className="block text-xs font-normal text-stone-700">{actionLabel(t, s, name, formatVotes)}</span>
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
                      {gone ? <><span aria-hidden="true">—</span><span className="sr-only">{t("excludedEarlier")}</span></> : (
                        <>
                          {transfer !== 0 ? <span className={`block text-xs ${transfer > 0 ? "text-emerald-800" : "text-red-800"}`}>{signed(transfer, formatVotes)}</span> : null}
                          <span className="block">{formatVotes(s.votes[id] ?? 0)}</span>
                          {electedAt.get(id) === s.number ? <span className="mt-1 inline-block rounded bg-emerald-100 px-1.5 text-xs font-semibold text-emerald-900">{t("elected")}</span> : null}
                          {excludedAt.get(id) === s.number ? <span className="mt-1 inline-block rounded bg-stone-200 px-1.5 text-xs font-semibold text-stone-800">{t("excluded")}</span> : null}
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr className="bg-stone-50">
              <th scope="row" className="sticky left-0 z-10 bg-stone-50 p-2 text-left align-top font-medium">{t("nonTransferable")}</th>
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
              <th scope="row" className="sticky left-0 z-10 bg-stone-50 p-2 text-left align-top font-medium">{t("truncation")}</th>
              {count.stages.map((s) => <td key={s.number} className="p-2 tabular-nums">{formatVotes(s.residual)}</td>)}
            </tr>
          </tbody>
        </table>
      </div>
      {ties.length > 0 ? (
        <div className="space-y-1 text-sm">
          <h4 className="font-semibold">{t("ties")}</h4>
          <ul className="list-disc space-y-1 pl-5">
            {ties.map((s) => <li key={s.number} data-testid="tie-break">{t("tieStage", { number: s.number, text: tieBreakText(t, list, s.tieBreak!, name) })}</li>)}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** Bars per stage against the quota (components/charts/StagesChart); the table above has the numbers. */
function StageChart({ count, name }: { count: ElectionCount; name: Names }) {
  const order = candidateOrder(count);
  const t = useTranslations("count");
  const fv = useVotesFormat();
  return (
    <StagesChart
      order={order}
      names={Object.fromEntries(order.map((id) => [id, name(id)]))}
      quota={count.quota}
      stages={count.stages.map((s) => ({
        number: s.number,
        votes: s.votes,
        elected: s.elected,
        excluded: s.action.type === "exclusion" ? s.action.candidate : null,
        title: `${t("stageAction", { number: s.number })} ${actionLabel(t, s, name, fv)}`,
      }))}
      title={t("chart")}
      description={t("chartHelp", { quota: fv(count.quota) })}
      labels={{ elected: t("elected"), continuing: t("continuing"), excluded: t("excluded"), quota: t("quotaLine", { quota: fv(count.quota) }) }}
      formatVotes={fv}
      testId="stage-chart"
    />
  );
}
