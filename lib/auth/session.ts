// Who is asking. Pages call requireUser(path) and are sent to sign-in (and back) when signed out;
// actions call currentUser() and refuse. The user is re-read from the database on every request,
// so a deleted account's cookie stops working at once, and so does a session from before a
// password change (its session version no longer matches the account's).
import "server-only";
import { getServerSession } from "next-auth/next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "../db";
import { authOptions } from "./options";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

export async function currentUser(): Promise<SessionUser | null> {
  await connection(); // per-request: never prerendered at build time
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: unknown } | undefined)?.id;
  if (typeof id !== "string" || !id) return null;
  const version = (session as { sv?: unknown }).sv;
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id }, select: { id: true, name: true, email: true, sessionVersion: true } });
  if (!user || user.sessionVersion !== (typeof version === "number" ? version : 0)) return null;
  return { id: user.id, name: user.name, email: user.email };
}

export function signInPath(returnTo: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(returnTo)}`;
}

export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(signInPath(returnTo));
  return user;
}
