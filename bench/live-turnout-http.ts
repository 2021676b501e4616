// Live-turnout updates per second one server process answers over HTTP (docs/decisions/010-live-turnout.md):
// signs in as a demo member, finds an open vote on their home page, then keeps CONCURRENCY
// requests to /api/proposals/<id>/live in flight for SECONDS. Run against a started server:
// `BASE_URL=http://127.0.0.1:3000 npx tsx bench/live-turnout-http.ts` (demo data needed).
import { performance } from "node:perf_hooks";

const BASE = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const EMAIL = process.env.EMAIL ?? "ada@demo.plenum.coop";
const PASSWORD = process.env.PASSWORD ?? "plenum-demo-pass";
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50);
const SECONDS = Number(process.env.SECONDS ?? 10);

const jar = new Map<string, string>();
const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
function keep(res: Response) {
  for (const c of res.headers.getSetCookie()) { const [pair] = c.split(";"); const i = pair!.indexOf("="); jar.set(pair!.slice(0, i), pair!.slice(i + 1)); }
}

const csrf = await fetch(`${BASE}/api/auth/csrf`);
keep(csrf);
const { csrfToken } = (await csrf.json()) as { csrfToken: string };
const signin = await fetch(`${BASE}/api/auth/callback/credentials`, {
  method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
  body: new URLSearchParams({ csrfToken, email: EMAIL, password: PASSWORD, json: "true" }),
});
keep(signin);
const home = await (await fetch(`${BASE}/`, { headers: { cookie: cookie() } })).text();
const ids = [...new Set([...home.matchAll(/\/proposals\/([A-Za-z0-9_-]{10,})/g)].map((m) => m[1]!))];
let id: string | undefined;
for (const candidate of ids) {
  const r = await fetch(`${BASE}/api/proposals/${candidate}/live`, { headers: { cookie: cookie() } });
  if (r.ok && ((await r.json()) as { status: string }).status === "voting") { id = candidate; break; }
}
if (!id) throw new Error("No open vote found on the member's home page");
const sample = await (await fetch(`${BASE}/api/proposals/${id}/live`, { headers: { cookie: cookie() } })).text();

let done = 0, failed = 0;
const latencies: number[] = [];
const until = performance.now() + SECONDS * 1000;
await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
  while (performance.now() < until) {
    const t0 = performance.now();
    const r = await fetch(`${BASE}/api/proposals/${id}/live`, { headers: { cookie: cookie() } });
    await r.arrayBuffer();
    latencies.push(performance.now() - t0);
    if (r.ok) done++; else failed++;
  }
}));
latencies.sort((a, b) => a - b);
const rate = done / SECONDS;
console.log(`payload ${Buffer.byteLength(sample)} bytes: ${sample}`);
console.log(`${CONCURRENCY} in flight for ${SECONDS} s: ${rate.toFixed(0)} answers/s, ${failed} failed, median ${latencies[Math.floor(latencies.length / 2)]!.toFixed(1)} ms, p95 ${latencies[Math.floor(latencies.length * 0.95)]!.toFixed(1)} ms`);
console.log(`=> watchers polling every 5 s that this process sustains: about ${Math.floor(rate * 5).toLocaleString("en")}`);
