// The arithmetic behind the result charts (components/charts/): shares, bar widths, marker
// positions, all as percentages of the chart's width, so the SVG scales to any screen. Pure.

/** A segment of a bar: where it starts and how wide it is, both in percent of the bar. */
export interface Segment {
  start: number;
  size: number;
}

const finite = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);

/**
 * Shares of a whole in percent, rounded to `decimals` places by the largest-remainder method, so
 * that they always add up to exactly 100 (or are all 0 when the whole is 0): "33.3 + 33.3 + 33.3"
 * would leave a gap at the end of a bar and a reader adding the labels up would be right to ask.
 */
export function shares(values: readonly number[], decimals = 1): number[] {
  const clean = values.map(finite);
  const total = clean.reduce((a, b) => a + b, 0);
  if (total === 0) return clean.map(() => 0);
  const unit = 10 ** decimals;
  const exact = clean.map((v) => (v / total) * 100 * unit);
  const floors = exact.map(Math.floor);
  let left = 100 * unit - floors.reduce((a, b) => a + b, 0);
  // Hand the units left over to the largest remainders; ties go to the earlier value, deterministically.
  const order = exact.map((e, i) => ({ i, rest: e - floors[i]! })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors.map((f) => f / unit);
}

/** Segments laid end to end from the left, from shares that sum to 100: the last one ends at 100 exactly. */
export function stack(values: readonly number[], decimals = 1): Segment[] {
  let start = 0;
  return shares(values, decimals).map((size) => {
    const s = { start: round(start), size };
    start += size;
    return s;
  });
}

/** `value` as percent of `max`, clamped to 0..100; 0 when max is 0. */
export function percentOf(value: number, max: number): number {
  const m = finite(max);
  if (m === 0) return 0;
  return round(Math.min(100, (finite(value) / m) * 100));
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Which way a label at `x` percent should run so it stays inside the chart. */
export function anchorAt(x: number): "start" | "end" {
  return x > 50 ? "end" : "start";
}

export interface TallyLayout {
  total: number;
  /** Yes, no, abstain, in that order. */
  segments: Segment[];
  /** Where the pass line falls: the share of the whole bar yes must reach; null when nothing to mark. */
  passAt: number | null;
}

/**
 * One bar of all votes cast: yes from the left, then no, then abstain. Abstentions do not count
 * towards the threshold, so the pass line sits at `passPercent` of the yes-plus-no part of the bar.
 */
export function tallyLayout(tally: { yes: number; no: number; abstain: number }, passPercent: number | null): TallyLayout {
  const values = [tally.yes, tally.no, tally.abstain].map(finite);
  const total = values.reduce((a, b) => a + b, 0);
  const segments = stack(values);
  const decisive = segments[0]!.size + segments[1]!.size;
  const passAt = passPercent === null || total === 0 || decisive === 0
    ? null
    : round((Math.min(100, Math.max(0, passPercent)) / 100) * decisive);
  return { total, segments, passAt };
}

export interface TurnoutLayout {
  /** Width of the turnout bar, percent of the electorate. */
  filled: number;
  /** Where the quorum line falls, percent of the electorate; null when there is no quorum to reach. */
  quorumAt: number | null;
  met: boolean;
}

export function turnoutLayout(turnout: number, electorate: number, quorumNeeded: number): TurnoutLayout {
  const t = finite(turnout);
  const q = finite(quorumNeeded);
  return {
    filled: percentOf(t, electorate),
    quorumAt: q === 0 || finite(electorate) === 0 ? null : percentOf(q, electorate),
    met: t >= q,
  };
}

export type CandidateState = "hopeful" | "elected" | "elected-now" | "excluded-now";

export interface StageRow {
  id: string;
  votes: number;
  width: number;
  state: CandidateState;
}

export interface StageLayout {
  number: number;
  rows: StageRow[];
}

export interface StagesLayout {
  /** The quota line, percent of the common scale. */
  quotaAt: number;
  stages: StageLayout[];
}

/**
 * STV or IRV stages as bars on one scale shared by every stage (so bars can be compared across
 * stages): each stage lists the candidates still in the count in `order`, marking who is elected at
 * or before it and who is excluded in it. Candidates excluded at an earlier stage are left out.
 */
export function stagesLayout(input: {
  order: readonly string[];
  quota: number;
  stages: readonly { number: number; votes: Record<string, number>; elected: readonly string[]; excluded: string | null }[];
}): StagesLayout {
  const electedAt = new Map<string, number>();
  const excludedAt = new Map<string, number>();
  for (const s of input.stages) {
    for (const id of s.elected) if (!electedAt.has(id)) electedAt.set(id, s.number);
    if (s.excluded) excludedAt.set(s.excluded, s.number);
  }
  const shown = (s: { number: number }) => input.order.filter((id) => (excludedAt.get(id) ?? Infinity) >= s.number);
  const all = input.stages.flatMap((s) => shown(s).map((id) => finite(s.votes[id] ?? 0)));
  const max = Math.max(finite(input.quota), ...all, 1);
  return {
    quotaAt: percentOf(input.quota, max),
    stages: input.stages.map((s) => ({
      number: s.number,
      rows: shown(s).map((id) => {
          const votes = finite(s.votes[id] ?? 0);
          const state: CandidateState = excludedAt.get(id) === s.number ? "excluded-now"
            : electedAt.get(id) === s.number ? "elected-now"
            : (electedAt.get(id) ?? Infinity) < s.number ? "elected"
            : "hopeful";
          return { id, votes, width: percentOf(votes, max), state };
        }),
    })),
  };
}

/** Where a pass threshold sits, as percent of the yes-plus-no votes (lib/voting/outcome.ts decides; this only draws). */
export function passPercent(threshold: "SIMPLE_MAJORITY" | "TWO_THIRDS" | "UNANIMITY"): number {
  return { SIMPLE_MAJORITY: 50, TWO_THIRDS: 200 / 3, UNANIMITY: 100 }[threshold];
}
