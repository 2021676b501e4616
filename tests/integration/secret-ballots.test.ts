// Secret ballots against a real database: one member one ballot, no change after casting, the
// receipt found on the board after the close, who took part published, the tally equal to the
// ballots — and a dump of the whole database that cannot link a member to a ballot.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { expireVoting, makeCouncilWithMembers } from "../support/factories";
import { refusal } from "../support/refusal";
import { castVote } from "@/lib/voting/service";
import { castRankedVote, createElection, nominate } from "@/lib/elections/service";
import { closeProposal, createProposal, findProposalPage, openVoting } from "@/lib/proposals/service";
import { listVotesAwaitingMe } from "@/lib/dashboard/queries";
import { SECRET_BALLOT_IS_FINAL } from "@/lib/voting/ballot-box";
import { countParticipation, findLiveCount } from "@/lib/voting/live";
import { checkTrackingCode, findParticipants } from "@/lib/voting/secret-ballots";
import { findBoard } from "@/lib/exports/board-query";
import { recountBoard, type Board } from "@/lib/exports/board";
import { formatTrackingCode } from "@/lib/voting/receipts";
import type { PrismaClient } from "@/lib/db/connection";
import type { BallotSecrecy } from "@/lib/voting/secrecy";

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t?.dispose(); });

async function secretMotion(db: PrismaClient, extra: number, secrecy: BallotSecrecy = "SECRET", askSecret = false) {
  const { council, members } = await makeCouncilWithMembers(db, extra, { ballotSecrecy: secrecy, quorumPercent: 0 });
  const draft = await createProposal(db, { councilId: council.id, authorId: members[0]!, title: "Buy a second oven", body: "We need more baking capacity.", secretBallot: askSecret });
  const proposal = await openVoting(db, { proposalId: draft.id, actorId: members[0]! });
  return { council, members, proposal };
}

describe("casting a secret ballot", () => {
  it("records that the member voted apart from what they voted, and gives a receipt", async () => {
    const { members, proposal } = await secretMotion(t.db, 2);
    expect(proposal.secretBallot).toBe(true);
    const { receipt } = await castVote(t.db, { proposalId: proposal.id, userId: members[1]!, choice: "YES" });
    expect(receipt?.trackingCode).toMatch(/^[0-9a-f]{64}$/);
    expect(receipt?.ballot).toBe("Yes");
    expect(await t.db.vote.count({ where: { proposalId: proposal.id } })).toBe(0);
    expect(await t.db.participation.findMany({ where: { proposalId: proposal.id } })).toEqual([{ proposalId: proposal.id, userId: members[1] }]);
    const sealed = await t.db.sealedBallot.findMany({ where: { proposalId: proposal.id } });
    expect(sealed).toHaveLength(1);
    // Sealed: neither the choice nor the tracking code can be read from the stored bytes.
    const bytes = Buffer.from(sealed[0]!.sealed).toString("latin1");
    expect(bytes).not.toContain("YES");
    expect(bytes).not.toContain(receipt!.trackingCode);
    expect(await countParticipation(t.db, proposal.id)).toBe(1);
  });

  it("refuses a second ballot from the same member and changes nothing", async () => {
    const { members, proposal } = await secretMotion(t.db, 1);
    await castVote(t.db, { proposalId: proposal.id, userId: members[1]!, choice: "NO" });
    const error = await refusal(castVote(t.db, { proposalId: proposal.id, userId: members[1]!, choice: "YES" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(SECRET_BALLOT_IS_FINAL);
    expect(await t.db.participation.count({ where: { proposalId: proposal.id } })).toBe(1);
    expect(await t.db.sealedBallot.count({ where: { proposalId: proposal.id } })).toBe(1);
    await expireVoting(t.db, proposal.id);
    const result = await closeProposal(t.db, proposal.id);
    expect(result).toMatchObject({ yes: 0, no: 1, abstain: 0 });
  });

  it("never shows a live tally, even where the charter shows live results, but shows turnout", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2, { ballotSecrecy: "SECRET", liveResults: true });
    const draft = await createProposal(t.db, { councilId: council.id, authorId: members[0]!, title: "Paint the shop", body: "Green, as discussed at the assembly." });
    const proposal = await openVoting(t.db, { proposalId: draft.id, actorId: members[0]! });
    await castVote(t.db, { proposalId: proposal.id, userId: members[1]!, choice: "YES" });
    const page = await findProposalPage(t.db, { proposalId: proposal.id, viewerId: members[2]! });
    const live = await findLiveCount(t.db, { proposalId: proposal.id, viewerId: members[2]! });
    expect(live.turnout).toBe(1);
    expect(live.tally).toBeUndefined();
    expect(page?.castSecretBallot).toBe(false);
    expect((await findProposalPage(t.db, { proposalId: proposal.id, viewerId: members[1]! }))?.castSecretBallot).toBe(true);
    expect(await countParticipation(t.db, proposal.id)).toBe(1);
  });

  it("drops a cast secret ballot from the member's votes awaiting", async () => {
    const { members, proposal } = await secretMotion(t.db, 1);
    expect((await listVotesAwaitingMe(t.db, members[1]!)).map((p) => p.id)).toContain(proposal.id);
    await castVote(t.db, { proposalId: proposal.id, userId: members[1]!, choice: "ABSTAIN" });
    expect((await listVotesAwaitingMe(t.db, members[1]!)).map((p) => p.id)).not.toContain(proposal.id);
  });
});

describe("who decides open or secret", () => {
  it("follows the charter, and the author's wish only where the charter lets them choose", async () => {
    const cases: [BallotSecrecy, boolean, boolean][] = [
      ["OPEN", true, false], ["OPEN", false, false],
      ["SECRET", false, true], ["SECRET", true, true],
      ["AUTHOR_CHOOSES", true, true], ["AUTHOR_CHOOSES", false, false],
    ];
    for (const [secrecy, asked, expected] of cases) {
      const { proposal } = await secretMotion(t.db, 0, secrecy, asked);
      expect({ secrecy, asked, secret: proposal.secretBallot }).toEqual({ secrecy, asked, secret: expected });
    }
  });

  it("an open ballot still lets a member change their vote", async () => {
    const { members, proposal } = await secretMotion(t.db, 1, "OPEN");
    await castVote(t.db, { proposalId: proposal.id, userId: members[1]!, choice: "YES" });
    const { receipt } = await castVote(t.db, { proposalId: proposal.id, userId: members[1]!, choice: "NO" });
    expect(receipt).toBeNull();
    expect(await t.db.vote.findMany({ where: { proposalId: proposal.id }, select: { choice: true } })).toEqual([{ choice: "NO" }]);
  });
});

describe("after the close", () => {
  it("counts the unsealed ballots, publishes who took part, and finds every receipt on the board", async () => {
    const { members, proposal } = await secretMotion(t.db, 5);
    const choices = ["YES", "YES", "NO", "ABSTAIN", "YES"] as const;
    const receipts = [];
    for (const [i, choice] of choices.entries()) {
      receipts.push((await castVote(t.db, { proposalId: proposal.id, userId: members[i + 1]!, choice })).receipt!);
    }
    await expireVoting(t.db, proposal.id);
    const result = await closeProposal(t.db, proposal.id);
    expect(result).toMatchObject({ yes: 3, no: 1, abstain: 1, outcome: "PASSED" });
    expect(await t.db.sealedBallot.count({ where: { proposalId: proposal.id } })).toBe(0);
    expect(await t.db.ballot.count({ where: { proposalId: proposal.id } })).toBe(5);

    const participants = await findParticipants(t.db, proposal.id);
    expect(participants.total).toBe(5);
    const names = (await t.db.user.findMany({ where: { id: { in: members.slice(1) } }, select: { name: true } })).map((u) => u.name).sort();
    expect([...participants.names].sort()).toEqual(names);

    for (const [i, receipt] of receipts.entries()) {
      // Pasted as shown (groups of four, upper case): found, with what the voter chose.
      const check = await checkTrackingCode(t.db, proposal.id, formatTrackingCode(receipt.trackingCode).toUpperCase());
      expect(check).toMatchObject({ kind: "found", choice: choices[i] });
    }
    expect(await checkTrackingCode(t.db, proposal.id, "0".repeat(64))).toEqual({ kind: "missing", code: "0".repeat(64) });
    expect(await checkTrackingCode(t.db, proposal.id, "not a code")).toEqual({ kind: "invalid" });

    const board = (await findBoard(t.db, proposal.id))!;
    expect(board.secretBallot).toBe(true);
    expect(board.ballotType).toBe("choice");
    const codes = board.ballotType === "choice" ? board.ballots.map((b) => b.tracking) : [];
    expect([...codes].sort()).toEqual(receipts.map((r) => r.trackingCode).sort());
    expect(codes).toEqual([...codes].sort()); // listed by tracking code, not by casting order
    expect(JSON.stringify(board)).not.toMatch(new RegExp(members.slice(1).join("|")));
    expect(recountBoard(board).matches).toBe(true);
  });

  it("the recount catches a ballot whose content was changed after its receipt was given", async () => {
    const { members, proposal } = await secretMotion(t.db, 2);
    await castVote(t.db, { proposalId: proposal.id, userId: members[1]!, choice: "NO" });
    await castVote(t.db, { proposalId: proposal.id, userId: members[2]!, choice: "NO" });
    await expireVoting(t.db, proposal.id);
    await closeProposal(t.db, proposal.id);
    const board = (await findBoard(t.db, proposal.id)) as Extract<Board, { ballotType: "choice" }>;
    const forged = {
      ...board,
      ballots: board.ballots.map((b, i) => (i === 0 ? { ...b, choice: "YES" as const } : b)),
      published: { ...board.published, yes: 1, no: 1, outcome: "REJECTED" as const },
    };
    const recount = recountBoard(forged);
    expect(recount.matches).toBe(false);
    expect(recount.problems).toEqual([expect.stringMatching(/^ballot 1: tracking code [0-9a-f]{64} does not match the ballot's content$/)]);
  });

  it("elections by secret ballot: ranked ballots sealed, counted at the close, on the board with their codes", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 4, { ballotSecrecy: "SECRET", quorumPercent: 0 });
    const [a, b, c, d, e] = members as [string, string, string, string, string];
    const election = await createElection(t.db, { councilId: council.id, authorId: a, roleName: "Treasurer", seats: 1, termMonths: 12, body: "" });
    await nominate(t.db, { proposalId: election.id, nomineeId: a, actorId: a });
    await nominate(t.db, { proposalId: election.id, nomineeId: b, actorId: b });
    await openVoting(t.db, { proposalId: election.id, actorId: a });
    const receipts = [];
    for (const [voter, ranking] of [[c, [a, b]], [d, [a]], [e, [b, a]]] as const) {
      receipts.push((await castRankedVote(t.db, { proposalId: election.id, userId: voter, ranking: [...ranking] })).receipt!);
    }
    await expect(castRankedVote(t.db, { proposalId: election.id, userId: c, ranking: [b] })).rejects.toThrow(SECRET_BALLOT_IS_FINAL);
    expect(await t.db.rankedVote.count({ where: { proposalId: election.id } })).toBe(0);
    await expireVoting(t.db, election.id);
    const result = await closeProposal(t.db, election.id);
    expect(result).toMatchObject({ outcome: "ELECTED", winners: [a] });
    const board = (await findBoard(t.db, election.id))!;
    expect(board.ballotType === "ranked" && board.ballots.map((x) => x.tracking).sort()).toEqual(receipts.map((r) => r.trackingCode).sort());
    expect(recountBoard(board).matches).toBe(true);
    expect(await checkTrackingCode(t.db, election.id, receipts[2]!.trackingCode)).toMatchObject({ kind: "found", ranking: [b, a] });
  });
});

/**
 * The whole database, as a dump sees it: every row of every table in physical order (what
 * pg_dump or `SELECT *` without ORDER BY returns), with each row's system columns ctid and xmin.
 */
async function dumpDatabase(db: PrismaClient) {
  await db.$executeRaw`
    CREATE OR REPLACE FUNCTION plenum_test_dump() RETURNS TABLE(tbl text, ctid text, xmin text, row_json jsonb) LANGUAGE plpgsql AS $$
    DECLARE r record;
    BEGIN
      FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename LOOP
        RETURN QUERY EXECUTE format('SELECT %L::text, t.ctid::text, t.xmin::text, to_jsonb(t) FROM %I t', r.tablename, r.tablename);
      END LOOP;
    END $$`;
  const rows = await db.$queryRaw<{ tbl: string; ctid: string; xmin: string; row_json: Record<string, unknown> }[]>`SELECT * FROM plenum_test_dump()`;
  return { rows, text: JSON.stringify(rows), of: (table: string) => rows.filter((r) => r.tbl === table) };
}

describe("a dump of the whole database cannot link a member to a secret ballot", () => {
  let d: TestDatabase;
  beforeAll(async () => { d = await createTestDatabase(); });
  afterAll(async () => { await d?.dispose(); });

  it("while voting runs it holds no ballot content nor any tracking code, and after the close no link at all", async () => {
    // Twelve members vote in a known order with known choices: exactly what an attacker would want to match.
    const { members, proposal } = await secretMotion(d.db, 12);
    const voters = members.slice(1);
    const choices = voters.map((_, i) => (["YES", "NO", "ABSTAIN"] as const)[i % 3]!);
    const receipts = [];
    for (const [i, voter] of voters.entries()) receipts.push((await castVote(d.db, { proposalId: proposal.id, userId: voter, choice: choices[i]! })).receipt!);

    // During the vote. No vote content anywhere (no open votes exist in this database), no tracking
    // code (so nothing in this dump can be matched with the board published later).
    const during = await dumpDatabase(d.db);
    expect(during.text).not.toMatch(/"(YES|NO|ABSTAIN)"/);
    for (const r of receipts) expect(during.text).not.toContain(r.trackingCode);
    expect(during.of("Participation").map((r) => r.row_json.userId)).toEqual(voters); // who voted: public after the close anyway
    const sealed = during.of("SealedBallot");
    expect(sealed).toHaveLength(12);
    expect(Object.keys(sealed[0]!.row_json).sort()).toEqual(["id", "proposalId", "sealed"]);
    // What an operator with the database alone can do: pair each participation with its sealed
    // ballot by transaction id. That yields only ciphertext; the content needs the ballot key.
    const participationXmins = during.of("Participation").map((r) => r.xmin);
    expect(sealed.map((r) => r.xmin)).toEqual(participationXmins);

    await expireVoting(d.db, proposal.id);
    await closeProposal(d.db, proposal.id);
    const after = await dumpDatabase(d.db);
    expect(after.of("SealedBallot")).toEqual([]);
    const ballots = after.of("Ballot");
    expect(ballots).toHaveLength(12);
    // A ballot row names no member, no time, no order of casting.
    expect(Object.keys(ballots[0]!.row_json).sort()).toEqual(["choice", "nonce", "proposalId", "ranking", "tracking"]);
    for (const b of ballots) for (const v of voters) expect(JSON.stringify(b.row_json)).not.toContain(v);
    // Physical order is tracking-code order (random), not casting order...
    const codes = ballots.map((b) => b.row_json.tracking as string);
    expect(codes).toEqual([...codes].sort());
    // ...and every ballot was written by the one closing transaction, shared with no participation row.
    expect(new Set(ballots.map((b) => b.xmin)).size).toBe(1);
    expect(participationXmins).not.toContain(ballots[0]!.xmin);
    // The dump's remaining link, position, is chance: pairing the i-th participation with the
    // i-th ballot recovers a voter's choice only as often as guessing would (1 in 3 here); at
    // least it is not the casting order, which would give all 12.
    const paired = voters.filter((_, i) => ballots[i]!.row_json.choice === choices[i]).length;
    expect(paired).toBeLessThan(12);
  });
});
