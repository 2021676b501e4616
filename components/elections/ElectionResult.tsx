// The count of an election as people read it: who was elected, the quota and the rules, turnout
// against quorum, then every stage as a table and as bars (ElectionStages, which gets its words from
// here). Pure presentation of the stored count.
import type { ElectionCount } from "@/lib/elections/count";
import type { Stage, TieBreak } from "@/lib/voting/stv";
import { Turnout } from "@/components/proposals/ResultPanel";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ElectionStages, type StageWords } from "./ElectionStages";
import { decimalSign, votesFormat, type VotesFormat } from "./votes-format";

type T = ReturnType<typeof useTranslations<"count">>;
type Names = (id: string) => string;

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

export function ElectionResult({ count, elected, quorumMet, seats, electorateSize, quorumPercent, roleName }: {
  count: ElectionCount; elected: boolean; quorumMet: boolean; seats: number; electorateSize: number; quorumPercent: number; roleName: string;
}) {
  const t = useTranslations("count");
  const format = useFormatter();
  const decimal = decimalSign(useLocale());
  const formatVotes = votesFormat(decimal);
  const list = (items: string[]) => format.list(items, { type: "conjunction" });
  const names = new Map(count.candidates.map((c) => [c.id, c.name]));
  const name: Names = (id) => names.get(id) ?? t("unknown");
  const withoutQuota = new Set(count.electedWithoutQuota);
  const withdrawn = count.withdrawn ?? [];
  const words: StageWords = {
    unknown: t("unknown"), rounds: t("rounds"), roundsHelp: t("roundsHelp"), caption: t("caption"), candidate: t("candidate"),
    excludedEarlier: t("excludedEarlier"), elected: t("elected"), excluded: t("excluded"), nonTransferable: t("nonTransferable"),
    truncation: t("truncation"), ties: t("ties"), chart: t("chart"), chartHelp: t("chartHelp", { quota: formatVotes(count.quota) }),
    continuing: t("continuing"), quotaLine: t("quotaLine", { quota: formatVotes(count.quota) }),
    stages: count.stages.map((s) => {
      const action = actionLabel(t, s, name, formatVotes);
      return { heading: t("stage", { number: s.number }), action, chartTitle: `${t("stageAction", { number: s.number })} ${action}` };
    }),
    tieLines: count.stages.filter((s) => s.tieBreak).map((s) => ({ stage: s.number, text: t("tieStage", { number: s.number, text: tieBreakText(t, list, s.tieBreak!, name) }) })),
  };
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

      <ElectionStages count={count} words={words} decimal={decimal} />
    </div>
  );
}
