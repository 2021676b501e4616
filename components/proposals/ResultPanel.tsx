// The count of a motion: the tally as a chart with the pass line and as a table, turnout against
// the electorate with the quorum marked. Pure presentation from numbers the domain computed; the
// chart components take every word from here (components/charts/).
import { TallyChart } from "@/components/charts/TallyChart";
import { TurnoutChart } from "@/components/charts/TurnoutChart";
import { passPercent, shares } from "@/lib/charts/geometry";
import type { PassThreshold } from "@/lib/generated/prisma/enums";
import { THRESHOLD_LABEL, type Tally } from "@/lib/voting/outcome";

const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);

export function TallyBars({ tally, passThreshold }: { tally: Tally; passThreshold?: PassThreshold }) {
  const total = tally.yes + tally.no + tally.abstain;
  // The same rounding as the chart's legend, so the two never disagree by a tenth.
  const share = shares([tally.yes, tally.no, tally.abstain]);
  const rows = [
    { label: "Yes", n: tally.yes, share: share[0]! },
    { label: "No", n: tally.no, share: share[1]! },
    { label: "Abstain", n: tally.abstain, share: share[2]! },
  ];
  return (
    <div className="space-y-3">
      <TallyChart
        tally={tally}
        passPercent={passThreshold ? passPercent(passThreshold) : null}
        title="Votes by choice"
        description={total === 0
          ? "No votes have been cast."
          : passThreshold
          ? `${THRESHOLD_LABEL[passThreshold]}. Abstentions do not count towards it; the dark line marks what yes must pass.`
          : "Yes, no and abstentions as shares of the votes cast."}
        labels={{ yes: "Yes", no: "No", abstain: "Abstain", passLine: "Pass line" }}
        testId="tally-chart"
      />
      <table className="w-full max-w-sm text-sm">
        <caption className="sr-only">Votes by choice</caption>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className="border-t border-stone-200">
              <th scope="row" className="py-1 pr-2 text-left font-medium">{r.label}</th>
              <td className="py-1 pl-2 text-right tabular-nums" data-testid={`tally-${r.label.toLowerCase()}`}>
                {r.n} <span className="text-stone-600">({r.share}%)</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Turnout({ turnout, electorate, quorumNeeded }: { turnout: number; electorate: number; quorumNeeded: number }) {
  return (
    <TurnoutChart
      turnout={turnout}
      electorate={electorate}
      quorumNeeded={quorumNeeded}
      title="Turnout against quorum"
      description={<><strong data-testid="turnout">{turnout} of {electorate}</strong> eligible members have voted ({pct(turnout, electorate)}%). {quorumNeeded === 0 ? "There is no quorum to reach." : `Quorum needs ${quorumNeeded}.`}</>}
      quorumLabel={`Quorum ${quorumNeeded}`}
      testId="turnout-chart"
    />
  );
}
