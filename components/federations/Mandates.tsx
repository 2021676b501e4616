// A federation motion as its member councils decide it: while open, which councils are still
// deciding; after the close, each council's mandate with its own vote, and the federation outcome
// computed from the mandates under the federation's weighting.
import Link from "next/link";
import { MandatesChart } from "@/components/charts/MandatesChart";
import { TallyChart } from "@/components/charts/TallyChart";
import { passPercent } from "@/lib/charts/geometry";
import { THRESHOLD_LABEL } from "@/lib/voting/outcome";
import { OUTCOME_LABEL } from "@/components/proposals/StatusBadge";
import type { FederationCount } from "@/lib/federations/count";
import { WEIGHTING_LABEL } from "@/lib/federations/count";
import type { FederationWeighting, PassThreshold } from "@/lib/generated/prisma/enums";
import type { Mandate } from "@/lib/federations/rules";

export interface MandateVote {
  id: string;
  councilId: string;
  electorateSize: number | null;
  council: { name: string; slug: string };
}

const MANDATE_LABEL: Record<Mandate, string> = { YES: "Yes", NO: "No", ABSTAIN: "Abstain" };
const MANDATE_STYLE: Record<Mandate, string> = {
  YES: "bg-emerald-100 text-emerald-900",
  NO: "bg-red-100 text-red-900",
  ABSTAIN: "bg-stone-200 text-stone-800",
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function MandateLink({ vote, mine }: { vote: MandateVote | undefined; mine: boolean }) {
  if (!vote) return null;
  return mine ? (
    <Link href={`/proposals/${vote.id}`} className="inline-flex min-h-11 items-center text-sm font-medium text-emerald-800 underline">
      Mandate vote in {vote.council.name}
    </Link>
  ) : (
    <span className="text-sm text-stone-600">Its mandate vote is open to its own members.</span>
  );
}

export function OpenMandates({ votes, mine, weighting }: { votes: MandateVote[]; mine: Set<string>; weighting: FederationWeighting }) {
  return (
    <div className="space-y-3">
      <p className="text-stone-700">
        Each member council is deciding its mandate under its own charter. The federation&apos;s outcome is
        computed from the mandates when voting closes ({WEIGHTING_LABEL[weighting].toLowerCase()}).
      </p>
      <h3 className="font-semibold">Not decided yet ({votes.length})</h3>
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="undecided">
        {votes.map((v) => (
          <li key={v.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3">
            <span className="min-w-0 flex-1 font-medium break-words">{v.council.name}</span>
            <span className="text-sm text-stone-600">
              {plural(v.electorateSize ?? 0, "member")} voting{weighting === "MEMBERSHIP" ? ` · weight ${v.electorateSize ?? 0}` : ""}
            </span>
            <span className="w-full"><MandateLink vote={v} mine={mine.has(v.councilId)} /></span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function MandateResults({ count, votes, mine, passThreshold }: { count: FederationCount; votes: MandateVote[]; mine: Set<string>; passThreshold?: PassThreshold }) {
  const byCouncil = new Map(votes.map((v) => [v.councilId, v]));
  const total = { YES: 0, NO: 0, ABSTAIN: 0 };
  for (const m of count.mandates) total[m.mandate] += m.weight;
  return (
    <div className="space-y-4">
      <p className="text-sm text-stone-700">
        Weighting: <strong>{WEIGHTING_LABEL[count.weighting]}</strong>. A council that did not decide by the deadline (no
        quorum, or nobody voted) counts as abstaining.
      </p>
      <dl className="grid grid-cols-3 gap-2 text-center" data-testid="federation-tally">
        {(["YES", "NO", "ABSTAIN"] as const).map((m) => (
          <div key={m} className={`rounded-md p-2 ${MANDATE_STYLE[m]}`}>
            <dt className="text-sm">{MANDATE_LABEL[m]}</dt>
            <dd className="text-xl font-bold tabular-nums">{total[m]}</dd>
          </div>
        ))}
      </dl>
      <TallyChart
        tally={{ yes: total.YES, no: total.NO, abstain: total.ABSTAIN }}
        passPercent={passThreshold ? passPercent(passThreshold) : null}
        title="The federation's count: mandates by weight"
        description={passThreshold
          ? `${THRESHOLD_LABEL[passThreshold]}, counted in mandates. Abstaining mandates do not count towards it; the dark line marks what yes must pass.`
          : "Yes, no and abstaining mandates as shares of the federation's weight."}
        labels={{ yes: "Yes", no: "No", abstain: "Abstain", passLine: "Pass line" }}
        testId="federation-chart"
      />
      <h3 className="font-semibold">Mandates of the member councils</h3>
      <MandatesChart
        councils={count.mandates.map((m) => ({
          id: m.councilId, name: m.councilName, yes: m.yes, no: m.no, abstain: m.abstain, electorate: m.electorateSize,
          mandate: m.mandate, mandateLabel: `Mandate: ${MANDATE_LABEL[m.mandate]} · weight ${m.weight}`,
        }))}
        title="How each member council decided"
        description="Each council's own vote as a bar of its members, with the mandate its delegates carry to the federation."
        labels={{ yes: "Yes", no: "No", abstain: "Abstain", didNotVote: "Did not vote" }}
        testId="mandates-chart"
      />
      <ul className="space-y-2" data-testid="mandates">
        {count.mandates.map((m) => {
          const turnout = m.yes + m.no + m.abstain;
          return (
            <li key={m.councilId} className="space-y-1 rounded-lg border border-stone-200 bg-white p-3">
              <div className="flex flex-wrap items-center gap-2">
                <span className="min-w-0 flex-1 font-semibold break-words">{m.councilName}</span>
                <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${MANDATE_STYLE[m.mandate]}`}>Mandate: {MANDATE_LABEL[m.mandate]}</span>
              </div>
              <p className="text-sm text-stone-700">
                {m.decided ? `Decided: ${m.outcome ? OUTCOME_LABEL[m.outcome].toLowerCase() : "no result"}` : turnout === 0 ? "Not decided: nobody voted" : "Not decided: its quorum was not met"}
                {" · "}{turnout} of {m.electorateSize} took part · {m.yes} yes, {m.no} no, {m.abstain} abstain
                {" · "}weight {m.weight}
              </p>
              <MandateLink vote={byCouncil.get(m.councilId)} mine={mine.has(m.councilId)} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
