// Open ballots: members see who voted what after the close, or live where the charter shows live results.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { expireVoting, makeCouncilWithMembers, makeOpenProposal } from "../support/factories";
import { castVote } from "@/lib/voting/service";
import { findRollCall } from "@/lib/voting/roll-call";
import { proposalStatus } from "@/lib/proposals/lifecycle";

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t?.dispose(); });

async function rollCallOf(proposalId: string, liveResults: boolean) {
  const p = await t.db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
  return findRollCall(t.db, p, proposalStatus(p), liveResults);
}

describe("roll call", () => {
  it("is hidden while voting runs, then lists each member's vote by name", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2);
    const p = await makeOpenProposal(t.db, council.id, members[0]!);
    await castVote(t.db, { proposalId: p.id, userId: members[1]!, choice: "NO" });
    await castVote(t.db, { proposalId: p.id, userId: members[2]!, choice: "YES" });
    expect(await rollCallOf(p.id, false)).toBeNull();
    await expireVoting(t.db, p.id);
    const names = new Map((await t.db.user.findMany({ where: { id: { in: members } } })).map((u) => [u.id, u.name]));
    const roll = await rollCallOf(p.id, false);
    expect(roll?.total).toBe(2);
    expect(roll?.entries).toEqual(expect.arrayContaining([
      { name: names.get(members[1]!), vote: "No", choice: "NO" },
      { name: names.get(members[2]!), vote: "Yes", choice: "YES" },
    ]));
  });

  it("is live where the charter shows live results", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 1, { liveResults: true });
    const p = await makeOpenProposal(t.db, council.id, members[0]!);
    await castVote(t.db, { proposalId: p.id, userId: members[1]!, choice: "ABSTAIN" });
    expect((await rollCallOf(p.id, true))?.entries.map((e) => e.vote)).toEqual(["Abstain"]);
  });
});

describe("the electorate's fingerprint", () => {
  it("is recorded when voting opens and can be recomputed from the electorate", async () => {
    const { electorateFingerprint } = await import("@/lib/voting/electorate");
    const { council, members } = await makeCouncilWithMembers(t.db, 3);
    const p = await makeOpenProposal(t.db, council.id, members[0]!);
    expect(p.electorateSize).toBe(4);
    expect(p.electorateHash).toBe(electorateFingerprint(p.id, [...members].reverse()));
    expect(p.electorateHash).not.toBe(electorateFingerprint(p.id, members.slice(1)));
  });
});
