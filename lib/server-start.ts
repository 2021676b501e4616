// Server start-up: refuse to start with a clear message if configuration is missing, then count
// lapsed votes every minute so results exist even if nobody opens the page (reads count lazily too),
// then seal the audit log's new entries into its hash chain and derive notifications and emails from them.
import { configProblems } from "./config";
import { getDb } from "./db/client";
import { closeDueProposals } from "./proposals/service";
import { sealAuditLog } from "./audit/log";
import { runNotificationSweep } from "./notifications/dispatch";
import { pruneLimits } from "./security/rate-limit";

const problems = configProblems();
if (problems.length) {
  console.error(`\nPlenum cannot start:\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
  process.exit(1);
}

async function sweep() {
  try {
    await closeDueProposals(await getDb());
  } catch (e) {
    console.warn("Closing lapsed votes failed; retrying in a minute.", e instanceof Error ? e.message : e);
  }
  try {
    await sealAuditLog(await getDb()); // after the closes, so their entries are sealed in this sweep
  } catch (e) {
    console.warn("Sealing the audit log failed; retrying in a minute.", e instanceof Error ? e.message : e);
  }
  try {
    await runNotificationSweep(await getDb()); // after sealing: it reads sealed entries only
  } catch (e) {
    console.warn("Sending notifications failed; retrying in a minute.", e instanceof Error ? e.message : e);
  }
  try {
    await pruneLimits(await getDb()); // rate-limit windows that ended a day ago
  } catch (e) {
    console.warn("Pruning rate limits failed; retrying in a minute.", e instanceof Error ? e.message : e);
  }
}

// A slow mail server can make a sweep outlast the minute: never run two at once.
let sweeping = false;
setInterval(() => {
  if (sweeping) return;
  sweeping = true;
  void sweep().finally(() => { sweeping = false; });
}, 60_000).unref();
