// Server start-up: refuse to start with a clear message if configuration is missing, then sweep:
// every few seconds seal the audit log's new entries into its hash chain and derive notifications
// from them; every minute also count lapsed votes so results exist even if nobody opens the page
// (reads count lazily too), and send reminders, digests and emails.
import { configProblems } from "./config";
import { getDb } from "./db/client";
import { closeDueProposals } from "./proposals/service";
import { sealAuditLog } from "./audit/log";
import { dispatchNotifications, runNotificationSweep } from "./notifications/dispatch";
import { pruneLimits } from "./security/rate-limit";

const problems = configProblems();
if (problems.length) {
  console.error(`\nPlenum cannot start:\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
  process.exit(1);
}

/** Logs a failed step and goes on: the next sweep retries it. */
async function attempt(what: string, step: () => Promise<unknown>) {
  try {
    await step();
  } catch (e) {
    console.warn(`${what} failed; retrying at the next sweep.`, e instanceof Error ? e.message : e);
  }
}

/**
 * Every few seconds the audit log's new entries are sealed and their notifications made; once a
 * minute, lapsed votes are also closed and reminders, digests, emails and pruning are done. Sealing
 * often keeps each seal small: a minute's worth of a burst's votes sealed at once took the server's
 * core for a second or two and every vote in flight waited (decision 011).
 */
async function sweep(full: boolean) {
  const db = await getDb();
  if (full) await attempt("Closing lapsed votes", () => closeDueProposals(db));
  await attempt("Sealing the audit log", () => sealAuditLog(db)); // after the closes, so their entries are sealed in this sweep
  // After sealing: notifications are made from sealed entries only.
  await attempt("Sending notifications", () => (full ? runNotificationSweep(db) : dispatchNotifications(db, { seal: false })));
  if (full) await attempt("Pruning rate limits", () => pruneLimits(db)); // windows that ended a day ago
}

const SWEEP_EVERY_MS = 5_000;
const FULL_SWEEP_EVERY = 12; // sweeps: once a minute

// A slow mail server can make a sweep outlast its interval: never run two at once.
let sweeping = false;
let sweeps = 0;
setInterval(() => {
  if (sweeping) return;
  sweeping = true;
  const full = sweeps++ % FULL_SWEEP_EVERY === 0;
  void sweep(full).finally(() => { sweeping = false; });
}, SWEEP_EVERY_MS).unref();
