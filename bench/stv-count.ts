// Times countStv (lib/voting/stv.ts) on 1,000,000 random ranked ballots over 10 candidates, for
// 1 seat (IRV) and 3 seats (STV). Part of `npm run bench`; run alone with `npm run bench:stv`.
// The ballots come from bench/lib/ballots.ts (seeded, so every run counts the same election); each
// is its own object with no count, as the app would pass one row per voter: countStv groups
// identical rankings itself. Target: ≤ 2 s per count.
// Environment: BALLOTS (default 1,000,000), SEED, REPEATS (counts per seat number, default 3).
import { performance } from "node:perf_hooks";
import { countStv } from "../lib/voting/stv";
import { CANDIDATE_NAMES, randomBallots } from "./lib/ballots";

export interface StvFigures {
  ballots: number;
  distinctRankings: number;
  buildMs: number;
  counts: { seats: number; ms: number[]; winners: string[]; stages: number }[];
}

export function runStvBench({ ballots: n = 1_000_000, seed = 20070503, repeats = 3 } = {}): StvFigures {
  let started = performance.now();
  const ballots = randomBallots(n, CANDIDATE_NAMES, seed);
  const buildMs = performance.now() - started;
  const distinctRankings = new Set(ballots.map((b) => b.ranking.join(">"))).size;
  const counts: StvFigures["counts"] = [];
  for (const seats of [1, 3]) {
    const ms: number[] = [];
    let winners: string[] = [], stages = 0;
    for (let i = 0; i < repeats; i++) {
      started = performance.now();
      const result = countStv(ballots, { seats, candidates: CANDIDATE_NAMES });
      ms.push(performance.now() - started);
      winners = result.winners;
      stages = result.stages.length;
    }
    counts.push({ seats, ms, winners, stages });
  }
  return { ballots: n, distinctRankings, buildMs, counts };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = runStvBench({
    ballots: Number(process.env.BALLOTS ?? 1_000_000),
    seed: Number(process.env.SEED ?? 20070503),
    repeats: Number(process.env.REPEATS ?? 3),
  });
  console.log(`${figures.ballots.toLocaleString("en")} ballots over ${CANDIDATE_NAMES.length} candidates, ${figures.distinctRankings.toLocaleString("en")} distinct rankings; built in ${figures.buildMs.toFixed(0)} ms`);
  console.log(`node ${process.version}, ${process.arch}`);
  for (const c of figures.counts) {
    const verdict = Math.max(...c.ms) <= 2000 ? "within" : "OVER";
    console.log(`${c.seats} seat${c.seats > 1 ? "s" : ""}: ${c.ms.map((t) => `${t.toFixed(0)} ms`).join(", ")} (${verdict} the 2 s target) — winners ${c.winners.join(", ")}; ${c.stages} stages`);
  }
}
