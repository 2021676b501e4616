// For members-only pages under /councils/<slug>/…: the signed-in user (or a trip to sign in and
// back), the council (or 404), and their active membership (or 403). Services still check again.
import "server-only";
import { forbidden, notFound } from "next/navigation";
import { requireUser } from "../auth/session";
import { getDb } from "../db";
import { findMembership } from "./access";
import { looksLikeSlug } from "./schemas";

export async function requireCouncilMemberPage(slug: string, subpath: string) {
  if (!looksLikeSlug(slug)) notFound();
  const user = await requireUser(`/councils/${encodeURIComponent(slug)}/${subpath}`);
  const db = await getDb();
  const council = await db.council.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
  if (!council) notFound();
  const membership = await findMembership(db, council.id, user.id);
  if (membership?.status !== "ACTIVE") forbidden();
  return { db, user, council, membership };
}
