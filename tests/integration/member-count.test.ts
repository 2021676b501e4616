// Member counts for display (lib/councils/member-count.ts): exact for ordinary councils, so the
// "last member" and "no members left" messages never rest on a stale figure; a big council's count
// is remembered for a minute.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { makeCouncilWithMembers, makeUser } from "../support/factories";
import { joinCouncil, leaveCouncil } from "@/lib/councils/service";
import { countActiveMembers } from "@/lib/councils/member-count";

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t?.dispose(); });

describe("active member counts", () => {
  it("follow joins and departures at once in an ordinary council", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2);
    expect((await countActiveMembers(t.db, [council.id])).get(council.id)).toBe(3);
    const newcomer = await makeUser(t.db);
    await joinCouncil(t.db, { councilId: council.id, userId: newcomer.id });
    expect((await countActiveMembers(t.db, [council.id])).get(council.id)).toBe(4);
    await leaveCouncil(t.db, { councilId: council.id, userId: members[1]! });
    await leaveCouncil(t.db, { councilId: council.id, userId: members[2]! });
    await leaveCouncil(t.db, { councilId: council.id, userId: newcomer.id });
    expect((await countActiveMembers(t.db, [council.id])).get(council.id)).toBe(1);
  });

  it("count several councils at once, and a council with no one as 0", async () => {
    const a = await makeCouncilWithMembers(t.db, 1);
    const b = await makeCouncilWithMembers(t.db, 0);
    await leaveCouncil(t.db, { councilId: b.council.id, userId: b.founderId });
    const counts = await countActiveMembers(t.db, [a.council.id, b.council.id]);
    expect([counts.get(a.council.id), counts.get(b.council.id)]).toEqual([2, 0]);
  });

  it("remember a council of a thousand or more for a minute, then count again", async () => {
    const { council } = await makeCouncilWithMembers(t.db, 0);
    await t.db.$executeRaw`
      INSERT INTO "User" (id, email, name, "passwordHash")
      SELECT 'mc-' || ${council.id} || '-' || g, 'mc-' || g || '-' || ${council.id} || '@test.plenum', 'Member ' || g, '!unusable'
      FROM generate_series(1, 1000) AS g`;
    await t.db.$executeRaw`
      INSERT INTO "Membership" (id, "councilId", "userId", status, "admittedAt")
      SELECT 'mc-' || ${council.id} || '-' || g, ${council.id}, 'mc-' || ${council.id} || '-' || g, 'ACTIVE', now()
      FROM generate_series(1, 1000) AS g`;
    const now = Date.now();
    expect((await countActiveMembers(t.db, [council.id], now)).get(council.id)).toBe(1001);
    await joinCouncil(t.db, { councilId: council.id, userId: (await makeUser(t.db)).id });
    expect((await countActiveMembers(t.db, [council.id], now + 30_000)).get(council.id)).toBe(1001);
    expect((await countActiveMembers(t.db, [council.id], now + 61_000)).get(council.id)).toBe(1002);
  });
});
