// Counting ranked ballots: the single transferable vote under the Scottish rules (The Scottish
// Local Government Elections Order 2007, SSI 2007/42, rules 45–52); with one seat this is
// instant-runoff voting. Pure: no database, no clock, no randomness. See docs/decisions/003-stv.md.
//
// Arithmetic is fixed-point with five decimal places, as rule 48(3) prescribes: every value is an
// integer number of hundred-thousandths of a vote, and transfer values are truncated, never rounded.

export const STV_RULE = "scottish-stv-2007";
export const STV_RULE_LABEL = "Scottish STV (SSI 2007/42, rules 45–52)";
export const IRV_RULE_LABEL = "Instant-runoff (Scottish STV rules with one seat)";

/** One vote, in the count's fixed-point unit. */
export const UNIT = 100_000;

export interface RankedBallot {
  /** Candidate ids, most preferred first. Partial rankings are fine; repeats and unknown ids are not. */
  ranking: readonly string[];
  /** How many identical ballots this line stands for (default 1). */
  count?: number;
}

export interface StvOptions {
  seats: number;
  /** Every candidate, including those nobody ranked. */
  candidates: readonly string[];
  /**
   * The drawing of lots (rules 49(3), 51(2)(b)), decided in advance: when candidates were equal at
   * every stage, the one earliest in this order is chosen (its surplus goes first, or it is
   * excluded). Defaults to the order of `candidates`.
   */
  lotOrder?: readonly string[];
}

export type StageAction =
  | { type: "first-preferences" }
  | { type: "surplus"; candidate: string; surplus: number }
  | { type: "exclusion"; candidate: string };

export interface TieBreak {
  kind: "surplus" | "exclusion";
  tied: string[];
  chosen: string;
  /** "earlier-stage": decided by the most recent stage at which they were unequal; "lot": by `lotOrder`. */
  by: "earlier-stage" | "lot";
  /** The stage consulted when `by` is "earlier-stage". */
  stage?: number;
}

export interface Stage {
  /** 1 = first preferences; each later stage transfers one surplus or one excluded candidate's papers. */
  number: number;
  action: StageAction;
  /** Votes per candidate at the end of the stage (fixed-point, see UNIT). */
  votes: Record<string, number>;
  /** Change from the previous stage, per candidate. */
  transfers: Record<string, number>;
  nonTransferable: number;
  /** Value lost to truncation so far: total valid ballots − all votes − non-transferable. */
  residual: number;
  /** Candidates who reached the quota (or filled the last seats, rule 52) at the end of this stage. */
  elected: string[];
  tieBreak?: TieBreak;
}

export interface StvResult {
  rule: typeof STV_RULE;
  ruleLabel: string;
  seats: number;
  validBallots: number;
  /** floor(valid ballots / (seats + 1)) + 1, fixed-point. */
  quota: number;
  /** In order of election. */
  winners: string[];
  /** Candidates elected without reaching the quota because they were the last continuing (rule 52). */
  electedWithoutQuota: string[];
  excluded: string[];
  stages: Stage[];
}

export class BallotError extends Error {
  override name = "BallotError";
}

interface Parcel {
  ranking: readonly number[];
  /** Index into `ranking` of the candidate currently holding the papers. */
  position: number;
  /** Value of each paper, fixed-point. */
  value: number;
  count: number;
}

type State = "continuing" | "elected" | "excluded";

/** floor(a × b / c) without leaving the exact integer range. */
function mulDivFloor(a: number, b: number, c: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) return Math.floor(product / c);
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/**
 * Groups identical rankings, so a million ballots cost no more than their distinct orderings. A
 * ranking's key is a number (its candidates' positions as digits in base n + 1) when that fits
 * exactly, else a string; nothing is allocated per ballot but for a new group (a million small
 * arrays and strings were most of a million-ballot count's time, in the garbage collector).
 */
function groupBallots(ballots: Iterable<RankedBallot>, index: Map<string, number>): Map<number | string, { ranking: number[]; count: number }> {
  const n = index.size;
  const numeric = Math.pow(n + 1, n) <= Number.MAX_SAFE_INTEGER; // a ranking holds each candidate once at most
  const groups = new Map<number | string, { ranking: number[]; count: number }>();
  const seenAt = new Float64Array(n); // the ballot that last ranked each candidate: duplicates, without a set per ballot
  const ranking: number[] = [];
  let ballotNo = 0;
  for (const ballot of ballots) {
    const count = ballot.count ?? 1;
    if (!Number.isSafeInteger(count) || count < 0) throw new BallotError(`A ballot count must be a whole number ≥ 0, got ${count}.`);
    if (count === 0 || ballot.ranking.length === 0) continue;
    ballotNo++;
    ranking.length = 0;
    let key = 0;
    for (const id of ballot.ranking) {
      const i = index.get(id);
      if (i === undefined) throw new BallotError(`A ballot ranks "${id}", who is not a candidate.`);
      if (seenAt[i] === ballotNo) throw new BallotError(`A ballot ranks "${id}" more than once.`);
      seenAt[i] = ballotNo;
      ranking.push(i);
      key = key * (n + 1) + i + 1;
    }
    const k = numeric ? key : ranking.join(",");
    const group = groups.get(k);
    if (group) group.count += count;
    else groups.set(k, { ranking: ranking.slice(), count });
  }
  return groups;
}

export function countStv(ballots: Iterable<RankedBallot>, options: StvOptions): StvResult {
  const { seats, candidates } = options;
  if (!Number.isInteger(seats) || seats < 1) throw new BallotError("There must be at least one seat.");
  if (new Set(candidates).size !== candidates.length) throw new BallotError("Candidate ids must be unique.");
  const n = candidates.length;
  const index = new Map(candidates.map((c, i) => [c, i]));
  const lotOrder = options.lotOrder ?? candidates;
  const lotRank = new Map(lotOrder.map((c, i) => [c, i]));
  if (lotRank.size !== n || candidates.some((c) => !lotRank.has(c))) {
    throw new BallotError("The lot order must list every candidate exactly once.");
  }

  const groups = groupBallots(ballots, index);
  let validBallots = 0;
  for (const g of groups.values()) validBallots += g.count;
  const quota = (Math.floor(validBallots / (seats + 1)) + 1) * UNIT; // rule 46

  const state: State[] = candidates.map(() => "continuing");
  const parcels: Parcel[][] = candidates.map(() => []);
  const votes: number[] = new Array(n).fill(0);
  let nonTransferable = 0;
  const winners: number[] = [];
  const electedWithoutQuota: number[] = [];
  const excluded: number[] = [];
  /** Elected candidates whose surplus is still to be transferred. */
  const pending: number[] = [];
  const history: number[][] = []; // votes at the end of each stage, for tie-breaks
  const stages: Stage[] = [];

  // Rule 45: first preferences, each paper worth one vote.
  for (const g of groups.values()) {
    const first = g.ranking[0]!;
    parcels[first]!.push({ ranking: g.ranking, position: 0, value: UNIT, count: g.count });
    votes[first]! += g.count * UNIT;
  }

  const seatsLeft = () => seats - winners.length;
  const continuing = () => state.flatMap((s, i) => (s === "continuing" ? [i] : []));

  /** Moves a candidate's papers to the next continuing preference, each at `valueOf(paper)`. */
  function transferPapers(from: number, valueOf: (p: Parcel) => number) {
    for (const p of parcels[from]!) {
      const value = valueOf(p);
      let next = p.position + 1;
      while (next < p.ranking.length && state[p.ranking[next]!] !== "continuing") next++;
      if (next >= p.ranking.length) {
        nonTransferable += value * p.count;
        continue;
      }
      const to = p.ranking[next]!;
      if (value > 0) parcels[to]!.push({ ranking: p.ranking, position: next, value, count: p.count });
      votes[to]! += value * p.count;
    }
    parcels[from] = [];
  }

  /**
   * Rules 49(2)/51(2): among tied candidates, look back to the most recent earlier stage at which
   * they were unequal and take the highest (surplus) or lowest (exclusion). If several share that
   * highest or lowest, only they stay in the tie and the look-back goes on; failing that, the lot.
   */
  function breakTie(tied: number[], kind: "surplus" | "exclusion"): { chosen: number; tieBreak?: TieBreak } {
    if (tied.length === 1) return { chosen: tied[0]! };
    const ids = tied.map((i) => candidates[i]!);
    let still = tied;
    for (let s = history.length - 1; s >= 0; s--) {
      const at = history[s]!;
      const target = kind === "surplus" ? Math.max(...still.map((i) => at[i]!)) : Math.min(...still.map((i) => at[i]!));
      still = still.filter((i) => at[i] === target);
      if (still.length === 1) {
        return { chosen: still[0]!, tieBreak: { kind, tied: ids, chosen: candidates[still[0]!]!, by: "earlier-stage", stage: s + 1 } };
      }
    }
    const chosen = [...still].sort((a, b) => lotRank.get(candidates[a]!)! - lotRank.get(candidates[b]!)!)[0]!;
    return { chosen, tieBreak: { kind, tied: ids, chosen: candidates[chosen]!, by: "lot" } };
  }

  /** Rule 47: everyone at or above the quota is elected, highest first. */
  function electWithQuota(): number[] {
    const reached = continuing()
      .filter((i) => votes[i]! >= quota)
      .sort((a, b) => votes[b]! - votes[a]! || a - b);
    for (const i of reached) {
      if (seatsLeft() === 0) break;
      state[i] = "elected";
      winners.push(i);
      if (votes[i]! > quota) pending.push(i);
    }
    return reached.filter((i) => state[i] === "elected");
  }

  /** Rule 52: when the continuing candidates are no more than the seats left, they are elected. */
  function fillLastSeats(): number[] {
    const rest = continuing();
    if (seatsLeft() === 0 || rest.length > seatsLeft()) return [];
    rest.sort((a, b) => votes[b]! - votes[a]! || lotRank.get(candidates[a]!)! - lotRank.get(candidates[b]!)!);
    for (const i of rest) {
      state[i] = "elected";
      winners.push(i);
      electedWithoutQuota.push(i);
    }
    return rest;
  }

  let previous: number[] = new Array(n).fill(0);
  function recordStage(action: StageAction, elected: number[], tieBreak?: TieBreak) {
    const total = votes.reduce((a, b) => a + b, 0);
    stages.push({
      number: stages.length + 1,
      action,
      votes: Object.fromEntries(candidates.map((c, i) => [c, votes[i]!])),
      transfers: Object.fromEntries(candidates.map((c, i) => [c, votes[i]! - previous[i]!])),
      nonTransferable,
      residual: validBallots * UNIT - total - nonTransferable,
      elected: elected.map((i) => candidates[i]!),
      ...(tieBreak ? { tieBreak } : {}),
    });
    history.push([...votes]);
    previous = [...votes];
  }

  {
    const elected = electWithQuota();
    recordStage({ type: "first-preferences" }, [...elected, ...fillLastSeats()]);
  }

  while (seatsLeft() > 0 && continuing().length > 0) {
    if (pending.length > 0) {
      // Rules 48–49: transfer the largest surplus first.
      const largest = Math.max(...pending.map((i) => votes[i]!));
      const { chosen, tieBreak } = breakTie(pending.filter((i) => votes[i] === largest), "surplus");
      pending.splice(pending.indexOf(chosen), 1);
      const total = votes[chosen]!;
      const surplus = total - quota;
      transferPapers(chosen, (p) => mulDivFloor(surplus, p.value, total)); // rule 48(3)
      votes[chosen] = quota;
      const elected = electWithQuota();
      recordStage({ type: "surplus", candidate: candidates[chosen]!, surplus }, [...elected, ...fillLastSeats()], tieBreak);
      continue;
    }
    // Rules 50–51: exclude the lowest continuing candidate; papers keep their value.
    const rest = continuing();
    const lowest = Math.min(...rest.map((i) => votes[i]!));
    const { chosen, tieBreak } = breakTie(rest.filter((i) => votes[i] === lowest), "exclusion");
    state[chosen] = "excluded";
    excluded.push(chosen);
    transferPapers(chosen, (p) => p.value);
    votes[chosen] = 0;
    const elected = electWithQuota();
    recordStage({ type: "exclusion", candidate: candidates[chosen]! }, [...elected, ...fillLastSeats()], tieBreak);
  }

  return {
    rule: STV_RULE,
    ruleLabel: seats === 1 ? IRV_RULE_LABEL : STV_RULE_LABEL,
    seats,
    validBallots,
    quota,
    winners: winners.map((i) => candidates[i]!),
    electedWithoutQuota: electedWithoutQuota.map((i) => candidates[i]!),
    excluded: excluded.map((i) => candidates[i]!),
    stages,
  };
}

/** A fixed-point value as a decimal string with five places, e.g. 139386735 → "1393.86735". */
export function formatVotes(value: number): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / UNIT)}.${String(abs % UNIT).padStart(5, "0")}`;
}
