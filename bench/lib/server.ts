// Starts and watches the processes under test: `next start` on the production build, and the small
// round-robin balancer of the stateless proof. Memory is each server's resident set summed over
// its process tree (read from /proc), sampled while a workload runs, and — for what a server keeps
// rather than how far V8 let its heap grow — its heap after full collections (heapAfterGc).
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { root } from "../../scripts/lib/env";

export interface Server {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export const BENCH_DIST_DIR = ".next-bench";

// A bench that crashes must not leave servers behind on its ports.
const started = new Set<ChildProcess>();
process.on("exit", () => { for (const child of started) child.kill("SIGKILL"); });
export const SERVER_HEAP_MB = 384;
export const SERVER_SEMI_MB = 32;

async function waitForHttp(url: string, child: ChildProcess, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} before answering`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not answer ${url} within a minute`);
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
}

/** The heap an instance is deployed with (decision 011); bench/floor.ts serves its app with the same. */
export function heapFlags(): string[] {
  const flags: string[] = [];
  // V8 otherwise lets garbage pile up to a fraction of the machine's memory before collecting it.
  // BENCH_NODE_HEAP_MB=0 keeps V8's default.
  const heapMb = Number(process.env.BENCH_NODE_HEAP_MB ?? SERVER_HEAP_MB);
  if (heapMb > 0) flags.push(`--max-old-space-size=${heapMb}`);
  // The young generation: each vote allocates a few hundred KB that die at once; with V8's default
  // semi-space (16 MB) a burst promotes them to the old space, which then fills and is collected
  // over and over (decision 011). BENCH_NODE_SEMI_MB=0 keeps V8's default.
  const semiMb = Number(process.env.BENCH_NODE_SEMI_MB ?? SERVER_SEMI_MB);
  if (semiMb > 0) flags.push(`--max-semi-space-size=${semiMb}`);
  return flags;
}

/** `next start` on the bench build; `env` carries the database URL and the shared secrets. */
export async function startNext(name: string, port: number, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<Server> {
  // BENCH_CPU_PROF=dir: V8 CPU profiles of the servers, written when they stop (bench/profile-summary.ts reads them).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  // BENCH_NODE_FLAGS: more flags for the servers' Node, e.g. "--trace-gc" (the lines land in the server log).
  profile.push(...heapFlags(), "--require", path.join(root, "bench/lib/heap-probe.cjs"), ...(process.env.BENCH_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? []));
  const child = spawn(process.execPath, [...profile, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      ...env, NODE_ENV: "production", NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.add(child);
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => { for (const line of chunk.split("\n")) if (line.trim()) log(`[${name}] ${line}`); });
  }
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/api/auth/csrf`, child, name);
  return { name, port, url, child, stop: stopper(child) };
}

/** The round-robin balancer (bench/balancer.ts) in its own process, in front of `backends`. */
export async function startBalancer(port: number, backends: string[], log: (line: string) => void): Promise<Server> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "bench/balancer.ts"), String(port), ...backends], {
    cwd: root,
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => { for (const line of chunk.split("\n")) if (line.trim()) log(`[balancer] ${line}`); });
  }
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/api/auth/csrf`, child, "balancer");
  return { name: "balancer", port, url, child, stop: stopper(child) };
}

/** Resident set size in bytes of a process and all its descendants (0 if it is gone). */
export function treeRss(pid: number): number {
  let total = 0;
  for (const p of pidsUnder(pid)) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/** Samples the peak RSS of each server every 200 ms until stopped. */
export function watchMemory(servers: Server[]) {
  const peak = new Map(servers.map((s) => [s.name, treeRss(s.child.pid!)]));
  const timer = setInterval(() => {
    for (const s of servers) peak.set(s.name, Math.max(peak.get(s.name) ?? 0, treeRss(s.child.pid!)));
  }, 200);
  return {
    stop(): Record<string, number> {
      clearInterval(timer);
      for (const s of servers) peak.set(s.name, Math.max(peak.get(s.name) ?? 0, treeRss(s.child.pid!)));
      return Object.fromEntries(peak);
    },
  };
}

const TICK_MS = 10; // CLK_TCK is 100 on Linux

function pidsUnder(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    out.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return out;
}

/** CPU time (user + system, ms) a process has used so far. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime
  } catch {
    return 0;
  }
}

/**
 * CPU used by the servers' process trees and by the PostgreSQL backends serving one database (their
 * process titles name it), plus the WAL writer, between start() and stop(). Backends of other
 * databases (anyone else's tests) are not counted.
 */
export function watchCpu(servers: Server[], database: string) {
  const dbPids = () => {
    const pids: number[] = [];
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8");
        if (cmd.startsWith("postgres:") && (cmd.includes(` ${database} `) || cmd.includes("walwriter"))) pids.push(Number(entry));
      } catch {
        // gone
      }
    }
    return pids;
  };
  const serverPids = () => servers.flatMap((s) => pidsUnder(s.child.pid!));
  const before = new Map<number, number>();
  for (const p of [...serverPids(), ...dbPids()]) before.set(p, cpuMs(p));
  return {
    stop(): { serverMs: number; databaseMs: number } {
      const used = (pids: number[]) => pids.reduce((sum, p) => sum + Math.max(0, cpuMs(p) - (before.get(p) ?? 0)), 0);
      return { serverMs: used(serverPids()), databaseMs: used(dbPids()) };
    },
  };
}

/** The server's heap after full collections (bench/lib/heap-probe.cjs answers SIGUSR2), in bytes. */
export async function heapAfterGc(server: Server): Promise<number> {
  const file = path.join(tmpdir(), `plenum-heap-${server.child.pid}.json`);
  rmSync(file, { force: true });
  server.child.kill("SIGUSR2");
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      return (JSON.parse(readFileSync(file, "utf8")) as { heapUsed: number }).heapUsed;
    } catch {
      // not written yet
    }
  }
  throw new Error(`${server.name} did not report its heap`);
}
