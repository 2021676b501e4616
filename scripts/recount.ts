// `npm run recount -- board.json`: recounts a downloaded ballot board with the same rules the server
// used and compares it with the published result. Exit 0: it matches; 1: it differs (each difference
// listed); 2: the file cannot be read as a board. Needs no database and no network.
import { readFileSync } from "node:fs";
import { BoardFormatError, parseBoard, recountBoard, type Board, type Recount } from "../lib/exports/board";
import { formatVotes, type Stage } from "../lib/voting/stv";

const THRESHOLD: Record<Board["rules"]["passThreshold"], string> = {
  SIMPLE_MAJORITY: "simple majority (more yes than no)",
  TWO_THIRDS: "two-thirds (at least two yes for every no)",
  UNANIMITY: "unanimity (at least one yes and no one against)",
};
const OUTCOME: Record<string, string> = { PASSED: "passed", REJECTED: "rejected", NO_QUORUM: "no quorum", ELECTED: "elected" };

function fail(message: string): never {
  console.error(`recount: ${message}`);
  process.exit(2);
}

function readBoard(path: string | undefined): Board {
  if (!path) fail("give the ballot board to recount: npm run recount -- ballot-board.json");
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    fail(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    fail(`${path} is not JSON (the recount reads the .json board, not the .csv)`);
  }
  try {
    return parseBoard(json);
  } catch (e) {
    if (e instanceof BoardFormatError) fail(`${path}: ${e.message}`);
    throw e;
  }
}

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

function stageTable(stages: readonly Stage[], names: Map<string, string>): string {
  const ids = [...names.keys()];
  const action = (s: Stage) =>
    s.action.type === "first-preferences" ? "first preferences"
    : s.action.type === "surplus" ? `surplus of ${names.get(s.action.candidate) ?? s.action.candidate}`
    : `exclude ${names.get(s.action.candidate) ?? s.action.candidate}`;
  const header = ["Stage", "Action", ...ids.map((id) => names.get(id) ?? id), "Non-transf.", "Elected"];
  const rows = stages.map((s) => [
    String(s.number), action(s), ...ids.map((id) => (id in s.votes ? formatVotes(s.votes[id]!) : "")), formatVotes(s.nonTransferable),
    s.elected.map((id) => names.get(id) ?? id).join(", ") + (s.tieBreak ? ` (tie: ${s.tieBreak.by === "lot" ? "by lot" : `by stage ${s.tieBreak.stage}`})` : ""),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i < cells.length - 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

function describe(board: Board, recount: Recount): string[] {
  const r = recount.recounted;
  const out = [
    `Ballot board for "${board.proposal.title}" (${board.proposal.kind.toLowerCase().replace("_", " ")}, ${board.proposal.council.name})`,
    `Voting ${board.openedAt} – ${board.closedAt}; electorate ${board.electorateSize}.`,
    `Rules (charter version ${board.rules.charterVersion}): quorum ${board.rules.quorumPercent}%, ${THRESHOLD[board.rules.passThreshold]}` +
      (board.ballotType === "mandate" ? `, ${board.rules.weighting === "EQUAL" ? "one council one vote" : "weighted by membership"}.` : "."),
  ];
  if (board.ballotType === "ranked") {
    const names = new Map(board.candidates.filter((c) => !board.withdrawn.includes(c.id)).map((c) => [c.id, c.name]));
    const name = (id: string) => board.candidates.find((c) => c.id === id)?.name ?? id;
    out.push(
      `Recounted: ${r.turnout} ballot${r.turnout === 1 ? "" : "s"} (${r.validBallots ?? 0} valid) for ${board.seats} seat${board.seats === 1 ? "" : "s"}; ` +
        `quorum needed ${r.quorumNeeded}: ${r.quorumMet ? "met" : "not met"}; quota ${formatVotes(r.quota ?? 0)}.`,
    );
    if (board.withdrawn.length) out.push(`Passed over (left the council before the close): ${board.withdrawn.map(name).join(", ")}.`);
    if (r.stages?.length) out.push("", stageTable(r.stages, names), "");
    out.push(r.outcome === "ELECTED" ? `Elected, in order: ${(r.winners ?? []).map(name).join(", ")}.` : "No quorum: nobody is elected.");
  } else {
    if (board.ballotType === "mandate") {
      for (const m of board.mandates) {
        out.push(`  ${m.councilName}: mandate ${m.mandate.toLowerCase()} (weight ${m.weight}; its vote ${m.yes} yes, ${m.no} no, ${m.abstain} abstain: ${m.outcome ? OUTCOME[m.outcome] : "undecided"})`);
      }
    }
    out.push(
      `Recounted: ${r.yes} yes, ${r.no} no, ${r.abstain} abstain. Turnout ${r.turnout} of ${board.electorateSize}, ` +
        `quorum needed ${r.quorumNeeded}: ${r.quorumMet ? "met" : "not met"}. Threshold ${r.thresholdMet ? "met" : "not met"}. Outcome: ${OUTCOME[r.outcome]}.`,
    );
  }
  return out;
}

const board = readBoard(process.argv.slice(2).find((a) => a !== "--"));
let recount: Recount;
try {
  recount = recountBoard(board);
} catch (e) {
  fail(`the board's figures cannot be counted: ${(e as Error).message}`);
}
console.log(describe(board, recount).join("\n"));
if (recount.matches) {
  console.log(`\n✔ The recount matches the published result (${OUTCOME[board.published.outcome]}).`);
  process.exit(0);
}
console.log("\n✘ The recount does NOT match the published result:");
for (const p of recount.problems) console.log(`  - ${p}`);
for (const d of recount.differences) console.log(`  - ${d.field}: published ${show(d.published)}, recounted ${show(d.recounted)}`);
process.exit(1);
