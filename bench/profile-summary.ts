// Sums a V8 CPU profile (from BENCH_CPU_PROF=dir npm run bench) by where the time went: which
// package or part of the app, and the hottest functions. Usage: tsx bench/profile-summary.ts FILE...
import { readFileSync } from "node:fs";

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

function area(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native)";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) {
    if (nm[1] === "next") {
      const sub = /next\/dist\/(?:compiled\/)?([^/]+)/.exec(url);
      return `next/${sub?.[1] ?? "?"}`;
    }
    return nm[1]!;
  }
  if (url.startsWith("node:")) return url.split("/")[0]!;
  if (url.includes(".next")) return /\[project\]|lib_|app_/.test(url) ? "app chunks (.next)" : "next chunks (.next)";
  return url.replace(/^file:\/\//, "").split("/").slice(-2).join("/");
}

for (const file of process.argv.slice(2)) {
  const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const a = area(n.callFrame.url, n.callFrame.functionName);
    areas.set(a, (areas.get(a) ?? 0) + us);
    const f = `${n.callFrame.functionName || "(anonymous)"} ${a}`;
    fns.set(f, (fns.get(f) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  console.log(`\n${file}: ${(total / 1e6).toFixed(1)} s sampled over ${((p.endTime - p.startTime) / 1e6).toFixed(1)} s`);
  console.log("By area:");
  for (const [a, us] of [...areas].sort((x, y) => y[1] - x[1]).slice(0, 18)) console.log(`  ${pct(us)}  ${a}`);
  console.log("Hottest functions (self time):");
  for (const [f, us] of [...fns].sort((x, y) => y[1] - x[1]).slice(0, 20)) console.log(`  ${pct(us)}  ${f}`);
}
