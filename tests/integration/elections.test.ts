// Elections on the real database: nominations, ranked ballots, the count, and the delegations it creates.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { expireVoting, makeCouncilWithMembers, makeUser, type CharterOverrides } from "../support/factories";
import { refusal } from "../support/refusal";
import { castRankedVote, createElection, listCandidates, nominate, respondToNomination } from "@/lib/elections/service";
import { lotOrder } from "@/lib/elections/rules";
import { closeProposal, findProposalPage, openVoting } from "@/lib/proposals/service";
import { listVotesAwaitingMe } from "@/lib/dashboard/queries";
import { castVote } from "@/lib/voting/service";
import { listDelegations, startRecall } from "@/lib/delegations/service";
import { joinCouncil, leaveCouncil } from "@/lib/councils/service";
import { proposalStatus } from "@/lib/proposals/lifecycle";
import type { StvResult } from "@/lib/voting/stv";

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t?.dispose(); });

type StoredCount = StvResult & { turnout: number; quorumNeeded: number; candidates: { id: string; name: string }[] };

/** A council of `size` people (the founder first), all members before any vote opens. */
async function council(size: number, charter: CharterOverrides = {}) {
  const { council, members } = await makeCouncilWithMembers(t.db, size - 1, charter);
  return { councilId: council.id, members };
}

/** The term a delegation runs for, computed here independently of the service. */
function monthsAfter(start: Date, months: number) {
  const end = new Date(start);
  end.setUTCMonth(end.getUTCMonth() + months);
  return end;
}

/**
 * A whole election: founded by `author`, each candidate nominating themselves (accepted at once),
 * voting opened, the ballots cast, the deadline passed and the count stored.
 */
async function runElection(opts: {
  councilId: string; author: string; candidates: string[]; ballots: [string, string[]][];
  roleName?: string; roleId?: string; seats?: number; termMonths?: number; electionId?: string;
}) {
  const electionId = opts.electionId ?? (await createElection(t.db, {
    councilId: opts.councilId, authorId: opts.author, body: "",
    ...(opts.roleId ? { roleId: opts.roleId } : { roleName: opts.roleName ?? "Coordinator", seats: opts.seats ?? 1, termMonths: opts.termMonths ?? 12 }),
  })).id;
  for (const c of opts.candidates) await nominate(t.db, { proposalId: electionId, nomineeId: c, actorId: c });
  await openVoting(t.db, { proposalId: electionId, actorId: opts.author });
  for (const [voter, ranking] of opts.ballots) await castRankedVote(t.db, { proposalId: electionId, userId: voter, ranking });
  await expireVoting(t.db, electionId);
  const result = await closeProposal(t.db, electionId);
  const election = await t.db.proposal.findUniqueOrThrow({ where: { id: electionId } });
  return { election, result: result!, closedAt: election.votingClosesAt!, count: result!.count as unknown as StoredCount };
}

const currentHolders = async (councilId: string) =>
  (await listDelegations(t.db, { councilId })).current.map((d) => d.holder.id).sort();

describe("an election from nomination to delegation", () => {
  it("elects by STV and records each winner's term", async () => {
    const { councilId, members } = await council(6, { quorumPercent: 50 });
    const [a, b, c, d, e, f] = members as [string, string, string, string, string, string];
    const election = await createElection(t.db, { councilId, authorId: a, roleName: "Purchasing", seats: 2, termMonths: 6, body: "" });
    await nominate(t.db, { proposalId: election.id, nomineeId: a, actorId: a }); // self: accepted
    await nominate(t.db, { proposalId: election.id, nomineeId: b, actorId: a });
    await nominate(t.db, { proposalId: election.id, nomineeId: c, actorId: d });
    await respondToNomination(t.db, { proposalId: election.id, nomineeId: b, accept: true });
    await respondToNomination(t.db, { proposalId: election.id, nomineeId: c, accept: true });
    await openVoting(t.db, { proposalId: election.id, actorId: a });
    for (const [voter, ranking] of [[a, [a, b]], [b, [b]], [c, [c, b]], [d, [a]], [e, [a, c]], [f, [b, a]]] as const) {
      await castRankedVote(t.db, { proposalId: election.id, userId: voter, ranking: [...ranking] });
    }
    expect((await refusal(castRankedVote(t.db, { proposalId: election.id, userId: d, ranking: [a, a] }))).message).toMatch(/more than one rank/);
    expect((await refusal(castRankedVote(t.db, { proposalId: election.id, userId: d, ranking: [f] }))).message).toMatch(/not a candidate/);
    await expireVoting(t.db, election.id);
    const result = await closeProposal(t.db, election.id);
    expect(result?.outcome).toBe("ELECTED");
    expect(result?.winners).toEqual([a, b]);
    const { current } = await listDelegations(t.db, { councilId });
    expect(current.map((x) => x.holder.id).sort()).toEqual([a, b].sort());
    const page = await findProposalPage(t.db, { proposalId: election.id, viewerId: c });
    expect(page?.election?.nominations).toHaveLength(3);
  });
});

describe("nominations", () => {
  it("are taken only while the election is in deliberation", async () => {
    const { councilId, members: [a, b, c] } = await council(3);
    const election = await createElection(t.db, { councilId, authorId: a!, roleName: "Treasurer", body: "" });
    expect(election.title).toBe("Election: Treasurer (1 seat)");
    await nominate(t.db, { proposalId: election.id, nomineeId: a!, actorId: a! });
    await nominate(t.db, { proposalId: election.id, nomineeId: c!, actorId: a! }); // not yet accepted
    await openVoting(t.db, { proposalId: election.id, actorId: a! });

    const late = await refusal(nominate(t.db, { proposalId: election.id, nomineeId: b!, actorId: b! }));
    expect([late.code, late.message]).toEqual(["CLOSED", "Nominations close when voting opens."]);
    const tooLate = await refusal(respondToNomination(t.db, { proposalId: election.id, nomineeId: c!, accept: true }));
    expect(tooLate.message).toBe("Nominations close when voting opens.");
    expect((await listCandidates(t.db, election.id)).map((x) => x.id)).toEqual([a]);
    expect(await t.db.nomination.count({ where: { proposalId: election.id } })).toBe(2);
  });

  it("are of members only, made by members only, and only once", async () => {
    const { councilId, members: [a, b, c] } = await council(3);
    const election = await createElection(t.db, { councilId, authorId: a!, roleName: "Treasurer", body: "" });
    const outsider = await makeUser(t.db);
    await leaveCouncil(t.db, { councilId, userId: c! });

    for (const nomineeId of [outsider.id, c!]) {
      const e = await refusal(nominate(t.db, { proposalId: election.id, nomineeId, actorId: a! }));
      expect([e.code, e.message]).toEqual(["INVALID", "Only members of this council can be nominated."]);
    }
    const byOutsider = await refusal(nominate(t.db, { proposalId: election.id, nomineeId: b!, actorId: outsider.id }));
    expect(byOutsider.code).toBe("FORBIDDEN");
    const selfOutsider = await refusal(nominate(t.db, { proposalId: election.id, nomineeId: outsider.id, actorId: outsider.id }));
    expect(selfOutsider.code).toBe("FORBIDDEN");

    await nominate(t.db, { proposalId: election.id, nomineeId: b!, actorId: a! });
    const twice = await refusal(nominate(t.db, { proposalId: election.id, nomineeId: b!, actorId: b! }));
    expect(twice.code).toBe("CONFLICT");
    expect(twice.message).toMatch(/has already been nominated/);
    const rows = await t.db.nomination.findMany({ where: { proposalId: election.id } });
    expect(rows.map((r) => [r.nomineeId, r.nominatedById])).toEqual([[b, a]]);
  });

  it("make a candidate only once the nominee accepts; a self-nomination is accepted at once", async () => {
    const { councilId, members: [a, b, c, d] } = await council(4);
    const election = await createElection(t.db, { councilId, authorId: a!, roleName: "Rota keeper", body: "" });
    await nominate(t.db, { proposalId: election.id, nomineeId: a!, actorId: a! });
    await nominate(t.db, { proposalId: election.id, nomineeId: b!, actorId: a! });
    await nominate(t.db, { proposalId: election.id, nomineeId: c!, actorId: a! });
    const ids = async () => (await listCandidates(t.db, election.id)).map((x) => x.id).sort();
    expect(await ids()).toEqual([a]);

    await respondToNomination(t.db, { proposalId: election.id, nomineeId: b!, accept: true });
    await respondToNomination(t.db, { proposalId: election.id, nomineeId: c!, accept: false });
    expect(await ids()).toEqual([a, b].sort());
    // A change of mind before voting opens is allowed both ways.
    await respondToNomination(t.db, { proposalId: election.id, nomineeId: b!, accept: false });
    expect(await ids()).toEqual([a]);
    await respondToNomination(t.db, { proposalId: election.id, nomineeId: b!, accept: true });

    const notNominated = await refusal(respondToNomination(t.db, { proposalId: election.id, nomineeId: d!, accept: true }));
    expect(notNominated.code).toBe("NOT_FOUND");

    await openVoting(t.db, { proposalId: election.id, actorId: a! });
    const declined = await refusal(castRankedVote(t.db, { proposalId: election.id, userId: d!, ranking: [c!] }));
    expect(declined.message).toBe("Your ballot ranks someone who is not a candidate in this election.");
    await castRankedVote(t.db, { proposalId: election.id, userId: d!, ranking: [b!, a!] });
  });

  it("voting cannot open without an accepted candidate", async () => {
    const { councilId, members: [a, b] } = await council(2);
    const election = await createElection(t.db, { councilId, authorId: a!, roleName: "Treasurer", body: "" });
    const empty = await refusal(openVoting(t.db, { proposalId: election.id, actorId: a! }));
    expect([empty.code, empty.message]).toEqual(["INVALID", "No one has accepted a nomination yet: an election needs at least one candidate."]);

    await nominate(t.db, { proposalId: election.id, nomineeId: b!, actorId: a! }); // pending
    const pending = await refusal(openVoting(t.db, { proposalId: election.id, actorId: a! }));
    expect(pending.code).toBe("INVALID");
    const after = await t.db.proposal.findUniqueOrThrow({ where: { id: election.id } });
    expect(proposalStatus(after)).toBe("deliberation");
    expect(await t.db.electorateEntry.count({ where: { proposalId: election.id } })).toBe(0);
  });

  it("refuse someone who has served the charter's term limit in that role; others may stand", async () => {
    const { councilId, members: [a, b, c] } = await council(3, { termLimit: 1 });
    const first = await runElection({ councilId, author: a!, roleName: "Shift coordinator", candidates: [a!], ballots: [[a!, [a!]], [b!, [a!]]] });
    expect(first.result.winners).toEqual([a]);

    const next = await createElection(t.db, { councilId, authorId: b!, roleId: first.election.roleId!, body: "" });
    const limit = await refusal(nominate(t.db, { proposalId: next.id, nomineeId: a!, actorId: b! }));
    expect(limit.code).toBe("FORBIDDEN");
    expect(limit.message).toMatch(/has served the charter's limit of 1 term as Shift coordinator; rotation means someone else stands\.$/);
    const self = await refusal(nominate(t.db, { proposalId: next.id, nomineeId: a!, actorId: a! }));
    expect(self.code).toBe("FORBIDDEN");
    expect(await t.db.nomination.count({ where: { proposalId: next.id } })).toBe(0);

    await nominate(t.db, { proposalId: next.id, nomineeId: c!, actorId: c! });
    // The limit is per role: the same person may stand for another role.
    const other = await createElection(t.db, { councilId, authorId: b!, roleName: "Treasurer", body: "" });
    await nominate(t.db, { proposalId: other.id, nomineeId: a!, actorId: a! });
  });

  it("without a term limit, a holder may stand again", async () => {
    const { councilId, members: [a, b] } = await council(2);
    const first = await runElection({ councilId, author: a!, roleName: "Shift coordinator", candidates: [a!], ballots: [[a!, [a!]]] });
    const next = await createElection(t.db, { councilId, authorId: b!, roleId: first.election.roleId!, body: "" });
    await nominate(t.db, { proposalId: next.id, nomineeId: a!, actorId: a! });
  });
});

describe("ranked ballots", () => {
  /** An election with voting open: candidates a and b, voters a…e, and f who joins after it opens. */
  async function openElection() {
    const { councilId, members } = await council(5);
    const [a, b] = members as [string, string];
    const election = await createElection(t.db, { councilId, authorId: a, roleName: "Purchasing", body: "" });
    await nominate(t.db, { proposalId: election.id, nomineeId: a, actorId: a });
    await nominate(t.db, { proposalId: election.id, nomineeId: b, actorId: b });
    await openVoting(t.db, { proposalId: election.id, actorId: a });
    const late = await makeUser(t.db);
    await joinCouncil(t.db, { councilId, userId: late.id });
    return { councilId, members, election, late: late.id };
  }
  const ballotsOf = (proposalId: string) =>
    t.db.rankedVote.findMany({ where: { proposalId }, select: { userId: true, ranking: true, updatedAt: true }, orderBy: { userId: "asc" } });

  it("refuses each bad ballot with a clear message and leaves the ballots as they were", async () => {
    const { members: [a, b, c], election, late } = await openElection();
    await castRankedVote(t.db, { proposalId: election.id, userId: c!, ranking: [a!, b!] });
    const before = await ballotsOf(election.id);
    const outsider = await makeUser(t.db);
    const cases: [string, () => Promise<unknown>, string, string][] = [
      ["unknown candidate", () => castRankedVote(t.db, { proposalId: election.id, userId: c!, ranking: [outsider.id] }), "INVALID",
        "Your ballot ranks someone who is not a candidate in this election."],
      ["duplicate rank", () => castRankedVote(t.db, { proposalId: election.id, userId: c!, ranking: [b!, a!, b!] }), "INVALID",
        "Your ballot gives one candidate more than one rank."],
      ["empty ranking", () => castRankedVote(t.db, { proposalId: election.id, userId: c!, ranking: [] }), "INVALID", "Rank at least one candidate."],
      ["non-member", () => castRankedVote(t.db, { proposalId: election.id, userId: outsider.id, ranking: [a!] }), "FORBIDDEN",
        "Only members of this council can vote."],
      ["joined after opening", () => castRankedVote(t.db, { proposalId: election.id, userId: late, ranking: [a!] }), "FORBIDDEN",
        "You joined after voting opened, so you are not in this election's electorate."],
    ];
    for (const [what, attempt, code, message] of cases) {
      const e = await refusal(attempt());
      expect([what, e.code, e.message]).toEqual([what, code, message]);
    }
    expect(await ballotsOf(election.id)).toEqual(before);
  });

  it("keeps one ballot per member: a second ballot replaces the first", async () => {
    const { members: [a, b, c], election } = await openElection();
    await castRankedVote(t.db, { proposalId: election.id, userId: c!, ranking: [a!, b!] });
    await castRankedVote(t.db, { proposalId: election.id, userId: c!, ranking: [b!] });
    const rows = await ballotsOf(election.id);
    expect(rows.map((r) => [r.userId, r.ranking])).toEqual([[c, [b]]]);
  });

  it("an election waits in a member's list of votes until they have cast a ranked ballot", async () => {
    const { members: [a, b, c], election } = await openElection();
    const awaiting = async (userId: string) => (await listVotesAwaitingMe(t.db, userId)).map((p) => p.id);
    expect(await awaiting(c!)).toEqual([election.id]);
    await castRankedVote(t.db, { proposalId: election.id, userId: c!, ranking: [a!, b!] });
    expect(await awaiting(c!)).toEqual([]);
    expect(await awaiting(b!)).toEqual([election.id]);
  });

  it("refuses ballots after the deadline and counts only those cast before it", async () => {
    const { members: [a, b, c, d], election } = await openElection();
    await castRankedVote(t.db, { proposalId: election.id, userId: c!, ranking: [b!] });
    await expireVoting(t.db, election.id);
    const late = await refusal(castRankedVote(t.db, { proposalId: election.id, userId: d!, ranking: [a!] }));
    expect([late.code, late.message]).toEqual(["CLOSED", "Voting has closed; your ballot was not recorded."]);
    const change = await refusal(castRankedVote(t.db, { proposalId: election.id, userId: c!, ranking: [a!] }));
    expect(change.code).toBe("CLOSED");
    expect((await ballotsOf(election.id)).map((r) => r.ranking)).toEqual([[b]]);
  });

  it("refuses ballots before voting opens", async () => {
    const { councilId, members: [a, b] } = await council(2);
    const election = await createElection(t.db, { councilId, authorId: a!, roleName: "Purchasing", body: "" });
    await nominate(t.db, { proposalId: election.id, nomineeId: a!, actorId: a! });
    const early = await refusal(castRankedVote(t.db, { proposalId: election.id, userId: b!, ranking: [a!] }));
    expect([early.code, early.message]).toEqual(["CLOSED", "Voting is not open in this election."]);
    expect(await t.db.rankedVote.count({ where: { proposalId: election.id } })).toBe(0);
  });
});

describe("the count and the delegations it creates", () => {
  it("one seat: instant runoff moves the excluded candidate's ballots, and the winner holds the role for its term", async () => {
    const { councilId, members } = await council(8, { quorumPercent: 50 });
    const [x, y, z, v4, v5, v6, v7, v8] = members as string[] as [string, string, string, string, string, string, string, string];
    // First preferences x 3, y 3, z 2; z's voters prefer y next, so y passes the quota of 5 at stage 2.
    const { result, closedAt, election, count } = await runElection({
      councilId, author: x, roleName: "Shift coordinator", seats: 1, termMonths: 6, candidates: [x, y, z],
      ballots: [[x, [x]], [v4, [x]], [v5, [x, z]], [y, [y]], [v6, [y]], [v7, [y, x]], [z, [z, y]], [v8, [z, y]]],
    });
    expect(result.outcome).toBe("ELECTED");
    expect(result.winners).toEqual([y]);
    expect(result.quorumMet).toBe(true);
    expect(count.ruleLabel).toMatch(/Instant-runoff/);
    expect(count.stages.map((s) => s.action)).toEqual([{ type: "first-preferences" }, { type: "exclusion", candidate: z }]);
    expect(count.stages[0]!.votes).toEqual({ [x]: 300000, [y]: 300000, [z]: 200000 });
    expect(count.stages[1]!.votes[y]).toBe(500000);

    const delegations = await t.db.delegation.findMany({ where: { roleId: election.roleId! } });
    expect(delegations).toHaveLength(1);
    expect(delegations[0]).toMatchObject({ holderId: y, electedById: election.id, startsAt: closedAt, endsAt: monthsAfter(closedAt, 6), endedAt: null });
    expect(await currentHolders(councilId)).toEqual([y]);
  });

  it("three seats: STV elects in order, transfers surplus, and every winner gets a delegation", async () => {
    const { councilId, members } = await council(10, { quorumPercent: 50 });
    const [p, q, r, s, tt, ...rest] = members as string[];
    const [v6, v7, v8, v9, v10] = rest as [string, string, string, string, string];
    const { result, closedAt, election, count } = await runElection({
      councilId, author: p!, roleName: "Purchasing committee", seats: 3, termMonths: 12, candidates: [p!, q!, r!, s!, tt!],
      ballots: [
        [p!, [p!, q!]], [v6, [p!, q!]], [v7, [p!, q!]], [v8, [p!, q!]], // p: 4 ≥ quota 3, surplus 1 goes to q
        [q!, [q!, p!]],
        [r!, [r!]], [v9, [r!]],
        [s!, [s!, r!]], [v10, [s!, r!]],
        [tt!, [tt!, s!]], // t is excluded first; the ballot lifts s to the quota
      ],
    });
    expect(election.seats).toBe(3);
    expect(election.title).toBe("Election: Purchasing committee (3 seats)");
    expect(result.winners).toEqual([p, s, r]);
    expect(count.quota).toBe(300000);
    expect(count.stages.map((st) => st.action.type)).toEqual(["first-preferences", "surplus", "exclusion", "exclusion"]);
    expect(count.stages[1]!.transfers[q!]).toBe(100000);
    expect(count.electedWithoutQuota).toEqual([r]);

    const delegations = await t.db.delegation.findMany({ where: { roleId: election.roleId! }, orderBy: { holderId: "asc" } });
    expect(delegations.map((d) => d.holderId)).toEqual([p, r, s].sort());
    for (const d of delegations) {
      expect(d).toMatchObject({ councilId, electedById: election.id, startsAt: closedAt, endsAt: monthsAfter(closedAt, 12), endedAt: null, endReason: null });
    }
  });

  it("stores the full count, with stages and the names behind every winner", async () => {
    const { councilId, members } = await council(4);
    const [a, b, c, d] = members as [string, string, string, string];
    const { result, election } = await runElection({
      councilId, author: a, roleName: "Editor", seats: 2, candidates: [a, b, c],
      ballots: [[a, [a]], [b, [b, a]], [c, [c, b]], [d, [b]]],
    });
    const page = await findProposalPage(t.db, { proposalId: election.id, viewerId: d });
    expect(page?.result?.outcome).toBe("ELECTED");
    const stored = page!.result!.count as unknown as StoredCount;
    expect(stored.stages.length).toBeGreaterThan(0);
    expect(stored.stages[0]!.action).toEqual({ type: "first-preferences" });
    expect(stored.turnout).toBe(4);
    expect(stored.validBallots).toBe(4);
    expect(stored.winners).toEqual(result.winners);
    const users = await t.db.user.findMany({ where: { id: { in: [a, b, c] } }, select: { id: true, name: true } });
    expect([...stored.candidates].sort((m, n) => m.id.localeCompare(n.id))).toEqual(users.sort((m, n) => m.id.localeCompare(n.id)));
    const names = result.winners.map((id) => stored.candidates.find((x) => x.id === id)?.name);
    expect(names).toEqual(result.winners.map((id) => users.find((u) => u.id === id)!.name));
    expect(names.every(Boolean)).toBe(true);
  });

  it("breaks a tie that nothing else decides by the published lot: SHA-256 of proposal and candidate ids", async () => {
    const { councilId, members } = await council(2);
    const [a, b] = members as [string, string];
    const { result, election, count } = await runElection({
      councilId, author: a, roleName: "Key holder", seats: 1, candidates: [a, b], ballots: [[a, [a]], [b, [b]]],
    });
    const key = (id: string) => createHash("sha256").update(`${election.id}:${id}`).digest("hex");
    const published = [a, b].sort((m, n) => (key(m) < key(n) ? -1 : 1));
    expect(lotOrder(election.id, [b, a])).toEqual(published);
    // Equal at every stage: the candidate first in the lot order is excluded, the other elected.
    const tie = count.stages.find((s) => s.tieBreak)!.tieBreak!;
    expect(tie).toMatchObject({ kind: "exclusion", by: "lot", chosen: published[0] });
    expect(result.winners).toEqual([published[1]]);
  });

  it("elects no one without quorum, keeps the count, and leaves the current holders in place", async () => {
    const { councilId, members } = await council(6, { quorumPercent: 50 });
    const [a, b, c] = members as [string, string, string];
    const first = await runElection({ councilId, author: a, roleName: "Treasurer", candidates: [a], ballots: members.map((m) => [m, [a]] as [string, string[]]) });
    expect(first.result.winners).toEqual([a]);

    const { result, count } = await runElection({ councilId, author: b, roleId: first.election.roleId!, candidates: [b, c], ballots: [[b, [b]], [c, [c, b]]] });
    expect(result).toMatchObject({ outcome: "NO_QUORUM", quorumMet: false, thresholdMet: false, winners: [], electorateSize: 6 });
    expect(count.turnout).toBe(2);
    expect(count.quorumNeeded).toBe(3);
    expect(count.stages.length).toBeGreaterThan(0);
    expect(await t.db.delegation.count({ where: { electedById: result.proposalId } })).toBe(0);
    expect(await currentHolders(councilId)).toEqual([a]);
  });

  it("a regular election supersedes the role's current holders; a by-election only fills the vacant seat", async () => {
    const { councilId, members } = await council(6, { quorumPercent: 50 });
    const [a, b, c, d, e, f] = members as [string, string, string, string, string, string];
    const all = (ranking: string[]) => members.map((m) => [m, ranking] as [string, string[]]);
    const first = await runElection({ councilId, author: a, roleName: "Delegates to the district", seats: 2, termMonths: 12, candidates: [a, b], ballots: all([a, b]) });
    const roleId = first.election.roleId!;
    expect(await currentHolders(councilId)).toEqual([a, b].sort());

    // Recall a: the passed recall opens a by-election for her seat.
    const aSeat = await t.db.delegation.findFirstOrThrow({ where: { roleId, holderId: a } });
    const recall = await startRecall(t.db, { delegationId: aSeat.id, actorId: c, reason: "Missed every district meeting this year." });
    await openVoting(t.db, { proposalId: recall.id, actorId: c });
    for (const m of members) await castVote(t.db, { proposalId: recall.id, userId: m, choice: m === a ? "NO" : "YES" });
    await expireVoting(t.db, recall.id);
    expect((await closeProposal(t.db, recall.id))?.outcome).toBe("PASSED");
    const byElection = await t.db.proposal.findFirstOrThrow({ where: { councilId, kind: "ELECTION", byElection: true } });
    expect(await currentHolders(councilId)).toEqual([b]);

    const filled = await runElection({ councilId, author: c, electionId: byElection.id, candidates: [c], ballots: all([c]) });
    expect(filled.result.winners).toEqual([c]);
    expect(await currentHolders(councilId)).toEqual([b, c].sort());
    const bSeat = await t.db.delegation.findFirstOrThrow({ where: { roleId, holderId: b } });
    expect(bSeat).toMatchObject({ endedAt: null, endReason: null });

    // A regular election for the role ends both current terms when it closes.
    const regular = await runElection({ councilId, author: d, roleId, candidates: [d, e, f], ballots: all([d, e]) });
    expect(regular.result.winners).toEqual([d, e]);
    expect(await currentHolders(councilId)).toEqual([d, e].sort());
    const ended = await t.db.delegation.findMany({ where: { roleId, holderId: { in: [b, c] } } });
    expect(ended.map((x) => [x.endReason, x.endedAt])).toEqual([["SUPERSEDED", regular.closedAt], ["SUPERSEDED", regular.closedAt]]);
    const recalled = await t.db.delegation.findUniqueOrThrow({ where: { id: aSeat.id } });
    expect(recalled.endReason).toBe("RECALLED");
  });
});

describe("candidates who leave, and elections nobody votes in", () => {
  it("a candidate who left the council before the close is passed over, and ballots move to the next preference", async () => {
    const { councilId, members } = await council(5, { quorumPercent: 0 });
    const [a, b, c, d, e] = members as [string, string, string, string, string];
    const electionId = (await createElection(t.db, { councilId, authorId: a, body: "", roleName: "Treasurer", seats: 1, termMonths: 12 })).id;
    for (const x of [a, b]) await nominate(t.db, { proposalId: electionId, nomineeId: x, actorId: x });
    await openVoting(t.db, { proposalId: electionId, actorId: a });
    for (const [voter, ranking] of [[c, [a, b]], [d, [a]], [e, [b]]] as const) await castRankedVote(t.db, { proposalId: electionId, userId: voter, ranking: [...ranking] });
    await leaveCouncil(t.db, { councilId, userId: a }); // a would have won 2–1
    await expireVoting(t.db, electionId);
    const result = await closeProposal(t.db, electionId);
    expect(result?.winners).toEqual([b]);
    expect((result?.count as { withdrawn: string[] }).withdrawn).toEqual([a]);
    expect(await currentHolders(councilId)).toEqual([b]);
  });

  it("with no ballots at all nobody is elected, even under a 0% quorum (no seat is filled by lot alone)", async () => {
    const { councilId, members } = await council(3, { quorumPercent: 0 });
    const { result } = await runElection({ councilId, author: members[0]!, candidates: [members[0]!, members[1]!], ballots: [], seats: 1 });
    expect(result.outcome).toBe("NO_QUORUM");
    expect(result.winners).toEqual([]);
    expect(await currentHolders(councilId)).toEqual([]);
  });
});

describe("roles", () => {
  it("naming a new role that already exists is refused beside the field, instead of silently reusing it", async () => {
    const { councilId, members } = await council(2);
    await createElection(t.db, { councilId, authorId: members[0]!, body: "", roleName: "Rota keeper", seats: 1, termMonths: 6 });
    const error = await refusal(createElection(t.db, { councilId, authorId: members[1]!, body: "", roleName: "Rota keeper", seats: 3, termMonths: 24 }));
    expect(error.fieldErrors?.roleName?.[0]).toMatch(/already has a role called “Rota keeper”/);
  });
});

describe("an election left without candidates", () => {
  it("is not 'elected' when every candidate left before the close", async () => {
    const { councilId, members } = await council(3, { quorumPercent: 0 });
    const [a, b, c] = members as [string, string, string];
    const electionId = (await createElection(t.db, { councilId, authorId: a, body: "", roleName: "Keyholder", seats: 1, termMonths: 3 })).id;
    await nominate(t.db, { proposalId: electionId, nomineeId: b, actorId: b });
    await openVoting(t.db, { proposalId: electionId, actorId: a });
    await castRankedVote(t.db, { proposalId: electionId, userId: c, ranking: [b] });
    await leaveCouncil(t.db, { councilId, userId: b });
    await expireVoting(t.db, electionId);
    const result = await closeProposal(t.db, electionId);
    expect(result).toMatchObject({ outcome: "REJECTED", winners: [] });
  });
});
