// `npm test`: unit and integration tests (vitest), then browser tests (Playwright in Chromium),
// then one summary line. Browser tests are skipped, with the reason, only when no Chromium exists
// (and never under CI, where a missing browser is an error). With TEST_DATABASE_URL set, the
// integration and browser tests run on that PostgreSQL server instead of the embedded database.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensurePrismaClient } from "./lib/generate";
import { root } from "./lib/env";
import { CHROMIUM_CANDIDATES, findChromium } from "./lib/chromium";

const e2eOnly = process.argv.includes("--e2e-only");
const resultsDir = path.join(root, ".data/test-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

function run(label: string, bin: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n▶ ${label}\n`);
  const result = spawnSync(process.execPath, [path.join(root, bin), ...args], { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) exitCode = result.status ?? 1;
}

ensurePrismaClient();
console.log(process.env.TEST_DATABASE_URL ? "Database for tests: PostgreSQL (TEST_DATABASE_URL)" : "Database for tests: embedded PGlite (set TEST_DATABASE_URL to also run the PostgreSQL-only tests)");

if (!e2eOnly) {
  const out = path.join(resultsDir, "vitest.json");
  run("Unit and integration tests (vitest)", "node_modules/vitest/vitest.mjs", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
  } else if (exitCode) totals.failed += 1;
}

const chromium = findChromium();
if (!chromium) {
  const where = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist` : `looked in ${CHROMIUM_CANDIDATES.join(", ")}`;
  console.log(`\n⚠ Browser tests SKIPPED: no Chromium found (${where}).`);
  console.log("  Install it with `sudo apt-get install chromium` or set CHROMIUM_PATH, then run npm test again.");
  if (process.env.CI === "true") {
    console.error("✘ Under CI the browser tests must run: failing.");
    exitCode = 1;
  }
} else {
  const out = path.join(resultsDir, "playwright.json");
  run(`Browser tests (Playwright, ${chromium})`, "node_modules/@playwright/test/cli.js", ["test"], { PLAYWRIGHT_REPORTERS: "json" });
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
    totals.passed += r.stats.expected + r.stats.flaky;
    totals.failed += r.stats.unexpected;
    totals.skipped += r.stats.skipped;
  } else if (exitCode) totals.failed += 1;
}

// Faults (scripts/test-faults.ts): stopping PostgreSQL and killing the app under a vote load. It
// stops the PostgreSQL server of this machine for a few seconds, so it runs only where that is
// expected: under CI with TEST_DATABASE_URL (as .ci/run sets), or when PLENUM_FAULTS=1 asks for it.
if (!e2eOnly && process.env.TEST_DATABASE_URL && (process.env.CI === "true" || process.env.PLENUM_FAULTS === "1")) {
  const out = path.join(resultsDir, "faults.json");
  run("Faults: PostgreSQL stopped and the app killed under a vote load (npm run test:faults)", "node_modules/tsx/dist/cli.mjs", ["scripts/test-faults.ts"], { FAULTS_REPORT: out });
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, "utf8")) as { passed: number; failed: number };
    totals.passed += r.passed;
    totals.failed += r.failed;
  } else if (exitCode) totals.failed += 1;
} else if (!e2eOnly) {
  console.log("\n• Fault tests not run here (they stop PostgreSQL): CI runs them; `npm run test:faults` runs them on demand.");
}

if (exitCode && totals.failed === 0) totals.failed = 1; // a runner crashed before reporting
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
