// Runtime configuration read from the environment, checked once with messages that say what to set.
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

/** Problems that stop the server from starting, each one sentence saying what to set. */
export function configProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  for (const check of [() => authSecret(env), () => mailConfig(env)]) {
    try {
      check();
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  }
  return problems;
}
