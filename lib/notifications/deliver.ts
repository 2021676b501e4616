// Turns drafts into Notification rows and queued Email rows (the outbox), following each member's
// settings, inside the caller's transaction. Already-delivered drafts (same member and key) are
// skipped, so running the same derivation twice creates nothing twice.
import { randomUUID } from "node:crypto";
import type { Tx } from "../db/types";
import type { Draft } from "./derive";
import { DEFAULT_PREFERENCES, routeFor, type Preferences } from "./kinds";
import { appUrl } from "./mail";

export async function preferencesOf(tx: Tx, userIds: string[]): Promise<Map<string, Preferences>> {
  const rows = await tx.notificationSettings.findMany({ where: { userId: { in: userIds } }, select: { userId: true, inAppOff: true, emailOff: true, digest: true } });
  return new Map(rows.map((r) => [r.userId, r]));
}

export function emailText(title: string, url: string): string {
  return `${title}.\n\nOpen it in Plenum: ${appUrl()}${url}\n`;
}

/** Drafts per round trip: keeps every statement well under PostgreSQL's 65,535 bind parameters. */
const CHUNK = 2000;

/** Returns how many notifications were created. */
export async function deliver(tx: Tx, drafts: Draft[]): Promise<number> {
  if (drafts.length > CHUNK) {
    let created = 0;
    for (let i = 0; i < drafts.length; i += CHUNK) created += await deliver(tx, drafts.slice(i, i + CHUNK));
    return created;
  }
  if (drafts.length === 0) return 0;
  const userIds = [...new Set(drafts.map((d) => d.userId))];
  const prefs = await preferencesOf(tx, userIds); // one after the other: one transaction, one connection
  const users = await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } });
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  const rows = drafts.flatMap((d) => {
    if (!emailOf.has(d.userId)) return []; // the account is gone
    const route = routeFor(d.kind, prefs.get(d.userId) ?? DEFAULT_PREFERENCES);
    if (!route.any) return [];
    return [{ ...d, inApp: route.inApp, digest: route.digest, wantsEmail: route.email }];
  });
  if (rows.length === 0) return 0;
  const created = await tx.notification.createManyAndReturn({
    data: rows.map(({ wantsEmail: _, ...n }) => n),
    skipDuplicates: true,
    select: { id: true, userId: true, key: true },
  });
  const wanted = new Set(rows.filter((r) => r.wantsEmail).map((r) => `${r.userId} ${r.key}`));
  const byKey = new Map(rows.map((r) => [`${r.userId} ${r.key}`, r]));
  const emails = created
    .filter((n) => wanted.has(`${n.userId} ${n.key}`))
    .map((n) => {
      const d = byKey.get(`${n.userId} ${n.key}`)!;
      return { notificationId: n.id, id: randomUUID().replaceAll("-", ""), userId: d.userId, to: emailOf.get(d.userId)!, kind: d.kind, subject: d.title, text: emailText(d.title, d.url) };
    });
  if (emails.length) {
    await tx.email.createMany({ data: emails.map(({ notificationId: _, ...e }) => e) });
    const ids = emails.map((e) => e.notificationId);
    const emailIds = emails.map((e) => e.id);
    await tx.$executeRaw`
      UPDATE "Notification" AS n SET "emailId" = u.e
      FROM unnest(${ids}::text[], ${emailIds}::text[]) AS u(n, e)
      WHERE n.id = u.n`;
  }
  return created.length;
}
