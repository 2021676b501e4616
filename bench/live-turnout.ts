// What one live-turnout update costs (docs/decisions/010-live-turnout.md): the time of
// findLiveCount — the membership check, the proposal, three counts and, where live, the tally —
// one at a time and with many watchers at once, and the size of the JSON it answers.
// Not a test: `npx tsx bench/live-turnout.ts` (embedded PGlite), or with BENCH_DATABASE_URL=
// postgresql://… on a throw-away PostgreSQL database. MEMBERS (default 1000), VOTED (600), N (2000).
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import { createPrismaClient, openDatabase } from "../lib/db/connection";
import { applyMigrations } from "../lib/db/migrate";
import { createCouncil } from "../lib/councils/service";
import { createProposal, openVoting } from "../lib/proposals/service";
import { findLiveCount } from "../lib/voting/live";

const MEMBERS = Number(process.env.MEMBERS ?? 1000);
const VOTED = Number(process.env.VOTED ?? 600);
const N = Number(process.env.N ?? 2000);
const url = process.env.BENCH_DATABASE_URL?.trim();

const database = url ? await openDatabase({ kind: "postgres", url }) : await openDatabase({ kind: "pglite", dataDir: "memory://" });
await applyMigrations(database.adapter);
const db = createPrismaClient(database);

// Setup in bulk (a benchmark's data, not a test's): a council, its members, an open vote, votes.
const tag = randomUUID().slice(0, 8);
const founder = await db.user.create({ data: { name: "Founder", email: `f-${tag}@bench.plenum`, passwordHash: "!" } });
const council = await createCouncil(db, {
  name: `Bench ${tag}`, slug: `bench-${tag}`, kind: "WORKERS", description: "", joinPolicy: "OPEN",
  charter: { quorumPercent: 50, passThreshold: "SIMPLE_MAJORITY", votingPeriodHours: 24, liveResults: true },
  founderId: founder.id,
});
const users = Array.from({ length: MEMBERS - 1 }, (_, i) => ({ id: `bench-${tag}-${i}`, name: `M${i}`, email: `m${i}-${tag}@bench.plenum`, passwordHash: "!" }));
await db.user.createMany({ data: users });
const admittedAt = new Date(Date.now() - 60_000);
await db.membership.createMany({ data: users.map((u) => ({ councilId: council.id, userId: u.id, status: "ACTIVE" as const, admittedAt })) });
const draft = await createProposal(db, { councilId: council.id, authorId: founder.id, title: "Benchmark vote", body: "Shall we measure it?" });
const proposal = await openVoting(db, { proposalId: draft.id, actorId: founder.id });
const choices = ["YES", "NO", "ABSTAIN"] as const;
await db.vote.createMany({ data: users.slice(0, VOTED).map((u, i) => ({ proposalId: proposal.id, userId: u.id, choice: choices[i % 3]! })) });

const viewerId = users[0]!.id;
const sample = await findLiveCount(db, { proposalId: proposal.id, viewerId });
const bytes = Buffer.byteLength(JSON.stringify(sample));

for (let i = 0; i < 50; i++) await findLiveCount(db, { proposalId: proposal.id, viewerId }); // warm up
let start = performance.now();
for (let i = 0; i < N; i++) await findLiveCount(db, { proposalId: proposal.id, viewerId });
const serialMs = (performance.now() - start) / N;

const CONCURRENCY = 20;
start = performance.now();
await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
  for (let i = 0; i < N / CONCURRENCY; i++) await findLiveCount(db, { proposalId: proposal.id, viewerId });
}));
const concurrentPerSec = N / ((performance.now() - start) / 1000);

console.log(`database: ${url ? "PostgreSQL" : "PGlite (embedded)"}; electorate ${MEMBERS}, ${VOTED} voted; ${N} updates`);
console.log(`payload: ${bytes} bytes of JSON (${JSON.stringify(sample)})`);
console.log(`one at a time: ${serialMs.toFixed(2)} ms per update (${(1000 / serialMs).toFixed(0)}/s)`);
console.log(`${CONCURRENCY} at a time: ${concurrentPerSec.toFixed(0)} updates/s`);
console.log(`=> watchers one process sustains polling every 5 s: about ${Math.floor(concurrentPerSec * 5).toLocaleString("en")} (database side only)`);

await db.$disconnect();
await database.close();
