// Voting and proposals against a real database: one member one vote, the electorate fixed at opening,
// deadlines, closing and counting, and the list of votes awaiting a member.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { expireVoting, makeCouncil, makeCouncilWithMembers, makeOpenProposal, makeUser } from "../support/factories";
import { refusal } from "../support/refusal";
import { castVote, countVotes } from "@/lib/voting/service";
import {
  closeDueProposals, closeProposal, createProposal, findProposalPage, listCouncilProposals, openVoting, withdrawProposal,
} from "@/lib/proposals/service";
import { listVotesAwaitingMe } from "@/lib/dashboard/queries";
import { decideMembership, joinCouncil, leaveCouncil } from "@/lib/councils/service";

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

  it("a shorter voting period than the charter's is refused, and voting stays closed", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 0, { votingPeriodHours: 72 });
    const p = await createProposal(t.db, { councilId: council.id, authorId: members[0]!, title: "Quick vote please", body: "Can we decide this by tonight?" });
    const error = await openVoting(t.db, { proposalId: p.id, actorId: members[0]!, votingHours: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID", fieldErrors: { votingHours: [expect.stringContaining("at least 72 hours")] } });
    expect((await t.db.proposal.findUniqueOrThrow({ where: { id: p.id } })).votingOpenedAt).toBeNull();
    const opened = await openVoting(t.db, { proposalId: p.id, actorId: members[0]!, votingHours: 72 });
    expect(opened.votingClosesAt!.getTime() - opened.votingOpenedAt!.getTime()).toBe(72 * 3_600_000);
  });
});

describe("the deadline, to the millisecond", () => {
  afterEach(() => { vi.useRealTimers(); });
  const setClock = (at: number) => { vi.useFakeTimers({ toFake: ["Date"] }); vi.setSystemTime(at); };

  it("a vote in the last millisecond counts; one at the deadline is refused", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2);
    const p = await makeOpenProposal(t.db, council.id, members[0]!);
    const deadline = p.votingClosesAt!.getTime();
    setClock(deadline - 1);
    await castVote(t.db, { proposalId: p.id, userId: members[1]!, choice: "YES" });
    setClock(deadline);
    expect((await refusal(castVote(t.db, { proposalId: p.id, userId: members[2]!, choice: "NO" }))).message).toMatch(/not recorded/);
    expect(await closeProposal(t.db, p.id)).toMatchObject({ yes: 1, no: 0, abstain: 0 });
  });
});

describe("who may vote", () => {
  it("the electorate is fixed when voting opens: leaving later does not lower the quorum", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 3, { quorumPercent: 75 });
    await leaveCouncil(t.db, { councilId: council.id, userId: members[3]! }); // before opening: not counted
    const p = await makeOpenProposal(t.db, council.id, members[0]!);
    expect(p.electorateSize).toBe(3);
    await leaveCouncil(t.db, { councilId: council.id, userId: members[2]! }); // after opening: still counted
    await castVote(t.db, { proposalId: p.id, userId: members[0]!, choice: "YES" });
    await castVote(t.db, { proposalId: p.id, userId: members[1]!, choice: "YES" });
    await expireVoting(t.db, p.id);
    // 2 of 3 is below 75%; had the electorate shrunk to 2 it would have passed.
    expect(await closeProposal(t.db, p.id)).toMatchObject({ electorateSize: 3, quorumMet: false, outcome: "NO_QUORUM" });
  });

  it("someone waiting for admission when voting opens cannot vote on it, even once admitted", async () => {
    const { council, founderId } = await makeCouncil(t.db, { joinPolicy: "APPROVAL" });
    const applicant = await makeUser(t.db);
    const request = await joinCouncil(t.db, { councilId: council.id, userId: applicant.id });
    const p = await makeOpenProposal(t.db, council.id, founderId);
    expect(p.electorateSize).toBe(1);
    await decideMembership(t.db, { councilId: council.id, membershipId: request.id, actorId: founderId, decision: "admit" });
    expect((await refusal(castVote(t.db, { proposalId: p.id, userId: applicant.id, choice: "YES" }))).code).toBe("FORBIDDEN");
  });

  it("only members can put a question to the council", async () => {
    const { council } = await makeCouncil(t.db);
    const outsider = await makeUser(t.db);
    const attempt = createProposal(t.db, { councilId: council.id, authorId: outsider.id, title: "Take over the bakery", body: "Let me run everything from now on." });
    expect((await refusal(attempt)).code).toBe("FORBIDDEN");
    expect((await listCouncilProposals(t.db, { councilId: council.id })).total).toBe(0);
  });
});

describe("proposals that are not open", () => {
  it("nobody can vote before voting opens, nor on a withdrawn proposal, and neither is ever counted", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 1);
    const p = await createProposal(t.db, { councilId: council.id, authorId: members[1]!, title: "Paint the shop", body: "Green, this time, please." });
    expect((await refusal(castVote(t.db, { proposalId: p.id, userId: members[0]!, choice: "YES" }))).message).toMatch(/not open/);
    await withdrawProposal(t.db, { proposalId: p.id, actorId: members[1]! });
    expect((await refusal(castVote(t.db, { proposalId: p.id, userId: members[0]!, choice: "YES" }))).code).toBe("CLOSED");
    expect((await refusal(openVoting(t.db, { proposalId: p.id, actorId: members[0]! }))).code).toBe("CLOSED");
    expect(await closeProposal(t.db, p.id)).toBeNull();
    const page = await findProposalPage(t.db, { proposalId: p.id, viewerId: members[0]! });
    expect(page).toMatchObject({ status: "withdrawn", result: null });
  });
});

describe("the closer job", () => {
  it("counts every lapsed vote once and leaves running votes alone", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2);
    const [lapsedA, lapsedB, running] = [
      await makeOpenProposal(t.db, council.id, members[0]!),
      await makeOpenProposal(t.db, council.id, members[0]!),
      await makeOpenProposal(t.db, council.id, members[0]!),
    ];
    await castVote(t.db, { proposalId: lapsedA.id, userId: members[1]!, choice: "YES" });
    await castVote(t.db, { proposalId: lapsedA.id, userId: members[2]!, choice: "YES" });
    await castVote(t.db, { proposalId: lapsedB.id, userId: members[1]!, choice: "NO" });
    await expireVoting(t.db, lapsedA.id);
    await expireVoting(t.db, lapsedB.id);
    expect(await closeDueProposals(t.db)).toBeGreaterThanOrEqual(2);
    expect(await closeDueProposals(t.db)).toBe(0);
    expect(await t.db.result.findUnique({ where: { proposalId: lapsedA.id } })).toMatchObject({ yes: 2, outcome: "PASSED" });
    expect(await t.db.result.findUnique({ where: { proposalId: lapsedB.id } })).toMatchObject({ no: 1, outcome: "NO_QUORUM" });
    expect(await t.db.result.findUnique({ where: { proposalId: running.id } })).toBeNull();
  });
});

describe("votes awaiting a member", () => {
  it("lists open votes the member may still cast, soonest deadline first, and drops each once cast", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 1);
    const later = await makeOpenProposal(t.db, council.id, members[0]!, 48);
    const sooner = await makeOpenProposal(t.db, council.id, members[0]!, 24);
    const ids = async (userId: string) => (await listVotesAwaitingMe(t.db, userId)).map((p) => p.id);
    expect(await ids(members[1]!)).toEqual([sooner.id, later.id]);
    await castVote(t.db, { proposalId: sooner.id, userId: members[1]!, choice: "ABSTAIN" });
    expect(await ids(members[1]!)).toEqual([later.id]);
    await expireVoting(t.db, later.id);
    expect(await ids(members[1]!)).toEqual([]);
  });

  it("does not ask late joiners, people who left, or outsiders", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 1);
    const p = await makeOpenProposal(t.db, council.id, members[0]!);
    const late = await makeUser(t.db);
    await joinCouncil(t.db, { councilId: council.id, userId: late.id });
    await leaveCouncil(t.db, { councilId: council.id, userId: members[1]! });
    const outsider = await makeUser(t.db);
    for (const userId of [late.id, members[1]!, outsider.id]) {
      expect((await listVotesAwaitingMe(t.db, userId)).map((x) => x.id)).not.toContain(p.id);
    }
    expect((await listVotesAwaitingMe(t.db, members[0]!)).map((x) => x.id)).toEqual([p.id]);
  });
});

describe("the kind of ballot must fit the question", () => {
  it("a yes/no vote sent to an election is refused and nothing is stored", async () => {
    const { createElection, nominate } = await import("@/lib/elections/service");
    const { council, members } = await makeCouncilWithMembers(t.db, 1);
    const election = await createElection(t.db, { councilId: council.id, authorId: members[0]!, roleName: "Treasurer", seats: 1, termMonths: 12, body: "" });
    await nominate(t.db, { proposalId: election.id, nomineeId: members[0]!, actorId: members[0]! });
    await openVoting(t.db, { proposalId: election.id, actorId: members[0]! });
    await expect(castVote(t.db, { proposalId: election.id, userId: members[1]!, choice: "YES" })).rejects.toThrow(/ranked ballot/);
    expect(await t.db.vote.count({ where: { proposalId: election.id } })).toBe(0);
  });
});
