// `npm run bench`: the production build under load against PostgreSQL, beside the raw `pg` baseline.
// Seeds a fresh database, starts `next start`, runs each workload of issue 6 with autocannon, checks
// that every acknowledged vote is stored exactly once, and writes JSON + Markdown to bench/results/.
// Options: --quick (small sizes, a smoke test), --only=cast,results,stv,browse,stateless,floor.
// Environment: BENCH_DATABASE_URL (default the local server), BENCH_PORT (default 3310).
import { randomBytes } from "node:crypto";
import { cpus, loadavg, totalmem } from "node:os";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { root } from "../scripts/lib/env";
import { ensurePrismaClient } from "../scripts/lib/generate";
import { ensureBuild } from "../scripts/lib/build";
import { createPrismaClient, openDatabase, type PrismaClient } from "../lib/db/connection";
import { applyMigrations } from "../lib/db/migrate";
import { countVotes } from "../lib/voting/service";
import { dispatchNotifications, runNotificationSweep } from "../lib/notifications/dispatch";
import { sealAuditLog } from "../lib/audit/log";
import { runStvBench, type StvFigures } from "./stv-count";
import { runFloor } from "./floor";
import { getOnce, runBaseline, runDownload, runJobs, runPaced, runPages, percentile, type Job, type LoadFigures } from "./lib/load";
import { BENCH_DIST_DIR, SERVER_HEAP_MB, SERVER_SEMI_MB, heapAfterGc, startBalancer, startNext, watchCpu, watchMemory, type Server } from "./lib/server";
import { actionBody, actionId, mintSessionCookie, proposalRouterState, sessionEmail, signInOverHttp } from "./lib/http";
import {
  ADMIN_EMAIL, ADMIN_ID, BENCH_PASSWORD, closeNow, memberEmail, memberId, openElection, openMotion,
  seedBrowse, seedCouncil, seedPeople, seedRankedVotes, seedVotes,
} from "./lib/seed";
import { writeReport, type Report, type Workload } from "./lib/report";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = new Set((args.find((a) => a.startsWith("--only="))?.slice(7) ?? "cast,results,stv,browse,stateless,floor").split(","));

const SIZES = quick
  ? { castMembers: 240, c1Members: 60, resultSizes: [1_000, 5_000, 20_000], stvBallots: 50_000, rankedBallots: 20_000, browseCouncils: 20, browsePerCouncil: 50, browseMembers: 5, pageSeconds: 3, halfSeconds: 3, steadySeconds: 5 }
  : { castMembers: 2_000, c1Members: 300, resultSizes: [10_000, 100_000, 1_000_000], stvBallots: 1_000_000, rankedBallots: 1_000_000, browseCouncils: 1_000, browsePerCouncil: 100, browseMembers: 20, pageSeconds: 6, halfSeconds: 10, steadySeconds: 40 };
const CONCURRENCIES = [1, 16, 64];
/** Pages are timed one at a time (the latency a member sees) and 8 at a time (throughput). */
const PAGE_CONCURRENCIES = [1, 8];
const PORT = Number(process.env.BENCH_PORT ?? 3310);

const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
const serverLog: string[] = [];

// ---------------------------------------------------------------------------------------------
// The database and the secrets every app instance shares.

function databaseUrl(): string {
  const base = new URL(process.env.BENCH_DATABASE_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres");
  base.pathname = `/${quick ? "plenum_bench_quick" : "plenum_bench"}`;
  return base.toString();
}

async function freshDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^plenum_bench(_quick)?$/.test(name)) throw new Error(`refusing to recreate ${name}`);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); // a fixed name, checked above
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

/**
 * Shared by every instance, as a deployment would share them. The server-action key is kept in
 * .data/ because the build embeds it: a cached build must be served with the key it was built with.
 */
function sharedSecrets() {
  const file = path.join(root, ".data/bench-secrets.json");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64") }), { mode: 0o600 });
  }
  const saved = JSON.parse(readFileSync(file, "utf8")) as { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: string };
  return {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    BALLOT_KEY: randomBytes(32).toString("base64"),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: saved.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
  };
}

// ---------------------------------------------------------------------------------------------
// Cast vote: jobs, and the check that every acknowledged vote is stored exactly once.

interface CastPlan {
  proposalId: string;
  members: number[]; // member numbers who vote
  jobs: (Job & { userId: string; choice: string })[];
}

const CHOICES = ["YES", "NO", "ABSTAIN"] as const;
const RECORDED = /Your vote .{1,12} is recorded/;

/** A distinct address per member, 10.x.y.z. */
const memberAddress = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

function planCast(proposalId: string, members: number[], cookies: Map<number, string>, baseOrigin: string, action: string): CastPlan {
  const state = proposalRouterState(proposalId);
  const job = (n: number, choice: string) => {
    const { body, contentType } = actionBody(action, { ok: false }, { proposalId, choice });
    return {
      method: "POST" as const,
      path: `/proposals/${proposalId}`,
      headers: {
        accept: "text/x-component",
        "next-action": action,
        "next-router-state-tree": state,
        "content-type": contentType,
        origin: baseOrigin,
        cookie: cookies.get(n)!,
        // Members vote from their own networks, as seen behind one reverse proxy (PLENUM_PROXY_HOPS=1):
        // from one address, the per-address ballot limit (1,200 a minute) would refuse most of them.
        "x-forwarded-for": memberAddress(n),
      },
      body,
      check: (status: number, text: string) => status === 200 && RECORDED.test(text),
      userId: memberId(n),
      choice,
    };
  };
  // Everyone votes once; every tenth member then changes their mind (queued after all first votes).
  const jobs = members.map((n, i) => job(n, CHOICES[i % 3]!));
  members.forEach((n, i) => { if (i % 10 === 0) jobs.push(job(n, CHOICES[(i + 1) % 3]!)); });
  return { proposalId, members, jobs };
}

interface CastCheck {
  acknowledged: number;
  rows: number;
  missing: number;
  wrongChoice: number;
  unexpectedRows: number;
  tallyMatchesRows: boolean;
  auditEntries: number;
  ok: boolean;
}

/** Every acknowledged vote is in "Vote" exactly once with the member's last acknowledged choice; the tally equals the rows. */
async function checkCast(db: PrismaClient, client: pg.Client, plan: CastPlan): Promise<CastCheck> {
  const rows = (await client.query<{ userId: string; choice: string }>(`SELECT "userId", choice::text AS choice FROM "Vote" WHERE "proposalId" = $1`, [plan.proposalId])).rows;
  const stored = new Map<string, string[]>();
  for (const r of rows) stored.set(r.userId, [...(stored.get(r.userId) ?? []), r.choice]);
  const byUser = new Map<string, CastPlan["jobs"]>();
  for (const j of plan.jobs) byUser.set(j.userId, [...(byUser.get(j.userId) ?? []), j]);
  let acknowledged = 0, missing = 0, wrongChoice = 0;
  for (const [userId, jobs] of byUser) {
    const acked = jobs.filter((j) => j.ok);
    acknowledged += acked.length;
    if (acked.length === 0) continue;
    const got = stored.get(userId) ?? [];
    if (got.length !== 1) { missing++; continue; }
    // The stored choice is the last acknowledged one, unless two requests overlapped in time (then either).
    const last = acked.reduce((a, b) => (b.sentAt! > a.sentAt! ? b : a));
    const overlapping = acked.filter((j) => j !== last && j.doneAt! > last.sentAt!);
    const allowed = new Set([last.choice, ...overlapping.map((j) => j.choice)]);
    if (!allowed.has(got[0]!)) wrongChoice++;
  }
  const sent = new Set(plan.jobs.map((j) => j.userId));
  const unexpectedRows = rows.filter((r) => !sent.has(r.userId)).length;
  const tally = await countVotes(db, plan.proposalId);
  const tallyMatchesRows = tally.yes + tally.no + tally.abstain === rows.length &&
    tally.yes === rows.filter((r) => r.choice === "YES").length && tally.no === rows.filter((r) => r.choice === "NO").length;
  const auditEntries = Number((await client.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM "AuditEntry" WHERE action = 'vote.cast' AND "subjectId" = $1`, [plan.proposalId])).rows[0]!.n);
  const ok = acknowledged > 0 && missing === 0 && wrongChoice === 0 && unexpectedRows === 0 && tallyMatchesRows && auditEntries >= acknowledged;
  return { acknowledged, rows: rows.length, missing, wrongChoice, unexpectedRows, tallyMatchesRows, auditEntries, ok };
}

// ---------------------------------------------------------------------------------------------

async function timeMany(n: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { p50: percentile(t, 50), p95: percentile(t, 95), max: t.at(-1)! };
}

/** Unmeasured requests first, so lazily loaded route code and the JIT are warm when timing starts. */
async function warm(baseUrl: string, paths: string[], headers: Record<string, string>, n = 16): Promise<void> {
  for (let i = 0; i < n; i += 4) {
    await Promise.all(paths.slice(0, 4).map(async (p, k) => (await getOnce(`${baseUrl}${paths[(i + k) % paths.length] ?? p}`, headers)).arrayBuffer()));
  }
}


let databaseName = "";
let walClient: pg.Client | null = null;

async function walBytesSince(lsn: string | null, requests: number): Promise<number | null> {
  const now = await walLsn();
  if (!lsn || !now || !walClient) return null;
  const d = (await walClient.query<{ d: string }>("SELECT pg_wal_lsn_diff($1::pg_lsn, $2::pg_lsn)::text AS d", [now, lsn])).rows[0]!.d;
  return Number(d) / Math.max(1, requests);
}

async function walLsn(): Promise<string | null> {
  if (!walClient) return null;
  return (await walClient.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn")).rows[0]!.lsn;
}

/** Runs a workload while watching the servers' memory and the CPU the servers and the database spend. */
async function withMemory<T extends LoadFigures>(servers: Server[], run: () => Promise<T>): Promise<T & { rssMb: Record<string, number>; cpuMsPerRequest: { server: number; database: number }; walBytesPerRequest: number | null }> {
  const watch = watchMemory(servers);
  const cpu = watchCpu(servers, databaseName);
  const lsnBefore = await walLsn();
  try {
    const figures = await run();
    const used = cpu.stop();
    const n = Math.max(1, figures.requests);
    const wal = await walBytesSince(lsnBefore, n);
    return {
      ...figures,
      walBytesPerRequest: wal,
      rssMb: Object.fromEntries(Object.entries(watch.stop()).map(([k, v]) => [k, Math.round(v / 2 ** 20)])),
      cpuMsPerRequest: { server: used.serverMs / n, database: used.databaseMs / n },
    };
  } finally {
    watch.stop();
  }
}

async function main() {
  const started = Date.now();
  const loadAtStart = loadavg()[0]!;
  const url = databaseUrl();
  databaseName = new URL(url).pathname.slice(1);
  const secrets = sharedSecrets();
  Object.assign(process.env, { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: secrets.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY });
  log(`Plenum bench (${quick ? "quick" : "full"}), ${cpus().length} cores (${cpus()[0]?.model.trim()}), database ${new URL(url).pathname.slice(1)}`);

  ensurePrismaClient();
  const built = Date.now();
  ensureBuild(BENCH_DIST_DIR);
  log(`build ready (${((Date.now() - built) / 1000).toFixed(0)} s)`);

  await freshDatabase(url);
  const database = await openDatabase({ kind: "postgres", url });
  await applyMigrations(database.adapter);
  const db = createPrismaClient(database);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  walClient = client;
  const pgVersion = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  const syncCommit = (await client.query<{ synchronous_commit: string }>("SHOW synchronous_commit")).rows[0]!.synchronous_commit;

  // ---- Seed -------------------------------------------------------------------------------
  const seedTimes: Record<string, number> = {};
  const timed = async <T,>(what: string, fn: () => Promise<T>): Promise<T> => {
    const s = Date.now();
    const out = await fn();
    seedTimes[what] = (Date.now() - s) / 1000;
    log(`seeded ${what} in ${seedTimes[what]!.toFixed(1)} s`);
    return out;
  };
  const wantResults = only.has("results") || only.has("stv");
  const people = Math.max(SIZES.castMembers, wantResults ? Math.max(...SIZES.resultSizes) : 0, SIZES.browseMembers);
  await timed(`${people.toLocaleString("en")} people`, () => seedPeople(client, people));

  const castCouncil = await timed("cast-vote council", () => seedCouncil(db, client, { slug: "bench-cast", name: "Bench Referendum Council", members: SIZES.castMembers }));
  const castProposals: Record<string, string> = {};
  if (only.has("cast") || only.has("stateless")) {
    for (const key of ["warm", "c1", "c16", "c64", "half", "lb", "base-c1", "base-c16", "base-c64"]) {
      castProposals[key] = await openMotion(db, castCouncil.id, `Bench vote ${key}`);
    }
  }
  // Opening the bench's votes told every member of their councils (2,000 notifications a vote in the
  // cast-vote council, then each member's first digest): the server's sweep would otherwise do that
  // inside whichever workload it lands in, and time the seeding's notifications as the workload's.
  await timed("notifications of the cast-vote council's votes", () => runNotificationSweep(db));

  const results: { size: number; proposalId: string; closeMs: number }[] = [];
  let election: { proposalId: string; closeMs: number; ballots: number } | null = null;
  if (wantResults) {
    for (const size of SIZES.resultSizes) {
      const council = await timed(`council of ${size.toLocaleString("en")}`, () => seedCouncil(db, client, { slug: `bench-results-${size}`, name: `Bench Assembly of ${size.toLocaleString("en")}`, members: size }));
      const proposalId = await timed(`motion opened to ${size.toLocaleString("en")}`, () => openMotion(db, council.id, `Bench result of ${size.toLocaleString("en")} votes`));
      await timed(`${size.toLocaleString("en")} votes`, () => seedVotes(client, proposalId));
      // How fast an electorate is told that voting opened: the smallest, measured; the larger ones
      // (and the results, below) are seeding and skipped.
      if (size === SIZES.resultSizes[0]) await timed(`${size.toLocaleString("en")} members told that voting opened`, () => dispatchNotifications(db));
      if (size === Math.max(...SIZES.resultSizes) && only.has("stv")) {
        const e = await timed("election", () => openElection(db, council.id, { seats: 3, candidates: 10 }));
        await timed(`${SIZES.rankedBallots.toLocaleString("en")} ranked ballots`, () => seedRankedVotes(client, e.proposalId, e.candidates, SIZES.rankedBallots, 20070503));
        election = { proposalId: e.proposalId, closeMs: 0, ballots: SIZES.rankedBallots };
      }
      results.push({ size, proposalId, closeMs: 0 });
    }
  }
  const browseSlugs = only.has("browse")
    ? await timed(`${SIZES.browseCouncils} councils × ${SIZES.browsePerCouncil} proposals`, () => seedBrowse(db, client, { councils: SIZES.browseCouncils, perCouncil: SIZES.browsePerCouncil, members: SIZES.browseMembers }))
    : [];
  // Closing counts and stores each result, in the transaction that locks the proposal (decision 002).
  for (const r of results) {
    r.closeMs = await closeNow(db, client, r.proposalId);
    log(`closed the ${r.size.toLocaleString("en")}-vote motion in ${r.closeMs.toFixed(0)} ms`);
  }
  if (election) {
    election.closeMs = await closeNow(db, client, election.proposalId);
    log(`closed the ${election.ballots.toLocaleString("en")}-ballot election in ${election.closeMs.toFixed(0)} ms`);
  }
  // Opening the larger votes and closing all of them tells their electorates: 2 million and more
  // notifications and emails in the full run, which the server's sweep would make during the page
  // workloads for the better part of an hour. They are seeding, not what the pages measure (the
  // 10,000-member fan-out above is): the entries are sealed and the dispatcher's cursor moved past them.
  if (results.length || election || browseSlugs.length) {
    await timed("other seeded notifications skipped", async () => {
      await sealAuditLog(db);
      await client.query(`UPDATE "NotificationCursor" SET "chainIndex" = (SELECT max("chainIndex") FROM "AuditEntry"), "updatedAt" = now() WHERE name = 'audit'`);
    });
  }
  // What autovacuum would have done on a live system by now: statistics and the visibility map.
  await timed("vacuum analyze", () => client.query("VACUUM ANALYZE"));

  // ---- Server -----------------------------------------------------------------------------
  const env = { ...process.env, DATABASE_URL: url, ...secrets, NEXTAUTH_URL: `http://127.0.0.1:${PORT}` };
  const server = await startNext("next-1", PORT, env, (l) => serverLog.push(`${new Date().toISOString().slice(11, 23)} ${l}`));
  const base = server.url;
  log(`next start answering on ${base}`);
  const workloads: Workload[] = [];
  const checks: Record<string, CastCheck> = {};

  try {
    // Sessions: a sample signs in over HTTP (Argon2 and all); the rest get next-auth's own cookie.
    const cookies = new Map<number, string>();
    const adminCookie = await signInOverHttp(base, ADMIN_EMAIL, BENCH_PASSWORD);
    for (let n = 1; n <= 5; n++) cookies.set(n, await signInOverHttp(base, memberEmail(n), BENCH_PASSWORD));
    for (let n = 6; n <= SIZES.castMembers; n++) cookies.set(n, await mintSessionCookie({ id: memberId(n), name: `Member ${n}`, email: memberEmail(n) }, secrets.NEXTAUTH_SECRET));
    for (const n of [1, 6, SIZES.castMembers]) {
      const email = await sessionEmail(base, cookies.get(n)!);
      if (email !== memberEmail(n)) throw new Error(`the session cookie of member ${n} is not accepted (server says ${email})`);
    }
    if ((await sessionEmail(base, adminCookie)) !== ADMIN_EMAIL) throw new Error("the facilitator's session is not accepted");
    const castAction = actionId("castVoteAction", "lib/proposals/actions.ts");
    const everyone = Array.from({ length: SIZES.castMembers }, (_, i) => i + 1);

    // ---- 1. Cast vote, and the raw baseline at the same concurrency ----------------------------
    let peak = 0;
    if (only.has("cast") || only.has("stateless")) {
      // Warm the vote path on a proposal of its own: 32 members vote there first, unmeasured.
      const warmPlan = planCast(castProposals.warm!, everyone.slice(0, 32), cookies, base, castAction);
      await runJobs(base, warmPlan.jobs, { concurrency: 4 });
    }
    if (only.has("cast")) {
      for (const c of CONCURRENCIES) {
        const members = c === 1 ? everyone.slice(0, SIZES.c1Members) : everyone;
        const plan = planCast(castProposals[`c${c}`]!, members, cookies, base, castAction);
        log(`cast vote, concurrency ${c}: ${plan.jobs.length} requests…`);
        const figures = await withMemory([server], () => runJobs(base, plan.jobs, { concurrency: c }));
        checks[`cast c=${c}`] = await checkCast(db, client, plan);
        const lsn = await walLsn();
        const raw = await runBaseline(url, castProposals[`base-c${c}`]!, members.map(memberId), { concurrency: c });
        const baseline = { ...raw, walBytesPerRequest: await walBytesSince(lsn, raw.requests) };
        workloads.push({ group: "Cast vote", name: `full stack, concurrency ${c}`, figures, baseline, check: checks[`cast c=${c}`] });
        workloads.push({ group: "Cast vote", name: `raw pg INSERT … ON CONFLICT, concurrency ${c}`, figures: baseline });
        log(`  ${figures.throughput.toFixed(0)} votes/s (p99 ${figures.p99.toFixed(0)} ms, ${figures.errors} errors) vs raw ${baseline.throughput.toFixed(0)}/s; check ${checks[`cast c=${c}`]!.ok ? "ok" : "FAILED"}`);
        if (c === 64) peak = figures.throughput;
      }
      // At half the peak rate: the latency a member sees when the server is busy but not saturated.
      const rate = Math.max(1, Math.floor(peak / 2));
      const count = Math.min(SIZES.castMembers, Math.ceil(rate * SIZES.halfSeconds));
      const plan = planCast(castProposals.half!, everyone.slice(0, count), cookies, base, castAction);
      plan.jobs.splice(count); // first votes only, at a steady rate
      log(`cast vote at half of peak (${rate}/s), ${plan.jobs.length} requests…`);
      const figures = await withMemory([server], () => runPaced(base, plan.jobs, { rate }));
      checks["cast at half peak"] = await checkCast(db, client, plan);
      workloads.push({ group: "Cast vote", name: `full stack at half of peak (${rate}/s offered)`, figures, check: checks["cast at half peak"] });
      log(`  p99 ${figures.p99.toFixed(0)} ms`);
    }

    /** A page workload at each page concurrency, after a warm-up; returns the figures at concurrency 1. */
    const pageWorkload = async (group: string, name: string, paths: string[], mustContain: string) => {
      await warm(base, paths, { cookie: adminCookie });
      let first: LoadFigures | null = null;
      for (const concurrency of PAGE_CONCURRENCIES) {
        const figures = await withMemory([server], () => runPages(base, paths, { cookie: adminCookie }, {
          concurrency, seconds: SIZES.pageSeconds, check: (s, b) => s === 200 && b.includes(mustContain),
        }));
        workloads.push({ group, name, figures });
        first ??= figures;
      }
      return first!;
    };

    /** The ballot board of a closed vote as JSON and as CSV, each checked to hold every ballot. */
    const boardDownloads = async (what: string, proposalId: string, ballots: number) => {
      for (const format of ["json", "csv"] as const) {
        log(`ballot board download (${format}), ${what}…`);
        const figures = await withMemory([server], () => runDownload(base, `/api/proposals/${proposalId}/board.${format}`, { cookie: adminCookie }, (status, bytes, head, tail) =>
          status === 200 && (format === "json" ? head.startsWith('{\n  "format": "plenum-ballot-board"') && tail.endsWith("}\n") : bytes > ballots * 5)));
        workloads.push({ group: "Ballot board", name: `ballot board download (${format.toUpperCase()}, ${(figures.bytes / 2 ** 20).toFixed(0)} MB), ${what}`, figures });
        log(`  ${(figures.bytes / 2 ** 20).toFixed(0)} MB in ${(figures.seconds).toFixed(1)} s, server RSS ${Object.values(figures.rssMb).join(", ")} MB, ${figures.errors ? "FAILED" : "ok"}`);
      }
    };

    // ---- 2. Results pages and tallies ---------------------------------------------------------
    const tallies: Report["tallies"] = [];
    if (only.has("results")) {
      for (const r of results) {
        log(`results page, ${r.size.toLocaleString("en")} votes…`);
        const figures = await pageWorkload("Results", `results page, ${r.size.toLocaleString("en")} votes`, [`/proposals/${r.proposalId}`], 'data-testid="outcome"');
        const stored = await timeMany(50, () => db.result.findUnique({ where: { proposalId: r.proposalId } }));
        const recount = await timeMany(5, () => countVotes(db, r.proposalId));
        tallies.push({ votes: r.size, closeMs: r.closeMs, storedTally: stored, liveRecount: recount });
        log(`  page p95 ${figures.p95.toFixed(0)} ms (one at a time); stored tally p95 ${stored.p95.toFixed(1)} ms; recount p50 ${recount.p50.toFixed(0)} ms; close ${r.closeMs.toFixed(0)} ms`);
      }
      // The largest vote's ballot board, downloaded whole: streamed, so the server's memory stays flat.
      const largest = results.at(-1);
      if (largest) await boardDownloads(`${largest.size.toLocaleString("en")} votes`, largest.proposalId, largest.size);
    }

    // ---- 3. Election count --------------------------------------------------------------------
    let stv: (StvFigures & { closeMs?: number }) | null = null;
    if (only.has("stv")) {
      log(`STV count of ${SIZES.stvBallots.toLocaleString("en")} ballots (pure module)…`);
      stv = { ...runStvBench({ ballots: SIZES.stvBallots, repeats: 3 }), ...(election ? { closeMs: election.closeMs } : {}) };
      for (const c of stv.counts) log(`  ${c.seats} seat(s): ${c.ms.map((m) => m.toFixed(0)).join(", ")} ms`);
      if (election) {
        const figures = await pageWorkload("Election count", `election results page, ${election.ballots.toLocaleString("en")} ranked ballots`, [`/proposals/${election.proposalId}`], 'data-testid="outcome"');
        log(`  results page p95 ${figures.p95.toFixed(0)} ms; close (SQL grouping + count) ${election.closeMs.toFixed(0)} ms`);
        await boardDownloads(`${election.ballots.toLocaleString("en")} ranked ballots`, election.proposalId, election.ballots);
      }
    }

    // ---- 4. Browse ------------------------------------------------------------------------------
    if (only.has("browse")) {
      const pages = Math.ceil((SIZES.browsePerCouncil) / 20);
      const councilPaths = browseSlugs.flatMap((s, i) => [`/councils/${s}`, `/councils/${s}?page=${1 + (i % pages)}`]);
      shuffle(councilPaths);
      log(`browse: council pages with their proposal lists…`);
      const councilFigures = await pageWorkload("Browse", `council page + proposal list (${SIZES.browseCouncils.toLocaleString("en")} councils, ${(SIZES.browseCouncils * SIZES.browsePerCouncil).toLocaleString("en")} proposals)`, councilPaths, 'id="proposals"');
      const listPages = Math.ceil(SIZES.browseCouncils / 20);
      const listPaths = Array.from({ length: 50 }, (_, i) => `/councils?page=${1 + ((i * 7) % listPages)}`);
      const listFigures = await pageWorkload("Browse", "council directory (/councils, paginated)", listPaths, "Neighbourhood Assembly");
      log(`  council page p95 ${councilFigures.p95.toFixed(0)} ms; directory p95 ${listFigures.p95.toFixed(0)} ms`);
      if (results.length) {
        // The councils behind the results: their pages count members, their directory entries too.
        const big = Math.max(...SIZES.resultSizes);
        const bigFigures = await pageWorkload("Browse", `council page of the ${big.toLocaleString("en")}-member council`, [`/councils/bench-results-${big}`, `/councils/bench-results-${big}?members=2`], 'id="proposals"');
        const searchFigures = await pageWorkload("Browse", `council directory search listing the ${SIZES.resultSizes.length} big councils`, ["/councils?q=Bench+Assembly"], "Bench Assembly");
        log(`  big council page p95 ${bigFigures.p95.toFixed(0)} ms; directory of big councils p95 ${searchFigures.p95.toFixed(0)} ms`);
      }
      // Memory kept: a fresh server (its database connections opened during these renders, as on a
      // server just started) serves pages eight at a time for a while; its heap is compared after
      // full collections (bench/lib/heap-probe.cjs). A leak in rendering kept about 100 KB a page
      // there (decision 011); on the long-running server above it showed only as a higher floor.
      const steadyPaths = [...listPaths.slice(0, 10), ...results.map((r) => `/proposals/${r.proposalId}`), ...(election ? [`/proposals/${election.proposalId}`] : []), ...councilPaths.slice(0, 10)];
      const fresh = await startNext("next-steady", PORT + 3, env, (l) => serverLog.push(`${new Date().toISOString().slice(11, 23)} ${l}`));
      try {
        const pages = (seconds: number) => runPages(fresh.url, steadyPaths, { cookie: adminCookie }, { concurrency: 8, seconds, check: (status) => status === 200 });
        await pages(5); // compiled code and connection pools reach their size
        const before = await heapAfterGc(fresh);
        log(`steady pages on a fresh server, 8 at a time for ${SIZES.steadySeconds} s; heap after full GC ${(before / 1e6).toFixed(1)} MB…`);
        const steady = await withMemory([fresh], () => pages(SIZES.steadySeconds));
        const after = await heapAfterGc(fresh);
        log(`  ${steady.requests} pages; heap after full GC ${(after / 1e6).toFixed(1)} MB`);
        workloads.push({ group: "Browse", name: `steady pages on a fresh server (directory, results, councils), 8 at a time for ${SIZES.steadySeconds} s`, figures: steady, kept: { beforeMb: before / 1e6, afterMb: after / 1e6 } });
      } finally {
        await fresh.stop();
      }
    }

    // ---- 5. Stateless: two instances behind a round-robin balancer ------------------------------
    if (only.has("stateless")) {
      const second = await startNext("next-2", PORT + 1, { ...env, NEXTAUTH_URL: `http://127.0.0.1:${PORT + 2}` }, (l) => serverLog.push(l));
      const balancer = await startBalancer(PORT + 2, [base, second.url], (l) => serverLog.push(l));
      try {
        const plan = planCast(castProposals.lb!, everyone, cookies, balancer.url, castAction);
        log(`stateless: cast vote through the balancer to two instances, concurrency 64, ${plan.jobs.length} requests…`);
        await warm(balancer.url, [`/proposals/${castProposals.lb}`], { cookie: cookies.get(1)! }, 8);
        await runJobs(balancer.url, planCast(castProposals.warm!, everyone.slice(32, 48), cookies, balancer.url, castAction).jobs, { concurrency: 4 });
        const figures = await withMemory([server, second, balancer], () => runJobs(balancer.url, plan.jobs, { concurrency: 64 }));
        checks["two instances"] = await checkCast(db, client, plan);
        workloads.push({ group: "Stateless", name: "cast vote via balancer → 2 × next start, concurrency 64", figures, check: checks["two instances"] });
        log(`  ${figures.throughput.toFixed(0)} votes/s, ${figures.errors} errors; check ${checks["two instances"]!.ok ? "ok" : "FAILED"}`);
      } finally {
        await balancer.stop();
        await second.stop();
      }
    }

    // ---- 6. The framework floor: what Next.js itself costs per server action here --------------
    const floor = only.has("floor") ? await runFloor(log) : undefined;

    const report: Report = {
      mode: quick ? "quick" : "full",
      at: new Date().toISOString(),
      machine: {
        cores: cpus().length, cpu: cpus()[0]?.model.trim() ?? "?", memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, postgres: pgVersion, synchronousCommit: syncCommit,
        serverHeapMb: Number(process.env.BENCH_NODE_HEAP_MB ?? SERVER_HEAP_MB) || null,
        serverSemiMb: Number(process.env.BENCH_NODE_SEMI_MB ?? SERVER_SEMI_MB) || null,
        loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0]! },
      },
      sizes: SIZES,
      seedSeconds: seedTimes,
      workloads, tallies, stv, floor,
      durationSeconds: (Date.now() - started) / 1000,
    };
    const files = writeReport(report);
    log(`wrote ${files.join(", ")}`);
    if (Object.values(checks).some((c) => !c.ok)) {
      console.error("✘ a correctness check failed:", JSON.stringify(checks, null, 2));
      process.exitCode = 1;
    }
  } finally {
    await server.stop();
    await client.end();
    await db.$disconnect();
    await database.close();
    writeFileSync(path.join(root, "bench/results/server.log.tmp"), serverLog.join("\n"));
  }
  void ADMIN_ID;
}

function shuffle<T>(items: T[]): void {
  let seed = 42;
  for (let i = items.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const j = seed % (i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

await main();
