// `npm run bench:floor`: what Next.js itself costs per server action on this machine — the ceiling
// any app built on it can reach, whatever its own code does. It builds the smallest app with two
// server actions (bench/floor/: one that does nothing, one that does a single INSERT … ON CONFLICT
// through plain `pg`, no session, no checks), serves it with `next start` like Plenum, and sends the
// same kind of request the vote form sends (a multipart server-action POST) at concurrency 1 and 64,
// beside the raw `pg` INSERT at the same concurrency, and the insert action at half of its own peak
// (the vote's latency target asked of the floor). Served with the same heap flags as Plenum's
// servers. Used by bench/run.ts (workload "floor").
import { spawn, spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { root } from "../scripts/lib/env";
import { actionBody } from "./lib/http";
import { runJobs, runPaced, summarise, type Job, type LoadFigures } from "./lib/load";
import { cpuMs, heapFlags } from "./lib/server";

const FLOOR_DIR = path.join(root, "bench/floor");
const REQUESTS = 3_000;

export interface FloorRow { name: string; figures: LoadFigures; serverCpuMs: number | null }

function floorDatabaseUrl(): string {
  const base = new URL(process.env.BENCH_DATABASE_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres");
  base.pathname = "/plenum_bench_floor";
  return base.toString();
}

async function freshTable(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS plenum_bench_floor WITH (FORCE)");
  await admin.query("CREATE DATABASE plenum_bench_floor");
  await admin.end();
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query("CREATE TABLE floor_vote (user_id text PRIMARY KEY, choice text NOT NULL)");
  await db.end();
}

function actionIds(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(FLOOR_DIR, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  return new Map(Object.entries(manifest.node).map(([id, v]) => [v.exportedName ?? "", id]));
}

async function rawInserts(url: string, concurrency: number, count: number): Promise<LoadFigures> {
  const pool = new pg.Pool({ connectionString: url, max: concurrency });
  const clients = await Promise.all(Array.from({ length: concurrency }, () => pool.connect()));
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(clients.map(async (c) => {
    for (let n = next++; n < count; n = next++) {
      const t = performance.now();
      await c.query({ name: "raw", text: "INSERT INTO floor_vote (user_id, choice) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET choice = EXCLUDED.choice", values: [`raw-${concurrency}-${n}`, "YES"] });
      latencies.push(performance.now() - t);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  for (const c of clients) c.release();
  await pool.end();
  return summarise(latencies, concurrency, seconds, 0);
}

const INSERT_LABEL = "server action doing one pg INSERT … ON CONFLICT";
const HALF_SECONDS = 10;

export async function runFloor(log: (line: string) => void, port = 3330): Promise<FloorRow[]> {
  log("framework floor: building bench/floor (the smallest Next.js app with a server action)…");
  const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: FLOOR_DIR, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: ".next" },
  });
  if (build.status !== 0) throw new Error(`bench/floor did not build:\n${build.stdout}\n${build.stderr}`);
  const url = floorDatabaseUrl();
  await freshTable(url);
  const child = spawn(process.execPath, [...heapFlags(), path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: FLOOR_DIR, env: { ...process.env, NODE_ENV: "production", FLOOR_DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "ignore",
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try { if ((await fetch(base)).ok) break; } catch { /* not yet */ }
      if (i > 300) throw new Error("bench/floor did not start");
      await new Promise((r) => setTimeout(r, 200));
    }
    const ids = actionIds();
    const jobs = (exported: string, tag: string, n: number): Job[] => Array.from({ length: n }, (_, i) => {
      const { body, contentType } = actionBody(ids.get(exported)!, { ok: false }, { user: `${tag}-${i}`, choice: "YES" });
      return {
        method: "POST", path: "/", body,
        headers: { accept: "text/x-component", "next-action": ids.get(exported)!, "content-type": contentType, origin: base },
        check: (status, text) => status === 200 && text.includes("recorded"),
      };
    });
    const rows: FloorRow[] = [];
    await runJobs(base, jobs("noop", "warm", 500), { concurrency: 16 }); // JIT warm-up
    for (const c of [1, 64]) {
      const n = c === 1 ? REQUESTS / 5 : REQUESTS;
      for (const [exported, label] of [["noop", "empty server action"], ["insertOne", INSERT_LABEL]] as const) {
        const before = cpuMs(child.pid!);
        const figures = await runJobs(base, jobs(exported, `${exported}-${c}`, n), { concurrency: c });
        rows.push({ name: `${label}, concurrency ${c}`, figures, serverCpuMs: (cpuMs(child.pid!) - before) / n });
        log(`  ${label}, c=${c}: ${figures.throughput.toFixed(0)}/s, p99 ${figures.p99.toFixed(1)} ms, ${figures.errors} errors`);
      }
      const raw = await rawInserts(url, c, n);
      rows.push({ name: `raw pg INSERT … ON CONFLICT, concurrency ${c}`, figures: raw, serverCpuMs: null });
      log(`  raw pg, c=${c}: ${raw.throughput.toFixed(0)}/s`);
    }
    // The vote's latency target, asked of the floor: the insert action at half of its own peak,
    // evenly paced as Plenum's vote is (bench/lib/load.ts runPaced), for the same 10 seconds.
    const peak = rows.find((r) => r.name === `${INSERT_LABEL}, concurrency 64`)!.figures.throughput;
    const rate = Math.max(1, Math.round(peak / 2));
    const before = cpuMs(child.pid!);
    const half = await runPaced(base, jobs("insertOne", "half", rate * HALF_SECONDS), { rate });
    rows.push({ name: `${INSERT_LABEL}, at half of its peak (${rate}/s offered)`, figures: half, serverCpuMs: (cpuMs(child.pid!) - before) / (rate * HALF_SECONDS) });
    log(`  ${INSERT_LABEL} at half of its peak (${rate}/s): p99 ${half.p99.toFixed(1)} ms`);
    return rows;
  } finally {
    child.kill("SIGTERM");
  }
}

export function floorTable(rows: FloorRow[]): string {
  const raw64 = rows.find((r) => r.name.startsWith("raw") && r.figures.concurrency === 64)?.figures.throughput ?? NaN;
  const lines = [
    "| Workload | Requests | Throughput /s | p50 | p99 | Errors | Server CPU ms/request | vs raw at c=64 |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.name} | ${r.figures.requests} | ${r.figures.throughput.toFixed(1)} | ${r.figures.p50.toFixed(1)} | ${r.figures.p99.toFixed(1)} | ${r.figures.errors} | ${r.serverCpuMs === null ? "–" : r.serverCpuMs.toFixed(2)} | ${r.name.endsWith("concurrency 64") && !r.name.startsWith("raw") ? `${(r.figures.throughput / raw64).toFixed(3)} ×` : ""} |`),
  ];
  return lines.join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
  const rows = await runFloor(log);
  console.log(`\nFramework floor on ${cpus().length} cores (load generator, server and PostgreSQL share them):\n`);
  console.log(floorTable(rows));
}
