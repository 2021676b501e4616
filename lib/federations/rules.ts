// How a federation decides: each member council's own outcome becomes its mandate, and the
// federation outcome is computed from the mandates, never from any delegate's free choice.
import type { FederationWeighting, Outcome } from "../generated/prisma/enums";
import { decideOutcome, type DecisionRules, type Tally } from "../voting/outcome";

export type Mandate = "YES" | "NO" | "ABSTAIN";

/**
 * A council's mandate: what its vote decided. No decision by the deadline — no quorum, or nobody
 * voting at all (even under a 0% quorum) — counts as abstaining.
 */
export function mandateFromOutcome(outcome: Outcome | null, turnout = 1): Mandate {
  if (turnout === 0) return "ABSTAIN";
  if (outcome === "PASSED") return "YES";
  if (outcome === "REJECTED") return "NO";
  return "ABSTAIN";
}

export interface CouncilMandate {
  councilId: string;
  councilName: string;
  mandate: Mandate;
  /** 1 per council, or its electorate size under membership weighting. */
  weight: number;
  decided: boolean;
  electorateSize: number;
  yes: number;
  no: number;
  abstain: number;
  outcome: Outcome | null;
}

export function weightOf(weighting: FederationWeighting, electorateSize: number): number {
  return weighting === "EQUAL" ? 1 : electorateSize;
}

export function tallyMandates(mandates: readonly CouncilMandate[]): Tally {
  const tally: Tally = { yes: 0, no: 0, abstain: 0 };
  for (const m of mandates) tally[m.mandate.toLowerCase() as keyof Tally] += m.weight;
  return tally;
}

/**
 * The federation's decision from its mandates. Councils that did not decide count as abstaining
 * in the tally, but only councils that decided count towards quorum; otherwise it could never fail.
 */
export function decideFederation(mandates: readonly CouncilMandate[], electorateWeight: number, rules: DecisionRules) {
  const tally = tallyMandates(mandates);
  const decidedAbstain = mandates.filter((m) => m.decided && m.mandate === "ABSTAIN").reduce((sum, m) => sum + m.weight, 0);
  return { tally, decision: decideOutcome({ ...tally, abstain: decidedAbstain }, electorateWeight, rules) };
}
