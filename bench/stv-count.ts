// Times countStv (lib/voting/stv.ts) on 1,000,000 random ranked ballots over 10 candidates, for
// 1 seat (IRV) and 3 seats (STV). Not a test: run with `npx tsx bench/stv-count.ts`.

// The ballots come from a seeded PRNG, so every run counts the same election: three parties and
// an independent of unequal size, candidates of unequal popularity, partial rankings (most voters
// rank 1–4), and later preferences that mostly stay within the voter's party. Each ballot is its
// own object with no count, as the app would pass one row per voter. Target: ≤ 2 s per count.
// Environment: BALLOTS (default 1,000,000), SEED, REPEATS (counts per seat number, default 3).
import { performance } from "node:perf_hooks";
import { countStv, type RankedBallot } from "../lib/voting/stv";

const BALLOTS = Number(process.env.BALLOTS ?? 1_000_000);
const SEED = Number(process.env.SEED ?? 20070503);
const REPEATS = Number(process.env.REPEATS ?? 3);

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

const random = mulberry32(SEED);
const candidates = ["red-1", "red-2", "red-3", "red-4", "blue-1", "blue-2", "blue-3", "green-1", "green-2", "indep"];
const partyOf = (c: string) => c.split("-")[0]!;
const parties = [
  { name: "red", share: 0.42 },
  { name: "blue", share: 0.33 },
  { name: "green", share: 0.17 },
  { name: "indep", share: 0.08 },
];
/** Popularity within the whole field (Zipf-like, so a few candidates dominate). */
const popularity = new Map(candidates.map((c, i) => [c, 1 / (1 + ((i * 7) % 10)) ** 1.1]));
/** How many preferences a voter marks: mostly 1–4, a few rank everyone. */
const lengthWeights = [0, 0.24, 0.22, 0.18, 0.12, 0.08, 0.05, 0.04, 0.03, 0.02, 0.02];

function pickWeighted<T>(items: readonly T[], weight: (t: T) => number): T {
  let total = 0;
  for (const t of items) total += weight(t);
  let r = random() * total;
  for (const t of items) {
    r -= weight(t);
    if (r <= 0) return t;
  }
  return items[items.length - 1]!;
}

function randomBallot(): RankedBallot {
  const party = pickWeighted(parties, (p) => p.share).name;
  const length = pickWeighted(
    lengthWeights.map((_, i) => i),
    (i) => lengthWeights[i]!,
  );
  const left = [...candidates];
  const ranking: string[] = [];
  for (let k = 0; k < length; k++) {
    const loyalty = k === 0 ? 12 : 4; // first preferences stick to the party most
    const c = pickWeighted(left, (x) => popularity.get(x)! * (partyOf(x) === party ? loyalty : 1));
    ranking.push(c);
    left.splice(left.indexOf(c), 1);
  }
  return { ranking };
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

const built = time(() => Array.from({ length: BALLOTS }, randomBallot));
const ballots = built.value;
const distinct = new Set(ballots.map((b) => b.ranking.join(">"))).size;
console.log(`${BALLOTS.toLocaleString("en")} ballots over ${candidates.length} candidates (seed ${SEED}), ${distinct.toLocaleString("en")} distinct rankings; built in ${built.ms.toFixed(0)} ms`);
console.log(`node ${process.version}, ${process.arch}`);

for (const seats of [1, 3]) {
  const times: number[] = [];
  let summary = "";
  for (let i = 0; i < REPEATS; i++) {
    const { ms, value } = time(() => countStv(ballots, { seats, candidates }));
    times.push(ms);
    summary = `winners ${value.winners.join(", ")}; ${value.stages.length} stages; quota ${value.quota / 100_000}`;
  }
  const verdict = Math.max(...times) <= 2000 ? "within" : "OVER";
  console.log(`${seats} seat${seats > 1 ? "s" : ""}: ${times.map((t) => `${t.toFixed(0)} ms`).join(", ")} (${verdict} the 2 s target) — ${summary}`);
}
