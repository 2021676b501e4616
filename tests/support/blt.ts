// Reads ballot files in BLT format (Hill/Wichmann/Woodall, as used by OpenSTV and Droop) into
// ranked ballots, including Checkoway's extension: "-" is a skipped rank, "a=b" an overvote.

// An overvote ends the ballot there (it cannot express a single next preference); so does "-=-",
// an overvote whose marks are unknown. A repeated candidate adds nothing. Comment lines start "#".
import { readFileSync } from "node:fs";
import type { RankedBallot } from "@/lib/voting/stv";

export interface BltLine {
  weight: number;
  /** The rank tokens as written, without the terminating 0: "3", "-", "5=6", "-=-". */
  marks: string[];
}

export interface BltElection {
  seats: number;
  /** Candidate names in file order (ids in the ballots are these names). */
  candidates: string[];
  /**
   * One ballot per line. A line whose first mark is an overvote, or that has no mark at all,
   * yields an empty ranking (which countStv ignores).
   */
  ballots: RankedBallot[];
  /** The ballot lines as written, for tests that need to look at overvotes themselves. */
  lines: BltLine[];
  /** Droop's "[tie …]" line: candidate names in tie-break order, if present. */
  tieOrder?: string[];
  title: string;
}

const unquote = (t: string) => t.replace(/^"|"$/g, "");

export function readBlt(path: string): BltElection {
  const tokens: string[] = [];
  for (const raw of readFileSync(path, "utf8").split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    tokens.push(line);
  }
  const header = tokens.shift();
  if (header === undefined) throw new Error(`${path}: empty BLT file`);
  const [nc, ns] = header.split(/\s+/).map(Number) as [number, number];
  if (!Number.isInteger(nc) || !Number.isInteger(ns) || nc < 1 || ns < 1) throw new Error(`${path}: bad header "${header}"`);

  let tieLine: number[] | undefined;
  const lines: BltLine[] = [];
  let terminated = false;
  while (tokens.length) {
    const line = tokens.shift()!;
    if (line.startsWith("[tie")) {
      tieLine = line.replace(/[[\]]/g, "").split(/\s+/).filter(Boolean).slice(1).map(Number);
      continue;
    }
    if (line.startsWith("[")) continue; // other Droop options; none used by these fixtures
    if (line === "0") {
      terminated = true;
      break;
    }
    const parts = line.split(/\s+/);
    const weight = Number(parts[0]);
    if (!Number.isInteger(weight) || weight < 0) throw new Error(`${path}: bad ballot weight in "${line}"`);
    const marks = parts.slice(1);
    if (marks.at(-1) !== "0") throw new Error(`${path}: ballot line without terminating 0: ${line}`);
    lines.push({ weight, marks: marks.slice(0, -1) });
  }
  if (!terminated) throw new Error(`${path}: no "0" line after the ballots`);
  if (tokens.length < nc) throw new Error(`${path}: expected ${nc} candidate names, found ${tokens.length}`);

  const names = tokens.slice(0, nc).map(unquote);
  const title = unquote(tokens[nc] ?? "");
  const nameOf = (mark: string) => {
    const n = Number(mark);
    if (!Number.isInteger(n) || n < 1 || n > nc) throw new Error(`${path}: rank mark "${mark}" is not a candidate number 1..${nc}`);
    return names[n - 1]!;
  };
  const ballots: RankedBallot[] = lines.map(({ weight, marks }) => {
    const ranking: string[] = [];
    for (const mark of marks) {
      if (mark === "-") continue; // skipped rank
      if (mark.includes("=")) break; // overvote (including "-=-", marks unknown): the ballot exhausts here
      const name = nameOf(mark);
      if (!ranking.includes(name)) ranking.push(name); // a repeated mark adds nothing
    }
    return { ranking, count: weight };
  });
  return {
    seats: ns,
    candidates: names,
    ballots,
    lines,
    title,
    ...(tieLine ? { tieOrder: tieLine.map((i) => nameOf(String(i))) } : {}),
  };
}
