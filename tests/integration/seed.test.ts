// The demo data, seen the way a visitor following the README would see it: the logins work, and
// every council and proposal state the README promises is there to click on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { DEMO_PASSWORD, DEMO_START_KEY, demoEmail, isDatabaseEmpty, seedDemo } from "@/prisma/seed";
import { checkCredentials } from "@/lib/auth/accounts";
import { findCouncilPage, listMyCouncils } from "@/lib/councils/service";
import { proposalStatus } from "@/lib/proposals/lifecycle";

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
    expect(seeded).toEqual({ users: 12, councils: 3, proposals: 12 });
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
    const councils = await t.db.council.findMany({ include: { charters: true } });
    expect(councils).toHaveLength(3);
    expect(new Set(councils.map((c) => c.joinPolicy))).toEqual(new Set(["OPEN", "APPROVAL", "INVITE_ONLY"]));
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
    const proposals = await t.db.proposal.findMany({ include: { result: true, _count: { select: { votes: true } } } });
    const states = new Set(proposals.map((p) => proposalStatus(p)));
    expect(states).toEqual(new Set(["deliberation", "voting", "closed", "withdrawn"]));

    const outcomes = new Set(proposals.map((p) => p.result?.outcome).filter(Boolean));
    expect(outcomes).toEqual(new Set(["PASSED", "REJECTED", "NO_QUORUM"]));

    for (const p of proposals) {
      const status = proposalStatus(p);
      expect(p.body).toMatch(/^## /m);
      if (status === "closed") {
        expect(p.result, p.title).not.toBeNull();
        expect(p.votingClosesAt!.getTime()).toBeLessThan(now.getTime());
        expect(p.createdAt.getTime()).toBeLessThan(p.votingOpenedAt!.getTime());
      } else {
        expect(p.result, p.title).toBeNull();
      }
      if (status === "voting") {
        expect(p._count.votes).toBeGreaterThan(0);
        const hoursLeft = (p.votingClosesAt!.getTime() - Date.now()) / 3_600_000;
        expect(hoursLeft).toBeGreaterThan(24);
        expect(hoursLeft).toBeLessThanOrEqual(72);
      }
    }
  });

  it("refuses to seed a second time", async () => {
    await expect(seedDemo(t.db)).rejects.toThrow(/already in this database/);
    expect(await t.db.user.count()).toBe(12);
  });
});
