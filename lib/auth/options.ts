// next-auth (v4) configuration: email + password through the Credentials provider, JWT sessions.
// Sign-in attempts are rate-limited per email and per address (lib/security/rate-limit.ts); a
// session carries its account's session version and ends as soon as that version moves on.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db";
import { authSecret } from "../config";
import { clientAddress } from "../security/client-address";
import { signInWithLimits } from "./accounts";
import { decodeSession, encodeSession } from "./jwt";
import { ZSignIn } from "./schemas";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

/**
 * What a failed sign-in tells the browser (next-auth passes a thrown error's message on as `error`).
 * The form turns these codes into sentences; nothing else, such as a database error's text, leaves.
 */
export const SIGN_IN_ERRORS = { limited: "RateLimited", unavailable: "Unavailable" } as const;

/** Cookies are Secure whenever the public address is https (and then carry the __Secure- prefix). */
export function usesSecureCookies(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.NEXTAUTH_URL ?? "").startsWith("https://");
}

/** The name of next-auth's session cookie (long tokens are split into `<name>.0`, `<name>.1`, …). */
export function sessionCookieName(env: NodeJS.ProcessEnv = process.env): string {
  return usesSecureCookies(env) ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    // next-auth's own token format, with the key derived once per process (lib/auth/jwt.ts).
    jwt: { encode: encodeSession, decode: decodeSession },
    // next-auth's own cookies are HttpOnly and SameSite=Lax; Secure is stated here rather than
    // left to next-auth's guess, so a test can check it.
    useSecureCookies: usesSecureCookies(),
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = ZSignIn.safeParse(credentials);
          if (!parsed.success) return null;
          let outcome;
          try {
            outcome = await signInWithLimits(await getDb(), parsed.data, clientAddress(req?.headers));
          } catch (e) {
            console.error("Sign-in failed", e);
            throw new Error(SIGN_IN_ERRORS.unavailable);
          }
          if (outcome.kind === "limited") throw new Error(`${SIGN_IN_ERRORS.limited}:${outcome.retryAfter}`);
          return outcome.kind === "ok" ? outcome.user : null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
          return token;
        }
        // A session from before a password change (or of a deleted account) is emptied: next-auth
        // then reports no user. If the database cannot be reached the token is kept as it is:
        // currentUser() checks the version again and, needing the database, refuses with "try
        // again" instead of telling the person their session ended.
        if (token.sub && !(await sessionStillValid(token.sub, token.sv).catch(() => true))) return {};
        return token;
      },
      session({ session, token }) {
        // next-auth fills the user's name and email from the cookie as it was; an emptied token
        // must not show them.
        if (!token.sub) return { expires: session.expires };
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        (session as { sv?: unknown }).sv = token.sv;
        return session;
      },
      // Only ever send people back to pages of this site.
      redirect({ url, baseUrl }) {
        if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
        return new URL(url).origin === baseUrl ? url : baseUrl;
      },
    },
  };
}

async function sessionStillValid(userId: string, version: unknown): Promise<boolean> {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return Boolean(user) && user!.sessionVersion === (typeof version === "number" ? version : 0);
}
