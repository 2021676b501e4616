// The charter changes only by vote, against a real database: a passed change writes the next
// version linked to it and applies to votes opened afterwards; a failed one writes nothing; changes
// need two-thirds unless the charter says otherwise; later changes apply on top of earlier ones;
// only members may propose or vote; and nothing else in the code writes a charter.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { expireVoting, makeCouncil, makeCouncilWithMembers, makeOpenProposal, makeUser } from "../support/factories";
import { refusal } from "../support/refusal";
import { castVote } from "@/lib/voting/service";
import { closeProposal, findProposalPage, openVoting } from "@/lib/proposals/service";
import { currentCharter, joinCouncil } from "@/lib/councils/service";
import { listCharterHistory, proposeCharterChange } from "@/lib/charters/service";
import type { TProposedRules } from "@/lib/charters/schemas";
import { findBoard } from "@/lib/exports/board-query";
import { recountBoard } from "@/lib/exports/board";
import { findLiveCount } from "@/lib/voting/live";
import { createFederation } from "@/lib/federations/service";

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t?.dispose(); });

const HOUR = 3_600_000;

async function propose(councilId: string, authorId: string, rules: TProposedRules, title = "Change the charter") {
  return proposeCharterChange(t.db, { councilId, authorId, title, body: "Because we have learned how we work.", rules });
}

/** Proposes a change, opens voting and casts the given votes (members in order). */
async function openChange(councilId: string, members: string[], rules: TProposedRules, votes: ("YES" | "NO" | "ABSTAIN")[]) {
  const change = await propose(councilId, members[0]!, rules);
  await openVoting(t.db, { proposalId: change.id, actorId: members[0]! });
  for (const [i, choice] of votes.entries()) await castVote(t.db, { proposalId: change.id, userId: members[i]!, choice });
  return change;
}

async function closeNow(proposalId: string) {
  await expireVoting(t.db, proposalId);
  return closeProposal(t.db, proposalId);
}

describe("a charter change that passes", () => {
  it("writes the next version, linked to the proposal, for votes opened afterwards only", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2, { quorumPercent: 50, votingPeriodHours: 24 });
    const change = await openChange(council.id, members, { quorumPercent: 30, votingPeriodHours: 48 }, ["YES", "YES", "YES"]);
    expect(change).toMatchObject({ kind: "CHARTER_CHANGE", charterChange: { quorumPercent: 30, votingPeriodHours: 48 } });
    // A motion whose vote opened under version 1, still running when the change passes.
    const running = await makeOpenProposal(t.db, council.id, members[0]!);

    const result = await closeNow(change.id);
    expect(result).toMatchObject({ outcome: "PASSED", yes: 3, no: 0 });
    const charters = await t.db.charter.findMany({ where: { councilId: council.id }, orderBy: { version: "asc" } });
    expect(charters.map((c) => [c.version, c.quorumPercent, c.votingPeriodHours, c.madeById])).toEqual([
      [1, 50, 24, null],
      [2, 30, 48, change.id],
    ]);
    expect(charters[1]).toMatchObject({ joinPolicy: "OPEN", passThreshold: "SIMPLE_MAJORITY", charterChangeThreshold: "TWO_THIRDS" });
    expect(await t.db.auditEntry.count({ where: { action: "charter.changed", subjectId: change.id } })).toBe(1);

    // The running vote keeps version 1: with 1 of 3 voting it misses version 1's 50% quorum,
    // though version 2's 30% would have been met.
    await castVote(t.db, { proposalId: running.id, userId: members[1]!, choice: "YES" });
    expect((await t.db.proposal.findUniqueOrThrow({ where: { id: running.id } })).charterId).toBe(charters[0]!.id);
    expect(await closeNow(running.id)).toMatchObject({ outcome: "NO_QUORUM" });

    // A vote opened now runs under version 2: its period and its quorum.
    const later = await makeOpenProposal(t.db, council.id, members[0]!);
    expect(later.charterId).toBe(charters[1]!.id);
    expect(later.votingClosesAt!.getTime() - later.votingOpenedAt!.getTime()).toBe(48 * HOUR);
    await castVote(t.db, { proposalId: later.id, userId: members[1]!, choice: "YES" });
    expect(await closeNow(later.id)).toMatchObject({ outcome: "PASSED" });
  });

  it("can change the join policy, which then decides who may join", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2);
    const change = await openChange(council.id, members, { joinPolicy: "INVITE_ONLY" }, ["YES", "YES"]);
    await closeNow(change.id);
    expect((await currentCharter(t.db, council.id)).joinPolicy).toBe("INVITE_ONLY");
    const newcomer = await makeUser(t.db);
    const refused = await refusal(joinCouncil(t.db, { councilId: council.id, userId: newcomer.id }));
    expect(refused.message).toMatch(/invite-only/);
  });

  it("its page says what it changes, and the published board recounts under the charter-change threshold", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2, { quorumPercent: 50 });
    const change = await openChange(council.id, members, { quorumPercent: 40, termLimit: 2 }, ["YES", "YES", "NO"]);
    const open = await findProposalPage(t.db, { proposalId: change.id, viewerId: members[1]! });
    expect(open && "charterChange" in open ? open.charterChange : null).toMatchObject({
      preview: ["Quorum: 50% → 40%", "Term limit: no limit → 2 terms"], currentVersion: 1, made: null,
    });
    await closeNow(change.id);
    const closed = await findProposalPage(t.db, { proposalId: change.id, viewerId: members[1]! });
    expect(closed && "charterChange" in closed ? closed.charterChange?.made : null).toEqual({ version: 2, changes: ["Quorum: 50% → 40%", "Term limit: no limit → 2 terms"] });
    const board = await findBoard(t.db, change.id);
    expect(board?.rules.passThreshold).toBe("TWO_THIRDS");
    expect(recountBoard(board!).matches).toBe(true);
  });
});

describe("a charter change that fails", () => {
  it("needs two-thirds by default: 3 yes to 2 no passes a motion but not a charter change", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 4, { passThreshold: "SIMPLE_MAJORITY" });
    const votes = ["YES", "YES", "YES", "NO", "NO"] as const;
    const motion = await makeOpenProposal(t.db, council.id, members[0]!);
    for (const [i, choice] of votes.entries()) await castVote(t.db, { proposalId: motion.id, userId: members[i]!, choice });
    const change = await openChange(council.id, members, { votingPeriodHours: 12 }, [...votes]);
    expect(await closeNow(motion.id)).toMatchObject({ outcome: "PASSED" });
    expect(await closeNow(change.id)).toMatchObject({ outcome: "REJECTED", yes: 3, no: 2, thresholdMet: false });
    expect(await t.db.charter.count({ where: { councilId: council.id } })).toBe(1);
    expect((await currentCharter(t.db, council.id)).votingPeriodHours).toBe(24);
  });

  it("writes nothing without quorum either", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 3, { quorumPercent: 75 });
    const change = await openChange(council.id, members, { liveResults: true }, ["YES", "YES"]);
    expect(await closeNow(change.id)).toMatchObject({ outcome: "NO_QUORUM" });
    expect(await t.db.charter.count({ where: { councilId: council.id } })).toBe(1);
    expect(await t.db.auditEntry.count({ where: { action: { startsWith: "charter." }, subjectId: change.id } })).toBe(0);
  });

  it("a charter can lower what changes need, by a change that itself needs two-thirds", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 4);
    const lower = await openChange(council.id, members, { charterChangeThreshold: "SIMPLE_MAJORITY" }, ["YES", "YES", "YES", "YES", "NO"]);
    expect(await closeNow(lower.id)).toMatchObject({ outcome: "PASSED" });
    const next = await openChange(council.id, members, { quorumPercent: 20 }, ["YES", "YES", "YES", "NO", "NO"]);
    expect(await closeNow(next.id)).toMatchObject({ outcome: "PASSED" });
    expect(await currentCharter(t.db, council.id)).toMatchObject({ version: 3, quorumPercent: 20, charterChangeThreshold: "SIMPLE_MAJORITY" });
  });
});

describe("two charter changes", () => {
  it("the later one applies on top of the version current when it passes; a change already in effect writes nothing", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2, { quorumPercent: 50, votingPeriodHours: 24 });
    // All three proposed against version 1, open at the same time.
    const quorum = await openChange(council.id, members, { quorumPercent: 40 }, ["YES", "YES", "YES"]);
    const period = await openChange(council.id, members, { votingPeriodHours: 36, liveResults: true }, ["YES", "YES", "YES"]);
    const sameQuorum = await openChange(council.id, members, { quorumPercent: 40 }, ["YES", "YES", "YES"]);

    await closeNow(quorum.id);
    await closeNow(period.id);
    expect(await currentCharter(t.db, council.id)).toMatchObject({ version: 3, quorumPercent: 40, votingPeriodHours: 36, liveResults: true, madeById: period.id });
    expect(await closeNow(sameQuorum.id)).toMatchObject({ outcome: "PASSED" });
    expect(await t.db.charter.count({ where: { councilId: council.id } })).toBe(3);
    expect(await t.db.auditEntry.count({ where: { action: "charter.unchanged", subjectId: sameQuorum.id } })).toBe(1);

    const history = await listCharterHistory(t.db, council.id);
    expect(history.map((v) => [v.version, v.madeBy?.id ?? null, v.changes])).toEqual([
      [3, period.id, ["Voting period: 24 hours → 36 hours", "Results: after the close → live while voting is open"]],
      [2, quorum.id, ["Quorum: 50% → 40%"]],
      [1, null, []],
    ]);
  });

  it("take effect in deadline order whichever is counted first, and govern votes opened after the deadline even before anyone counts them", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2, { quorumPercent: 50 });
    const earlier = await openChange(council.id, members, { quorumPercent: 40 }, ["YES", "YES", "YES"]);
    const later = await openChange(council.id, members, { quorumPercent: 30 }, ["YES", "YES", "YES"]);
    const deadline = Date.now() - 60_000;
    await t.db.proposal.update({ where: { id: earlier.id }, data: { votingClosesAt: new Date(deadline - 1000) } });
    await t.db.proposal.update({ where: { id: later.id }, data: { votingClosesAt: new Date(deadline) } });
    // Nobody has counted either; a vote opened now must already run under both.
    const motion = await makeOpenProposal(t.db, council.id, members[0]!);
    const charters = await t.db.charter.findMany({ where: { councilId: council.id }, orderBy: { version: "asc" } });
    expect(charters.map((c) => [c.version, c.quorumPercent, c.madeById, c.createdAt.getTime()])).toEqual([
      [1, 50, null, charters[0]!.createdAt.getTime()],
      [2, 40, earlier.id, deadline - 1000], // in force from its deadline
      [3, 30, later.id, deadline],
    ]);
    expect(motion.charterId).toBe(charters[2]!.id);
  });

  it("reading the later one first still applies the earlier one first", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2, { quorumPercent: 50 });
    const earlier = await openChange(council.id, members, { quorumPercent: 40, votingPeriodHours: 30 }, ["YES", "YES", "YES"]);
    const later = await openChange(council.id, members, { quorumPercent: 30 }, ["YES", "YES", "YES"]);
    await t.db.proposal.update({ where: { id: earlier.id }, data: { votingClosesAt: new Date(Date.now() - 2000) } });
    await t.db.proposal.update({ where: { id: later.id }, data: { votingClosesAt: new Date(Date.now() - 1000) } });
    await closeProposal(t.db, later.id);
    expect(await currentCharter(t.db, council.id)).toMatchObject({ version: 3, quorumPercent: 30, votingPeriodHours: 30, madeById: later.id });
  });

  it("two closing at once both apply, one after the other", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2);
    const a = await openChange(council.id, members, { quorumPercent: 10 }, ["YES", "YES", "YES"]);
    const b = await openChange(council.id, members, { votingPeriodHours: 10 }, ["YES", "YES", "YES"]);
    await Promise.all([expireVoting(t.db, a.id), expireVoting(t.db, b.id)]);
    await Promise.all([closeProposal(t.db, a.id), closeProposal(t.db, b.id)]);
    expect(await currentCharter(t.db, council.id)).toMatchObject({ version: 3, quorumPercent: 10, votingPeriodHours: 10 });
  });
});

describe("who may change the charter", () => {
  it("only active members propose; outsiders and pending members are refused and nothing is written", async () => {
    const { council, founderId } = await makeCouncil(t.db, { joinPolicy: "APPROVAL" });
    const outsider = await makeUser(t.db);
    const pending = await makeUser(t.db);
    await joinCouncil(t.db, { councilId: council.id, userId: pending.id });
    for (const who of [outsider.id, pending.id]) {
      const refused = await refusal(propose(council.id, who, { quorumPercent: 1 }));
      expect([refused.code, refused.message]).toEqual(["FORBIDDEN", "Only members of this council can do that."]);
    }
    expect(await t.db.proposal.count({ where: { councilId: council.id } })).toBe(0);
    expect(await t.db.charter.count({ where: { councilId: council.id } })).toBe(1);
    expect(await t.db.auditEntry.count({ where: { councilId: council.id, action: "proposal.submitted" } })).toBe(0);
    // The founder, a facilitator, proposes like anyone; the change still goes to a vote.
    const change = await propose(council.id, founderId, { quorumPercent: 1 });
    expect(await t.db.charter.count({ where: { councilId: council.id } })).toBe(1);
    expect((await t.db.proposal.findUniqueOrThrow({ where: { id: change.id } })).votingOpenedAt).toBeNull();
  });

  it("outsiders and pending members cannot vote on a charter change", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 1);
    const change = await openChange(council.id, members, { quorumPercent: 10 }, []);
    const outsider = await makeUser(t.db);
    expect((await refusal(castVote(t.db, { proposalId: change.id, userId: outsider.id, choice: "YES" }))).code).toBe("FORBIDDEN");
    expect(await t.db.vote.count({ where: { proposalId: change.id } })).toBe(0);
  });

  it("refuses a change that changes nothing, fields a council cannot change, and federations (for now)", async () => {
    const { council, founderId } = await makeCouncil(t.db, { charter: { quorumPercent: 50 } });
    const nothing = await refusal(propose(council.id, founderId, { quorumPercent: 50 }));
    expect(nothing.message).toMatch(/would change nothing/);
    const weighting = await refusal(propose(council.id, founderId, { weighting: "MEMBERSHIP" }));
    expect(weighting.fieldErrors).toEqual({ weighting: ["Federation votes cannot be changed in this kind of council."] });
    const federation = await createFederation(t.db, {
      name: "A federation", slug: `fed-${council.id.slice(-8)}`, description: "",
      charter: { quorumPercent: 50, passThreshold: "SIMPLE_MAJORITY", votingPeriodHours: 48, liveResults: false },
      founderId, foundingCouncilId: council.id,
    });
    expect((await refusal(propose(federation.id, founderId, { quorumPercent: 10 }))).code).toBe("INVALID");
    expect(await t.db.proposal.count({ where: { councilId: { in: [council.id, federation.id] } } })).toBe(0);
  });
});

describe("nothing else writes a charter", () => {
  const ROOT = join(__dirname, "..", "..");
  const ALLOWED = new Set(["lib/councils/service.ts", "lib/federations/service.ts", "lib/charters/service.ts"]);
  const WRITES = [
    /\.charter\s*\.\s*(create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)\b/,
    /charters\s*:\s*\{\s*(create|createMany|update|updateMany|upsert|delete|deleteMany|set|connectOrCreate)\b/,
    /(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?Charter"?/i,
  ];

  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (name === "generated" || name === "node_modules") return [];
      if (statSync(path).isDirectory()) return sources(path);
      return /\.(ts|tsx)$/.test(name) ? [path] : [];
    });
  }

  it("only founding and a passed charter change write Charter rows, anywhere in lib/ and app/", () => {
    const writers = ["lib", "app"].flatMap((d) => sources(join(ROOT, d)))
      .filter((file) => WRITES.some((re) => re.test(readFileSync(file, "utf8"))))
      .map((file) => relative(ROOT, file).split("\\").join("/"))
      .sort();
    expect(writers.filter((f) => !ALLOWED.has(f))).toEqual([]);
    expect(writers).toEqual([...ALLOWED].sort()); // the check itself still finds the writers it allows
  });

  it("founding writes version 1 only, and the charter module writes only when a change passes", () => {
    for (const file of ["lib/councils/service.ts", "lib/federations/service.ts"]) {
      const text = readFileSync(join(ROOT, file), "utf8");
      expect(text.match(/\.charter\.(create|update|upsert|delete)\w*\(/g), file).toEqual([".charter.create("]);
      expect(text).toMatch(/version: 1 \}/);
    }
    const charters = readFileSync(join(ROOT, "lib/charters/service.ts"), "utf8");
    expect(charters.match(/\.charter\.(create|update|upsert|delete)\w*\(/g)).toEqual([".charter.create("]);
    // ... inside applyCharterChangeInTx, whose only caller closes a passed CHARTER_CHANGE.
    const closing = readFileSync(join(ROOT, "lib/voting/close-motion.ts"), "utf8");
    expect(closing).toMatch(/kind === "CHARTER_CHANGE" && decision\.outcome === "PASSED"\) await applyCharterChangeInTx/);
    const callers = ["lib", "app"].flatMap((d) => sources(join(ROOT, d)))
      .filter((file) => readFileSync(file, "utf8").includes("applyCharterChangeInTx("))
      .map((file) => relative(ROOT, file).split("\\").join("/")).sort();
    expect(callers).toEqual(["lib/charters/service.ts", "lib/voting/close-motion.ts"]);
  });
});

describe("live turnout", () => {
  it("members see turnout; the tally only where the charter shows it live and the ballot is open", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 3, { liveResults: true, quorumPercent: 50 });
    const p = await makeOpenProposal(t.db, council.id, members[0]!);
    await castVote(t.db, { proposalId: p.id, userId: members[1]!, choice: "YES" });
    await castVote(t.db, { proposalId: p.id, userId: members[2]!, choice: "NO" });
    expect(await findLiveCount(t.db, { proposalId: p.id, viewerId: members[3]! })).toEqual({
      status: "voting", turnout: 2, electorate: 4, quorumNeeded: 2, closesAt: p.votingClosesAt!.toISOString(),
      tally: { yes: 1, no: 1, abstain: 0 },
    });

    const { council: quiet, members: others } = await makeCouncilWithMembers(t.db, 2, { liveResults: false });
    const hidden = await makeOpenProposal(t.db, quiet.id, others[0]!);
    await castVote(t.db, { proposalId: hidden.id, userId: others[1]!, choice: "YES" });
    const live = await findLiveCount(t.db, { proposalId: hidden.id, viewerId: others[0]! });
    expect(live).toMatchObject({ status: "voting", turnout: 1, electorate: 3, quorumNeeded: 2 });
    expect(live).not.toHaveProperty("tally");
  });

  it("a secret ballot never shows a tally, and its turnout counts participation rows", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2, { liveResults: true });
    const p = await makeOpenProposal(t.db, council.id, members[0]!);
    // Secret ballots are being built elsewhere: set up what they will write (that a member voted).
    await t.db.proposal.update({ where: { id: p.id }, data: { secretBallot: true } });
    await t.db.participation.create({ data: { proposalId: p.id, userId: members[1]! } });
    await castVote(t.db, { proposalId: p.id, userId: members[2]!, choice: "YES" }); // (open path still works today)
    const live = await findLiveCount(t.db, { proposalId: p.id, viewerId: members[0]! });
    expect(live).toMatchObject({ status: "voting", turnout: 2, electorate: 3 });
    expect(live).not.toHaveProperty("tally");
  });

  it("refuses outsiders and pending members, and after the close says only that it closed", async () => {
    const { council, founderId } = await makeCouncil(t.db, { joinPolicy: "APPROVAL", charter: { liveResults: true } });
    const p = await makeOpenProposal(t.db, council.id, founderId);
    const outsider = await makeUser(t.db);
    const pending = await makeUser(t.db);
    await joinCouncil(t.db, { councilId: council.id, userId: pending.id });
    for (const who of [outsider.id, pending.id]) {
      expect((await refusal(findLiveCount(t.db, { proposalId: p.id, viewerId: who }))).code).toBe("FORBIDDEN");
    }
    expect((await refusal(findLiveCount(t.db, { proposalId: "no-such-proposal", viewerId: founderId }))).code).toBe("NOT_FOUND");
    await expireVoting(t.db, p.id);
    expect(await findLiveCount(t.db, { proposalId: p.id, viewerId: founderId })).toEqual({ status: "closed" });
  });
});
