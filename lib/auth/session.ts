// Who is asking. Pages call requireUser(path) and are sent to sign-in (and back) when signed out;
// actions call currentUser() and refuse. The user is re-read from the database on every request,
// so a deleted account's cookie stops working at once, and so does a session from before a
// password change (its session version no longer matches the account's).
//
// The session cookie is decrypted here directly rather than through next-auth's getServerSession,
// which runs its whole session endpoint per call: a second database read in the jwt callback and a
// fresh token encrypted for a cookie that a page cannot even set. The checks are the same: a token
// that does not decrypt under the secret, has expired, or names no account or an old session
// version means "not signed in" (docs/decisions/011-performance.md).
import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { authSecret } from "../config";
import { getDb } from "../db";
import { decodeSession } from "./jwt";
import { sessionCookieName } from "./options";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

export async function currentUser(): Promise<SessionUser | null> {
  await connection(); // per-request: never prerendered at build time
  const token = await readSessionToken();
  const id = token?.sub;
  if (typeof id !== "string" || !id) return null;
  const version = token!.sv;
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id }, select: { id: true, name: true, email: true, sessionVersion: true } });
  if (!user || user.sessionVersion !== (typeof version === "number" ? version : 0)) return null;
  return { id: user.id, name: user.name, email: user.email };
}

/** The session token's claims, or null for no cookie or one that does not decrypt (or has expired). */
async function readSessionToken(): Promise<Record<string, unknown> | null> {
  const jar = await cookies();
  const name = sessionCookieName();
  let value = jar.get(name)?.value;
  if (!value) {
    // next-auth splits a token longer than a cookie can hold into numbered chunks.
    const chunks = jar.getAll().filter((c) => c.name.startsWith(`${name}.`))
      .map((c) => ({ i: Number(c.name.slice(name.length + 1)), value: c.value }))
      .filter((c) => Number.isInteger(c.i) && c.i >= 0)
      .sort((a, b) => a.i - b.i);
    value = chunks.map((c) => c.value).join("");
  }
  if (!value) return null;
  try {
    return await decodeSession({ token: value, secret: authSecret() });
  } catch {
    return null; // forged, damaged or expired: simply not signed in
  }
}

export function signInPath(returnTo: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(returnTo)}`;
}

export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(signInPath(returnTo));
  return user;
}
