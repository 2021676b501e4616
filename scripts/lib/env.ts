// Shared start-up chores of the scripts: read .env, and make sure there is a session secret.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

export function loadDotEnv(): void {
  const file = path.join(root, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}

/**
 * Without NEXTAUTH_SECRET, a random one is created once in .data/auth-secret (readable only by
 * this user) and reused, so sessions survive restarts and no shared default is ever used.
 */
export function ensureAuthSecret(): "env" | "file" | "created" {
  if (process.env.NEXTAUTH_SECRET?.trim() || process.env.AUTH_SECRET?.trim()) return "env";
  const file = path.join(root, ".data/auth-secret");
  let how: "file" | "created" = "file";
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    how = "created";
  }
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
  return how;
}

/** Prints a configuration problem as one clear line and exits, never a stack trace. */
export function fail(message: string): never {
  console.error(`\n✘ ${message}\n`);
  process.exit(1);
}
