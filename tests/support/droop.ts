// Reads Droop's reference outputs (the tab-separated "dump" and the text "report") into one
// snapshot per action, so tests can compare a count with Droop's stage by stage.
import { readFileSync } from "node:fs";

export interface DroopSnapshot {
  /** Droop's round number ("0" for the first count, "X" for the end). */
  round: string;
  /** e.g. "begin", "elect", "defeat", "transfer", "tie", "unpend" (dump), or the report's action text. */
  action: string;
  /** Votes per candidate, as Droop prints them (fixed-point decimal strings). */
  votes: Record<string, string>;
  nonTransferable: string;
  /** Only the report prints the residual. */
  residual?: string;
}

/** Droop's dump: "R Action Quota Non-Transferable 1.name 1.state 1.vote …", plus "log"/"round" lines. */
export function readDroopDump(path: string): DroopSnapshot[] {
  const [header, ...rows] = readFileSync(path, "utf8").split(/\r?\n/).filter(Boolean);
  if (!header?.startsWith("R\tAction\tQuota\tNon-Transferable")) throw new Error(`${path}: not a Droop dump`);
  const snapshots: DroopSnapshot[] = [];
  for (const row of rows) {
    const [round, action, , nonTransferable, ...cells] = row.split("\t");
    if (action === "log" || action === "round") continue;
    if (cells.length % 3 !== 0) throw new Error(`${path}: ragged row: ${row}`);
    const votes: Record<string, string> = {};
    for (let i = 0; i < cells.length; i += 3) votes[cells[i]!] = cells[i + 2]!;
    snapshots.push({ round: round!, action: action!, votes, nonTransferable: nonTransferable! });
  }
  return snapshots;
}

/** Droop's text report: one "Action: …" block per action, listing every candidate with "(votes)". */
export function readDroopReport(path: string): DroopSnapshot[] {
  const snapshots: DroopSnapshot[] = [];
  let round = "0";
  let current: DroopSnapshot | undefined;
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    const roundMatch = /^Round (\d+):/.exec(line);
    if (roundMatch) round = roundMatch[1]!;
    const actionMatch = /^Action: (.*)$/.exec(line);
    if (actionMatch) {
      current = { round, action: actionMatch[1]!, votes: {}, nonTransferable: "" };
      snapshots.push(current);
      continue;
    }
    if (!current) continue;
    const candidate = /^\t(?:Hopeful|Elected|Defeated|Pending|Withdrawn):\s+(.*) \((-?[\d.]+)\)$/.exec(line);
    // Droop lists candidates with equal votes on one line, "Defeated: A, B (0.00000)". (No name in
    // these fixtures contains ", ".)
    if (candidate) for (const name of candidate[1]!.split(", ")) current.votes[name] = candidate[2]!;
    const nt = /^\tNontransferable votes: (-?[\d.]+)$/.exec(line);
    if (nt) current.nonTransferable = nt[1]!;
    const residual = /^\tResidual: (-?[\d.]+)$/.exec(line);
    if (residual) current.residual = residual[1]!;
  }
  return snapshots;
}

/**
 * The snapshots that correspond to our stages: the first count, then the state after each
 * transfer, leaving out transfers that changed nothing (Droop "transfers" a zero surplus when a
 * candidate has exactly the quota; rule 48(1) transfers only a surplus that exceeds the quota, so
 * our count has no such stage).
 */
export function droopStages(snapshots: DroopSnapshot[], isFirst: (s: DroopSnapshot) => boolean, isTransfer: (s: DroopSnapshot) => boolean): DroopSnapshot[] {
  const first = snapshots.find(isFirst);
  if (!first) throw new Error("no first-count snapshot");
  const stages = [first];
  for (const s of snapshots.filter(isTransfer)) {
    const last = stages.at(-1)!;
    const unchanged = s.nonTransferable === last.nonTransferable && Object.entries(s.votes).every(([c, v]) => last.votes[c] === v);
    if (!unchanged) stages.push(s);
  }
  return stages;
}

export interface DroopTieBreak {
  by: "lot" | "prior stage";
  reason: string;
  tied: string[];
  chosen: string;
}

/** The report's "Break tie by lot (defeat low candidate): [X, Y, Z] -> X" lines. */
export function readDroopTieBreaks(path: string): DroopTieBreak[] {
  const out: DroopTieBreak[] = [];
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    const m = /^Action: Break tie by (lot|prior stage) \(([^)]*)\): \[(.*)\] -> (.*)$/.exec(line);
    if (m) out.push({ by: m[1] as DroopTieBreak["by"], reason: m[2]!, tied: m[3]!.split(", "), chosen: m[4]! });
  }
  return out;
}
