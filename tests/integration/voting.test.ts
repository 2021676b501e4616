import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { expireVoting, makeCouncilWithMembers, makeOpenProposal, makeUser } from "../support/factories";
import { castVote, countVotes } from "@/lib/voting/service";
import { closeProposal, findProposalPage, openVoting, createProposal, withdrawProposal } from "@/lib/proposals/service";
import { joinCouncil, leaveCouncil } from "@/lib/councils/service";

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t?.dispose(); });

describe("casting votes", () => {
  it("records one vote per member and keeps the latest choice", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2);
    const p = await makeOpenProposal(t.db, council.id, members[0]!);
    await castVote(t.db, { proposalId: p.id, userId: members[1]!, choice: "YES" });
    await castVote(t.db, { proposalId: p.id, userId: members[1]!, choice: "NO" });
    await castVote(t.db, { proposalId: p.id, userId: members[2]!, choice: "ABSTAIN" });
    expect(await countVotes(t.db, p.id)).toEqual({ yes: 0, no: 1, abstain: 1 });
    expect(await t.db.vote.count({ where: { proposalId: p.id } })).toBe(2);
  });

  it("refuses members who joined after voting opened, and non-members", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 1);
    const p = await makeOpenProposal(t.db, council.id, members[0]!);
    const late = await makeUser(t.db);
    await joinCouncil(t.db, { councilId: council.id, userId: late.id });
    await expect(castVote(t.db, { proposalId: p.id, userId: late.id, choice: "YES" })).rejects.toThrow(/joined after voting opened/);
    const outsider = await makeUser(t.db);
    await expect(castVote(t.db, { proposalId: p.id, userId: outsider.id, choice: "YES" })).rejects.toThrow(/Only members/);
    expect(await t.db.vote.count({ where: { proposalId: p.id } })).toBe(0);
  });

  it("the database itself refuses a vote from outside the electorate", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 1);
    const p = await makeOpenProposal(t.db, council.id, members[0]!);
    const outsider = await makeUser(t.db);
    await expect(t.db.vote.create({ data: { proposalId: p.id, userId: outsider.id, choice: "YES" } })).rejects.toThrow();
  });

  it("refuses votes after the deadline without anyone closing the vote", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 1);
    const p = await makeOpenProposal(t.db, council.id, members[0]!);
    await castVote(t.db, { proposalId: p.id, userId: members[1]!, choice: "YES" });
    await expireVoting(t.db, p.id);
    await expect(castVote(t.db, { proposalId: p.id, userId: members[1]!, choice: "NO" })).rejects.toThrow(/closed/);
    expect(await countVotes(t.db, p.id)).toEqual({ yes: 1, no: 0, abstain: 0 });
  });

  it("a member who left cannot vote, but their earlier vote still counts", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2);
    const p = await makeOpenProposal(t.db, council.id, members[0]!);
    await castVote(t.db, { proposalId: p.id, userId: members[1]!, choice: "YES" });
    await leaveCouncil(t.db, { councilId: council.id, userId: members[1]! });
    await expect(castVote(t.db, { proposalId: p.id, userId: members[1]!, choice: "NO" })).rejects.toThrow(/Only members/);
    expect(await countVotes(t.db, p.id)).toEqual({ yes: 1, no: 0, abstain: 0 });
  });
});

describe("closing and results", () => {
  it("stores the result once, decided under the charter the vote opened with", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 3, { quorumPercent: 50, passThreshold: "TWO_THIRDS" });
    const p = await makeOpenProposal(t.db, council.id, members[0]!);
    await castVote(t.db, { proposalId: p.id, userId: members[0]!, choice: "YES" });
    await castVote(t.db, { proposalId: p.id, userId: members[1]!, choice: "YES" });
    await castVote(t.db, { proposalId: p.id, userId: members[2]!, choice: "NO" });
    expect(await closeProposal(t.db, p.id)).toBeNull(); // still open
    await expireVoting(t.db, p.id);
    const [a, b] = await Promise.all([closeProposal(t.db, p.id), closeProposal(t.db, p.id)]);
    expect(a).toMatchObject({ yes: 2, no: 1, abstain: 0, electorateSize: 4, quorumMet: true, thresholdMet: true, outcome: "PASSED" });
    expect(b).toEqual(a);
    expect(await t.db.result.count({ where: { proposalId: p.id } })).toBe(1);
  });

  it("counts a lapsed vote as soon as its page is read", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 3, { quorumPercent: 75 });
    const p = await makeOpenProposal(t.db, council.id, members[0]!);
    await castVote(t.db, { proposalId: p.id, userId: members[1]!, choice: "YES" });
    await expireVoting(t.db, p.id);
    const page = await findProposalPage(t.db, { proposalId: p.id, viewerId: members[2]! });
    expect(page?.status).toBe("closed");
    expect(page?.result).toMatchObject({ yes: 1, outcome: "NO_QUORUM", quorumMet: false });
  });

  it("hides proposals from non-members", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 0);
    const p = await makeOpenProposal(t.db, council.id, members[0]!);
    const outsider = await makeUser(t.db);
    await expect(findProposalPage(t.db, { proposalId: p.id, viewerId: outsider.id })).rejects.toThrow(/Only members/);
  });
});

describe("proposal lifecycle", () => {
  it("only the author or a facilitator opens voting; only the author withdraws, and only before voting", async () => {
    const { council, founderId, members } = await makeCouncilWithMembers(t.db, 2);
    const author = members[1]!;
    const other = members[2]!;
    const p = await createProposal(t.db, { councilId: council.id, authorId: author, title: "Buy a new oven", body: "The old one is broken." });
    await expect(openVoting(t.db, { proposalId: p.id, actorId: other })).rejects.toThrow(/author or a facilitator/);
    await expect(withdrawProposal(t.db, { proposalId: p.id, actorId: founderId })).rejects.toThrow(/Only the author/);
    const opened = await openVoting(t.db, { proposalId: p.id, actorId: founderId, votingHours: 48 });
    expect(opened.electorateSize).toBe(3);
    expect(opened.votingClosesAt!.getTime() - opened.votingOpenedAt!.getTime()).toBe(48 * 3_600_000);
    await expect(withdrawProposal(t.db, { proposalId: p.id, actorId: author })).rejects.toThrow(/before voting opens/);
    await expect(openVoting(t.db, { proposalId: p.id, actorId: author })).rejects.toThrow(/in deliberation/);
  });

  it("a shorter voting period than the charter's is not allowed to cut a vote short", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 0, { votingPeriodHours: 72 });
    const p = await makeOpenProposal(t.db, council.id, members[0]!, 1);
    expect(p.votingClosesAt!.getTime() - p.votingOpenedAt!.getTime()).toBe(72 * 3_600_000);
  });
});
