// `npm run test:faults`: nothing acknowledged is lost. Runs a vote load against `next start` on
// PostgreSQL and, while votes are in flight, (1) stops PostgreSQL for a few seconds — the app must
// answer a clear "try again", never a 500, and recover by itself — and (2) kills the app with
// SIGKILL and starts it again. After each: every voter whose last acknowledged vote is known has
// exactly that vote stored (or a later one still in flight when the fault hit), nobody who never
// voted has a vote, and the counted tally equals the rows. It also fires 200 simultaneous votes by
// one member at two app processes sharing the database: one ballot, and the per-account rate limit
// holds across both. Needs TEST_DATABASE_URL (or the local PostgreSQL), and root to stop
// PostgreSQL (FAULTS_SKIP_DB_STOP=1 skips that phase). PostgreSQL is always started again.
import { writeFileSync } from "node:fs";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { ensurePrismaClient } from "./lib/generate";
import { root } from "./lib/env";
import { ensureBuild } from "./lib/build";

const ADMIN_URL = process.env.TEST_DATABASE_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";
const PORTS = [Number(process.env.FAULTS_PORT || 3330), Number(process.env.FAULTS_PORT || 3330) + 1];
const DIST = ".next-test"; // the browser tests' build: the same sources, built once
const VOTERS = Number(process.env.FAULTS_VOTERS || 24);
const PACE_MS = 2500; // each voter votes every ~2.5 s: under the 30-a-minute per-account limit
const PASSWORD = "faults-test-password";
const skipDbStop = process.env.FAULTS_SKIP_DB_STOP === "1";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const dbName = `plenum_faults_${randomBytes(4).toString("hex")}`;
const dbUrl = (() => { const u = new URL(ADMIN_URL); u.pathname = `/${dbName}`; return u.toString(); })();

let failures = 0;
let passes = 0;
function check(ok: boolean, what: string) {
  console.log(`${ok ? "  ✓" : "  ✘"} ${what}`);
  if (ok) passes++;
  else failures++;
}

// ————— PostgreSQL: stop and (always) start again —————

const cluster = () => {
  const version = spawnSync("ls", ["/etc/postgresql"], { encoding: "utf8" }).stdout.trim().split("\n")[0];
  return version ? [version, "main"] : null;
};
let postgresStopped = false;
function pgctl(action: "stop" | "start") {
  const c = cluster();
  if (!c) throw new Error("no PostgreSQL cluster under /etc/postgresql");
  const r = spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", ...c, action, ...(action === "stop" ? ["-m", "fast"] : [])], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pg_ctlcluster ${action} failed: ${r.stderr || r.stdout}`);
  postgresStopped = action === "stop";
}
function ensurePostgresRunning() {
  if (!postgresStopped) return;
  try { pgctl("start"); console.log("• PostgreSQL started again"); } catch (e) { console.error(`✘ Could not restart PostgreSQL: ${e}`); }
}
process.on("exit", ensurePostgresRunning);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => { ensurePostgresRunning(); stopApps(); process.exit(130); });

async function waitForPostgres() {
  for (let i = 0; i < 60; i++) {
    const c = new pg.Client({ connectionString: ADMIN_URL });
    try { await c.connect(); await c.end(); return; } catch { await c.end().catch(() => {}); await sleep(500); }
  }
  throw new Error("PostgreSQL did not come back within 30 s");
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ————— the app processes —————

const apps = new Map<number, ChildProcess>();
function startApp(port: number): ChildProcess {
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      NEXT_DIST_DIR: DIST,
      NEXTAUTH_SECRET: "faults-secret-that-is-long-enough-0123456789",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      BALLOT_KEY: Buffer.alloc(32, 9).toString("base64"),
      PLENUM_E2E_HOOKS: "0",
    },
  });
  let err = "";
  child.stderr!.on("data", (d: Buffer) => { err += d.toString(); if (/Error|error/.test(d.toString()) && !/Database unavailable|retrying in a minute/.test(d.toString())) serverErrors.push(d.toString().slice(0, 400)); });
  child.on("exit", () => { if (err && process.env.FAULTS_VERBOSE) console.log(err); });
  apps.set(port, child);
  return child;
}
const serverErrors: string[] = [];
function stopApps() { for (const child of apps.values()) child.kill("SIGTERM"); }
async function waitForApp(port: number) {
  for (let i = 0; i < 120; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/councils`)).ok) return; } catch { /* not up yet */ }
    await sleep(500);
  }
  throw new Error(`the app on port ${port} did not start`);
}

// ————— the load —————

const { Client, builtActions } = await import("../tests/e2e/http-actions");
type TClient = InstanceType<typeof Client>;
const CHOICES = ["YES", "NO", "ABSTAIN"] as const;

interface Voter {
  client: TClient;
  email: string;
  userId: string;
  /** The last vote the server acknowledged. */
  acked: string | null;
  /** Votes sent after it whose answer never came (connection lost): they may or may not be stored. */
  unknown: string[];
  /** Everything this voter ever sent. */
  sent: Set<string>;
}

const answers = { acked: 0, refusedClearly: 0, lost: 0, bad: [] as string[] };
let voteAction: { id: string; page: string };

async function castOnce(v: Voter, proposalId: string) {
  const choice = CHOICES[Math.floor(Math.random() * 3)]!;
  v.sent.add(choice);
  try {
    const r = await v.client.action(voteAction, { proposalId, choice });
    if (r.state?.ok) {
      v.acked = choice;
      v.unknown = [];
      answers.acked++;
    } else if (r.state && r.state.message && !/Something went wrong/.test(r.state.message)) {
      answers.refusedClearly++; // "try again", rate limited, …: nothing changed
    } else if (r.status >= 500 || (r.state && /Something went wrong/.test(r.state.message ?? ""))) {
      answers.bad.push(`${r.status} ${r.state?.message ?? r.text.slice(0, 120)}`);
      v.unknown.push(choice);
    } else {
      v.unknown.push(choice);
      answers.lost++;
    }
  } catch {
    v.unknown.push(choice); // the connection broke: the vote may have committed
    answers.lost++;
  }
}

let loadRunning = false;
async function runLoad(voters: Voter[], proposalId: string) {
  loadRunning = true;
  await Promise.all(voters.map(async (v, i) => {
    await sleep((i * PACE_MS) / voters.length);
    while (loadRunning) {
      const started = Date.now();
      await castOnce(v, proposalId);
      await sleep(Math.max(0, PACE_MS - (Date.now() - started)));
    }
  }));
}

async function verify(db: pg.Client, voters: Voter[], proposalId: string, label: string) {
  const rows = (await db.query<{ userId: string; choice: string }>(`SELECT "userId", choice::text FROM "Vote" WHERE "proposalId" = $1`, [proposalId])).rows;
  const byUser = new Map(rows.map((r) => [r.userId, r.choice]));
  const ids = new Set(voters.map((v) => v.userId));
  let lostAcks = 0, unasked = 0, foreign = 0;
  for (const v of voters) {
    const stored = byUser.get(v.userId);
    if (v.acked && !(stored === v.acked || (stored !== undefined && v.unknown.includes(stored)))) lostAcks++;
    if (stored !== undefined && !v.sent.has(stored)) unasked++;
    if (!v.acked && v.unknown.length === 0 && stored !== undefined) unasked++;
  }
  for (const r of rows) if (!ids.has(r.userId)) foreign++;
  check(lostAcks === 0, `${label}: every acknowledged vote is in the database (${voters.filter((v) => v.acked).length} voters acknowledged)`);
  check(unasked === 0 && foreign === 0, `${label}: no vote that was not cast (${rows.length} rows)`);
}

// ————— the run —————

async function main() {
  ensurePrismaClient();
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`); // generated name, never input
  await admin.end();
  console.log(`• Fresh database ${dbName}`);

  // Migrate and make the scene through the domain code: a council of voters with one open vote.
  process.env.DATABASE_URL = dbUrl;
  const { openDatabase, createPrismaClient } = await import("../lib/db/connection");
  const { applyMigrations } = await import("../lib/db/migrate");
  const { hashPassword } = await import("../lib/auth/password");
  const { createCouncil, joinCouncil } = await import("../lib/councils/service");
  const { createProposal, openVoting } = await import("../lib/proposals/service");
  const database = await openDatabase({ kind: "postgres", url: dbUrl });
  await applyMigrations(database.adapter);
  const prisma = createPrismaClient(database);
  const passwordHash = await hashPassword(PASSWORD);
  const users = [];
  for (let i = 0; i <= VOTERS + 1; i++) {
    users.push(await prisma.user.create({ data: { name: `Voter ${i}`, email: `voter${i}@faults.plenum`, passwordHash }, select: { id: true, email: true } }));
  }
  const council = await createCouncil(prisma, {
    name: "Faults Co-op", slug: "faults-co-op", kind: "WORKERS", description: "", joinPolicy: "OPEN",
    charter: { quorumPercent: 0, passThreshold: "SIMPLE_MAJORITY", votingPeriodHours: 24, liveResults: false }, founderId: users[0]!.id,
  });
  for (const u of users.slice(1)) await joinCouncil(prisma, { councilId: council.id, userId: u.id });
  const draft = await createProposal(prisma, { councilId: council.id, authorId: users[0]!.id, title: "Keep the ovens on through a power cut", body: "A vote under fire." });
  const proposal = await openVoting(prisma, { proposalId: draft.id, actorId: users[0]!.id });
  const flood = await openVoting(prisma, { proposalId: (await createProposal(prisma, { councilId: council.id, authorId: users[0]!.id, title: "Two processes, one ballot", body: "Two hundred at once." })).id, actorId: users[0]!.id });
  await prisma.$disconnect();
  await database.close();

  process.env.NEXT_DIST_DIR = DIST;
  ensureBuild(DIST);
  voteAction = { id: builtActions().get("lib/proposals/actions.ts#castVoteAction")!.id, page: `/proposals/${proposal.id}` };
  const base = (port: number) => `http://127.0.0.1:${port}`;
  startApp(PORTS[0]!);
  await waitForApp(PORTS[0]!);
  console.log(`• App on ${base(PORTS[0]!)}`);

  const voters: Voter[] = [];
  for (const [i, u] of users.slice(1, VOTERS + 1).entries()) {
    const client = new Client(`voter ${i}`, `203.0.113.${i + 1}`, base(PORTS[0]!));
    await client.signIn(u.email, PASSWORD);
    voters.push({ client, email: u.email, userId: u.id, acked: null, unknown: [], sent: new Set() });
  }

  // Phase 0: steady load.
  console.log("\n▶ Steady vote load");
  const load = runLoad(voters, proposal.id);
  await sleep(6_000);
  check(answers.acked > 0 && answers.bad.length === 0, `votes are acknowledged (${answers.acked}), no 500s`);

  // Phase 1: PostgreSQL stops for a few seconds.
  if (skipDbStop) {
    console.log("\n▶ Stopping PostgreSQL — SKIPPED (FAULTS_SKIP_DB_STOP=1)");
  } else {
    console.log("\n▶ Stopping PostgreSQL for 5 s under load");
    const before = { ...answers, bad: answers.bad.length };
    pgctl("stop");
    const probe = await voters[0]!.client.action(voteAction, { proposalId: proposal.id, choice: "YES" }).catch((e: unknown) => ({ status: 0, state: undefined, text: String(e) }));
    voters[0]!.sent.add("YES");
    if (!probe.state?.ok) voters[0]!.unknown.push("YES");
    check(probe.status === 200 && /cannot reach its database.*try again/i.test(probe.state?.message ?? ""), `while it is down, a vote is answered "${probe.state?.message ?? probe.text.slice(0, 80)}"`);
    await sleep(5_000);
    pgctl("start");
    await waitForPostgres();
    const downAnswers = answers.refusedClearly - before.refusedClearly;
    check(answers.bad.length === before.bad, `no 500 and no unexpected error during the outage (${downAnswers} clear refusals)`);
    const ackedBefore = answers.acked;
    for (let i = 0; i < 40 && answers.acked === ackedBefore; i++) await sleep(500);
    check(answers.acked > ackedBefore, "after PostgreSQL is back, votes are acknowledged again without restarting the app");
  }
  const db2 = new pg.Client({ connectionString: dbUrl });
  await db2.connect();
  await sleep(3_000);
  loadRunning = false;
  await load;
  await verify(db2, voters, proposal.id, "after the database outage");

  // Phase 2: SIGKILL the app mid-load, start it again.
  console.log("\n▶ Killing the app with SIGKILL under load, then starting it again");
  const load2 = runLoad(voters, proposal.id);
  await sleep(4_000);
  apps.get(PORTS[0]!)!.kill("SIGKILL");
  await sleep(2_000);
  startApp(PORTS[0]!);
  await waitForApp(PORTS[0]!);
  const ackedBefore = answers.acked;
  for (let i = 0; i < 40 && answers.acked === ackedBefore; i++) await sleep(500);
  check(answers.acked > ackedBefore, "after the restart, votes are acknowledged again (sessions survive: they are signed cookies)");
  await sleep(2_000);
  loadRunning = false;
  await load2;
  await verify(db2, voters, proposal.id, "after SIGKILL and restart");
  check(answers.bad.length === 0, `no 500 or unexpected error at any point${answers.bad.length ? `: ${answers.bad.slice(0, 3).join(" | ")}` : ""}`);

  // Phase 3: two app processes, one member, 200 votes at once.
  console.log("\n▶ 200 simultaneous votes by one member across two app processes");
  startApp(PORTS[1]!);
  await waitForApp(PORTS[1]!);
  const member = users[VOTERS + 1]!;
  const pair = await Promise.all(PORTS.map(async (port, i) => {
    const c = new Client(`flooder ${i}`, "203.0.113.250", base(port));
    await c.signIn(member.email, PASSWORD);
    return c;
  }));
  const floodAction = { id: voteAction.id, page: `/proposals/${flood.id}` };
  const sent = Array.from({ length: 200 }, (_, i) => CHOICES[i % 3]!);
  const results = await Promise.all(sent.map((choice, i) => pair[i % 2]!.action(floodAction, { proposalId: flood.id, choice }).catch(() => null)));
  const accepted = results.filter((r) => r?.state?.ok).length;
  const limited = results.filter((r) => /Try again in/.test(r?.state?.message ?? "")).length;
  const rows = (await db2.query(`SELECT choice::text FROM "Vote" WHERE "proposalId" = $1 AND "userId" = $2`, [flood.id, member.id])).rows;
  check(rows.length === 1, `one ballot stored (${rows.length})`);
  check(accepted >= 1 && accepted <= 60 && accepted + limited === 200, `the per-account limit held across both processes: ${accepted} accepted, ${limited} told to wait`);

  // The close: the tally equals the rows.
  console.log("\n▶ Closing the vote");
  await db2.query(`UPDATE "Proposal" SET "votingClosesAt" = now() - interval '1 second' WHERE id = $1`, [proposal.id]);
  const board = await voters[1]!.client.fetch(`/api/proposals/${proposal.id}/board.json`);
  check(board.status === 200, `the board of the closed vote is served (${board.status})`);
  await board.arrayBuffer();
  const tally = (await db2.query(`SELECT choice::text, count(*)::int AS n FROM "Vote" WHERE "proposalId" = $1 GROUP BY choice`, [proposal.id])).rows as { choice: string; n: number }[];
  const result = (await db2.query(`SELECT yes, no, abstain FROM "Result" WHERE "proposalId" = $1`, [proposal.id])).rows[0] as { yes: number; no: number; abstain: number } | undefined;
  const n = (c: string) => tally.find((t) => t.choice === c)?.n ?? 0;
  check(!!result && result.yes === n("YES") && result.no === n("NO") && result.abstain === n("ABSTAIN"), `the tally equals the rows (${JSON.stringify(result)})`);
  await verify(db2, voters, proposal.id, "at the close");
  check(serverErrors.length === 0, `the server logged no unexpected error${serverErrors.length ? `: ${serverErrors[0]}` : ""}`);
  await db2.end();
  console.log(`\n  answers: ${answers.acked} acknowledged, ${answers.refusedClearly} clearly refused, ${answers.lost} lost in flight`);
}

try {
  await main();
} catch (e) {
  console.error(`✘ The fault test itself failed: ${e instanceof Error ? e.stack : e}`);
  failures++;
} finally {
  ensurePostgresRunning();
  stopApps();
  await sleep(1_000);
  try {
    await waitForPostgres();
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  } catch (e) {
    console.error(`Could not drop ${dbName}: ${e}`);
  }
}
console.log(failures ? `\nFaults: ${failures} check(s) failed` : "\nFaults: every check passed");
// npm test (scripts/test.ts) adds these checks to its totals.
if (process.env.FAULTS_REPORT) writeFileSync(process.env.FAULTS_REPORT, JSON.stringify({ passed: passes, failed: failures }));
process.exit(failures ? 1 : 0);
