// The bench's output: one JSON file with every figure, and a Markdown table of the workloads and
// of each target of issue 6, met or not, under bench/results/.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root } from "../../scripts/lib/env";
import type { LoadFigures } from "./load";
import { floorTable, type FloorRow } from "../floor";
import type { StvFigures } from "../stv-count";

export interface Workload {
  group: string;
  name: string;
  figures: LoadFigures & { rssMb?: Record<string, number>; cpuMsPerRequest?: { server: number; database: number }; walBytesPerRequest?: number | null };
  baseline?: LoadFigures & { cpuMsPerRequest?: { server: number; database: number }; walBytesPerRequest?: number | null };
  check?: { ok: boolean; acknowledged: number; rows: number; missing: number; wrongChoice: number; unexpectedRows: number; tallyMatchesRows: boolean; auditEntries: number };
  /** The server's heap after full collections before and after the workload (memory it kept). */
  kept?: { beforeMb: number; afterMb: number };
}

/** More than this kept per page served is a leak (the one fixed in decision 011's fourth pass kept ~100). */
export const KEPT_KB_PER_PAGE_LIMIT = 5;
const keptPerPageKb = (w: Workload) => (w.kept ? ((w.kept.afterMb - w.kept.beforeMb) * 1000) / Math.max(1, w.figures.requests) : NaN);

type Timing = { p50: number; p95: number; max: number };

export interface Report {
  mode: "quick" | "full";
  at: string;
  machine: { cores: number; cpu: string; memoryGb: number; node: string; postgres: string; synchronousCommit: string; serverHeapMb: number | null; serverSemiMb?: number | null; loadAverage?: { atStart: number; atEnd: number } };
  sizes: Record<string, unknown>;
  seedSeconds: Record<string, number>;
  workloads: Workload[];
  tallies: { votes: number; closeMs: number; storedTally: Timing; liveRecount: Timing }[];
  stv: (StvFigures & { closeMs?: number }) | null;
  /** The framework floor (bench/floor.ts): the smallest Next.js app's server actions, same machine. */
  floor?: FloorRow[];
  durationSeconds: number;
}

const ms = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : "–");
const n0 = (n: number) => Math.round(n).toLocaleString("en");

function targets(r: Report): string[][] {
  const rows: string[][] = [];
  const w = (pred: (x: Workload) => boolean) => r.workloads.find(pred);
  const c64 = w((x) => x.name === "full stack, concurrency 64");
  if (c64?.baseline) {
    const ratio = c64.figures.throughput / c64.baseline.throughput;
    const empty = r.floor?.find((x) => x.name === "empty server action, concurrency 64");
    const rawFloor = r.floor?.find((x) => x.name === "raw pg INSERT … ON CONFLICT, concurrency 64");
    const ceiling = empty && rawFloor ? `; the framework's own ceiling here: an *empty* Next.js server action ${(empty.figures.throughput / rawFloor.figures.throughput).toFixed(3)} × raw (see Framework floor)` : "";
    rows.push(["Cast vote at concurrency 64 ≥ 0.5 × raw baseline", `${n0(c64.figures.throughput)}/s vs ${n0(c64.baseline.throughput)}/s = **${ratio.toFixed(3)} ×**${ceiling}`, ratio >= 0.5 ? "met" : "**not met**"]);
  }
  const half = w((x) => x.name.startsWith("full stack at half of peak"));
  // The same target asked of the framework floor: its insert action at half of its own peak.
  const floorHalf = r.floor?.find((x) => x.name.includes("at half of its peak"));
  const floorSays = floorHalf ? `; the framework floor's insert action at half of its own peak: p99 ${ms(floorHalf.figures.p99)} ms (see Framework floor)` : "";
  if (half) rows.push(["Cast vote p99 ≤ 50 ms at half of peak load", `p99 ${ms(half.figures.p99)} ms (p50 ${ms(half.figures.p50)})${floorSays}`, half.figures.p99 <= 50 ? "met" : "**not met**"]);
  const biggest = r.tallies.at(-1);
  if (biggest) {
    rows.push([`Tally of a closed ${n0(biggest.votes)}-vote proposal ≤ 50 ms`, `stored result p95 ${ms(biggest.storedTally.p95)} ms (a full recount: p50 ${ms(biggest.liveRecount.p50)} ms; counted once at close in ${ms(biggest.closeMs)} ms)`, biggest.storedTally.p95 <= 50 ? "met" : "**not met**"]);
  }
  if (r.stv) {
    const worst = Math.max(...r.stv.counts.flatMap((c) => c.ms));
    rows.push([`${n0(r.stv.ballots)}-ballot STV count ≤ 2 s (pure module)`, `worst ${ms(worst)} ms (${r.stv.counts.map((c) => `${c.seats} seat${c.seats > 1 ? "s" : ""}: ${c.ms.map(ms).join(" / ")} ms`).join("; ")})`, worst <= 2000 ? "met" : "**not met**"]);
  }
  const pages = r.workloads.filter((x) => x.group === "Results" || x.group === "Election count" || x.name.startsWith("council page"));
  for (const concurrency of [...new Set(pages.map((x) => x.figures.concurrency))].sort((a, b) => a - b)) {
    const at = pages.filter((x) => x.figures.concurrency === concurrency);
    const worst = at.reduce((a, b) => (b.figures.p95 > a.figures.p95 ? b : a));
    rows.push([`Results page and council page p95 ≤ 100 ms (${concurrency === 1 ? "one request at a time" : `${concurrency} at a time`})`,
      `worst p95 ${ms(worst.figures.p95)} ms (${worst.name}); ${at.filter((x) => x.figures.p95 <= 100).length} of ${at.length} pages within`, worst.figures.p95 <= 100 ? "met" : "**not met**"]);
  }
  const rss = r.workloads.flatMap((x) => Object.entries(x.figures.rssMb ?? {}).filter(([k]) => k.startsWith("next")).map(([, v]) => v));
  if (rss.length) {
    const top = Math.max(...rss);
    // A peak only holds if nothing is kept per page: the steady-pages workload compares the heap after full GC.
    const steady = r.workloads.find((x) => x.kept);
    const keptSays = steady ? `; memory kept while serving ${n0(steady.figures.requests)} pages: ${keptPerPageKb(steady).toFixed(1)} KB a page (heap after full GC ${steady.kept!.beforeMb.toFixed(0)} → ${steady.kept!.afterMb.toFixed(0)} MB)` : "";
    const leaks = steady ? keptPerPageKb(steady) > KEPT_KB_PER_PAGE_LIMIT : false;
    rows.push(["Server RSS < 512 MB through every workload", `peak ${top} MB (per next start process)${keptSays}`, top < 512 && !leaks ? "met" : "**not met**"]);
  }
  return rows;
}

/** The design peak of a 10-million-member referendum (docs/scaling.md derives it). */
export const REFERENDUM_PEAK_VOTES_PER_SECOND = 2_000;
const TARGET_UTILISATION = 0.7;

/** Cores a referendum's peak needs, from the CPU the server and the database spent per vote here. */
function capacity(r: Report): string[] {
  const one = r.workloads.find((x) => x.name === "full stack, concurrency 64");
  const two = r.workloads.find((x) => x.group === "Stateless");
  const cpu = one?.figures.cpuMsPerRequest;
  if (!one || !cpu || cpu.server <= 0) return [];
  const P = REFERENDUM_PEAK_VOTES_PER_SECOND;
  const appCores = (P * cpu.server) / 1000 / TARGET_UTILISATION;
  const dbCores = (P * cpu.database) / 1000 / TARGET_UTILISATION;
  const raw = one.baseline?.cpuMsPerRequest?.database;
  const wal = one.figures.walBytesPerRequest;
  return [
    ...(wal ? [`- Each vote wrote about **${n0(wal)} bytes of WAL** (the vote row, its audit entry, their indexes, the commit)` + (one.baseline?.walBytesPerRequest ? `; the raw INSERT ${n0(one.baseline.walBytesPerRequest)} bytes.` : ".")] : []),
    `- One vote through the full stack cost **${cpu.server.toFixed(1)} ms of server CPU** and **${cpu.database.toFixed(2)} ms of PostgreSQL CPU** (concurrency 64, one \`next start\`)` +
      (raw ? `; the raw INSERT cost ${raw.toFixed(2)} ms of PostgreSQL CPU.` : "."),
    `- So one server core serves about **${n0(1000 / cpu.server)} votes/s** and one database core about **${n0(1000 / Math.max(cpu.database, 0.001))} votes/s** at full use.`,
    `- Measured here on ${r.machine.cores} shared cores: ${n0(one.figures.throughput)} votes/s with one process` + (two ? `, ${n0(two.figures.throughput)} votes/s with two behind the balancer.` : "."),
    `- A referendum peak of ${n0(P)} votes/s at ${TARGET_UTILISATION * 100} % utilisation needs about **${appCores.toFixed(0)} app cores** and **${dbCores.toFixed(1)} database cores** (primary).`,
  ];
}

export function toMarkdown(r: Report): string {
  const lines: string[] = [];
  lines.push(`# Plenum benchmark — ${r.mode} run, ${r.at.slice(0, 16).replace("T", " ")} UTC`, "");
  lines.push(`Machine: **${r.machine.cores} cores** (${r.machine.cpu}), ${r.machine.memoryGb} GiB; Node ${r.machine.node}; PostgreSQL ${r.machine.postgres} on the same machine, synchronous_commit ${r.machine.synchronousCommit}. ` +
    "Load generator, server(s) and database share the cores. Latencies in ms, measured by the load generator per request. " +
    (r.machine.serverHeapMb ? `Servers run with \`--max-old-space-size=${r.machine.serverHeapMb}\`${r.machine.serverSemiMb ? ` and \`--max-semi-space-size=${r.machine.serverSemiMb}\`` : ""} (decision 011). ` : "Servers run with V8's default heap limit. ") +
    (r.machine.loadAverage ? `Load average (1 min) ${r.machine.loadAverage.atStart.toFixed(1)} at the start, ${r.machine.loadAverage.atEnd.toFixed(1)} at the end: other work on the machine takes cores from every figure.` : ""), "");
  lines.push("## Targets (issue 6)", "", "| Target | Measured | |", "|---|---|---|");
  for (const row of targets(r)) lines.push(`| ${row.join(" | ")} |`);
  lines.push("", "## Workloads", "", "| Workload | Requests | Conc. | Throughput /s | p50 | p95 | p99 | Errors | Server RSS MB | CPU ms/request (server + db) | vs raw | Check |", "|---|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---|");
  let group = "";
  for (const x of r.workloads) {
    if (x.group !== group) { group = x.group; lines.push(`| **${group}** | | | | | | | | | | | |`); }
    const f = x.figures;
    const rss = f.rssMb ? Object.entries(f.rssMb).map(([k, v]) => (Object.keys(f.rssMb!).length > 1 ? `${k} ${v}` : `${v}`)).join(", ") : "–";
    const ratio = x.baseline ? `${(f.throughput / x.baseline.throughput).toFixed(3)} ×` : "";
    const kept = x.kept ? `${keptPerPageKb(x) <= KEPT_KB_PER_PAGE_LIMIT ? "✔" : "✘"} heap after full GC ${x.kept.beforeMb.toFixed(1)} → ${x.kept.afterMb.toFixed(1)} MB (${keptPerPageKb(x).toFixed(1)} KB a page)` : "";
    const check = x.check ? (x.check.ok ? `✔ ${x.check.acknowledged} acknowledged = ${x.check.rows} rows` : `✘ ${JSON.stringify(x.check)}`) : kept;
    const cpu = f.cpuMsPerRequest ? `${f.cpuMsPerRequest.server.toFixed(1)} + ${f.cpuMsPerRequest.database.toFixed(2)}` : "–";
    lines.push(`| ${x.name} | ${n0(f.requests)} | ${f.concurrency} | ${f.throughput.toFixed(1)} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${f.errors} | ${rss} | ${cpu} | ${ratio} | ${check} |`);
  }
  const cap = capacity(r);
  if (cap.length) lines.push("", "## Capacity arithmetic (docs/scaling.md)", "", ...cap);
  if (r.floor?.length) {
    lines.push("", "## Framework floor (bench/floor.ts)", "",
      "The smallest Next.js 16 app with two server actions — one that does nothing, one that runs a single `INSERT … ON CONFLICT` with plain `pg` (no session, no ORM, no checks) — built and served like Plenum (the same heap flags), sent the same multipart server-action POST, on the same machine in the same run; last, the insert action at half of its own peak, paced as the vote is. No app built on Next.js server actions can be faster than this here.", "",
      floorTable(r.floor));
  }
  if (r.tallies.length) {
    lines.push("", "## Tallies of closed motions", "", "| Votes | Count at close (stores the result) | Stored tally p50 / p95 | Full recount p50 (countVotes) |", "|---:|---:|---:|---:|");
    for (const t of r.tallies) lines.push(`| ${n0(t.votes)} | ${ms(t.closeMs)} | ${ms(t.storedTally.p50)} / ${ms(t.storedTally.p95)} | ${ms(t.liveRecount.p50)} |`);
  }
  if (r.stv) {
    lines.push("", "## Election count", "", `${n0(r.stv.ballots)} ranked ballots over 10 candidates, ${n0(r.stv.distinctRankings)} distinct rankings (pure module, lib/voting/stv.ts, 3 runs each):`, "");
    for (const c of r.stv.counts) lines.push(`- ${c.seats} seat${c.seats > 1 ? "s" : ""}: ${c.ms.map(ms).join(", ")} ms — ${c.stages} stages`);
    if (r.stv.closeMs !== undefined) lines.push(`- closing the election stored in PostgreSQL (rankings grouped in SQL, then counted): ${ms(r.stv.closeMs)} ms`);
  }
  lines.push("", "## Seeding (s)", "", Object.entries(r.seedSeconds).map(([k, v]) => `${k}: ${v.toFixed(1)}`).join(" · "), "", `Whole run: ${(r.durationSeconds / 60).toFixed(1)} min.`, "");
  return lines.join("\n");
}

export function writeReport(r: Report): string[] {
  const dir = path.join(root, "bench/results");
  mkdirSync(dir, { recursive: true });
  const stamp = r.at.slice(0, 16).replace(/[:T]/g, "-");
  const name = `${r.mode}-${stamp}`;
  const json = path.join(dir, `${name}.json`);
  const md = path.join(dir, `${name}.md`);
  writeFileSync(json, JSON.stringify(r, null, 2) + "\n");
  const markdown = toMarkdown(r);
  writeFileSync(md, markdown);
  console.log("\n" + markdown);
  return [path.relative(root, json), path.relative(root, md)];
}
