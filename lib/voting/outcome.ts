// How a motion is decided: a pure function of the tally, the electorate and the charter.
// Abstentions count towards quorum (the member took part) but not towards the threshold.
import type { Outcome, PassThreshold } from "../generated/prisma/enums";

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
}

export interface DecisionRules {
  quorumPercent: number;
  passThreshold: PassThreshold;
}

export interface Decision {
  turnout: number;
  /** Members who had to take part for the vote to count. */
  quorumNeeded: number;
  quorumMet: boolean;
  thresholdMet: boolean;
  outcome: Outcome;
}

export const THRESHOLD_LABEL: Record<PassThreshold, string> = {
  SIMPLE_MAJORITY: "Simple majority: more yes than no",
  TWO_THIRDS: "Two-thirds: at least two yes for every no",
  UNANIMITY: "Unanimity: at least one yes and no one against",
};

export function thresholdMet(tally: Tally, threshold: PassThreshold): boolean {
  const { yes, no } = tally;
  switch (threshold) {
    case "SIMPLE_MAJORITY":
      return yes > no;
    case "TWO_THIRDS":
      return yes > 0 && 3 * yes >= 2 * (yes + no);
    case "UNANIMITY":
      return yes > 0 && no === 0;
  }
}

export function decideOutcome(tally: Tally, electorateSize: number, rules: DecisionRules): Decision {
  const { yes, no, abstain } = tally; // callers may pass a wider record (a stored Result)
  for (const [name, n] of Object.entries({ yes, no, abstain, electorateSize })) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
  }
  if (!Number.isInteger(rules.quorumPercent) || rules.quorumPercent < 0 || rules.quorumPercent > 100) {
    throw new RangeError(`quorumPercent must be 0..100, got ${rules.quorumPercent}`);
  }
  const turnout = yes + no + abstain;
  if (turnout > electorateSize) throw new RangeError(`turnout ${turnout} exceeds the electorate ${electorateSize}`);
  // Integer arithmetic: 1/3 of 3 members is exactly 1, never 0.9999.
  const quorumNeeded = Math.ceil((rules.quorumPercent * electorateSize) / 100);
  const quorumMet = turnout >= quorumNeeded;
  const passed = thresholdMet({ yes, no, abstain }, rules.passThreshold);
  return {
    turnout,
    quorumNeeded,
    quorumMet,
    thresholdMet: passed,
    outcome: !quorumMet ? "NO_QUORUM" : passed ? "PASSED" : "REJECTED",
  };
}
