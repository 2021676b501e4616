// Recall on the real database: any member may start one against a current delegate; a passed
// recall ends the delegation at once and opens a by-election; leaving the council ends one's roles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/db";
import { expireVoting, makeCouncilWithMembers, makeUser } from "../support/factories";
import { refusal } from "../support/refusal";
import { castRankedVote, createElection, nominate } from "@/lib/elections/service";
import { closeProposal, findProposalPage, openVoting } from "@/lib/proposals/service";
import { castVote } from "@/lib/voting/service";
import { listDelegations, startRecall } from "@/lib/delegations/service";
import { decideMembership, leaveCouncil } from "@/lib/councils/service";
import { proposalStatus } from "@/lib/proposals/lifecycle";
import type { VoteChoice } from "@/lib/generated/prisma/enums";

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t?.dispose(); });

const REASON = "Has not reported back from a single meeting since the spring.";

/**
 * A council of `size` (quorum 50%, simple majority) whose members elected its first two members
 * as "Delegates to the district" for a year. Members: [founder/facilitator, …].
 */
async function councilWithDelegates(size = 5) {
  const { council, members } = await makeCouncilWithMembers(t.db, size - 1, { quorumPercent: 50 });
  const [a, b] = members as [string, string];
  const election = await createElection(t.db, { councilId: council.id, authorId: a, roleName: "Delegates to the district", seats: 2, termMonths: 12, body: "" });
  await nominate(t.db, { proposalId: election.id, nomineeId: a, actorId: a });
  await nominate(t.db, { proposalId: election.id, nomineeId: b, actorId: b });
  await openVoting(t.db, { proposalId: election.id, actorId: a });
  for (const m of members) await castRankedVote(t.db, { proposalId: election.id, userId: m, ranking: [a, b] });
  await expireVoting(t.db, election.id);
  await closeProposal(t.db, election.id);
  const seatOf = async (holderId: string) => t.db.delegation.findFirstOrThrow({ where: { councilId: council.id, holderId } });
  return { councilId: council.id, members, roleId: election.roleId!, seatOf };
}

/** Opens a recall, casts the given votes, passes the deadline and counts it. */
async function decideRecall(recallId: string, actorId: string, votes: [string, VoteChoice][]) {
  await openVoting(t.db, { proposalId: recallId, actorId });
  for (const [userId, choice] of votes) await castVote(t.db, { proposalId: recallId, userId, choice });
  await expireVoting(t.db, recallId);
  const result = await closeProposal(t.db, recallId);
  const recall = await t.db.proposal.findUniqueOrThrow({ where: { id: recallId } });
  return { result: result!, closedAt: recall.votingClosesAt! };
}

const holders = async (councilId: string) => (await listDelegations(t.db, { councilId })).current.map((d) => d.holder.id).sort();

describe("starting a recall", () => {
  it("any member may start one against a current delegate; it goes into deliberation", async () => {
    const { councilId, members, seatOf } = await councilWithDelegates();
    const [a, , , , e] = members as string[];
    const seat = await seatOf(a!);
    const recall = await startRecall(t.db, { delegationId: seat.id, actorId: e!, reason: REASON }); // e is a plain member
    expect(recall).toMatchObject({ councilId, kind: "RECALL", delegationId: seat.id, authorId: e, body: REASON });
    expect(recall.title).toMatch(/^Recall .+ as Delegates to the district$/);
    expect(proposalStatus(recall)).toBe("deliberation");
    const page = await findProposalPage(t.db, { proposalId: recall.id, viewerId: a! });
    expect(page?.recall?.delegation?.holder.id).toBe(a);
  });

  it("is only for members of the delegate's council", async () => {
    const { seatOf, members } = await councilWithDelegates();
    const outsider = await makeUser(t.db);
    const e = await refusal(startRecall(t.db, { delegationId: (await seatOf(members[0]!)).id, actorId: outsider.id, reason: REASON }));
    expect(e.code).toBe("FORBIDDEN");
    expect(await t.db.proposal.count({ where: { kind: "RECALL", authorId: outsider.id } })).toBe(0);
  });

  it("refuses a second recall of the same delegation while one is under way, in deliberation or voting", async () => {
    const { councilId, members, seatOf } = await councilWithDelegates();
    const [a, , c, d] = members as string[];
    const seat = await seatOf(a!);
    const first = await startRecall(t.db, { delegationId: seat.id, actorId: c!, reason: REASON });
    const again = await refusal(startRecall(t.db, { delegationId: seat.id, actorId: d!, reason: REASON }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/^A recall of .+ is already under way\.$/);
    await openVoting(t.db, { proposalId: first.id, actorId: c! });
    expect((await refusal(startRecall(t.db, { delegationId: seat.id, actorId: d!, reason: REASON }))).code).toBe("CONFLICT");
    expect(await t.db.proposal.count({ where: { councilId, kind: "RECALL" } })).toBe(1);

    // The other delegate can still be recalled meanwhile.
    await startRecall(t.db, { delegationId: (await seatOf(members[1]!)).id, actorId: d!, reason: REASON });
  });

  it("refuses to recall a delegation that has ended, and to open a recall whose delegation ended meanwhile", async () => {
    const { councilId, members, seatOf } = await councilWithDelegates();
    const [a, b, c] = members as string[];
    const bSeat = await seatOf(b!);
    const pending = await startRecall(t.db, { delegationId: bSeat.id, actorId: c!, reason: REASON });
    await leaveCouncil(t.db, { councilId, userId: b! });

    const ended = await refusal(startRecall(t.db, { delegationId: bSeat.id, actorId: c!, reason: REASON }));
    expect([ended.code, ended.message]).toEqual(["CLOSED", expect.stringMatching(/ no longer holds this role\.$/)]);
    const open = await refusal(openVoting(t.db, { proposalId: pending.id, actorId: c! }));
    expect([open.code, open.message]).toEqual(["CLOSED", "This delegation has already ended, so there is nothing to recall."]);
    expect(await holders(councilId)).toEqual([a]);
  });

  it("may start again once an earlier recall has been decided", async () => {
    const { members, seatOf } = await councilWithDelegates();
    const [a, , c] = members as string[];
    const seat = await seatOf(a!);
    const first = await startRecall(t.db, { delegationId: seat.id, actorId: c!, reason: REASON });
    await decideRecall(first.id, c!, members.map((m) => [m, "NO"]));
    await startRecall(t.db, { delegationId: seat.id, actorId: c!, reason: REASON });
  });
});

describe("the outcome of a recall", () => {
  it("when passed, ends the delegation at once and opens a by-election for the seat in deliberation", async () => {
    const { councilId, members, roleId, seatOf } = await councilWithDelegates();
    const [a, b, c, d, e] = members as string[];
    const seat = await seatOf(a!);
    const recall = await startRecall(t.db, { delegationId: seat.id, actorId: c!, reason: REASON });
    const { result, closedAt } = await decideRecall(recall.id, c!, [[a!, "NO"], [b!, "YES"], [c!, "YES"], [d!, "YES"], [e!, "ABSTAIN"]]);
    expect(result).toMatchObject({ outcome: "PASSED", yes: 3, no: 1, abstain: 1 });

    const ended = await t.db.delegation.findUniqueOrThrow({ where: { id: seat.id } });
    expect(ended.endReason).toBe("RECALLED");
    expect(ended.endedAt).toEqual(closedAt);
    expect(await holders(councilId)).toEqual([b]);

    const byElections = await t.db.proposal.findMany({ where: { councilId, kind: "ELECTION", byElection: true }, include: { role: true } });
    expect(byElections).toHaveLength(1);
    const by = byElections[0]!;
    expect(by).toMatchObject({ roleId, seats: 1, byElection: true, authorId: c });
    expect(by.title).toBe("By-election: Delegates to the district");
    expect(proposalStatus(by)).toBe("deliberation");
    // Members can nominate straight away.
    await nominate(t.db, { proposalId: by.id, nomineeId: d!, actorId: d! });

    // Reading the result again changes nothing.
    await closeProposal(t.db, recall.id);
    await findProposalPage(t.db, { proposalId: recall.id, viewerId: d! });
    expect(await t.db.proposal.count({ where: { councilId, kind: "ELECTION", byElection: true } })).toBe(1);
  });

  it("when rejected, or without quorum, changes nothing", async () => {
    const { councilId, members, seatOf } = await councilWithDelegates();
    const [a, b, c, d, e] = members as string[];
    const seat = await seatOf(a!);
    const rejected = await startRecall(t.db, { delegationId: seat.id, actorId: c!, reason: REASON });
    expect((await decideRecall(rejected.id, c!, [[a!, "NO"], [b!, "NO"], [c!, "YES"], [d!, "NO"], [e!, "YES"]])).result.outcome).toBe("REJECTED");
    const noQuorum = await startRecall(t.db, { delegationId: seat.id, actorId: c!, reason: REASON });
    expect((await decideRecall(noQuorum.id, c!, [[c!, "YES"], [d!, "YES"]])).result.outcome).toBe("NO_QUORUM");

    expect(await t.db.delegation.findUniqueOrThrow({ where: { id: seat.id } })).toEqual(seat);
    expect(await holders(councilId)).toEqual([a, b].sort());
    expect(await t.db.proposal.count({ where: { councilId, kind: "ELECTION", byElection: true } })).toBe(0);
  });

  it("passing after the delegate's term has already run out ends nothing and opens no by-election", async () => {
    const { councilId, members, seatOf } = await councilWithDelegates();
    const [a, , c, d, e] = members as string[];
    const seat = await seatOf(a!);
    const recall = await startRecall(t.db, { delegationId: seat.id, actorId: c!, reason: REASON });
    await openVoting(t.db, { proposalId: recall.id, actorId: c! });
    for (const m of [c!, d!, e!]) await castVote(t.db, { proposalId: recall.id, userId: m, choice: "YES" });
    // The term runs out while the recall vote is still open.
    const termEnd = new Date(Date.now() - 60_000);
    await t.db.delegation.update({ where: { id: seat.id }, data: { endsAt: termEnd } });
    await expireVoting(t.db, recall.id);
    expect((await closeProposal(t.db, recall.id))?.outcome).toBe("PASSED");
    expect(await seatOf(a!)).toMatchObject({ endsAt: termEnd, endedAt: null, endReason: null });
    expect(await t.db.proposal.count({ where: { councilId, kind: "ELECTION", byElection: true } })).toBe(0);
  });
});

describe("leaving the council", () => {
  it("ends the leaver's delegations, and only theirs", async () => {
    const { councilId, members, seatOf } = await councilWithDelegates();
    const [a, b] = members as string[];
    const before = Date.now();
    await leaveCouncil(t.db, { councilId, userId: b! });
    const ended = await seatOf(b!);
    expect(ended.endReason).toBe("LEFT_COUNCIL");
    expect(ended.endedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await seatOf(a!)).toMatchObject({ endedAt: null, endReason: null });
    expect(await holders(councilId)).toEqual([a]);
  });

  it("removal by a facilitator ends the removed member's delegations too", async () => {
    const { councilId, members, seatOf } = await councilWithDelegates();
    const [a, b] = members as string[];
    const membership = await t.db.membership.findUniqueOrThrow({ where: { councilId_userId: { councilId, userId: b! } } });
    await decideMembership(t.db, { councilId, membershipId: membership.id, actorId: a!, decision: "remove" });
    expect(await seatOf(b!)).toMatchObject({ endReason: "LEFT_COUNCIL" });
    expect(await holders(councilId)).toEqual([a]);
  });

  it("a recall already running against someone who then leaves opens no by-election when it passes", async () => {
    const { councilId, members, seatOf } = await councilWithDelegates();
    const [a, b, c, d, e] = members as string[];
    const seat = await seatOf(b!);
    const recall = await startRecall(t.db, { delegationId: seat.id, actorId: c!, reason: REASON });
    await openVoting(t.db, { proposalId: recall.id, actorId: c! });
    for (const m of [a!, c!, d!, e!]) await castVote(t.db, { proposalId: recall.id, userId: m, choice: "YES" });
    await leaveCouncil(t.db, { councilId, userId: b! });
    await expireVoting(t.db, recall.id);
    expect((await closeProposal(t.db, recall.id))?.outcome).toBe("PASSED");
    expect((await seatOf(b!)).endReason).toBe("LEFT_COUNCIL");
    expect(await t.db.proposal.count({ where: { councilId, kind: "ELECTION", byElection: true } })).toBe(0);
  });
});

describe.runIf(onPostgres)(
  onPostgres ? "recall under real concurrency (PostgreSQL)" : "recall under real concurrency — skipped: needs TEST_DATABASE_URL (PostgreSQL)",
  () => {
    it("members starting a recall of the same delegate at once start exactly one", async () => {
      const { councilId, members, seatOf } = await councilWithDelegates(8);
      const seat = await seatOf(members[0]!);
      const attempts = await Promise.allSettled(members.slice(1).map((actorId) => startRecall(t.db, { delegationId: seat.id, actorId, reason: REASON })));
      expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
      for (const a of attempts) if (a.status === "rejected") expect(a.reason).toMatchObject({ code: "CONFLICT" });
      expect(await t.db.proposal.count({ where: { councilId, kind: "RECALL" } })).toBe(1);
    });

    it("many readers closing a passed recall at once end the delegation once and open one by-election", async () => {
      const { councilId, members, seatOf } = await councilWithDelegates(6);
      const seat = await seatOf(members[0]!);
      const recall = await startRecall(t.db, { delegationId: seat.id, actorId: members[2]!, reason: REASON });
      await openVoting(t.db, { proposalId: recall.id, actorId: members[2]! });
      for (const m of members.slice(1)) await castVote(t.db, { proposalId: recall.id, userId: m, choice: "YES" });
      await expireVoting(t.db, recall.id);
      const results = await Promise.all(Array.from({ length: 12 }, () => closeProposal(t.db, recall.id)));
      expect(new Set(results.map((r) => r?.outcome))).toEqual(new Set(["PASSED"]));
      expect(await t.db.proposal.count({ where: { councilId, kind: "ELECTION", byElection: true } })).toBe(1);
      expect((await seatOf(members[0]!)).endReason).toBe("RECALLED");
    });
  },
);

describe("recalls and elections on the same role take effect in deadline order", () => {
  it("a recall read before an earlier election is counted does not end a seat that election already replaced", async () => {
    const { councilId, members, roleId, seatOf } = await councilWithDelegates();
    const [a, b, c] = members as [string, string, string];
    const seatA = await seatOf(a);
    // A regular election for the role (electing c and b) and a recall of a, both decided.
    const election = await createElection(t.db, { councilId, authorId: c, roleId, body: "" });
    for (const x of [b, c]) await nominate(t.db, { proposalId: election.id, nomineeId: x, actorId: x });
    await openVoting(t.db, { proposalId: election.id, actorId: c });
    for (const m of members) await castRankedVote(t.db, { proposalId: election.id, userId: m, ranking: [c, b] });
    const recall = await startRecall(t.db, { delegationId: seatA.id, actorId: c, reason: REASON });
    await openVoting(t.db, { proposalId: recall.id, actorId: c });
    for (const m of members) await castVote(t.db, { proposalId: recall.id, userId: m, choice: "YES" });
    // The election's deadline passed first, the recall's a moment later; nobody has counted either.
    const t0 = new Date(Date.now() - 5_000), t1 = new Date(Date.now() - 1_000);
    await t.db.proposal.update({ where: { id: election.id }, data: { votingClosesAt: t0 } });
    await t.db.proposal.update({ where: { id: recall.id }, data: { votingClosesAt: t1 } });
    // Someone opens the recall's page first.
    expect((await closeProposal(t.db, recall.id))?.outcome).toBe("PASSED");
    const ended = await t.db.delegation.findUniqueOrThrow({ where: { id: seatA.id } });
    expect(ended).toMatchObject({ endReason: "SUPERSEDED", endedAt: t0 });
    expect(await t.db.proposal.count({ where: { councilId, byElection: true } })).toBe(0);
    expect(await holders(councilId)).toEqual([b, c].sort());
  });

  it("a by-election opened by a recall cannot be withdrawn, so the seat is always filled", async () => {
    const { members, seatOf } = await councilWithDelegates();
    const [a, , , , e] = members as string[];
    const recall = await startRecall(t.db, { delegationId: (await seatOf(a!)).id, actorId: e!, reason: REASON });
    await decideRecall(recall.id, e!, members.map((m) => [m, "YES"] as [string, VoteChoice]));
    const byElection = await t.db.proposal.findUniqueOrThrow({ where: { openedByRecallId: recall.id } });
    const { withdrawProposal } = await import("@/lib/proposals/service");
    expect((await refusal(withdrawProposal(t.db, { proposalId: byElection.id, actorId: byElection.authorId }))).message).toMatch(/cannot be withdrawn/);
  });
});
