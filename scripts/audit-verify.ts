// `npm run audit:verify`: seals the audit log's new entries, then verifies the whole hash chain and
// recounts every stored result from its ballots. Exit 0: intact; 1: a broken link, a suspicious
// unsealed entry or a result that differs from its ballots (each listed); 2: cannot open the database.
import { ensurePrismaClient } from "./lib/generate";
import { loadDotEnv } from "./lib/env";
import { ConfigError, createPrismaClient, openDatabase, readDatabaseConfig, type Database, type PrismaClient } from "../lib/db/connection";
import { sealAuditLog } from "../lib/audit/log";
import { verifyAuditLog, type AuditReport } from "../lib/audit/verify";

function cannotOpen(message: string): never {
  console.error(`audit:verify: ${message}`);
  process.exit(2);
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).trim().split("\n").filter(Boolean).pop() ?? "unknown error";

loadDotEnv();
ensurePrismaClient();

let database: Database;
let db: PrismaClient;
try {
  const config = readDatabaseConfig();
  database = await openDatabase(config);
  db = createPrismaClient(database);
  await db.$queryRaw`SELECT 1 AS ok FROM "AuditEntry" LIMIT 1`;
} catch (e) {
  if (e instanceof ConfigError) cannotOpen(e.message);
  const text = e instanceof Error ? e.message : String(e);
  cannotOpen(/AuditEntry/.test(text) && /does not exist/.test(text)
    ? "the database has no audit log yet; apply the migrations first (npm run db:migrate)."
    : `cannot open the database: ${firstLine(e)}`);
}

let report: AuditReport;
try {
  await sealAuditLog(db);
  report = await verifyAuditLog(db);
} catch (e) {
  await db.$disconnect().catch(() => {});
  await database.close().catch(() => {});
  cannotOpen(`cannot read the audit log: ${firstLine(e)}`);
}
await db.$disconnect();
await database.close();

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const { results } = report;
const matching = results.checked - results.mismatches.length;
if (report.ok) {
  console.log(`Audit log: ${plural(report.entries, "entry", "entries")}, chain intact; ${plural(matching, "result")} ${matching === 1 ? "matches" : "match"} ${matching === 1 ? "its" : "their"} ballots`);
  process.exit(0);
}
if (report.firstBreak) {
  console.log(`Audit log: chain BROKEN after chain index ${report.intactUpTo} (${plural(Number(report.intactUpTo), "entry", "entries")} intact).`);
  console.log(`  ✘ ${report.firstBreak.message}`);
} else {
  console.log(`Audit log: ${plural(report.entries, "entry", "entries")}, chain intact.`);
}
if (report.staleUnsealed) {
  const s = report.staleUnsealed;
  console.log(`  ✘ Suspicious: ${plural(s.count, "entry", "entries")} still unsealed after five minutes, the oldest seq ${s.oldestSeq} written ${s.oldestAt.toISOString()}.`);
}
if (results.mismatches.length) {
  console.log(`Results: ${plural(results.mismatches.length, "result")} of ${results.checked} ${results.mismatches.length === 1 ? "differs" : "differ"} from the ballots:`);
  for (const m of results.mismatches) {
    console.log(`  ✘ proposal ${m.proposalId} "${m.title}":`);
    for (const p of m.problems) console.log(`      - ${p}`);
  }
} else {
  console.log(`Results: ${plural(matching, "result")} ${matching === 1 ? "matches" : "match"} ${matching === 1 ? "its" : "their"} ballots.`);
}
process.exit(1);
