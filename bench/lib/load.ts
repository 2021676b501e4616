// Load generation: autocannon drives the HTTP workloads, plain `pg` the raw baseline. Latencies are
// kept per request so p50/p95/p99 come from every response, not from a histogram's buckets.
import http from "node:http";
import autocannon from "autocannon";
import pg from "pg";
import { cpuMs } from "./server";

export interface LoadFigures {
  requests: number;
  concurrency: number;
  seconds: number;
  throughput: number; // completed requests per second
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number; // transport errors, timeouts, non-2xx, and responses that failed their check
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarise(latencies: number[], concurrency: number, seconds: number, errors: number): LoadFigures {
  const sorted = Float64Array.from(latencies).sort();
  const arr = Array.from(sorted);
  return {
    requests: latencies.length, concurrency, seconds,
    throughput: latencies.length / seconds,
    p50: percentile(arr, 50), p95: percentile(arr, 95), p99: percentile(arr, 99), max: arr.at(-1) ?? NaN,
    errors,
  };
}

export interface Job {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
  /** Called with the response; false counts as an error. */
  check?: (status: number, body: string) => boolean;
  sentAt?: number;
  doneAt?: number;
  ok?: boolean;
}

/**
 * Sends every job once, `concurrency` at a time (or at `rate` requests per second overall), over
 * keep-alive connections. Jobs are taken from one queue in order, whichever connection is free.
 */
export async function runJobs(baseUrl: string, jobs: Job[], { concurrency, rate }: { concurrency: number; rate?: number }): Promise<LoadFigures> {
  let next = 0;
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  const instance = autocannon({
    url: baseUrl,
    connections: concurrency,
    pipelining: 1,
    amount: jobs.length,
    timeout: 60,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
          const job = jobs[next++];
          if (!job) return req; // autocannon never asks for more than `amount`
          context.job = job;
          job.sentAt = performance.now();
          return { ...req, method: job.method, path: job.path, headers: job.headers, body: job.body };
        },
        onResponse: (status: number, body: string, context: Record<string, unknown>) => {
          const job = context.job as Job | undefined;
          if (!job) return;
          job.doneAt = performance.now();
          job.ok = status >= 200 && status < 400 && (job.check ? job.check(status, body) : true);
          if (!job.ok) failed++;
          latencies.push(job.doneAt - job.sentAt!);
        },
      },
    ] as unknown as autocannon.Request[],
  });
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  const transport = result.errors + result.timeouts;
  return summarise(latencies, concurrency, seconds, failed + transport);
}

/**
 * Sends the jobs at a steady `rate` per second, evenly spaced (an open loop: a slow answer does not
 * delay the next request), over keep-alive connections. autocannon's own rate limit releases each
 * second's quota at once, so at "half of peak" it measured a queue of a second's requests arriving
 * together, not a server at half load. Latency counts from when a request was due, so time spent
 * waiting for a free connection on this side is included.
 */
export async function runPaced(baseUrl: string, jobs: Job[], { rate, maxSockets = 64 }: { rate: number; maxSockets?: number }): Promise<LoadFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const url = new URL(baseUrl);
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  const send = (job: Job, due: number) => new Promise<void>((resolve) => {
    const req = http.request({ host: url.hostname, port: url.port, method: job.method, path: job.path, headers: job.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const status = res.statusCode ?? 0;
        job.doneAt = performance.now();
        job.ok = status >= 200 && status < 400 && (job.check ? job.check(status, Buffer.concat(chunks).toString("utf8")) : true);
        if (!job.ok) failed++;
        latencies.push(job.doneAt - due);
        resolve();
      });
    });
    req.setTimeout(60_000, () => req.destroy(new Error("timeout")));
    req.on("error", () => { failed++; job.ok = false; latencies.push(performance.now() - due); resolve(); });
    if (job.body) req.write(job.body);
    req.end();
  });
  const pending: Promise<void>[] = [];
  for (let i = 0; i < jobs.length; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const job = jobs[i]!;
    job.sentAt = due;
    pending.push(send(job, due));
  }
  await Promise.all(pending);
  agent.destroy();
  if (process.env.BENCH_TIMELINE) (await import("node:fs")).writeFileSync(process.env.BENCH_TIMELINE, jobs.map((j) => `${((j.sentAt! - started) / 1000).toFixed(3)} ${(j.doneAt! - j.sentAt!).toFixed(1)}`).join("\n"));
  return summarise(latencies, maxSockets, (performance.now() - started) / 1000, failed);
}

/** GETs `paths` round-robin for `seconds` at `concurrency`; a response is good if `check` says so. */
export async function runPages(baseUrl: string, paths: string[], headers: Record<string, string>, { concurrency, seconds, check }: { concurrency: number; seconds: number; check: (status: number, body: string) => boolean }): Promise<LoadFigures> {
  // Enough jobs for the duration at a generous rate; unused ones are dropped.
  const jobs: Job[] = [];
  const started = performance.now();
  const latencies: number[] = [];
  let failed = 0;
  let i = 0;
  const instance = autocannon({
    url: baseUrl, connections: concurrency, pipelining: 1, duration: seconds, timeout: 60,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
          const job: Job = { method: "GET", path: paths[i++ % paths.length]!, headers, sentAt: performance.now() };
          context.job = job;
          return { ...req, method: "GET", path: job.path, headers };
        },
        onResponse: (status: number, body: string, context: Record<string, unknown>) => {
          const job = context.job as Job;
          job.doneAt = performance.now();
          if (!check(status, body)) failed++;
          latencies.push(job.doneAt - job.sentAt!);
        },
      },
    ] as unknown as autocannon.Request[],
  });
  void jobs;
  const result = await instance;
  const elapsed = (performance.now() - started) / 1000;
  return summarise(latencies, concurrency, elapsed, failed + result.errors + result.timeouts);
}

/**
 * The raw baseline: `count` single-row INSERT … ON CONFLICT DO UPDATE statements into "Vote", one per
 * member (10 % of them a second time, a change of mind, as in the HTTP workload), sent with plain
 * `pg` at `concurrency` connections, each an autocommit transaction (synchronous_commit on).
 */
export async function runBaseline(databaseUrl: string, proposalId: string, users: string[], { concurrency }: { concurrency: number }): Promise<LoadFigures & { cpuMsPerRequest: { server: number; database: number } }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency });
  const clients = await Promise.all(Array.from({ length: concurrency }, () => pool.connect()));
  // The CPU the database spends on these statements: their backends' own CPU time, read before the pool closes.
  const backends = await Promise.all(clients.map(async (c) => (await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid));
  const cpuBefore = backends.map(cpuMs);
  const sync = (await clients[0]!.query("SHOW synchronous_commit")).rows[0] as { synchronous_commit: string };
  if (sync.synchronous_commit !== "on") throw new Error(`synchronous_commit is ${sync.synchronous_commit}; the baseline must run with it on`);
  const work: { userId: string; choice: string }[] = users.map((userId, n) => ({ userId, choice: ["YES", "NO", "ABSTAIN"][n % 3]! }));
  for (let n = 0; n < users.length; n += 10) work.push({ userId: users[n]!, choice: "NO" });
  const latencies: number[] = [];
  let next = 0, failed = 0;
  const started = performance.now();
  await Promise.all(clients.map(async (client) => {
    for (;;) {
      const job = work[next++];
      if (!job) return;
      const t = performance.now();
      try {
        await client.query({
          name: "bench-vote",
          text: `INSERT INTO "Vote" ("proposalId", "userId", choice, "castAt", "updatedAt") VALUES ($1, $2, $3::"VoteChoice", now(), now())
                 ON CONFLICT ("proposalId", "userId") DO UPDATE SET choice = EXCLUDED.choice, "updatedAt" = now()`,
          values: [proposalId, job.userId, job.choice],
        });
      } catch {
        failed++;
      }
      latencies.push(performance.now() - t);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const databaseMs = backends.reduce((sum, pid, i) => sum + cpuMs(pid) - cpuBefore[i]!, 0);
  for (const c of clients) c.release();
  await pool.end();
  return { ...summarise(latencies, concurrency, seconds, failed), cpuMsPerRequest: { server: 0, database: databaseMs / Math.max(1, work.length) } };
}

/**
 * Downloads `path` once, reading the body as it arrives without keeping it; `check` sees the
 * status, the byte count and the first and last 200 bytes (enough to see a whole JSON document).
 */
export async function runDownload(baseUrl: string, path: string, headers: Record<string, string>, check: (status: number, bytes: number, head: string, tail: string) => boolean): Promise<LoadFigures & { bytes: number }> {
  const started = performance.now();
  let bytes = 0;
  let head = "";
  let tail = "";
  let ok = false;
  try {
    const response = await getOnce(new URL(path, baseUrl).toString(), headers);
    const decoder = new TextDecoder();
    for await (const chunk of response.body ?? []) {
      bytes += chunk.byteLength;
      const text = decoder.decode(chunk, { stream: true });
      if (head.length < 200) head += text.slice(0, 200 - head.length);
      tail = (tail + text).slice(-200);
    }
    ok = check(response.status, bytes, head, tail);
  } catch {
    ok = false;
  }
  const ms = performance.now() - started;
  return { ...summarise([ms], 1, ms / 1000, ok ? 0 : 1), bytes };
}

/**
 * A GET that is sent again if its kept-alive connection turns out to be closed. The STV count blocks
 * this process for seconds; meanwhile the server closes idle connections, and fetch may reuse one
 * before it has seen the close ("other side closed"). A GET that never reached the server is safe to send again.
 */
export async function getOnce(url: string, headers: Record<string, string>): Promise<Response> {
  try {
    return await fetch(url, { headers });
  } catch (e) {
    const code = (e as { cause?: { code?: string } }).cause?.code;
    if (code !== "UND_ERR_SOCKET" && code !== "ECONNRESET") throw e;
    return fetch(url, { headers });
  }
}
