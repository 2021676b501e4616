// The ballot board (lib/exports/board.ts): a recount of hand-built boards for a motion, an election
// and a federation motion; tampering with a ballot or a published figure is caught and named; and
// the CSV is RFC 4180 with the spreadsheet-formula guard.
import { describe, expect, it } from "vitest";
import { boardBallotsCsv, BoardFormatError, buildBoard, parseBoard, recountBoard, type Board, type BoardProposalInput } from "@/lib/exports/board";
import { csvField, toCsv } from "@/lib/exports/csv";
import { decideElection } from "@/lib/elections/rules";
import type { CouncilMandate } from "@/lib/federations/rules";
import type { VoteChoice } from "@/lib/generated/prisma/enums";

const council = { id: "c1", slug: "bakers", name: "Crumb & Co. Bakers" };
const times = { votingOpenedAt: new Date("2026-03-01T09:00:00Z"), votingClosesAt: new Date("2026-03-02T09:00:00Z") };
const rules = { version: 1, quorumPercent: 50, passThreshold: "SIMPLE_MAJORITY" as const, weighting: "EQUAL" as const };
const proposal = (over: Partial<BoardProposalInput> = {}): BoardProposalInput => ({
  id: "p1", kind: "MOTION", title: "Buy a second oven", council, ...times, electorateSize: 5, ...over,
});
const clone = <T,>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const fields = (board: Board) => recountBoard(board).differences.map((d) => d.field);

/** A motion: 3 yes, 1 no, 1 abstain of 5 — passed, as published. */
function motionBoard() {
  const choices: VoteChoice[] = ["NO", "YES", "ABSTAIN", "YES", "YES"];
  return buildBoard({
    proposal: proposal(), rules,
    result: { outcome: "PASSED", yes: 3, no: 1, abstain: 1, electorateSize: 5, quorumMet: true, thresholdMet: true, winners: [], count: null },
    ballots: { type: "choice", choices },
  });
}

// 11 ballots for 2 seats: quota floor(11/3)+1 = 4. Stage 1: a 5, b 3, c 3, so a is elected with a
// surplus of 1; a's 5 papers pass to b at 1/5 each, b reaches 4 and takes the second seat.
const RANKINGS = [
  ...Array.from({ length: 5 }, () => ["a", "b"]),
  ...Array.from({ length: 3 }, () => ["b"]),
  ["c", "b"], ["c", "b"], ["c"],
];

function electionBoard(rankings: string[][] = RANKINGS) {
  const candidates = [{ id: "a", name: "Ada" }, { id: "b", name: "Bruno" }, { id: "c", name: "Chiara" }];
  const decision = decideElection(rankings.map((ranking) => ({ ranking })), { proposalId: "e1", seats: 2, candidateIds: ["a", "b", "c"], electorateSize: 12, quorumPercent: 50 });
  return buildBoard({
    proposal: proposal({ id: "e1", kind: "ELECTION", title: "Purchasing committee", electorateSize: 12, seats: 2 }), rules,
    result: {
      outcome: decision.outcome, yes: 0, no: 0, abstain: 0, electorateSize: 12, quorumMet: decision.quorumMet, thresholdMet: true,
      winners: decision.count.winners,
      count: { ...decision.count, turnout: decision.turnout, quorumNeeded: decision.quorumNeeded, candidates, withdrawn: [] },
    },
    ballots: { type: "ranked", rankings },
  });
}

const mandate = (councilId: string, m: Partial<CouncilMandate>): CouncilMandate & { mandateProposalId: string; rules: { quorumPercent: number; passThreshold: "SIMPLE_MAJORITY" } } => ({
  councilId, councilName: `Council ${councilId}`, mandate: "YES", weight: 1, decided: true, electorateSize: 4,
  yes: 3, no: 1, abstain: 0, outcome: "PASSED", mandateProposalId: `m-${councilId}`, rules: { quorumPercent: 50, passThreshold: "SIMPLE_MAJORITY" }, ...m,
});

/** Three councils: yes, no, and one where nobody voted (abstains, not decided). Yes 1, no 1: rejected. */
function federationBoard() {
  return buildBoard({
    proposal: proposal({ id: "f1", kind: "FEDERATION_MOTION", title: "Share a cargo bike", council: { id: "fed", slug: "linden", name: "Linden Federation" }, electorateSize: 3 }),
    rules,
    result: { outcome: "REJECTED", yes: 1, no: 1, abstain: 1, electorateSize: 3, quorumMet: true, thresholdMet: false, winners: [], count: null },
    ballots: {
      type: "mandate",
      mandates: [
        mandate("x", {}),
        mandate("y", { mandate: "NO", yes: 1, no: 3, outcome: "REJECTED" }),
        mandate("z", { mandate: "ABSTAIN", decided: false, yes: 0, no: 0, outcome: "NO_QUORUM" }),
      ],
    },
  });
}

describe("recounting a motion", () => {
  it("matches the published result", () => {
    const recount = recountBoard(motionBoard());
    expect(recount).toMatchObject({ matches: true, differences: [], problems: [] });
    expect(recount.recounted).toMatchObject({ yes: 3, no: 1, abstain: 1, turnout: 5, quorumNeeded: 3, outcome: "PASSED" });
  });

  it("lists an open ballot's ballots in a canonical order, without voters, with empty tracking fields", () => {
    const board = motionBoard();
    const open = { tracking: null, nonce: null };
    expect(board.ballotType === "choice" && board.ballots).toEqual([
      { choice: "YES", ...open }, { choice: "YES", ...open }, { choice: "YES", ...open },
      { choice: "NO", ...open }, { choice: "ABSTAIN", ...open },
    ]);
  });

  it("names a tampered ballot's effect: a no turned into a yes", () => {
    const board = clone(motionBoard());
    if (board.ballotType !== "choice") throw new Error("expected a motion");
    board.ballots[3]!.choice = "YES";
    const recount = recountBoard(board);
    expect(recount.matches).toBe(false);
    expect(recount.differences).toEqual([
      { field: "yes", published: 3, recounted: 4 },
      { field: "no", published: 1, recounted: 0 },
    ]);
  });

  it("names a tampered published figure and outcome", () => {
    const board = clone(motionBoard());
    board.published.outcome = "REJECTED";
    board.published.abstain = 0;
    expect(fields(board)).toEqual(["outcome", "abstain"]);
  });

  it("reports more ballots than voters as a problem, not a crash", () => {
    const board = clone(motionBoard());
    board.electorateSize = 4;
    const recount = recountBoard(board);
    expect(recount.matches).toBe(false);
    expect(recount.problems[0]).toMatch(/more ballots than voters/);
  });
});

describe("recounting an election", () => {
  it("matches the published count stage by stage", () => {
    const board = electionBoard();
    const recount = recountBoard(board);
    expect(recount).toMatchObject({ matches: true, differences: [], problems: [] });
    expect(recount.recounted.winners).toEqual(["a", "b"]);
    expect(recount.recounted.quota).toBe(4 * 100_000);
    expect(recount.recounted.stages?.map((s) => s.action.type)).toEqual(["first-preferences", "surplus"]);
  });

  it("detects a tampered ranking and names the stages and figures it changes", () => {
    const board = clone(electionBoard());
    if (board.ballotType !== "ranked") throw new Error("expected an election");
    // One of the "b only" ballots now reads "c, b": stage 1 becomes a 5, b 2, c 4.
    const i = board.ballots.findIndex((b) => b.ranking.join() === "b");
    board.ballots[i]!.ranking = ["c", "b"];
    const f = fields(board);
    expect(f).toContain("stage 1 votes of b");
    expect(f).toContain("stage 1 votes of c");
    expect(recountBoard(board).matches).toBe(false);
  });

  it("detects a published winner that the ballots do not elect", () => {
    const board = clone(electionBoard());
    if (board.ballotType !== "ranked") throw new Error("expected an election");
    board.published.winners = ["a", "c"];
    expect(recountBoard(board).differences).toEqual([{ field: "winners", published: ["a", "c"], recounted: ["a", "b"] }]);
  });

  it("reports a ballot ranking someone who is not a candidate", () => {
    const board = clone(electionBoard());
    if (board.ballotType !== "ranked") throw new Error("expected an election");
    board.ballots[0]!.ranking = ["zed", "a"];
    expect(recountBoard(board).problems).toContain('ballot 1 ranks "zed", who is not a candidate');
  });

  it("passes over candidates who left before the close, as the server did", () => {
    const board = clone(electionBoard());
    if (board.ballotType !== "ranked") throw new Error("expected an election");
    board.withdrawn = ["b"];
    const recount = recountBoard(board);
    expect(recount.recounted.winners).toEqual(["a", "c"]);
    expect(recount.differences.map((d) => d.field)).toContain("winners");
  });
});

describe("recounting a federation motion from its mandates", () => {
  it("matches: one yes, one no, one council that did not decide", () => {
    const recount = recountBoard(federationBoard());
    expect(recount).toMatchObject({ matches: true, differences: [], problems: [] });
    expect(recount.recounted).toMatchObject({ yes: 1, no: 1, abstain: 1, outcome: "REJECTED" });
  });

  it("names a mandate that does not follow from its council's vote", () => {
    const board = clone(federationBoard());
    if (board.ballotType !== "mandate") throw new Error("expected a federation motion");
    board.mandates[1]!.mandate = "YES";
    const f = fields(board);
    expect(f).toContain("mandate of council Council y (y)");
    expect(f).toEqual(expect.arrayContaining(["outcome", "yes", "no", "thresholdMet"]));
  });

  it("names a council outcome that its own tally and charter do not give", () => {
    const board = clone(federationBoard());
    if (board.ballotType !== "mandate") throw new Error("expected a federation motion");
    board.mandates[0]!.yes = 1; // 1 yes, 1 no of 4: below a 50% quorum, yet published as passed
    expect(fields(board)).toContain("outcome of council Council x (x)");
  });

  it("names a wrong weight", () => {
    const board = clone(federationBoard());
    if (board.ballotType !== "mandate") throw new Error("expected a federation motion");
    board.mandates[0]!.weight = 4;
    expect(fields(board)).toContain("weight of council Council x (x)");
  });
});

describe("reading a board", () => {
  it("round-trips through JSON", () => {
    for (const board of [motionBoard(), electionBoard(), federationBoard()]) {
      expect(parseBoard(JSON.parse(JSON.stringify(board)))).toEqual(board);
    }
  });

  it("refuses other formats and versions with one sentence", () => {
    expect(() => parseBoard({ hello: 1 })).toThrow(BoardFormatError);
    expect(() => parseBoard({ ...motionBoard(), version: 99 })).toThrow(/version 99 is not supported/);
    expect(() => parseBoard({ ...motionBoard(), ballots: [{ choice: "MAYBE", tracking: null }] })).toThrow(/invalid board at ballots\.0\.choice/);
  });
});

describe("CSV", () => {
  it("quotes commas, quotes and line breaks (RFC 4180) and ends lines with CRLF", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("ovens, two")).toBe('"ovens, two"');
    expect(csvField('the "big" oven')).toBe('"the ""big"" oven"');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField(null)).toBe("");
    expect(toCsv(["a", "b"], [["x, y", 2]])).toBe('a,b\r\n"x, y",2\r\n');
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-2")).toBe("'-2");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("=1,2")).toBe("\"'=1,2\"");
    expect(csvField(-2)).toBe("-2"); // our own numbers stay numbers
  });

  it("writes a motion's ballots with a header row and no voter", () => {
    expect(boardBallotsCsv(motionBoard())).toBe("ballot,choice,tracking,nonce\r\n1,YES,,\r\n2,YES,,\r\n3,YES,,\r\n4,NO,,\r\n5,ABSTAIN,,\r\n");
  });

  it("writes ranked ballots one preference per column", () => {
    const lines = boardBallotsCsv(electionBoard()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("ballot,tracking,nonce,preference_1,preference_2");
    expect(lines).toHaveLength(RANKINGS.length + 1);
    expect(lines).toContain("1,,,a,b");
  });

  it("writes mandates with council names quoted and guarded", () => {
    const board = clone(federationBoard());
    if (board.ballotType !== "mandate") throw new Error("expected a federation motion");
    board.mandates[0]!.councilName = "=cmd, the council";
    expect(boardBallotsCsv(board).split("\r\n")[1]).toBe("x,\"'=cmd, the council\",m-x,YES,1,true,4,3,1,0,PASSED");
  });
});
