// Random ranked ballots for the election benchmarks, from a seeded PRNG, so every run counts the same
// election: three parties and an independent of unequal size over ten candidates, candidates of
// unequal popularity, partial rankings (most voters rank 1–4), and later preferences that mostly
// stay within the voter's party. Each ballot is its own object, as the app passes one per voter.
import type { RankedBallot } from "../../lib/voting/stv";

export const CANDIDATE_NAMES = ["red-1", "red-2", "red-3", "red-4", "blue-1", "blue-2", "blue-3", "green-1", "green-2", "indep"];

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const parties = [
  { name: "red", share: 0.42 },
  { name: "blue", share: 0.33 },
  { name: "green", share: 0.17 },
  { name: "indep", share: 0.08 },
];
/** How many preferences a voter marks: mostly 1–4, a few rank everyone. */
const lengthWeights = [0, 0.24, 0.22, 0.18, 0.12, 0.08, 0.05, 0.04, 0.03, 0.02, 0.02];

/**
 * `count` ballots over ten candidates; `candidates` are the ids written on the ballots, in the order
 * of CANDIDATE_NAMES (whose prefixes give each candidate's party).
 */
export function randomBallots(count: number, candidates: readonly string[] = CANDIDATE_NAMES, seed = 20070503): RankedBallot[] {
  if (candidates.length !== CANDIDATE_NAMES.length) throw new Error(`randomBallots needs ${CANDIDATE_NAMES.length} candidates`);
  const random = mulberry32(seed);
  const partyOf = CANDIDATE_NAMES.map((c) => c.split("-")[0]!);
  // Popularity within the whole field (Zipf-like, so a few candidates dominate).
  const popularity = CANDIDATE_NAMES.map((_, i) => 1 / (1 + ((i * 7) % 10)) ** 1.1);
  const pick = <T,>(items: readonly T[], weight: (t: T) => number): T => {
    let total = 0;
    for (const t of items) total += weight(t);
    let r = random() * total;
    for (const t of items) {
      r -= weight(t);
      if (r <= 0) return t;
    }
    return items[items.length - 1]!;
  };
  const lengths = lengthWeights.map((_, i) => i);
  const ballots: RankedBallot[] = new Array(count);
  for (let b = 0; b < count; b++) {
    const party = pick(parties, (p) => p.share).name;
    const length = pick(lengths, (i) => lengthWeights[i]!);
    const left = CANDIDATE_NAMES.map((_, i) => i);
    const ranking: string[] = [];
    for (let k = 0; k < length; k++) {
      const loyalty = k === 0 ? 12 : 4; // first preferences stick to the party most
      const c = pick(left, (x) => popularity[x]! * (partyOf[x] === party ? loyalty : 1));
      ranking.push(candidates[c]!);
      left.splice(left.indexOf(c), 1);
    }
    ballots[b] = { ranking };
  }
  return ballots;
}
