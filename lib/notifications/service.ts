// Reading and acting on one's own notifications and settings; every query is scoped by the user
// in its where clause. Unsubscribing works from a signed token alone (no sign-in, see tokens.ts).
import "server-only";
import type { PrismaClient } from "../db/connection";
import type { NotificationKind } from "../generated/prisma/enums";
import { refusal } from "../errors";
import { DEFAULT_PREFERENCES, NOTIFICATION_KINDS, type Preferences } from "./kinds";
import { signToken, verifyToken } from "./tokens";

export const NOTIFICATIONS_PER_PAGE = 30;

export function countUnread(db: PrismaClient, userId: string) {
  return db.notification.count({ where: { userId, inApp: true, readAt: null } });
}

export async function listNotifications(db: PrismaClient, { userId, page = 1 }: { userId: string; page?: number }) {
  const where = { userId, inApp: true };
  const [total, notifications] = await Promise.all([
    db.notification.count({ where }),
    db.notification.findMany({
      where, orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * NOTIFICATIONS_PER_PAGE, take: NOTIFICATIONS_PER_PAGE,
      select: { id: true, kind: true, title: true, url: true, createdAt: true, readAt: true },
    }),
  ]);
  return { total, page, pages: Math.max(1, Math.ceil(total / NOTIFICATIONS_PER_PAGE)), notifications };
}

export async function markRead(db: PrismaClient, { userId, id }: { userId: string; id: string }) {
  const { count } = await db.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: new Date() } });
  if (count === 0 && !(await db.notification.findFirst({ where: { id, userId }, select: { id: true } }))) {
    throw refusal("NOT_FOUND", "noSuchNotification");
  }
}

export async function markAllRead(db: PrismaClient, { userId }: { userId: string }) {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return count;
}

export async function findPreferences(db: PrismaClient, userId: string): Promise<Preferences> {
  return (await db.notificationSettings.findUnique({ where: { userId }, select: { inAppOff: true, emailOff: true, digest: true } })) ?? DEFAULT_PREFERENCES;
}

export async function savePreferences(db: PrismaClient, { userId, inAppOff, emailOff, digest }: { userId: string } & Preferences) {
  const data = { inAppOff: [...new Set(inAppOff)], emailOff: [...new Set(emailOff)], digest };
  await db.notificationSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}

export interface UnsubscribeTarget {
  emailId: string;
  userId: string;
  to: string;
  /** The kind of email to stop; null for a digest, which stops all email. */
  kind: NotificationKind | null;
}

/** What an unsubscribe token stands for, or null for a token that is not ours or whose email is gone. */
export async function findUnsubscribeTarget(db: PrismaClient, token: unknown): Promise<UnsubscribeTarget | null> {
  const emailId = verifyToken("unsubscribe", token);
  if (!emailId) return null;
  const email = await db.email.findUnique({ where: { id: emailId }, select: { id: true, userId: true, to: true, kind: true } });
  return email ? { emailId: email.id, userId: email.userId, to: email.to, kind: email.kind } : null;
}

/** Turns off email of the token's kind (all email, for a digest). Repeating it changes nothing. */
export async function unsubscribe(db: PrismaClient, token: unknown): Promise<UnsubscribeTarget | null> {
  const target = await findUnsubscribeTarget(db, token);
  if (!target) return null;
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "NotificationSettings" ("userId", "updatedAt") VALUES (${target.userId}, now()) ON CONFLICT ("userId") DO NOTHING`;
    const [row] = await tx.$queryRaw<{ emailOff: NotificationKind[] }[]>`SELECT "emailOff"::text[] AS "emailOff" FROM "NotificationSettings" WHERE "userId" = ${target.userId} FOR UPDATE`;
    const off = target.kind ? [...new Set([...(row?.emailOff ?? []), target.kind])] : [...NOTIFICATION_KINDS];
    await tx.notificationSettings.update({ where: { userId: target.userId }, data: { emailOff: off } });
    // Waiting digest items are not emailed after all.
    if (!target.kind) await tx.notification.updateMany({ where: { userId: target.userId, digest: true }, data: { digest: false } });
  });
  return target;
}

// ── The calendar feed ────────────────────────────────────────────────────────────────────────

export async function findCalendarFeedToken(db: PrismaClient, userId: string): Promise<string | null> {
  const feed = await db.calendarFeed.findUnique({ where: { userId }, select: { id: true } });
  return feed ? signToken("calendar", feed.id) : null;
}

/** A new private feed address; any earlier one stops working. */
export async function resetCalendarFeed(db: PrismaClient, userId: string): Promise<string> {
  const feed = await db.$transaction(async (tx) => {
    await tx.calendarFeed.deleteMany({ where: { userId } });
    return tx.calendarFeed.create({ data: { userId }, select: { id: true } });
  });
  return signToken("calendar", feed.id);
}

export async function revokeCalendarFeed(db: PrismaClient, userId: string) {
  await db.calendarFeed.deleteMany({ where: { userId } });
}

/** For the member's own data export (principle 5): settings, notifications and emails sent to them. */
export async function findNotificationExport(db: PrismaClient, userId: string) {
  const settings = await findPreferences(db, userId);
  const calendarFeed = await db.calendarFeed.findUnique({ where: { userId }, select: { createdAt: true } });
  const notifications = await db.notification.findMany({
    where: { userId }, orderBy: { createdAt: "asc" }, take: 10_000,
    select: { kind: true, title: true, url: true, createdAt: true, readAt: true, inApp: true },
  });
  const emails = await db.email.findMany({
    where: { userId }, orderBy: { createdAt: "asc" }, take: 10_000,
    select: { to: true, subject: true, kind: true, status: true, createdAt: true, sentAt: true },
  });
  return { settings, calendarFeedCreatedAt: calendarFeed?.createdAt ?? null, notifications, emails };
}
