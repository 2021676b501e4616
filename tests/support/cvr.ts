// Reads the RCTab-style cast-vote records in the shared election fixtures (the aggregated
// Minneapolis CSVs and the RCTab test sets' ballots.txt) into ranked ballots for countStv.

// The marks are turned into a fixed ranking the way RCTab's configured rules read them:
// - a skipped rank (CSV "undervote", ballots.txt "-") is passed over, but more than
//   `maxSkippedRanks` consecutive skipped ranks end the ballot (RCTab maxSkippedRanksAllowed);
// - an overvoted rank (CSV "overvote") is passed over (RCTab overvoteRule=alwaysSkipToNextRank);
//   it neither counts as a skipped rank nor resets the run of them. (With three ranks and the
//   limits used here, no ballot's reading depends on that choice.)
// - a repeated candidate is passed over (exhaustOnDuplicateCandidate=false);
// - the undeclared write-in label ("UWI") becomes an ordinary candidate.
// Ballots left with no candidate come out with an empty ranking, which countStv ignores.
import { readFileSync } from "node:fs";
import type { RankedBallot } from "@/lib/voting/stv";

export interface MarkRules {
  /** The label of a blank rank. */
  skipped: string;
  /** The label of an overvoted rank, if the source has one. */
  overvote?: string;
  /** More than this many consecutive skipped ranks exhaust the ballot. */
  maxSkippedRanks: number;
  /** The undeclared write-in label and the candidate it becomes. */
  undeclaredWriteIn?: { label: string; candidate: string };
}

export function rankingFromMarks(marks: readonly string[], rules: MarkRules): string[] {
  const ranking: string[] = [];
  let skippedRun = 0;
  for (const mark of marks) {
    if (mark === rules.skipped) {
      skippedRun++;
      continue;
    }
    if (rules.overvote !== undefined && mark === rules.overvote) continue;
    if (skippedRun > rules.maxSkippedRanks) break;
    skippedRun = 0;
    const candidate = rules.undeclaredWriteIn && mark === rules.undeclaredWriteIn.label ? rules.undeclaredWriteIn.candidate : mark;
    if (!ranking.includes(candidate)) ranking.push(candidate);
  }
  return ranking;
}

/** Splits one CSV line (RFC 4180 quoting). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

export interface CvrCsv {
  ballots: RankedBallot[];
  /** Every candidate named in a ranking (after the write-in mapping), in order of first appearance. */
  candidatesSeen: string[];
  /** Sum of the count column, including ballots with no valid ranking. */
  totalBallots: number;
}

/** Reads `count,choice_1,choice_2,…` (one row per distinct marking). */
export function readCvrCsv(path: string, rules: MarkRules): CvrCsv {
  const [header, ...rows] = readFileSync(path, "utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
  if (!header || splitCsvLine(header)[0] !== "count") throw new Error(`${path}: expected a "count,choice_1,…" header`);
  const ballots: RankedBallot[] = [];
  const seen = new Set<string>();
  let totalBallots = 0;
  for (const row of rows) {
    const [countCell, ...marks] = splitCsvLine(row);
    const count = Number(countCell);
    if (!Number.isInteger(count) || count < 1) throw new Error(`${path}: bad count in "${row}"`);
    totalBallots += count;
    const ranking = rankingFromMarks(marks, rules);
    for (const c of ranking) seen.add(c);
    ballots.push({ ranking, count });
  }
  return { ballots, candidatesSeen: [...seen], totalBallots };
}

/**
 * Reads the RCTab test sets' ballots.txt: "id r1 r2 …" per ballot, candidate letters, "-" for a
 * skipped rank; `names` maps a letter to the candidate name RCTab reports.
 */
export function readRctabBallotsTxt(path: string, names: Record<string, string>, maxSkippedRanks: number): RankedBallot[] {
  const ballots: RankedBallot[] = [];
  for (const raw of readFileSync(path, "utf8").split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const [, ...marks] = line.split(/\s+/);
    const ranking = rankingFromMarks(marks, { skipped: "-", maxSkippedRanks }).map((letter) => {
      const name = names[letter];
      if (!name) throw new Error(`${path}: unknown candidate letter "${letter}"`);
      return name;
    });
    ballots.push({ ranking, count: 1 });
  }
  return ballots;
}
