// `npm start`: generate the client, migrate (and on first run seed) the database, build if the
// sources changed, and serve on http://localhost:$PORT (3000). `--dev` serves with `next dev`, and
// without SMTP_URL catches the app's emails on a local SMTP server.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensurePrismaClient } from "./lib/generate";
import { ensureAuthSecret, ensureBallotKey, loadDotEnv, root } from "./lib/env";
import { ensureBuild } from "./lib/build";
import { prepareDatabase } from "./lib/prepare-db";

const dev = process.argv.includes("--dev");
loadDotEnv();
process.env.NEXT_TELEMETRY_DISABLED = "1";
const port = process.env.PORT || "3000";
process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;

const secret = ensureAuthSecret();
if (secret === "created") console.log("• Created a session secret in .data/auth-secret (set NEXTAUTH_SECRET to use your own)");
if (ensureBallotKey() === "created") console.log("• Created the key that seals secret ballots in .data/ballot-key (set BALLOT_KEY to use your own; back it up)");

ensurePrismaClient();
await prepareDatabase({ seed: "auto" });
if (dev && !process.env.SMTP_URL?.trim()) {
  // In development, emails go to a local catcher that prints them (see npm run mail:catch).
  const { startMailCatcher } = await import("./lib/mail-catcher");
  process.env.SMTP_URL = await startMailCatcher(Number(process.env.MAIL_CATCHER_PORT || 2525));
  process.env.MAIL_FROM ||= "Plenum <plenum@localhost>";
  console.log(`• Emails are caught on ${process.env.SMTP_URL} and kept in .data/mail/`);
}
if (!dev) ensureBuild();

console.log(`• Starting Plenum on ${process.env.NEXTAUTH_URL}`);
const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), dev ? "dev" : "start", "-p", port], {
  cwd: root,
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
