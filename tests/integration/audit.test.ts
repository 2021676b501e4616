// The audit log on the real database: actions append entries in their own transactions, sealing
// chains them, and the verifier names exactly the entry (or result) that was tampered with: an
// edited entry, a deleted one, two swapped ones, a stored count changed. Plus the CLI's exit codes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/db";
import { expireVoting, makeCouncilWithMembers, makeUser } from "../support/factories";
import { createPrismaClient, openDatabase, type PrismaClient } from "@/lib/db/connection";
import { applyMigrations } from "@/lib/db/migrate";
import { appendAudit, entryHash, GENESIS_HASH, sealAuditLog } from "@/lib/audit/log";
import { verifyAuditLog } from "@/lib/audit/verify";
import { joinCouncil, leaveCouncil } from "@/lib/councils/service";
import { castRankedVote, createElection, nominate } from "@/lib/elections/service";
import { closeProposal, createProposal, openVoting, withdrawProposal } from "@/lib/proposals/service";
import { castVote } from "@/lib/voting/service";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.dispose();
});

/** A council whose members vote on a motion (3 yes, 1 no) and elect a coordinator; both closed. */
async function story(db: PrismaClient) {
  const { council, members } = await makeCouncilWithMembers(db, 3);
  const [a, b, c, d] = members as [string, string, string, string];
  const motion = await createProposal(db, { councilId: council.id, authorId: a, title: "Paint the shop", body: "Green." });
  await openVoting(db, { proposalId: motion.id, actorId: a });
  for (const [voter, choice] of [[a, "YES"], [b, "YES"], [c, "NO"], [d, "YES"]] as const) await castVote(db, { proposalId: motion.id, userId: voter, choice });
  await expireVoting(db, motion.id);
  const motionResult = (await closeProposal(db, motion.id))!;
  const election = await createElection(db, { councilId: council.id, authorId: a, roleName: "Coordinator", seats: 1, termMonths: 6, body: "" });
  await nominate(db, { proposalId: election.id, nomineeId: b, actorId: b });
  await openVoting(db, { proposalId: election.id, actorId: a });
  for (const voter of [a, b, c]) await castRankedVote(db, { proposalId: election.id, userId: voter, ranking: [b] });
  await expireVoting(db, election.id);
  await closeProposal(db, election.id);
  return { council, members, motion, motionResult, election };
}

const entriesOf = (councilId: string) => t.db.auditEntry.findMany({ where: { councilId }, orderBy: { seq: "asc" } });

describe("appending", () => {
  it("records each action in its own transaction, and that a vote was cast but never what it says", async () => {
    const { council, members, motion, election } = await story(t.db);
    const [a, b] = members as [string, string];
    const withdrawn = await createProposal(t.db, { councilId: council.id, authorId: b, title: "Never mind", body: "." });
    await withdrawProposal(t.db, { proposalId: withdrawn.id, actorId: b });
    await leaveCouncil(t.db, { councilId: council.id, userId: b }); // b holds the coordinator role

    const actions = (await entriesOf(council.id)).map((e) => e.action);
    expect(actions.slice(0, 4)).toEqual(["council.founded", "member.joined", "member.joined", "member.joined"]);
    for (const action of ["proposal.submitted", "voting.opened", "vote.cast", "result.published", "election.created", "delegation.started", "proposal.withdrawn", "member.left", "delegation.ended"]) {
      expect(actions).toContain(action);
    }
    const votes = await t.db.auditEntry.findMany({ where: { action: "vote.cast", subjectId: { in: [motion.id, election.id] } } });
    expect(votes).toHaveLength(7);
    for (const v of votes) expect(v.data).toEqual({ proposalId: v.subjectId });
    expect(JSON.stringify(votes.map((v) => v.data))).not.toMatch(/YES|NO|ranking/);
    const ended = await t.db.auditEntry.findFirstOrThrow({ where: { councilId: council.id, action: "delegation.ended" } });
    expect(ended.data).toMatchObject({ holderId: b, reason: "LEFT_COUNCIL" });
    const published = await t.db.auditEntry.findFirstOrThrow({ where: { action: "result.published", subjectId: motion.id } });
    expect(published.data).toMatchObject({ outcome: "PASSED", yes: 3, no: 1, abstain: 0 });
    expect(votes.every((v) => v.actorId !== null && v.chainIndex === null)).toBe(true);
    expect(a).toBeTruthy();
  });

  it("rolls the entry back with a refused action", async () => {
    const user = await makeUser(t.db);
    const before = await t.db.auditEntry.count();
    const { council } = await makeCouncilWithMembers(t.db, 0);
    const afterFounding = await t.db.auditEntry.count();
    expect(afterFounding).toBe(before + 1);
    await joinCouncil(t.db, { councilId: council.id, userId: user.id });
    await expect(joinCouncil(t.db, { councilId: council.id, userId: user.id })).rejects.toThrow(/already a member/);
    expect(await t.db.auditEntry.count()).toBe(afterFounding + 1);
  });
});

describe("sealing and verifying", () => {
  let motionId: string;
  beforeAll(async () => {
    motionId = (await story(t.db)).motion.id;
  });

  it("chains every entry in order, and an untouched log verifies", async () => {
    const sealed = await sealAuditLog(t.db);
    expect(sealed).toBeGreaterThan(20);
    expect(await sealAuditLog(t.db)).toBe(0);
    const chain = await t.db.auditEntry.findMany({ orderBy: { chainIndex: "asc" } });
    expect(chain.every((e) => e.chainIndex !== null)).toBe(true);
    let prev = GENESIS_HASH;
    chain.forEach((e, i) => {
      expect(e.chainIndex).toBe(BigInt(i + 1));
      expect(e.prevHash).toBe(prev);
      expect(e.hash).toBe(entryHash({ ...e, chainIndex: e.chainIndex!, prevHash: e.prevHash! }));
      prev = e.hash!;
    });
    const report = await verifyAuditLog(t.db);
    expect(report).toMatchObject({ ok: true, entries: chain.length, intactUpTo: BigInt(chain.length), firstBreak: null, staleUnsealed: null });
    expect(report.results.checked).toBeGreaterThanOrEqual(4);
    expect(report.results.mismatches).toEqual([]);
  });

  it("names an edited entry", async () => {
    const target = await t.db.auditEntry.findFirstOrThrow({ where: { action: "result.published", subjectId: motionId } });
    await t.db.$executeRaw`UPDATE "AuditEntry" SET data = jsonb_set(data, '{yes}', '4') WHERE seq = ${target.seq}`;
    const report = await verifyAuditLog(t.db);
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ kind: "edited", chainIndex: target.chainIndex, seq: target.seq });
    expect(report.intactUpTo).toBe(target.chainIndex! - 1n);
    expect(report.firstBreak!.message).toContain(`chain index ${target.chainIndex} (seq ${target.seq}, result.published)`);
    await t.db.auditEntry.update({ where: { seq: target.seq }, data: { data: target.data as object } });
    expect((await verifyAuditLog(t.db)).ok).toBe(true);
  });

  it("names a deleted entry", async () => {
    const target = await t.db.auditEntry.findFirstOrThrow({ where: { action: "vote.cast", subjectId: motionId } });
    const next = await t.db.auditEntry.findFirstOrThrow({ where: { chainIndex: target.chainIndex! + 1n } });
    await t.db.$executeRaw`DELETE FROM "AuditEntry" WHERE seq = ${target.seq}`;
    const report = await verifyAuditLog(t.db);
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ kind: "deleted", missingFrom: target.chainIndex, missingTo: target.chainIndex, chainIndex: next.chainIndex, seq: next.seq });
    expect(report.firstBreak!.message).toContain(`entry ${target.chainIndex} is missing`);
    await t.db.auditEntry.create({ data: { ...target, data: target.data as object } });
    expect((await verifyAuditLog(t.db)).ok).toBe(true);
  });

  it("names two swapped entries", async () => {
    const first = await t.db.auditEntry.findFirstOrThrow({ where: { action: "voting.opened", subjectId: motionId } });
    const second = await t.db.auditEntry.findFirstOrThrow({ where: { chainIndex: first.chainIndex! + 1n } });
    await t.db.$transaction([
      t.db.$executeRaw`UPDATE "AuditEntry" SET "chainIndex" = -1 WHERE seq = ${first.seq}`,
      t.db.$executeRaw`UPDATE "AuditEntry" SET "chainIndex" = ${first.chainIndex} WHERE seq = ${second.seq}`,
      t.db.$executeRaw`UPDATE "AuditEntry" SET "chainIndex" = ${second.chainIndex} WHERE seq = ${first.seq}`,
    ]);
    const report = await verifyAuditLog(t.db);
    expect(report.ok).toBe(false);
    // The entry now at the first position does not point at the entry before it.
    expect(report.firstBreak).toMatchObject({ kind: "relinked", chainIndex: first.chainIndex, seq: second.seq });
    await t.db.$transaction([
      t.db.$executeRaw`UPDATE "AuditEntry" SET "chainIndex" = -1 WHERE seq = ${second.seq}`,
      t.db.$executeRaw`UPDATE "AuditEntry" SET "chainIndex" = ${first.chainIndex} WHERE seq = ${first.seq}`,
      t.db.$executeRaw`UPDATE "AuditEntry" SET "chainIndex" = ${second.chainIndex} WHERE seq = ${second.seq}`,
    ]);
    expect((await verifyAuditLog(t.db)).ok).toBe(true);
  });

  it("names a stored result that differs from its ballots", async () => {
    await t.db.result.update({ where: { proposalId: motionId }, data: { yes: { increment: 1 } } });
    const report = await verifyAuditLog(t.db);
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toBeNull();
    expect(report.results.mismatches).toHaveLength(1);
    expect(report.results.mismatches[0]).toMatchObject({ proposalId: motionId, title: "Paint the shop" });
    expect(report.results.mismatches[0]!.problems.join("\n")).toMatch(/yes: stored 4, recounted 3/);
    await t.db.result.update({ where: { proposalId: motionId }, data: { yes: { decrement: 1 } } });
    expect((await verifyAuditLog(t.db)).ok).toBe(true);
  });

  it("flags an entry left unsealed for more than five minutes", async () => {
    await t.db.$transaction((tx) => appendAudit(tx, { action: "member.joined", data: {} }));
    expect((await verifyAuditLog(t.db)).staleUnsealed).toBeNull();
    const later = await verifyAuditLog(t.db, { now: new Date(Date.now() + 6 * 60_000) });
    expect(later.ok).toBe(false);
    expect(later.staleUnsealed?.count).toBe(1);
    await sealAuditLog(t.db);
    expect((await verifyAuditLog(t.db, { now: new Date(Date.now() + 6 * 60_000) })).ok).toBe(true);
  });

  it.skipIf(!onPostgres)("seals an entry committed late (lower seq) after the ones sealed before it", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let appended!: () => void;
    const inserted = new Promise<void>((r) => (appended = r));
    const slow = t.db.$transaction(async (tx) => {
      await appendAudit(tx, { action: "member.joined", subjectId: "late" });
      appended();
      await held;
    });
    await inserted;
    await t.db.$transaction((tx) => appendAudit(tx, { action: "member.joined", subjectId: "early" }));
    await sealAuditLog(t.db);
    release();
    await slow;
    await sealAuditLog(t.db);
    const late = await t.db.auditEntry.findFirstOrThrow({ where: { subjectId: "late" } });
    const early = await t.db.auditEntry.findFirstOrThrow({ where: { subjectId: "early" } });
    expect(late.seq).toBeLessThan(early.seq);
    expect(late.chainIndex).toBeGreaterThan(early.chainIndex!);
    expect((await verifyAuditLog(t.db)).ok).toBe(true);
  });
});

describe("npm run audit:verify", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "plenum-audit-"));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const run = (env: Record<string, string>) =>
    spawnSync("npx", ["tsx", "scripts/audit-verify.ts"], {
      cwd: path.resolve(import.meta.dirname, "../.."), encoding: "utf8",
      env: { ...process.env, DATABASE_URL: "", ...env },
    });

  /** Opens the embedded database in `dir`, runs `work`, and closes it so the CLI can open it. */
  async function withPglite<T>(work: (db: PrismaClient) => Promise<T>): Promise<T> {
    const database = await openDatabase({ kind: "pglite", dataDir: dir });
    await applyMigrations(database.adapter);
    const db = createPrismaClient(database);
    try {
      return await work(db);
    } finally {
      await db.$disconnect();
      await database.close();
    }
  }

  it("exits 0 on an intact log, 1 naming the broken entry after tampering, 2 without a database", async () => {
    const { motionId } = await withPglite(async (db) => ({ motionId: (await story(db)).motion.id }));

    const ok = run({ PGLITE_DIR: dir });
    expect(ok.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^Audit log: \d+ entries, chain intact; 2 results match their ballots$/m);

    const target = await withPglite(async (db) => {
      const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "vote.cast", subjectId: motionId } });
      await db.$executeRaw`UPDATE "AuditEntry" SET "actorId" = 'someone-else' WHERE seq = ${entry.seq}`;
      await db.result.update({ where: { proposalId: motionId }, data: { no: 0 } });
      return entry;
    });
    const broken = run({ PGLITE_DIR: dir });
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(`Edited: chain index ${target.chainIndex} (seq ${target.seq}, vote.cast)`);
    expect(broken.stdout).toContain(`proposal ${motionId} "Paint the shop"`);
    expect(broken.stdout).toMatch(/no: stored 0, recounted 1/);
    expect(broken.stderr).not.toMatch(/at .*\.ts:\d+/);

    const noDb = run({ DATABASE_URL: "mysql://nowhere/x" });
    expect(noDb.status).toBe(2);
    expect(noDb.stderr).toMatch(/audit:verify: DATABASE_URL must be a PostgreSQL URL/);
    expect(noDb.stderr).not.toMatch(/at .*\.ts:\d+/);
  }, 90_000); // three CLI runs, each starting tsx and a database
});
