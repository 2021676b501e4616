// Amendments against a real database: proposed during deliberation, voted as yes/no motions under
// the charter, merged in deadline order into a version history; stale ones refused; the main vote
// waits for running amendment votes; nothing is written when someone without the right tries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/db";
import { expireVoting, makeCouncilWithMembers, makeUser } from "../support/factories";
import { refusal } from "../support/refusal";
import { castVote } from "@/lib/voting/service";
import { closeDueProposals, closeProposal, createProposal, findProposalPage, openVoting, withdrawProposal } from "@/lib/proposals/service";
import { findAmendmentDetails, findAmendmentsOf, proposeAmendment } from "@/lib/amendments/service";
import { joinCouncil } from "@/lib/councils/service";

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t?.dispose(); });

const ORIGINAL = "We buy a cargo bike for £2,000.\n\nIt is kept in the yard.";

async function setup(extra = 2) {
  const c = await makeCouncilWithMembers(t.db, extra);
  const motion = await createProposal(t.db, { councilId: c.council.id, authorId: c.members[0]!, title: "Buy a cargo bike", body: ORIGINAL });
  return { ...c, motion };
}

/** Opens an amendment's vote, everyone votes `choice`, and its deadline passes. */
async function decide(amendmentId: string, members: string[], choice: "YES" | "NO") {
  await openVoting(t.db, { proposalId: amendmentId, actorId: members[0]! });
  for (const m of members) await castVote(t.db, { proposalId: amendmentId, userId: m, choice });
  await expireVoting(t.db, amendmentId);
}

const bodyOf = async (id: string) => (await t.db.proposal.findUniqueOrThrow({ where: { id } })).body;

describe("amendments", () => {
  it("a passed amendment becomes version 2 of the text; a rejected one changes nothing", async () => {
    const { members, motion } = await setup();
    const cheaper = await proposeAmendment(t.db, { proposalId: motion.id, authorId: members[1]!, summary: "Spend less", body: ORIGINAL.replace("£2,000", "£1,500") });
    expect(cheaper.kind).toBe("AMENDMENT");
    expect(cheaper.title).toBe("Amend “Buy a cargo bike”: Spend less");
    await decide(cheaper.id, members, "YES");
    expect(await closeProposal(t.db, cheaper.id)).toMatchObject({ outcome: "PASSED" });
    expect(await bodyOf(motion.id)).toContain("£1,500");

    const rejected = await proposeAmendment(t.db, { proposalId: motion.id, authorId: members[2]!, summary: "Keep it indoors", body: "We buy a cargo bike for £1,500.\n\nIt is kept in the hall." });
    await decide(rejected.id, members, "NO");
    expect(await closeProposal(t.db, rejected.id)).toMatchObject({ outcome: "REJECTED" });
    expect(await bodyOf(motion.id)).toContain("kept in the yard");

    const view = await findAmendmentsOf(t.db, await t.db.proposal.findUniqueOrThrow({ where: { id: motion.id } }));
    expect(view.currentVersion).toBe(2);
    expect(view.versions.map((v) => [v.version, v.amendmentId])).toEqual([[2, cheaper.id], [1, null]]);
    expect(view.versions[1]!.body).toBe(ORIGINAL);
    expect(view.amendments.map((a) => [a.id, a.mergedAs, a.result?.outcome])).toEqual([[cheaper.id, 2, "PASSED"], [rejected.id, null, "REJECTED"]]);
    const audit = await t.db.auditEntry.findMany({ where: { action: { startsWith: "amendment." }, subjectId: { in: [cheaper.id, rejected.id] } }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["amendment.proposed", "amendment.merged", "amendment.proposed"]);
  });

  it("merges in deadline order whoever reads first, and refuses a later one drafted against the old text as stale", async () => {
    const { members, motion } = await setup();
    const first = await proposeAmendment(t.db, { proposalId: motion.id, authorId: members[1]!, summary: "Spend less", body: ORIGINAL.replace("£2,000", "£1,500") });
    const second = await proposeAmendment(t.db, { proposalId: motion.id, authorId: members[2]!, summary: "Keep it indoors", body: ORIGINAL.replace("yard", "hall") });
    await decide(first.id, members, "YES");
    await decide(second.id, members, "YES");
    // `second` closed later; reading it first still counts `first` first.
    await t.db.proposal.update({ where: { id: first.id }, data: { votingClosesAt: new Date(Date.now() - 60_000) } });
    expect(await closeProposal(t.db, second.id)).toMatchObject({ outcome: "PASSED" });
    expect(await bodyOf(motion.id)).toBe(ORIGINAL.replace("£2,000", "£1,500"));
    const details = await findAmendmentDetails(t.db, second.id);
    expect(details).toMatchObject({ refusal: "STALE", mergedAs: null, baseVersion: 1, currentVersion: 2 });
    expect((await findAmendmentDetails(t.db, first.id))?.mergedAs).toBe(2);
    expect(await t.db.proposalVersion.count({ where: { proposalId: motion.id } })).toBe(2);
  });

  it("an amendment drafted against an older text cannot open its vote", async () => {
    const { members, motion } = await setup();
    const first = await proposeAmendment(t.db, { proposalId: motion.id, authorId: members[1]!, summary: "Spend less", body: ORIGINAL.replace("£2,000", "£1,500") });
    const late = await proposeAmendment(t.db, { proposalId: motion.id, authorId: members[2]!, summary: "Keep it indoors", body: ORIGINAL.replace("yard", "hall") });
    await decide(first.id, members, "YES");
    await closeDueProposals(t.db);
    const e = await refusal(openVoting(t.db, { proposalId: late.id, actorId: members[2]! }));
    expect(e.message).toMatch(/text has changed since this amendment was drafted/);
    expect((await t.db.proposal.findUniqueOrThrow({ where: { id: late.id } })).votingOpenedAt).toBeNull();
  });

  it("the main vote cannot open while an amendment vote runs; once it closes, opening merges it and lapses the rest", async () => {
    const { members, motion } = await setup();
    const running = await proposeAmendment(t.db, { proposalId: motion.id, authorId: members[1]!, summary: "Spend less", body: ORIGINAL.replace("£2,000", "£1,500") });
    const idle = await proposeAmendment(t.db, { proposalId: motion.id, authorId: members[2]!, summary: "Keep it indoors", body: ORIGINAL.replace("yard", "hall") });
    await openVoting(t.db, { proposalId: running.id, actorId: members[0]! });
    for (const m of members) await castVote(t.db, { proposalId: running.id, userId: m, choice: "YES" });
    const e = await refusal(openVoting(t.db, { proposalId: motion.id, actorId: members[0]! }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/An amendment is still being voted on/);
    expect((await t.db.proposal.findUniqueOrThrow({ where: { id: motion.id } })).votingOpenedAt).toBeNull();

    await expireVoting(t.db, running.id); // closed, but nobody has read it yet
    const opened = await openVoting(t.db, { proposalId: motion.id, actorId: members[0]! });
    expect(opened.votingOpenedAt).not.toBeNull();
    expect(opened.body).toContain("£1,500");
    expect((await t.db.proposal.findUniqueOrThrow({ where: { id: idle.id } })).withdrawnAt).not.toBeNull();
    expect((await refusal(proposeAmendment(t.db, { proposalId: motion.id, authorId: members[1]!, summary: "Too late now", body: "Something else entirely." }))).message)
      .toMatch(/only be proposed while the proposal is in deliberation/);
  });

  it("withdrawing the motion lapses its amendments, which can then no longer open", async () => {
    const { members, motion } = await setup();
    const a = await proposeAmendment(t.db, { proposalId: motion.id, authorId: members[1]!, summary: "Spend less", body: ORIGINAL.replace("£2,000", "£1,500") });
    await withdrawProposal(t.db, { proposalId: motion.id, actorId: members[0]! });
    expect((await t.db.proposal.findUniqueOrThrow({ where: { id: a.id } })).withdrawnAt).not.toBeNull();
    expect((await refusal(openVoting(t.db, { proposalId: a.id, actorId: members[1]! }))).code).toBe("CLOSED");
    expect(await t.db.auditEntry.count({ where: { action: "amendment.lapsed", subjectId: a.id } })).toBe(1);
  });

  it("the amendment's own vote uses the council's charter and its electorate", async () => {
    const { members, motion } = await setup(3);
    const a = await proposeAmendment(t.db, { proposalId: motion.id, authorId: members[1]!, summary: "Spend less", body: ORIGINAL.replace("£2,000", "£1,500") });
    const opened = await openVoting(t.db, { proposalId: a.id, actorId: members[1]! });
    expect(opened.electorateSize).toBe(4);
    expect(opened.charterId).not.toBeNull();
    await castVote(t.db, { proposalId: a.id, userId: members[0]!, choice: "YES" }); // 1 of 4: below the 50% quorum
    await expireVoting(t.db, a.id);
    expect(await closeProposal(t.db, a.id)).toMatchObject({ outcome: "NO_QUORUM" });
    expect(await bodyOf(motion.id)).toBe(ORIGINAL);
  });

  it("non-members and pending members cannot propose amendments, and nothing is written", async () => {
    const { council, motion } = await setup(1);
    // Test set-up, as if a charter change had made the council admit by approval.
    await t.db.charter.updateMany({ where: { councilId: council.id }, data: { joinPolicy: "APPROVAL" } });
    const outsider = await makeUser(t.db);
    const pending = await makeUser(t.db);
    await joinCouncil(t.db, { councilId: council.id, userId: pending.id }); // asks: the council admits by approval
    expect((await t.db.membership.findFirstOrThrow({ where: { userId: pending.id } })).status).toBe("PENDING");
    const before = await t.db.proposal.count();
    for (const who of [outsider.id, pending.id]) {
      const e = await refusal(proposeAmendment(t.db, { proposalId: motion.id, authorId: who, summary: "Spend less", body: ORIGINAL.replace("£2,000", "£1") }));
      expect(e.code).toBe("FORBIDDEN");
    }
    expect(await t.db.proposal.count()).toBe(before);
    expect(await t.db.amendment.count({ where: { targetId: motion.id } })).toBe(0);
  });

  it("refuses an amendment that changes nothing, and amendments to anything but a motion", async () => {
    const { members, motion } = await setup(1);
    const same = await refusal(proposeAmendment(t.db, { proposalId: motion.id, authorId: members[1]!, summary: "No change", body: ORIGINAL }));
    expect(same.fieldErrors?.body?.[0]).toMatch(/current text/);
    const a = await proposeAmendment(t.db, { proposalId: motion.id, authorId: members[1]!, summary: "Spend less", body: ORIGINAL.replace("£2,000", "£1,500") });
    expect((await refusal(proposeAmendment(t.db, { proposalId: a.id, authorId: members[1]!, summary: "Amend the amendment", body: "Something else entirely." }))).message)
      .toMatch(/Only a motion's text/);
    const page = await findProposalPage(t.db, { proposalId: a.id, viewerId: members[0]! });
    expect(page?.proposal.kind).toBe("AMENDMENT");
  });
});

describe.runIf(onPostgres)(
  onPostgres ? "amendments under real concurrency (PostgreSQL)" : "amendments under real concurrency — skipped: needs TEST_DATABASE_URL (PostgreSQL)",
  () => {
    it("closers, readers and the main vote's opening racing each other merge in deadline order without deadlock", async () => {
      const { members, motion } = await setup();
      const ids: string[] = [];
      for (const [i, place] of ["shed", "hall", "yard corner"].entries()) {
        const a = await proposeAmendment(t.db, { proposalId: motion.id, authorId: members[1]!, summary: `Keep it in the ${place}`, body: ORIGINAL.replace("yard", place) });
        await decide(a.id, members, "YES");
        await t.db.proposal.update({ where: { id: a.id }, data: { votingClosesAt: new Date(Date.now() - (10 - i) * 60_000) } });
        ids.push(a.id);
      }
      // Latest first, plus a page read and the main vote's opening, all at once.
      const outcomes = await Promise.allSettled([
        ...[...ids].reverse().map((id) => closeProposal(t.db, id)),
        findProposalPage(t.db, { proposalId: motion.id, viewerId: members[2]! }),
        openVoting(t.db, { proposalId: motion.id, actorId: members[0]! }),
      ]);
      expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
      const versions = await t.db.proposalVersion.findMany({ where: { proposalId: motion.id }, orderBy: { version: "asc" } });
      expect(versions.map((v) => v.amendmentId)).toEqual([null, ids[0]]); // the earliest deadline won; the others were stale
      expect((await t.db.amendment.findMany({ where: { targetId: motion.id, refusal: "STALE" } })).map((a) => a.proposalId).sort()).toEqual([ids[1], ids[2]].sort());
      expect(await bodyOf(motion.id)).toContain("in the shed");
      expect((await t.db.proposal.findUniqueOrThrow({ where: { id: motion.id } })).votingOpenedAt).not.toBeNull();
    });
  },
);
