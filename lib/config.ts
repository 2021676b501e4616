// Runtime configuration read from the environment, checked once with messages that say what to set.
import { createHash } from "node:crypto";
import { ConfigError } from "./db/connection";
import { mailConfig } from "./notifications/mail";

/** The secret that signs session cookies. In development a fixed, clearly-named default is used. */
export function authSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.NEXTAUTH_SECRET?.trim() || env.AUTH_SECRET?.trim();
  if (secret) {
    if (secret.length < 32) throw new ConfigError("NEXTAUTH_SECRET must be at least 32 characters (try: openssl rand -base64 32).");
    return secret;
  }
  if (env.NODE_ENV !== "production") return "plenum-development-secret-do-not-use-in-production";
  throw new ConfigError(
    "NEXTAUTH_SECRET is not set. Set it to a long random value (openssl rand -base64 32), " +
      "or start Plenum with `npm start`, which creates one for you in .data/auth-secret.",
  );
}

/**
 * The key that seals secret ballots while voting is open (lib/voting/receipts.ts): 32 random bytes,
 * base64 or hex. Every app instance must share it, and it must outlive every open secret vote.
 * In development and tests a fixed, clearly-named key is used.
 */
export function ballotKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const raw = env.BALLOT_KEY?.trim();
  if (raw) {
    const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
    if (key.length !== 32) throw new ConfigError("BALLOT_KEY must be 32 random bytes in base64 or hex (try: openssl rand -base64 32).");
    return key;
  }
  if (env.NODE_ENV !== "production") return createHash("sha256").update("plenum-development-ballot-key-do-not-use-in-production").digest();
  throw new ConfigError(
    "BALLOT_KEY is not set. Set it to 32 random bytes in base64 (openssl rand -base64 32), " +
      "or start Plenum with `npm start`, which creates one for you in .data/ballot-key.",
  );
}

/** Problems that stop the server from starting, each one sentence saying what to set. */
export function configProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  for (const check of [() => authSecret(env), () => ballotKey(env), () => mailConfig(env)]) {
    try {
      check();
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  }
  return problems;
}
