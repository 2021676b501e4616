// Exports on the real database: the ballot board of a closed vote recounts to exactly the stored
// result (motion, election, federation motion), who may download it and when, the decision record,
// the member's own export, that no export names who cast which ballot, and the recount CLI.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { expireVoting, makeCouncilWithMembers, makeUser } from "../support/factories";
import { refusal } from "../support/refusal";
import { joinCouncil, leaveCouncil } from "@/lib/councils/service";
import { castRankedVote, createElection, nominate } from "@/lib/elections/service";
import { createFederation, createFederationMotion } from "@/lib/federations/service";
import { closeProposal, createProposal, openVoting, withdrawProposal } from "@/lib/proposals/service";
import { castVote } from "@/lib/voting/service";
import { boardBallotsCsv, CHOICE_ORDER, compareRankings, parseBoard, recountBoard, type Board, type BoardBallot } from "@/lib/exports/board";
import { boardCsvChunks, boardJsonChunks, streamOf } from "@/lib/exports/board-stream";
import { loadBoardFor, loadCouncilFor } from "@/lib/exports/access";
import { decisionRecordCsv, findBoard, findBoardParts, findDecisionRecord, findMemberExport } from "@/lib/exports/queries";
import type { VoteChoice } from "@/lib/generated/prisma/enums";

let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), "plenum-recount-"));
});
afterAll(async () => {
  await t?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const TRICKY_TITLE = 'Buy "the big" oven, then\n=SUM(A1) repaint';

/** A closed motion of 5 members: 3 yes, 1 no, 1 abstain. */
async function closedMotion() {
  const { council, members } = await makeCouncilWithMembers(t.db, 4, { quorumPercent: 50 });
  const proposal = await createProposal(t.db, { councilId: council.id, authorId: members[0]!, title: TRICKY_TITLE, body: "Ovens." });
  await openVoting(t.db, { proposalId: proposal.id, actorId: members[0]! });
  const choices: VoteChoice[] = ["YES", "NO", "YES", "ABSTAIN", "YES"];
  for (const [i, choice] of choices.entries()) await castVote(t.db, { proposalId: proposal.id, userId: members[i]!, choice });
  await expireVoting(t.db, proposal.id);
  const result = (await closeProposal(t.db, proposal.id))!;
  return { council, members, proposal, result };
}

/** A closed two-seat election of 7 members, one candidate of four having left before the close. */
async function closedElection() {
  const { council, members } = await makeCouncilWithMembers(t.db, 6, { quorumPercent: 50 });
  const [a, b, c, d, e, f, g] = members as [string, string, string, string, string, string, string];
  const election = await createElection(t.db, { councilId: council.id, authorId: a, roleName: "Purchasing", seats: 2, termMonths: 6, body: "" });
  for (const x of [a, b, c, d]) await nominate(t.db, { proposalId: election.id, nomineeId: x, actorId: x });
  await openVoting(t.db, { proposalId: election.id, actorId: a });
  const ballots: [string, string[]][] = [[a, [a, d, b]], [b, [b, a]], [c, [c, b]], [d, [d, c]], [e, [a, c]], [f, [d, a, b]], [g, [b]]];
  for (const [voter, ranking] of ballots) await castRankedVote(t.db, { proposalId: election.id, userId: voter, ranking });
  await leaveCouncil(t.db, { councilId: council.id, userId: d }); // d is passed over at the count
  await expireVoting(t.db, election.id);
  const result = (await closeProposal(t.db, election.id))!;
  return { council, members, election, result };
}

const voterIdsIn = (text: string, ids: readonly string[]) => ids.filter((id) => text.includes(id));

describe("the ballot board", () => {
  it("of a closed motion recounts to exactly the stored result, and names no voter", async () => {
    const { members, proposal, result } = await closedMotion();
    const board = (await findBoard(t.db, proposal.id))!;
    expect(board).toMatchObject({
      format: "plenum-ballot-board", version: 1, ballotType: "choice", electorateSize: 5,
      proposal: { id: proposal.id, kind: "MOTION", title: TRICKY_TITLE },
      rules: { quorumPercent: 50, passThreshold: "SIMPLE_MAJORITY", charterVersion: 1 },
      published: { outcome: result.outcome, yes: result.yes, no: result.no, abstain: result.abstain, electorateSize: result.electorateSize, quorumMet: result.quorumMet, thresholdMet: result.thresholdMet },
    });
    expect(board.ballotType === "choice" && board.ballots.every((b) => Object.keys(b).sort().join() === "choice,nonce,tracking" && b.tracking === null)).toBe(true);
    const recount = recountBoard(board);
    expect(recount).toMatchObject({ matches: true, differences: [], problems: [] });
    expect(recount.recounted).toMatchObject({ yes: 3, no: 1, abstain: 1, outcome: "PASSED" });
    expect(voterIdsIn(JSON.stringify(board) + boardBallotsCsv(board), members)).toEqual([]);
  });

  it("of a closed election recounts to exactly the stored count, stage by stage", async () => {
    const { members, election, result } = await closedElection();
    const board = (await findBoard(t.db, election.id))!;
    if (board.ballotType !== "ranked") throw new Error("expected a ranked board");
    const stored = result.count as unknown as { stages: unknown[]; quota: number; withdrawn: string[] };
    expect(board.withdrawn).toEqual([members[3]]);
    expect(board.ballots).toHaveLength(7);
    expect(board.published).toMatchObject({ outcome: result.outcome, winners: result.winners, quota: stored.quota, stages: stored.stages });
    const recount = recountBoard(board);
    expect(recount).toMatchObject({ matches: true, differences: [], problems: [] });
    expect(recount.recounted.winners).toEqual(result.winners);
    // Only candidates' ids appear (as what ballots rank), never a voter who did not stand.
    const text = JSON.stringify(board) + boardBallotsCsv(board);
    expect(voterIdsIn(text, members.slice(4))).toEqual([]);
    expect(text).not.toMatch(/userId|castAt|updatedAt/);
  });

  it("of a federation motion recounts from its mandates", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2, { quorumPercent: 50 });
    const id = randomUUID().slice(0, 8);
    const federation = await createFederation(t.db, {
      name: `Federation ${id}`, slug: `federation-${id}`, description: "",
      charter: { quorumPercent: 50, passThreshold: "SIMPLE_MAJORITY", votingPeriodHours: 24, liveResults: false, weighting: "MEMBERSHIP" },
      founderId: members[0]!, foundingCouncilId: council.id,
    });
    const motion = await createFederationMotion(t.db, { federationId: federation.id, authorId: members[1]!, title: "Share a bike", body: "" });
    await openVoting(t.db, { proposalId: motion.id, actorId: members[1]! });
    const child = await t.db.proposal.findFirstOrThrow({ where: { parentId: motion.id } });
    for (const m of members) await castVote(t.db, { proposalId: child.id, userId: m, choice: "YES" });
    await expireVoting(t.db, motion.id);
    await expireVoting(t.db, child.id);
    const result = (await closeProposal(t.db, motion.id))!;
    const board = await loadBoardFor(t.db, motion.id, members[2]!);
    if (board.ballotType !== "mandate") throw new Error("expected a mandate board");
    expect(board.mandates).toEqual([expect.objectContaining({ councilId: council.id, mandateProposalId: child.id, mandate: "YES", weight: 3, rules: { quorumPercent: 50, passThreshold: "SIMPLE_MAJORITY" } })]);
    expect(board.published).toMatchObject({ outcome: result.outcome, yes: 3 });
    expect(recountBoard(board)).toMatchObject({ matches: true, differences: [], problems: [] });
    // The council's own mandate vote has its own board, for its members.
    expect(recountBoard(await loadBoardFor(t.db, child.id, members[0]!)).matches).toBe(true);
  });

  it("is for members only, and only after the close", async () => {
    const { council, members, proposal } = await closedMotion();
    const outsider = await makeUser(t.db);
    expect((await refusal(loadBoardFor(t.db, proposal.id, outsider.id))).code).toBe("FORBIDDEN");
    expect((await refusal(loadBoardFor(t.db, "no-such-proposal", members[0]!))).code).toBe("NOT_FOUND");
    // A member who left keeps their counted vote but no longer sees the council's records.
    await leaveCouncil(t.db, { councilId: council.id, userId: members[4]! });
    expect((await refusal(loadBoardFor(t.db, proposal.id, members[4]!))).code).toBe("FORBIDDEN");

    const open = await createProposal(t.db, { councilId: council.id, authorId: members[0]!, title: "Still open", body: "" });
    const draft = await refusal(loadBoardFor(t.db, open.id, members[0]!));
    expect([draft.code, draft.message]).toEqual(["CLOSED", "Voting has not opened on this proposal, so there are no ballots yet."]);
    await openVoting(t.db, { proposalId: open.id, actorId: members[0]! });
    const voting = await refusal(loadBoardFor(t.db, open.id, members[1]!));
    expect(voting.code).toBe("CLOSED");
    expect(voting.message).toMatch(/^Voting is open until .*; the ballot board is published after the close\.$/);
    // A lapsed vote nobody has read yet is counted by the first download, as by the first page view.
    await expireVoting(t.db, open.id);
    expect(await t.db.result.count({ where: { proposalId: open.id } })).toBe(0);
    expect((await loadBoardFor(t.db, open.id, members[1]!)).published.outcome).toBe("NO_QUORUM");
  });
});

/** A closed secret motion and a closed secret election of 7 members each. */
async function closedSecretVotes() {
  const { council, members } = await makeCouncilWithMembers(t.db, 6, { ballotSecrecy: "SECRET", quorumPercent: 0 });
  const [a, b, c, d] = members as [string, string, string, string];
  const motion = await createProposal(t.db, { councilId: council.id, authorId: a, title: "Secret oven", body: "Ovens." });
  await openVoting(t.db, { proposalId: motion.id, actorId: a });
  const choices: VoteChoice[] = ["NO", "YES", "ABSTAIN", "YES", "NO", "YES", "YES"];
  for (const [i, choice] of choices.entries()) await castVote(t.db, { proposalId: motion.id, userId: members[i]!, choice });
  const election = await createElection(t.db, { councilId: council.id, authorId: a, roleName: "Treasurer", seats: 1, termMonths: 6, body: "" });
  for (const x of [a, b, c, d]) await nominate(t.db, { proposalId: election.id, nomineeId: x, actorId: x });
  await openVoting(t.db, { proposalId: election.id, actorId: a });
  const rankings = [[a, b], [b], [c, a, d], [a, b, c], [d, c], [a], [b, a]];
  for (const [i, ranking] of rankings.entries()) await castRankedVote(t.db, { proposalId: election.id, userId: members[i]!, ranking });
  for (const id of [motion.id, election.id]) {
    await expireVoting(t.db, id);
    await closeProposal(t.db, id);
  }
  return { motion, election };
}

describe("the ballot board download", () => {
  const read = (chunks: AsyncGenerator<string>) => new Response(streamOf(chunks)).text();
  const canonical = (x: BoardBallot, y: BoardBallot) =>
    x.tracking !== null && y.tracking !== null ? (x.tracking < y.tracking ? -1 : 1)
      : "choice" in x && "choice" in y ? CHOICE_ORDER[x.choice] - CHOICE_ORDER[y.choice]
        : "ranking" in x && "ranking" in y ? compareRankings(x.ranking, y.ranking) : 0;

  it("streams a page at a time exactly the board built whole, open and secret, motion and election", async () => {
    const secret = await closedSecretVotes();
    const votes = [(await closedMotion()).proposal.id, (await closedElection()).election.id, secret.motion.id, secret.election.id];
    for (const id of votes) {
      const board = (await findBoard(t.db, id))!;
      if (board.ballotType === "mandate") throw new Error("expected ballots");
      expect(board.ballots.length).toBeGreaterThan(4);
      expect(board.ballots).toEqual([...(board.ballots as BoardBallot[])].sort(canonical)); // never the order of casting
      for (const pageSize of [1, 3, 5_000]) {
        const parts = (await findBoardParts(t.db, id, pageSize, pageSize))!;
        const json = await read(boardJsonChunks(parts));
        expect(json).toBe(`${JSON.stringify(board, null, 2)}\n`);
        expect(recountBoard(parseBoard(JSON.parse(json))).matches).toBe(true);
        expect(await read(boardCsvChunks(parts))).toBe(boardBallotsCsv(board));
      }
    }
  });
});


describe("the decision record", () => {
  it("lists every proposal of the council with its status and result, quoted and guarded", async () => {
    const { council, members, proposal } = await closedMotion();
    const withdrawn = await createProposal(t.db, { councilId: council.id, authorId: members[1]!, title: "Never mind", body: "" });
    await withdrawProposal(t.db, { proposalId: withdrawn.id, actorId: members[1]! });
    const draft = await createProposal(t.db, { councilId: council.id, authorId: members[2]!, title: "-1 day weeks", body: "" });
    const lapsed = await createProposal(t.db, { councilId: council.id, authorId: members[2]!, title: "Lapsed", body: "" });
    await openVoting(t.db, { proposalId: lapsed.id, actorId: members[2]! });
    await expireVoting(t.db, lapsed.id);

    const outsider = await makeUser(t.db);
    expect((await refusal(loadCouncilFor(t.db, council.slug, outsider.id))).code).toBe("FORBIDDEN");
    expect((await refusal(loadCouncilFor(t.db, "no-such-council", members[0]!))).code).toBe("NOT_FOUND");
    await loadCouncilFor(t.db, council.slug, members[0]!); // counts the lapsed vote
    const rows = await findDecisionRecord(t.db, council.id);
    expect(rows.map((r) => [r.id, r.status, r.outcome])).toEqual([
      [proposal.id, "closed", "PASSED"], [withdrawn.id, "withdrawn", null], [draft.id, "deliberation", null], [lapsed.id, "closed", "NO_QUORUM"],
    ]);
    expect(rows[0]).toMatchObject({ yes: 3, no: 1, abstain: 1, electorateSize: 5, title: TRICKY_TITLE });

    const csv = decisionRecordCsv(rows);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("proposal_id,title,kind,status,author,created_at,voting_opened_at,voting_closed_at,outcome,yes,no,abstain,electorate_size,winners");
    expect(csv).toContain(`${proposal.id},"Buy ""the big"" oven, then\n=SUM(A1) repaint",MOTION,closed,`);
    expect(csv).toContain(`${draft.id},'-1 day weeks,MOTION,deliberation,`);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("names an election's winners", async () => {
    const { council, result } = await closedElection();
    const [row] = await findDecisionRecord(t.db, council.id);
    const count = result.count as unknown as { candidates: { id: string; name: string }[] };
    expect(row!.winners).toEqual(result.winners.map((id) => count.candidates.find((c) => c.id === id)!.name));
    expect([row!.yes, row!.no, row!.abstain]).toEqual([null, null, null]);
  });
});

describe("a member's own export", () => {
  it("holds their account, memberships, proposals, nominations, delegations and ballots — and no one else's", async () => {
    const { council, members, election, result } = await closedElection();
    const motion = await closedMotion();
    const winner = result.winners[0]!;
    await joinCouncil(t.db, { councilId: motion.council.id, userId: winner });
    const data = (await findMemberExport(t.db, winner))!;
    const user = await t.db.user.findUniqueOrThrow({ where: { id: winner } });
    expect(data.account).toEqual({ id: user.id, name: user.name, email: user.email, createdAt: user.createdAt });
    expect(data.memberships.map((m) => [m.council.id, m.status])).toEqual([[council.id, "ACTIVE"], [motion.council.id, "ACTIVE"]]);
    expect(data.nominations).toEqual([expect.objectContaining({ proposal: expect.objectContaining({ id: election.id }), selfNominated: true })]);
    expect(data.delegations).toEqual([expect.objectContaining({ electedById: election.id, role: { name: "Purchasing", kind: "WORK_ROLE" } })]);
    const mine = await t.db.rankedVote.findUniqueOrThrow({ where: { proposalId_userId: { proposalId: election.id, userId: winner } } });
    expect(data.rankedBallots).toEqual([expect.objectContaining({ proposal: expect.objectContaining({ id: election.id }), ranking: mine.ranking.map((id) => expect.objectContaining({ id })) })]);
    expect(data.votes).toEqual([]); // joined after the motion's vote: none of its ballots are theirs

    const author = (await findMemberExport(t.db, members[0]!))!;
    expect(author.proposals.map((p) => [p.id, p.status, p.outcome])).toEqual([[election.id, "closed", "ELECTED"]]);

    const voter = (await findMemberExport(t.db, motion.members[1]!))!;
    expect(voter.votes.map((v) => [v.proposal.id, v.choice])).toEqual([[motion.proposal.id, "NO"]]);

    // Nobody else's account, email or password hash; no other voter's id.
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/passwordHash|unusable/);
    const others = await t.db.user.findMany({ where: { id: { in: [...members, ...motion.members].filter((id) => id !== winner) } }, select: { id: true, email: true } });
    const candidates = new Set(mine.ranking);
    expect(others.filter((o) => text.includes(o.email))).toEqual([]);
    expect(others.filter((o) => !candidates.has(o.id) && text.includes(o.id))).toEqual([]);
  });
});

describe("npm run recount", () => {
  const recount = (...args: string[]) =>
    spawnSync("npx", ["tsx", "scripts/recount.ts", ...args], { cwd: path.resolve(import.meta.dirname, "../.."), encoding: "utf8" });
  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
  };

  it("exits 0 when a downloaded board matches, 1 listing each difference, 2 on unreadable input", async () => {
    const { election } = await closedElection();
    const board = (await findBoard(t.db, election.id))!;
    const ok = recount(write("board.json", board));
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("Stage");
    expect(ok.stdout).toContain("✔ The recount matches the published result");

    const tampered = JSON.parse(JSON.stringify(board)) as Board;
    if (tampered.ballotType !== "ranked") throw new Error("expected a ranked board");
    tampered.published.winners = [...tampered.published.winners].reverse();
    tampered.published.quorumMet = !tampered.published.quorumMet;
    const bad = recount(write("tampered.json", tampered));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/- quorumMet: published (true|false), recounted (true|false)/);
    expect(bad.stdout).toMatch(/- winners: published \[/);

    for (const input of [write("garbage.json", "{ not json"), write("other.json", { format: "something-else" }), path.join(dir, "missing.json")]) {
      const unreadable = recount(input);
      expect(unreadable.status).toBe(2);
      expect(unreadable.stderr.trim().split("\n")).toHaveLength(1);
      expect(unreadable.stderr).toMatch(/^recount: /);
    }
  }, 60_000);
});
