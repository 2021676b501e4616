// `npm run bench:seal`: what the server's sweep costs after a burst of votes, and how long it holds
// the event loop (every request the process serves waits that long). Appends N unsealed `vote.cast`
// entries to a fresh database, then seals them into the hash chain and runs the notification
// dispatcher over them, printing wall time, this process's CPU and the longest event-loop stall.
// Usage: npx tsx bench/seal.ts [entries ...]   (default 500 5000). BENCH_DATABASE_URL as for bench/run.ts.
import { monitorEventLoopDelay } from "node:perf_hooks";
import pg from "pg";
import { createPrismaClient, openDatabase } from "../lib/db/connection";
import { applyMigrations } from "../lib/db/migrate";
import { sealAuditLog } from "../lib/audit/log";
import { dispatchNotifications } from "../lib/notifications/dispatch";

const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
const url = new URL(process.env.BENCH_DATABASE_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres");

async function fresh(): Promise<string> {
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS plenum_bench_seal WITH (FORCE)");
  await admin.query("CREATE DATABASE plenum_bench_seal");
  await admin.end();
  return Object.assign(new URL(url), { pathname: "/plenum_bench_seal" }).toString();
}

/** Wall ms, CPU ms of this process and the longest event-loop stall while `step` runs. */
async function measure(step: () => Promise<unknown>) {
  const stalls = monitorEventLoopDelay({ resolution: 1 });
  stalls.enable();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await step();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  stalls.disable();
  return { wall, cpu: (used.user + used.system) / 1000, stall: stalls.max / 1e6 };
}

const target = await fresh();
const database = await openDatabase({ kind: "postgres", url: target });
await applyMigrations(database.adapter);
const db = createPrismaClient(database);
const client = new pg.Client({ connectionString: target });
await client.connect();
const fmt = (n: number) => n.toFixed(0).padStart(6);
console.log("entries | seal: wall   CPU  stall (ms) | dispatch: wall   CPU  stall (ms)");
for (const n of sizes.length ? sizes : [500, 5_000]) {
  await client.query(
    `INSERT INTO "AuditEntry" ("councilId", "actorId", action, "subjectId", data)
     SELECT 'c', 'u' || g, 'vote.cast', 'p', jsonb_build_object('proposalId', 'p') FROM generate_series(1, $1::int) g`,
    [n],
  );
  const seal = await measure(() => sealAuditLog(db));
  const dispatch = await measure(() => dispatchNotifications(db, { seal: false }));
  console.log(`${String(n).padStart(7)} | ${fmt(seal.wall)} ${fmt(seal.cpu)} ${fmt(seal.stall)}       | ${fmt(dispatch.wall)} ${fmt(dispatch.cpu)} ${fmt(dispatch.stall)}`);
}
await client.end();
await db.$disconnect();
await database.close();
