// The demo data, seen the way a visitor following the README would see it: the logins work, and
// every council and proposal state the README promises is there to click on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { DEMO_PASSWORD, DEMO_START_KEY, demoEmail, isDatabaseEmpty, seedDemo } from "@/prisma/seed";
import { checkCredentials } from "@/lib/auth/accounts";
import { findCouncilPage, listMyCouncils } from "@/lib/councils/service";
import { proposalStatus } from "@/lib/proposals/lifecycle";
import { findProposalPage } from "@/lib/proposals/service";
import { listVotesAwaitingMe } from "@/lib/dashboard/queries";
import { listDelegations } from "@/lib/delegations/service";
import { findFederationPage } from "@/lib/federations/service";

let t: TestDatabase;
let seeded: Awaited<ReturnType<typeof seedDemo>>;
const now = new Date();

beforeAll(async () => {
  t = await createTestDatabase();
  expect(await isDatabaseEmpty(t.db)).toBe(true);
  seeded = await seedDemo(t.db, { now });
});
afterAll(async () => { await t?.dispose(); });

describe("the demo data", () => {
  it("reports what it made, and the database is no longer empty", async () => {
    expect(seeded).toEqual({ users: 12, councils: 4, proposals: 28 });
    expect(await t.db.council.count()).toBe(4);
    expect(await t.db.proposal.count()).toBe(28);
    expect(await t.db.user.count()).toBe(12);
    expect(await isDatabaseEmpty(t.db)).toBe(false);
  });

  it("lets the start-here user sign in with the demo password, and nobody with a wrong one", async () => {
    const email = demoEmail(DEMO_START_KEY);
    expect(email).toBe("ada@demo.plenum.coop");
    expect(await checkCredentials(t.db, { email, password: DEMO_PASSWORD })).toMatchObject({ email, name: "Ada Okafor" });
    expect(await checkCredentials(t.db, { email: "luis@demo.plenum.coop", password: DEMO_PASSWORD })).not.toBeNull();
    expect(await checkCredentials(t.db, { email, password: "plenum-demo-wrong" })).toBeNull();
  });

  it("has three councils, with every join policy, and the start-here user facilitates one and belongs to another", async () => {
    const councils = await t.db.council.findMany({ where: { kind: { not: "FEDERATION" } }, include: { charters: true } });
    expect(councils).toHaveLength(3);
    expect(new Set(councils.map((c) => c.charters[0]!.joinPolicy))).toEqual(new Set(["OPEN", "APPROVAL", "INVITE_ONLY"]));
    expect(councils.map((c) => c.kind).sort()).toEqual(["CONSUMERS", "WORKERS", "WORKERS"]);
    expect(new Set(councils.map((c) => c.charters[0]!.passThreshold))).toEqual(new Set(["SIMPLE_MAJORITY", "TWO_THIRDS", "UNANIMITY"]));
    expect(councils.some((c) => c.charters[0]!.liveResults)).toBe(true);

    const ada = await checkCredentials(t.db, { email: demoEmail(DEMO_START_KEY), password: DEMO_PASSWORD });
    const mine = await listMyCouncils(t.db, ada!.id);
    expect(mine.map((m) => [m.role, m.status])).toEqual(
      expect.arrayContaining([["FACILITATOR", "ACTIVE"], ["MEMBER", "ACTIVE"]]),
    );
  });

  it("shows the start-here facilitator a join request waiting for her", async () => {
    const ada = await checkCredentials(t.db, { email: demoEmail(DEMO_START_KEY), password: DEMO_PASSWORD });
    const [facilitated] = (await listMyCouncils(t.db, ada!.id)).filter((m) => m.role === "FACILITATOR");
    const page = await findCouncilPage(t.db, { slug: facilitated!.council.slug, viewerId: ada!.id });
    expect(page?.isFacilitator).toBe(true);
    expect(page?.pending.map((p) => p.user.name)).toEqual(["Luis Ortega"]);
  });

  it("has a proposal in every state, with closed votes counted and open votes running with ballots in", async () => {
    const proposals = await t.db.proposal.findMany({ include: { result: true, _count: { select: { votes: true, participations: true } } } });
    expect(new Set(proposals.map((p) => p.kind))).toEqual(new Set(["MOTION", "ELECTION", "RECALL", "FEDERATION_MOTION", "MANDATE", "AMENDMENT"]));
    const states = new Set(proposals.map((p) => proposalStatus(p)));
    expect(states).toEqual(new Set(["deliberation", "voting", "closed", "withdrawn"]));

    const outcomes = new Set(proposals.map((p) => p.result?.outcome).filter(Boolean));
    expect(outcomes).toEqual(new Set(["PASSED", "REJECTED", "NO_QUORUM", "ELECTED"]));

    const admissions = new Set(proposals.filter((p) => p.admitsCouncilId).map((p) => p.id));
    for (const p of proposals) {
      const status = proposalStatus(p);
      // Written for the demo in Markdown; the platform writes admission motions and by-elections itself.
      const generated = p.byElection || admissions.has(p.id) || admissions.has(p.parentId ?? "");
      if (!generated) expect(p.body, p.title).toMatch(/^## /m);
      if (status === "closed") {
        expect(p.result, p.title).not.toBeNull();
        expect(p.votingClosesAt!.getTime()).toBeLessThan(now.getTime());
        expect(p.createdAt.getTime()).toBeLessThan(p.votingOpenedAt!.getTime());
      } else {
        expect(p.result, p.title).toBeNull();
      }
      if (status === "voting") {
        // A federation's own question collects no ballots: its member councils' mandate votes do.
        const ballots = p.kind === "FEDERATION_MOTION"
          ? await t.db.vote.count({ where: { proposal: { parentId: p.id } } })
          : p._count.votes + p._count.participations;
        expect(ballots, p.title).toBeGreaterThan(0);
        const hoursLeft = (p.votingClosesAt!.getTime() - Date.now()) / 3_600_000;
        expect(hoursLeft).toBeGreaterThan(24);
        expect(hoursLeft).toBeLessThanOrEqual(72);
      }
    }
  });

  it("has a secret ballot open that the start-here user has not cast, and a closed one on its board", async () => {
    const secret = await t.db.proposal.findMany({ where: { secretBallot: true }, include: { result: true, council: { select: { slug: true } } } });
    expect(secret.map((p) => [p.council.slug, proposalStatus(p, now)]).sort()).toEqual([["green-basket-members", "closed"], ["green-basket-members", "voting"]]);
    const ada = await person(DEMO_START_KEY);
    const open = secret.find((p) => !p.result)!;
    expect(await t.db.participation.count({ where: { proposalId: open.id } })).toBeGreaterThan(0);
    expect(await t.db.participation.count({ where: { proposalId: open.id, userId: ada } })).toBe(0);
    const closed = secret.find((p) => p.result)!;
    expect(await t.db.ballot.count({ where: { proposalId: closed.id } })).toBe(6);
    expect(closed.result).toMatchObject({ outcome: "PASSED", yes: 4, no: 1, abstain: 1 });
  });

  /** A demo person's id, by the local part of their email. */
  const person = async (key: string) => (await t.db.user.findUniqueOrThrow({ where: { email: demoEmail(key) } })).id;
  const councilId = async (slug: string) => (await t.db.council.findUniqueOrThrow({ where: { slug } })).id;

  it("federates the three councils: the bakery founded it and the other two were admitted by mandate votes", async () => {
    const federation = await t.db.council.findUniqueOrThrow({ where: { slug: "linden-street-federation" } });
    expect(federation).toMatchObject({ name: "Linden Street Co-operative Federation", kind: "FEDERATION" });
    const page = await findFederationPage(t.db, { federationId: federation.id });
    expect(page.members.map((m) => [m.council.name, m.status])).toEqual([
      ["Crumb & Co. Bakers", "ACTIVE"], ["Green Basket Food Co-op Members", "ACTIVE"], ["Spoke & Chain Repair Co-op", "ACTIVE"],
    ]);
    for (const slug of ["crumb-and-co-bakers", "green-basket-members", "spoke-and-chain"]) {
      const role = await t.db.role.findFirst({ where: { councilId: await councilId(slug), federationId: federation.id } });
      expect(role, slug).toMatchObject({ name: "Delegates to Linden Street Co-operative Federation", kind: "FEDERATION_SEAT" });
    }

    const admissions = await t.db.proposal.findMany({
      where: { councilId: federation.id, admitsCouncilId: { not: null } },
      include: { result: true, admitsCouncil: true, mandates: { include: { result: true, council: true } } },
      orderBy: { votingClosesAt: "asc" },
    });
    expect(admissions.map((a) => [a.admitsCouncil!.name, a.result?.outcome])).toEqual([
      ["Green Basket Food Co-op Members", "PASSED"], ["Spoke & Chain Repair Co-op", "PASSED"],
    ]);
    expect(admissions[0]!.mandates.map((m) => [m.council.name, m.result?.outcome])).toEqual([["Crumb & Co. Bakers", "PASSED"]]);
    expect(admissions[1]!.mandates.map((m) => [m.council.name, m.result?.outcome]).sort()).toEqual([
      ["Crumb & Co. Bakers", "PASSED"], ["Green Basket Food Co-op Members", "PASSED"],
    ]);
    for (const a of admissions) {
      expect(proposalStatus(a)).toBe("closed");
      expect(a.votingClosesAt!.getTime()).toBeLessThan(now.getTime());
      for (const m of a.mandates) expect(m.votingClosesAt).toEqual(a.votingClosesAt);
      const membership = await t.db.federationMembership.findUniqueOrThrow({ where: { federationId_councilId: { federationId: federation.id, councilId: a.admitsCouncilId! } } });
      expect(membership.admittedAt).toEqual(a.votingClosesAt); // admitted when the vote closed, days ago
    }
  });

  it("has a federation question being decided: mandate votes open in every council, some cast, Ada's still to come", async () => {
    const ada = await person("ada");
    const motion = await t.db.proposal.findFirstOrThrow({
      where: { kind: "FEDERATION_MOTION", admitsCouncilId: null },
      include: { mandates: { include: { council: true, _count: { select: { votes: true } } } } },
    });
    expect(motion.title).toBe("Share one cargo bike for deliveries along Linden Street");
    expect(proposalStatus(motion)).toBe("voting");
    expect(motion.mandates.map((m) => [m.council.name, m._count.votes]).sort()).toEqual([
      ["Crumb & Co. Bakers", 3], ["Green Basket Food Co-op Members", 3], ["Spoke & Chain Repair Co-op", 2],
    ]);
    for (const m of motion.mandates) expect(proposalStatus(m)).toBe("voting");

    // Ada sees the question from the federation's page, and both her councils' mandate votes await her.
    const page = await findProposalPage(t.db, { proposalId: motion.id, viewerId: ada });
    expect(page?.status).toBe("voting");
    expect(page?.federation?.mandates).toHaveLength(3);
    const awaiting = (await listVotesAwaitingMe(t.db, ada)).map((p) => p.id);
    const adaMandates = motion.mandates.filter((m) => m.council.slug !== "spoke-and-chain").map((m) => m.id);
    expect(awaiting).toEqual(expect.arrayContaining(adaMandates));
  });

  it("has a closed single-seat election (instant run-off) whose winner holds the work role", async () => {
    const bakery = await councilId("crumb-and-co-bakers");
    const election = await t.db.proposal.findFirstOrThrow({ where: { councilId: bakery, kind: "ELECTION" }, include: { role: true } });
    expect(election.title).toBe("Election: Shift coordinator (1 seat)");
    const page = await findProposalPage(t.db, { proposalId: election.id, viewerId: await person("ada") });
    expect(page?.result?.outcome).toBe("ELECTED");
    const count = page!.result!.count as unknown as { stages: { action: { type: string } }[]; candidates: { id: string; name: string }[]; ruleLabel: string };
    expect(count.ruleLabel).toMatch(/Instant-runoff/);
    expect(count.stages.map((s) => s.action.type)).toEqual(["first-preferences", "exclusion"]);
    expect(page!.result!.winners.map((id) => count.candidates.find((c) => c.id === id)?.name)).toEqual(["Dev Patel"]);
    expect(page?.election?.nominations.map((n) => [n.nominee.name, n.acceptedAt ? "accepted" : n.declinedAt ? "declined" : "pending"])).toEqual([
      ["Bruno Silva", "declined"], ["Chiara Romano", "accepted"], ["Dev Patel", "accepted"], ["Elif Yılmaz", "accepted"],
    ]);

    const { current } = await listDelegations(t.db, { councilId: bakery });
    const coordinator = current.find((d) => d.role.name === "Shift coordinator")!;
    expect(coordinator.holder.name).toBe("Dev Patel");
    expect(coordinator.startsAt).toEqual(election.votingClosesAt);
    const sixMonthsOn = new Date(election.votingClosesAt!);
    sixMonthsOn.setUTCMonth(sixMonthsOn.getUTCMonth() + 6);
    expect(coordinator.endsAt).toEqual(sixMonthsOn);
  });

  it("has a three-seat STV election, one of whose winners was recalled, and the by-election for his seat", async () => {
    const basket = await councilId("green-basket-members");
    const ada = await person("ada");
    const election = await t.db.proposal.findFirstOrThrow({ where: { councilId: basket, kind: "ELECTION", byElection: false } });
    expect(election.title).toBe("Election: Purchasing committee (3 seats)");
    const page = await findProposalPage(t.db, { proposalId: election.id, viewerId: ada });
    const count = page!.result!.count as unknown as { stages: { action: { type: string } }[]; candidates: { id: string; name: string }[] };
    expect(count.stages.map((s) => s.action.type)).toEqual(["first-preferences", "surplus", "exclusion", "exclusion"]);
    expect(page!.result!.winners.map((id) => count.candidates.find((c) => c.id === id)?.name)).toEqual(["Kalinda Moore", "Greta Lindqvist", "Jonas Weber"]);
    expect(await t.db.delegation.count({ where: { electedById: election.id } })).toBe(3);

    const recall = await t.db.proposal.findFirstOrThrow({ where: { councilId: basket, kind: "RECALL" } });
    expect(recall.title).toBe("Recall Jonas Weber as Purchasing committee");
    const recallPage = await findProposalPage(t.db, { proposalId: recall.id, viewerId: ada });
    expect(recallPage?.result?.outcome).toBe("PASSED");
    expect(recallPage?.recall?.delegation).toMatchObject({ endReason: "RECALLED", endedAt: recall.votingClosesAt, holder: { name: "Jonas Weber" } });
    expect(recall.votingClosesAt!.getTime()).toBeLessThan(now.getTime());

    const { current, past } = await listDelegations(t.db, { councilId: basket });
    expect(current.filter((d) => d.role.name === "Purchasing committee").map((d) => d.holder.name).sort()).toEqual(["Greta Lindqvist", "Kalinda Moore"]);
    expect(past.map((d) => [d.holder.name, d.endReason])).toEqual([["Jonas Weber", "RECALLED"]]);

    const byElection = await t.db.proposal.findFirstOrThrow({ where: { councilId: basket, kind: "ELECTION", byElection: true } });
    expect(byElection).toMatchObject({ title: "By-election: Purchasing committee", seats: 1, roleId: election.roleId });
    expect(proposalStatus(byElection)).toBe("deliberation");
    const byPage = await findProposalPage(t.db, { proposalId: byElection.id, viewerId: await person("luis") });
    expect(byPage?.election?.nominations.map((n) => [n.nominee.name, Boolean(n.acceptedAt)])).toEqual([["Chiara Romano", true], ["Luis Ortega", false]]);
  });

  it("has a discussion with a reply, and an amendment in deliberation, on the bakery's summer break", async () => {
    const motion = await t.db.proposal.findFirstOrThrow({ where: { title: "Close for a summer break in the first week of August" } });
    const comments = await t.db.comment.findMany({ where: { proposalId: motion.id } });
    expect(comments).toHaveLength(3);
    expect(comments.filter((c) => c.parentId)).toHaveLength(1);
    const amendment = await t.db.amendment.findFirstOrThrow({ where: { targetId: motion.id }, include: { proposal: true } });
    expect(proposalStatus(amendment.proposal)).toBe("deliberation");
    expect(amendment.proposal.body).toContain("Monday 10 to Sunday 16 August");
  });

  it("refuses to seed a second time", async () => {
    await expect(seedDemo(t.db)).rejects.toThrow(/already in this database/);
    expect(await t.db.user.count()).toBe(12);
  });
});
