// Shared start-up chores of the scripts: read .env, and make sure there is a session secret.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

export function loadDotEnv(): void {
  const file = path.join(root, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Reads a secret from `.data/<name>`, creating it (32 random bytes, readable only by this user) once. */
function secretFile(name: string, encoding: "base64url" | "base64"): { value: string; created: boolean } {
  const file = path.join(root, ".data", name);
  let created = false;
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString(encoding), { mode: 0o600 });
    created = true;
  }
  return { value: readFileSync(file, "utf8").trim(), created };
}

/**
 * Without NEXTAUTH_SECRET, a random one is created once in .data/auth-secret and reused, so
 * sessions survive restarts and no shared default is ever used.
 */
export function ensureAuthSecret(): "env" | "file" | "created" {
  if (process.env.NEXTAUTH_SECRET?.trim() || process.env.AUTH_SECRET?.trim()) return "env";
  const { value, created } = secretFile("auth-secret", "base64url");
  process.env.NEXTAUTH_SECRET = value;
  return created ? "created" : "file";
}

/** Without BALLOT_KEY, the key that seals secret ballots is created once in .data/ballot-key. */
export function ensureBallotKey(): "env" | "file" | "created" {
  if (process.env.BALLOT_KEY?.trim()) return "env";
  const { value, created } = secretFile("ballot-key", "base64");
  process.env.BALLOT_KEY = value;
  return created ? "created" : "file";
}

/** Prints a configuration problem as one clear line and exits, never a stack trace. */
export function fail(message: string): never {
  console.error(`\n✘ ${message}\n`);
  process.exit(1);
}
