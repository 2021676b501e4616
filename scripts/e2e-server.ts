// The server the browser tests drive: a fresh database (embedded PGlite, or a fresh PostgreSQL
// database when TEST_DATABASE_URL is set), demo data, its own build folder, port 3210.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { ensurePrismaClient } from "./lib/generate";
import { root } from "./lib/env";
import { ensureBuild } from "./lib/build";
import { prepareDatabase } from "./lib/prepare-db";

export const E2E_PORT = Number(process.env.E2E_PORT || 3210);
const testDbUrl = process.env.TEST_DATABASE_URL?.trim();

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.NEXTAUTH_SECRET = "e2e-secret-that-is-long-enough-0123456789";
process.env.BALLOT_KEY = Buffer.alloc(32, 7).toString("base64"); // a fixed test key: these ballots are not secret
process.env.NEXTAUTH_URL = `http://127.0.0.1:${E2E_PORT}`;
process.env.NEXT_DIST_DIR = ".next-test";
// Lets the tests move a vote's deadline into the past (app/api/e2e); off everywhere else.
process.env.PLENUM_E2E_HOOKS = "1";

if (testDbUrl) {
  const name = "plenum_e2e"; // fixed, so each run replaces the last one's leftovers
  const admin = new pg.Client({ connectionString: testDbUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(testDbUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = path.join(root, ".data/e2e-pglite");
  rmSync(process.env.PGLITE_DIR, { recursive: true, force: true });
}

ensurePrismaClient();
await prepareDatabase({ seed: "always" });
ensureBuild(".next-test");
const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(E2E_PORT), "-H", "127.0.0.1",
  // Node closes an idle keep-alive connection after 5 s; a test's request sent on it at that moment
  // failed with ECONNRESET (seen once in CI). Idle connections now live longer than any test waits.
  "--keepAliveTimeout", "120000"], {
  cwd: root,
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
