// Races on PostgreSQL, each repeated ROUNDS times (50; RACE_ROUNDS overrides): every round must end
// in one consistent state — the same one as doing the same things one after another. The flood of
// 200 votes takes ~4 s a round on a 2-core machine, so it runs FLOOD_ROUNDS times (10; override
// with RACE_FLOOD_ROUNDS=50). PGlite runs one query at a time: these need TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/db";
import { expireVoting, makeCouncil, makeCouncilWithMembers, makeOpenProposal, makeUser } from "../support/factories";
import { castVote } from "@/lib/voting/service";
import { closeProposal, openVoting } from "@/lib/proposals/service";
import { decideMembership, joinCouncil, leaveCouncil } from "@/lib/councils/service";
import { nextMembershipStatus, type MembershipEvent } from "@/lib/councils/membership";
import { castRankedVote, createElection, nominate } from "@/lib/elections/service";
import { startRecall } from "@/lib/delegations/service";
import { VOTE_CHOICES } from "@/lib/proposals/schemas";
import type { MembershipStatus } from "@/lib/generated/prisma/enums";

const ROUNDS = Number(process.env.RACE_ROUNDS || 50);
const FLOOD_ROUNDS = Number(process.env.RACE_FLOOD_ROUNDS || 10);
const RACE_TIMEOUT = 600_000; // many rounds on a shared 2-core machine: minutes, not seconds
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

describe.runIf(onPostgres)(onPostgres ? "races (PostgreSQL)" : "races — skipped: needs TEST_DATABASE_URL (PostgreSQL)", () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(); });
  afterAll(async () => { await t?.dispose(); });

  it(`200 simultaneous votes by one member, ${FLOOD_ROUNDS} times: all accepted, one ballot, one of the choices sent, counted once`, async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 3);
    for (let round = 0; round < FLOOD_ROUNDS; round++) {
      const p = await makeOpenProposal(t.db, council.id, members[0]!);
      const voter = members[1]!;
      const sent = Array.from({ length: 200 }, () => pick(VOTE_CHOICES));
      const settled = await Promise.allSettled(sent.map((choice) => castVote(t.db, { proposalId: p.id, userId: voter, choice })));
      expect(settled.filter((s) => s.status === "rejected").map((s) => (s as PromiseRejectedResult).reason), `round ${round}`).toEqual([]);
      const rows = await t.db.vote.findMany({ where: { proposalId: p.id } });
      expect(rows, `round ${round}`).toHaveLength(1);
      expect(sent).toContain(rows[0]!.choice);
      expect(await t.db.auditEntry.count({ where: { subjectId: p.id, action: "vote.cast" } })).toBe(200);
      await expireVoting(t.db, p.id);
      const result = await closeProposal(t.db, p.id);
      expect(result!.yes + result!.no + result!.abstain).toBe(1);
    }
  }, RACE_TIMEOUT);

  it(`join, admit, decline, remove and leave at once, ${ROUNDS} times: one membership whose history replays to its status`, async () => {
    const { council, founderId } = await makeCouncil(t.db, { joinPolicy: "APPROVAL" });
    for (let round = 0; round < ROUNDS; round++) {
      const user = await makeUser(t.db);
      await joinCouncil(t.db, { councilId: council.id, userId: user.id });
      const membership = await t.db.membership.findUniqueOrThrow({ where: { councilId_userId: { councilId: council.id, userId: user.id } } });
      const decide = (decision: "admit" | "decline" | "remove") => decideMembership(t.db, { councilId: council.id, membershipId: membership.id, actorId: founderId, decision });
      const moves = [
        () => decide("admit"), () => decide("admit"), () => decide("decline"), () => decide("remove"),
        () => leaveCouncil(t.db, { councilId: council.id, userId: user.id }),
        () => leaveCouncil(t.db, { councilId: council.id, userId: user.id }),
        () => joinCouncil(t.db, { councilId: council.id, userId: user.id }),
      ];
      const settled = await Promise.allSettled(moves.sort(() => Math.random() - 0.5).map((m) => m()));
      for (const s of settled) if (s.status === "rejected") expect(s.reason, `round ${round}`).toMatchObject({ name: "DomainError" });

      const rows = await t.db.membership.findMany({ where: { councilId: council.id, userId: user.id } });
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      // The audit log is the membership's history: replayed in order, every step must be allowed
      // from the state before it, and the last state must be the row's status.
      const EVENT: Record<string, MembershipEvent> = {
        "member.requested": "request", "member.admitted": "admit", "member.declined": "decline", "member.removed": "remove", "member.left": "leave", "member.joined": "join",
      };
      const history = await t.db.auditEntry.findMany({ where: { councilId: council.id, subjectId: user.id }, orderBy: { seq: "asc" }, select: { action: true } });
      let status: MembershipStatus | null = null;
      for (const { action } of history) status = nextMembershipStatus(status, EVENT[action]!);
      expect(status, `round ${round}: ${history.map((h) => h.action).join(" → ")}`).toBe(row.status);
      if (row.status === "ACTIVE") expect(row.admittedAt && !row.endedAt).toBeTruthy();
      if (row.status === "PENDING") expect(row.admittedAt).toBeNull();
      if (["LEFT", "DECLINED", "REMOVED"].includes(row.status)) expect(row.endedAt).not.toBeNull();
    }
  }, RACE_TIMEOUT);

  it(`ballots arriving while the vote closes, ${ROUNDS} times: the result is exactly the ballots accepted`, async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 11);
    for (let round = 0; round < ROUNDS; round++) {
      const p = await makeOpenProposal(t.db, council.id, members[0]!);
      const ballots = members.map((userId) => ({ userId, choice: pick(VOTE_CHOICES) }));
      const votes = ballots.map((b) => castVote(t.db, { proposalId: p.id, ...b }));
      const closers = [expireVoting(t.db, p.id).then(() => closeProposal(t.db, p.id)), closeProposal(t.db, p.id)];
      const outcomes = await Promise.allSettled(votes);
      await Promise.all(closers);
      for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "CLOSED" });
      const accepted = ballots.filter((_, i) => outcomes[i]!.status === "fulfilled");
      const result = await closeProposal(t.db, p.id);
      const rows = await t.db.vote.findMany({ where: { proposalId: p.id } });
      expect(rows.map((r) => r.userId).sort(), `round ${round}`).toEqual(accepted.map((a) => a.userId).sort());
      const n = (c: string) => rows.filter((r) => r.choice === c).length;
      expect(result).toMatchObject({ yes: n("YES"), no: n("NO"), abstain: n("ABSTAIN") });
      expect(await t.db.result.count({ where: { proposalId: p.id } })).toBe(1);
    }
  }, RACE_TIMEOUT);

  /** A council of 5 that elected its first two members as delegates; an election for the next
   * holders of the role (electing the 3rd and 2nd) and a recall of the 1st, both voted and lapsed. */
  async function recallDuringElection(recallFirst: boolean) {
    const { council, members } = await makeCouncilWithMembers(t.db, 4, { quorumPercent: 50 });
    const [a, b, c] = members as [string, string, string];
    const first = await createElection(t.db, { councilId: council.id, authorId: a, roleName: "Delegates", seats: 2, termMonths: 12, body: "" });
    for (const x of [a, b]) await nominate(t.db, { proposalId: first.id, nomineeId: x, actorId: x });
    await openVoting(t.db, { proposalId: first.id, actorId: a });
    for (const m of members) await castRankedVote(t.db, { proposalId: first.id, userId: m, ranking: [a, b] });
    await expireVoting(t.db, first.id);
    await closeProposal(t.db, first.id);
    const seatA = await t.db.delegation.findFirstOrThrow({ where: { councilId: council.id, holderId: a } });
    const election = await createElection(t.db, { councilId: council.id, authorId: c, roleId: first.roleId!, body: "" });
    for (const x of [b, c]) await nominate(t.db, { proposalId: election.id, nomineeId: x, actorId: x });
    await openVoting(t.db, { proposalId: election.id, actorId: c });
    for (const m of members) await castRankedVote(t.db, { proposalId: election.id, userId: m, ranking: [c, b] });
    const recall = await startRecall(t.db, { delegationId: seatA.id, actorId: c, reason: "Has not reported back since spring." });
    await openVoting(t.db, { proposalId: recall.id, actorId: c });
    for (const m of members) await castVote(t.db, { proposalId: recall.id, userId: m, choice: "YES" });
    const [early, late] = [new Date(Date.now() - 5_000), new Date(Date.now() - 1_000)];
    await t.db.proposal.update({ where: { id: recall.id }, data: { votingClosesAt: recallFirst ? early : late } });
    await t.db.proposal.update({ where: { id: election.id }, data: { votingClosesAt: recallFirst ? late : early } });
    return { councilId: council.id, members, election, recall, seatA };
  }

  async function stateOf(s: Awaited<ReturnType<typeof recallDuringElection>>) {
    const index = (id: string) => s.members.indexOf(id);
    const delegations = await t.db.delegation.findMany({ where: { councilId: s.councilId }, orderBy: [{ startsAt: "asc" }, { holderId: "asc" }] });
    return {
      current: delegations.filter((d) => !d.endedAt).map((d) => index(d.holderId)).sort(),
      seatA: (({ endReason }) => ({ endReason }))(delegations.find((d) => d.id === s.seatA.id)!),
      byElections: await t.db.proposal.count({ where: { councilId: s.councilId, byElection: true } }),
      results: await t.db.result.count({ where: { proposalId: { in: [s.election.id, s.recall.id] } } }),
    };
  }

  it(`a recall and an election on the same role closing at once, ${ROUNDS} times: the same state as closing them in deadline order`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const recallFirst = round % 2 === 0;
      const reference = await recallDuringElection(recallFirst);
      for (const id of recallFirst ? [reference.recall.id, reference.election.id] : [reference.election.id, reference.recall.id]) await closeProposal(t.db, id);
      const expected = await stateOf(reference);

      const raced = await recallDuringElection(recallFirst);
      const readers = [raced.recall.id, raced.election.id, raced.recall.id, raced.election.id, raced.recall.id].sort(() => Math.random() - 0.5);
      await Promise.all(readers.map((id) => closeProposal(t.db, id)));
      expect(await stateOf(raced), `round ${round} (${recallFirst ? "recall" : "election"} due first)`).toEqual(expected);
      expect(expected.results).toBe(2);
    }
  }, RACE_TIMEOUT);
});
