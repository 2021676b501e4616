// Charter changes as pure rules: which fields a change may touch, what it records (only the fields
// it changes), how it applies to whatever version is current when it passes, and how to say it.
import type { BallotSecrecy, FederationWeighting, JoinPolicy, PassThreshold } from "../generated/prisma/enums";
import { THRESHOLD_LABEL } from "../voting/outcome";

/** The rules a charter version holds: what a charter change can set. */
export interface CharterRules {
  joinPolicy: JoinPolicy;
  quorumPercent: number;
  passThreshold: PassThreshold;
  votingPeriodHours: number;
  liveResults: boolean;
  ballotSecrecy: BallotSecrecy;
  termLimit: number | null;
  weighting: FederationWeighting;
  charterChangeThreshold: PassThreshold;
}

/** A change records only the fields it changes. */
export type CharterChange = Partial<CharterRules>;

export const CHARTER_FIELDS = [
  "joinPolicy", "quorumPercent", "passThreshold", "votingPeriodHours", "liveResults",
  "ballotSecrecy", "termLimit", "weighting", "charterChangeThreshold",
] as const satisfies readonly (keyof CharterRules)[];

export type CharterField = (typeof CHARTER_FIELDS)[number];

/**
 * Which fields a council of this kind can change. A federation admits councils only by its members'
 * mandate votes (join policy fixed at approval) and delegates hold its seats (no rotation rule);
 * weighting only means something in a federation.
 */
export function changeableFields(councilKind: string): readonly CharterField[] {
  return councilKind === "FEDERATION"
    ? CHARTER_FIELDS.filter((f) => f !== "joinPolicy" && f !== "termLimit")
    : CHARTER_FIELDS.filter((f) => f !== "weighting");
}

export function pickRules(charter: CharterRules): CharterRules {
  const rules = {} as Record<CharterField, unknown>;
  for (const f of CHARTER_FIELDS) rules[f] = charter[f];
  return rules as unknown as CharterRules;
}

/** The fields of `proposed` that differ from `current`: what a change records. */
export function diffCharter(current: CharterRules, proposed: CharterRules): CharterChange {
  const change: Record<string, unknown> = {};
  for (const f of CHARTER_FIELDS) if (current[f] !== proposed[f]) change[f] = proposed[f];
  return change as CharterChange;
}

/**
 * The charter after a passed change: the change's fields over the version current at the close.
 * Two changes passed one after the other therefore compose: the later one overrides only the
 * fields it names, and keeps what the earlier one set for the rest.
 */
export function applyCharterChange(current: CharterRules, change: CharterChange): CharterRules {
  const next = pickRules(current);
  for (const f of CHARTER_FIELDS) if (f in change && change[f] !== undefined) (next as unknown as Record<string, unknown>)[f] = change[f];
  return next;
}

export function isEmptyChange(change: CharterChange): boolean {
  return CHARTER_FIELDS.every((f) => !(f in change) || change[f] === undefined);
}

/**
 * The rules a yes/no vote is decided under: a charter change needs the charter's own threshold for
 * changes (two-thirds unless the charter says otherwise); every other vote its pass threshold.
 */
export function decisionRules(kind: string, charter: { quorumPercent: number; passThreshold: PassThreshold; charterChangeThreshold: PassThreshold }) {
  return {
    quorumPercent: charter.quorumPercent,
    passThreshold: kind === "CHARTER_CHANGE" ? charter.charterChangeThreshold : charter.passThreshold,
  };
}

const JOIN_WORDS: Record<JoinPolicy, string> = { OPEN: "open to anyone", APPROVAL: "by a facilitator's approval", INVITE_ONLY: "by invitation only" };
const SECRECY_WORDS: Record<BallotSecrecy, string> = { OPEN: "open (a roll call)", SECRET: "secret", AUTHOR_CHOOSES: "open or secret, as each proposal's author chooses" };
const WEIGHTING_WORDS: Record<FederationWeighting, string> = { EQUAL: "one council, one vote", MEMBERSHIP: "weighted by each council's membership" };
const thresholdWords = (t: PassThreshold) => THRESHOLD_LABEL[t].split(":")[0]!.toLowerCase();
const hoursWords = (n: number) => `${n} hour${n === 1 ? "" : "s"}`;
const termWords = (n: number | null) => (n === null ? "no limit" : `${n} term${n === 1 ? "" : "s"}`);

/** One value of a field, in words. */
export function describeValue(field: CharterField, rules: CharterRules): string {
  switch (field) {
    case "joinPolicy": return JOIN_WORDS[rules.joinPolicy];
    case "quorumPercent": return `${rules.quorumPercent}%`;
    case "passThreshold": return thresholdWords(rules.passThreshold);
    case "votingPeriodHours": return hoursWords(rules.votingPeriodHours);
    case "liveResults": return rules.liveResults ? "live while voting is open" : "after the close";
    case "ballotSecrecy": return SECRECY_WORDS[rules.ballotSecrecy];
    case "termLimit": return termWords(rules.termLimit);
    case "weighting": return WEIGHTING_WORDS[rules.weighting];
    case "charterChangeThreshold": return thresholdWords(rules.charterChangeThreshold);
  }
}

export const FIELD_LABEL: Record<CharterField, string> = {
  joinPolicy: "Joining",
  quorumPercent: "Quorum",
  passThreshold: "Pass threshold",
  votingPeriodHours: "Voting period",
  liveResults: "Results",
  ballotSecrecy: "Ballots",
  termLimit: "Term limit",
  weighting: "Federation votes",
  charterChangeThreshold: "Charter changes need",
};

/** "Quorum: 50% → 40%" for each field that differs between two versions. */
export function describeChange(before: CharterRules, after: CharterRules): string[] {
  return CHARTER_FIELDS.filter((f) => before[f] !== after[f])
    .map((f) => `${FIELD_LABEL[f]}: ${describeValue(f, before)} → ${describeValue(f, after)}`);
}
