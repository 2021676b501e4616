// Federations on the real database: founding one, admitting councils by their mandates, questions to
// the federation decided in each member council, and the federation result computed from mandates.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/db";
import { expireVoting, makeCouncilWithMembers, makeUser, type CharterOverrides } from "../support/factories";
import { refusal } from "../support/refusal";
import { createFederation, createFederationMotion, findFederationPage, requestToJoinFederation } from "@/lib/federations/service";
import { mandateFromOutcome, type CouncilMandate } from "@/lib/federations/rules";
import { closeProposal, findProposalPage, openVoting, withdrawProposal } from "@/lib/proposals/service";
import { castVote } from "@/lib/voting/service";
import { castRankedVote, createElection, nominate } from "@/lib/elections/service";
import { proposalStatus } from "@/lib/proposals/lifecycle";
import type { FederationWeighting, VoteChoice } from "@/lib/generated/prisma/enums";

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t?.dispose(); });

type StoredCount = { weighting: FederationWeighting; mandates: CouncilMandate[] };

/** A council of `size` people; members[0] founded it and facilitates it. */
async function council(size: number, charter: CharterOverrides = { quorumPercent: 50 }) {
  const { council, members } = await makeCouncilWithMembers(t.db, size - 1, charter);
  return { id: council.id, name: council.name, members, facilitator: members[0]! };
}
type TestCouncil = Awaited<ReturnType<typeof council>>;

async function found(founding: TestCouncil, opts: { weighting?: FederationWeighting; votingPeriodHours?: number } = {}) {
  const id = randomUUID().slice(0, 8);
  return createFederation(t.db, {
    name: `Federation ${id}`, slug: `federation-${id}`, description: "Councils of the street, together.",
    charter: { quorumPercent: 50, passThreshold: "SIMPLE_MAJORITY", votingPeriodHours: opts.votingPeriodHours ?? 48, liveResults: false, weighting: opts.weighting ?? "EQUAL" },
    founderId: founding.facilitator, foundingCouncilId: founding.id,
  });
}

const mandateVotes = (motionId: string) =>
  t.db.proposal.findMany({ where: { parentId: motionId }, include: { electorate: true }, orderBy: { council: { name: "asc" } } });

/**
 * Each member council votes on its mandate (`votes` by council id; a council left out casts
 * nothing), the federation's deadline passes, and the federation motion is counted.
 */
async function decide(motionId: string, votes: Map<string, [string, VoteChoice][]>) {
  const children = await mandateVotes(motionId);
  for (const child of children) {
    for (const [userId, choice] of votes.get(child.councilId) ?? []) await castVote(t.db, { proposalId: child.id, userId, choice });
  }
  for (const id of [motionId, ...children.map((c) => c.id)]) await expireVoting(t.db, id);
  const result = await closeProposal(t.db, motionId);
  return { result: result!, count: result!.count as unknown as StoredCount };
}

/** Everyone in every listed council votes the same way. */
const everyone = (choice: VoteChoice, ...councils: TestCouncil[]) =>
  new Map(councils.map((c) => [c.id, c.members.map((m) => [m, choice] as [string, VoteChoice])]));

/** `applicant` asks to join; the current member councils all vote yes. */
async function admit(federationId: string, applicant: TestCouncil, members: TestCouncil[]) {
  const motion = await requestToJoinFederation(t.db, { federationId, councilId: applicant.id, actorId: applicant.facilitator });
  const { result } = await decide(motion.id, everyone("YES", ...members));
  expect(result.outcome).toBe("PASSED");
  return motion;
}

const membershipOf = (federationId: string, councilId: string) =>
  t.db.federationMembership.findUniqueOrThrow({ where: { federationId_councilId: { federationId, councilId } } });

describe("founding a federation", () => {
  it("is for a facilitator of the founding council, which becomes its first member with a seat role", async () => {
    const bakery = await council(3);
    const plain = await refusal(createFederation(t.db, {
      name: "Not allowed", slug: `no-${randomUUID().slice(0, 8)}`, description: "",
      charter: { quorumPercent: 50, passThreshold: "SIMPLE_MAJORITY", votingPeriodHours: 48, liveResults: false },
      founderId: bakery.members[1]!, foundingCouncilId: bakery.id,
    }));
    expect([plain.code, plain.message]).toEqual(["FORBIDDEN", "Only a facilitator of this council can do that."]);
    expect(await t.db.council.count({ where: { name: "Not allowed" } })).toBe(0);

    const federation = await found(bakery, { weighting: "MEMBERSHIP" });
    expect(federation).toMatchObject({ kind: "FEDERATION" });
    const charter = await t.db.charter.findFirstOrThrow({ where: { councilId: federation.id } });
    expect(charter).toMatchObject({ version: 1, joinPolicy: "APPROVAL", weighting: "MEMBERSHIP", votingPeriodHours: 48 });
    const membership = await membershipOf(federation.id, bakery.id);
    expect(membership.status).toBe("ACTIVE");
    expect(membership.admittedAt).not.toBeNull();

    const roles = await t.db.role.findMany({ where: { councilId: bakery.id } });
    expect(roles).toEqual([expect.objectContaining({ name: `Delegates to ${federation.name}`, kind: "FEDERATION_SEAT", federationId: federation.id, seats: 2, termMonths: 12 })]);
    const page = await findFederationPage(t.db, { federationId: federation.id });
    expect(page.members.map((m) => [m.council.name, m.status])).toEqual([[bakery.name, "ACTIVE"]]);
    // The federation has no people of its own: nobody is a member of it.
    expect(await t.db.membership.count({ where: { councilId: federation.id } })).toBe(0);
  });

  it("refuses a web address that is taken", async () => {
    const bakery = await council(1);
    const federation = await found(bakery);
    const taken = await refusal(createFederation(t.db, {
      name: "Copy", slug: federation.slug, description: "",
      charter: { quorumPercent: 50, passThreshold: "SIMPLE_MAJORITY", votingPeriodHours: 48, liveResults: false },
      founderId: bakery.facilitator, foundingCouncilId: bakery.id,
    }));
    expect(taken.code).toBe("CONFLICT");
  });
});

describe("asking to join", () => {
  it("opens an admission motion with a mandate vote in each member council, under the federation's deadline", async () => {
    const a = await council(3, { quorumPercent: 50, votingPeriodHours: 24 });
    const b = await council(2, { quorumPercent: 50, votingPeriodHours: 72 });
    const c = await council(4);
    const federation = await found(a, { votingPeriodHours: 48 });
    await admit(federation.id, b, [a]);

    const plain = await refusal(requestToJoinFederation(t.db, { federationId: federation.id, councilId: c.id, actorId: c.members[1]! }));
    expect(plain.code).toBe("FORBIDDEN");
    expect(await t.db.federationMembership.count({ where: { councilId: c.id } })).toBe(0);

    const motion = await requestToJoinFederation(t.db, { federationId: federation.id, councilId: c.id, actorId: c.facilitator });
    expect(motion).toMatchObject({ kind: "FEDERATION_MOTION", councilId: federation.id, admitsCouncilId: c.id, title: `Admit ${c.name} to ${federation.name}` });
    expect((await membershipOf(federation.id, c.id)).status).toBe("PENDING");
    const opened = await t.db.proposal.findUniqueOrThrow({ where: { id: motion.id } });
    expect(proposalStatus(opened)).toBe("voting");
    expect(opened.votingClosesAt!.getTime() - opened.votingOpenedAt!.getTime()).toBe(48 * 3_600_000);
    expect(opened.electorateSize).toBe(2); // two member councils, one vote each

    const children = await mandateVotes(motion.id);
    expect(children.map((ch) => ch.councilId).sort()).toEqual([a.id, b.id].sort()); // not the applicant
    for (const [child, members] of [[children.find((x) => x.councilId === a.id)!, a], [children.find((x) => x.councilId === b.id)!, b]] as const) {
      const charter = await t.db.charter.findFirstOrThrow({ where: { councilId: members.id } });
      expect(child).toMatchObject({ kind: "MANDATE", title: motion.title, charterId: charter.id, electorateSize: members.members.length });
      expect(child.votingOpenedAt).toEqual(opened.votingOpenedAt);
      expect(child.votingClosesAt).toEqual(opened.votingClosesAt); // the federation's deadline, not the council's own period
      expect(child.electorate.map((e) => e.userId).sort()).toEqual([...members.members].sort());
    }

    const twice = await refusal(requestToJoinFederation(t.db, { federationId: federation.id, councilId: c.id, actorId: c.facilitator }));
    expect([twice.code, twice.message]).toEqual(["CONFLICT", `${c.name} has already asked to join; the member councils are deciding.`]);
    const member = await refusal(requestToJoinFederation(t.db, { federationId: federation.id, councilId: b.id, actorId: b.facilitator }));
    expect(member.code).toBe("CONFLICT");
    expect(await t.db.proposal.count({ where: { councilId: federation.id } })).toBe(2);
  });

  it("a passed admission makes the council a member with its own seat role; a rejected one declines it", async () => {
    const a = await council(3);
    const b = await council(2);
    const c = await council(2);
    const federation = await found(a);
    const motion = await admit(federation.id, b, [a]);
    const closedAt = (await t.db.proposal.findUniqueOrThrow({ where: { id: motion.id } })).votingClosesAt;
    expect(await membershipOf(federation.id, b.id)).toMatchObject({ status: "ACTIVE", admittedAt: closedAt });
    expect(await t.db.role.findMany({ where: { councilId: b.id }, select: { name: true, kind: true, federationId: true } }))
      .toEqual([{ name: `Delegates to ${federation.name}`, kind: "FEDERATION_SEAT", federationId: federation.id }]);

    const refused = await requestToJoinFederation(t.db, { federationId: federation.id, councilId: c.id, actorId: c.facilitator });
    const { result } = await decide(refused.id, new Map([[a.id, a.members.map((m) => [m, "NO"] as [string, VoteChoice])], [b.id, [[b.members[0]!, "YES"]]]]));
    expect(result.outcome).toBe("REJECTED");
    expect(await membershipOf(federation.id, c.id)).toMatchObject({ status: "DECLINED" });
    expect(await t.db.role.count({ where: { councilId: c.id } })).toBe(0);
    const page = await findFederationPage(t.db, { federationId: federation.id });
    expect(page.members.map((m) => m.council.id).sort()).toEqual([a.id, b.id].sort());

    // A declined council may ask again later.
    await requestToJoinFederation(t.db, { federationId: federation.id, councilId: c.id, actorId: c.facilitator });
    expect((await membershipOf(federation.id, c.id)).status).toBe("PENDING");
  });
});

describe("questions to the federation", () => {
  it("may be put only by members of member councils, and opened only by their author", async () => {
    const a = await council(3);
    const b = await council(2);
    const pending = await council(2);
    const federation = await found(a);
    await admit(federation.id, b, [a]);
    await requestToJoinFederation(t.db, { federationId: federation.id, councilId: pending.id, actorId: pending.facilitator });
    const outsider = await makeUser(t.db);
    const ask = (authorId: string) => createFederationMotion(t.db, { federationId: federation.id, authorId, title: "Share one delivery van", body: "Pool the deliveries of all member councils." });

    for (const authorId of [outsider.id, pending.members[1]!]) {
      const e = await refusal(ask(authorId));
      expect([e.code, e.message]).toEqual(["FORBIDDEN", "Only members of the federation's member councils can put questions to it."]);
    }
    const motion = await ask(b.members[1]!); // a plain member of a member council
    expect(motion).toMatchObject({ kind: "FEDERATION_MOTION", councilId: federation.id, admitsCouncilId: null });
    expect(proposalStatus(motion)).toBe("deliberation");

    const notAuthor = await refusal(openVoting(t.db, { proposalId: motion.id, actorId: a.facilitator }));
    expect([notAuthor.code, notAuthor.message]).toEqual(["FORBIDDEN", "Only the author can open voting on a federation motion."]);
    const short = await refusal(openVoting(t.db, { proposalId: motion.id, actorId: b.members[1]!, votingHours: 12 }));
    expect(short.code).toBe("INVALID");
    expect(await t.db.proposal.count({ where: { parentId: motion.id } })).toBe(0);

    await openVoting(t.db, { proposalId: motion.id, actorId: b.members[1]! });
    expect((await mandateVotes(motion.id)).map((c) => c.councilId).sort()).toEqual([a.id, b.id].sort()); // not the pending council
    const again = await refusal(openVoting(t.db, { proposalId: motion.id, actorId: b.members[1]! }));
    expect(again.code).toBe("CLOSED");
    expect(await t.db.proposal.count({ where: { parentId: motion.id } })).toBe(2);
  });

  it("takes each council's outcome as its mandate: passed → yes, rejected → no, no quorum → abstain", async () => {
    const a = await council(3);
    const b = await council(3);
    const c = await council(4);
    const d = await council(2);
    const federation = await found(a);
    await admit(federation.id, b, [a]);
    await admit(federation.id, c, [a, b]);
    await admit(federation.id, d, [a, b, c]);

    const motion = await createFederationMotion(t.db, { federationId: federation.id, authorId: d.members[1]!, title: "Buy electricity together", body: "One supply contract for all member councils." });
    await openVoting(t.db, { proposalId: motion.id, actorId: d.members[1]! });
    const { result, count } = await decide(motion.id, new Map<string, [string, VoteChoice][]>([
      [a.id, [[a.members[0]!, "YES"], [a.members[1]!, "YES"], [a.members[2]!, "NO"]]], // passed → YES
      [b.id, [[b.members[0]!, "NO"], [b.members[1]!, "NO"], [b.members[2]!, "ABSTAIN"]]], // rejected → NO
      [c.id, [[c.members[0]!, "YES"]]], // 1 of 4 with a 50% quorum → ABSTAIN
      [d.id, [[d.members[0]!, "YES"], [d.members[1]!, "ABSTAIN"]]], // passed → YES
    ]));
    const byCouncil = Object.fromEntries(count.mandates.map((m) => [m.councilId, m]));
    expect(byCouncil[a.id]).toMatchObject({ outcome: "PASSED", mandate: "YES", weight: 1, decided: true, yes: 2, no: 1, abstain: 0, electorateSize: 3, councilName: a.name });
    expect(byCouncil[b.id]).toMatchObject({ outcome: "REJECTED", mandate: "NO", decided: true });
    expect(byCouncil[c.id]).toMatchObject({ outcome: "NO_QUORUM", mandate: "ABSTAIN", decided: false });
    expect(byCouncil[d.id]).toMatchObject({ outcome: "PASSED", mandate: "YES" });
    expect(mandateFromOutcome(null)).toBe("ABSTAIN"); // a council with no decision by the deadline
    expect(count.weighting).toBe("EQUAL");
    expect(result).toMatchObject({ yes: 2, no: 1, abstain: 1, electorateSize: 4, outcome: "PASSED" });

    // Each council's own page shows its own result; the federation's page lists the mandate votes.
    const children = await mandateVotes(motion.id);
    for (const child of children) {
      const stored = await t.db.result.findUniqueOrThrow({ where: { proposalId: child.id } });
      expect(stored.outcome).toBe(byCouncil[child.councilId]!.outcome);
    }
    const page = await findProposalPage(t.db, { proposalId: motion.id, viewerId: c.members[3]! });
    expect(page?.result?.outcome).toBe("PASSED");
    expect(page?.federation?.mandates.map((m) => [m.councilId, m.result?.outcome]).sort()).toEqual(
      [[a.id, "PASSED"], [b.id, "REJECTED"], [c.id, "NO_QUORUM"], [d.id, "PASSED"]].sort(),
    );
    const childPage = await findProposalPage(t.db, { proposalId: children.find((x) => x.councilId === b.id)!.id, viewerId: b.members[0]! });
    expect(childPage?.mandateOf?.id).toBe(motion.id);
  });

  it("weighs councils equally, or by their membership, as the federation's charter says", async () => {
    const big = await council(5);
    const small1 = await council(2);
    const small2 = await council(2);
    const outcomes: Record<string, unknown> = {};
    for (const weighting of ["EQUAL", "MEMBERSHIP"] as const) {
      const federation = await found(big, { weighting });
      await admit(federation.id, small1, [big]);
      await admit(federation.id, small2, [big, small1]);
      const motion = await createFederationMotion(t.db, { federationId: federation.id, authorId: big.facilitator, title: "Move the market to Saturdays", body: "The market day moves from Thursday to Saturday." });
      const opened = await openVoting(t.db, { proposalId: motion.id, actorId: big.facilitator });
      // The big council says yes; both small councils say no.
      const { result, count } = await decide(motion.id, new Map([...everyone("YES", big), ...everyone("NO", small1, small2)]));
      outcomes[weighting] = { electorate: opened.electorateSize, yes: result.yes, no: result.no, outcome: result.outcome, weights: count.mandates.map((m) => m.weight).sort() };
    }
    expect(outcomes).toEqual({
      EQUAL: { electorate: 3, yes: 1, no: 2, outcome: "REJECTED", weights: [1, 1, 1] },
      MEMBERSHIP: { electorate: 9, yes: 5, no: 4, outcome: "PASSED", weights: [2, 2, 5] },
    });
  });

  it("is decided by the mandates alone: a delegate has no vote of their own", async () => {
    const a = await council(5);
    const b = await council(3);
    const federation = await found(a);
    await admit(federation.id, b, [a]);

    // The bakery elects its delegate to the federation.
    const seat = await t.db.role.findFirstOrThrow({ where: { councilId: a.id, federationId: federation.id } });
    const delegate = a.members[1]!;
    const election = await createElection(t.db, { councilId: a.id, authorId: a.facilitator, roleId: seat.id, body: "" });
    await nominate(t.db, { proposalId: election.id, nomineeId: delegate, actorId: delegate });
    await openVoting(t.db, { proposalId: election.id, actorId: a.facilitator });
    for (const m of a.members) await castRankedVote(t.db, { proposalId: election.id, userId: m, ranking: [delegate] });
    await expireVoting(t.db, election.id);
    await closeProposal(t.db, election.id);
    expect((await findFederationPage(t.db, { federationId: federation.id })).delegates.map((d) => [d.holderId, d.councilId])).toEqual([[delegate, a.id]]);

    const motion = await createFederationMotion(t.db, { federationId: federation.id, authorId: delegate, title: "Adopt a shared code of conduct", body: "One code of conduct for every member council." });
    await openVoting(t.db, { proposalId: motion.id, actorId: delegate });
    // The delegate cannot vote on the federation's question itself, however they try.
    for (const choice of ["YES", "NO", "ABSTAIN"] as const) {
      const e = await refusal(castVote(t.db, { proposalId: motion.id, userId: delegate, choice }));
      expect(e.message).toBe("This question is decided by the member councils' own votes.");
    }
    // In their own council they are one member among five: the council says no, the delegate yes.
    const votes = new Map<string, [string, VoteChoice][]>([
      [a.id, a.members.map((m) => [m, m === delegate ? "YES" : "NO"] as [string, VoteChoice])],
      [b.id, b.members.map((m) => [m, "YES"] as [string, VoteChoice])],
    ]);
    const { result, count } = await decide(motion.id, votes);
    expect(await t.db.vote.count({ where: { proposalId: motion.id } })).toBe(0);
    expect(count.mandates.find((m) => m.councilId === a.id)).toMatchObject({ mandate: "NO", yes: 1, no: 4 });

    // The federation's tally is exactly the sum of the mandates, nothing else.
    const fromMandates = { yes: 0, no: 0, abstain: 0 };
    for (const m of count.mandates) fromMandates[m.mandate.toLowerCase() as keyof typeof fromMandates] += m.weight;
    expect({ yes: result.yes, no: result.no, abstain: result.abstain }).toEqual(fromMandates);
    expect(fromMandates).toEqual({ yes: 1, no: 1, abstain: 0 });
    expect(result.outcome).toBe("REJECTED"); // one council for, one against: not a majority
  });
});

describe.runIf(onPostgres)(
  onPostgres ? "federation motions under real concurrency (PostgreSQL)" : "federation motions under real concurrency — skipped: needs TEST_DATABASE_URL (PostgreSQL)",
  () => {
    it("many readers closing a federation motion and its mandate votes at once store exactly one result for each", async () => {
      const a = await council(4);
      const b = await council(3);
      const c = await council(3);
      const federation = await found(a);
      await admit(federation.id, b, [a]);
      const motion = await requestToJoinFederation(t.db, { federationId: federation.id, councilId: c.id, actorId: c.facilitator });
      const children = await mandateVotes(motion.id);
      for (const child of children) {
        const council = child.councilId === a.id ? a : b;
        await Promise.all(council.members.map((userId) => castVote(t.db, { proposalId: child.id, userId, choice: "YES" })));
      }
      for (const id of [motion.id, ...children.map((ch) => ch.id)]) await expireVoting(t.db, id);

      const ids = [motion.id, ...children.map((ch) => ch.id)];
      const closers = Array.from({ length: 30 }, (_, i) => ids[i % ids.length]!).sort(() => Math.random() - 0.5);
      const results = await Promise.all(closers.map((id) => closeProposal(t.db, id)));
      for (const id of ids) {
        const seen = results.filter((r) => r?.proposalId === id);
        expect(new Set(seen.map((r) => JSON.stringify(r)))).toHaveProperty("size", 1);
      }
      expect(await t.db.result.count({ where: { proposalId: { in: ids } } })).toBe(ids.length);
      expect(results.find((r) => r?.proposalId === motion.id)?.outcome).toBe("PASSED");
      expect((await membershipOf(federation.id, c.id)).status).toBe("ACTIVE");
      expect(await t.db.role.count({ where: { councilId: c.id, federationId: federation.id } })).toBe(1);
    });
  },
);

describe("a federation's quorum and its motions' authors", () => {
  it("fails for want of quorum when too few member councils decide, although the silent ones abstain", async () => {
    const a = await council(2), b = await council(2), c = await council(2);
    const federation = await found(a);
    await admit(federation.id, b, [a]);
    await admit(federation.id, c, [a, b]);
    const motion = await createFederationMotion(t.db, { federationId: federation.id, authorId: a.facilitator, title: "Pool our bulk orders", body: "One order a month for all three." });
    await openVoting(t.db, { proposalId: motion.id, actorId: a.facilitator });
    // Only a decides (yes); b and c stay silent: 1 of 3 councils decided, quorum 50% needs 2.
    const { result, count } = await decide(motion.id, everyone("YES", a));
    expect(count.mandates.map((m) => m.mandate)).toEqual(expect.arrayContaining(["YES", "ABSTAIN", "ABSTAIN"]));
    expect(result).toMatchObject({ yes: 1, no: 0, abstain: 2, quorumMet: false, outcome: "NO_QUORUM" });
  });

  it("the author of a federation motion can withdraw it before voting; others cannot", async () => {
    const a = await council(2);
    const federation = await found(a);
    const motion = await createFederationMotion(t.db, { federationId: federation.id, authorId: a.members[1]!, title: "Shared accountant", body: "Hire one accountant for all." });
    expect((await refusal(withdrawProposal(t.db, { proposalId: motion.id, actorId: a.facilitator }))).message).toMatch(/Only the author/);
    const withdrawn = await withdrawProposal(t.db, { proposalId: motion.id, actorId: a.members[1]! });
    expect(withdrawn.withdrawnAt).not.toBeNull();
  });
});
