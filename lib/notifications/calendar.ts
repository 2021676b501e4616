// A member's private iCalendar feed of voting deadlines, found by its signed token alone (calendar
// apps cannot sign in). Deleting the feed row revokes every copy of the address.
import "server-only";
import type { PrismaClient } from "../db/connection";
import { listDeadlines } from "../dashboard/queries";
import { buildCalendar } from "./ical";
import { appUrl } from "./mail";
import { verifyToken } from "./tokens";

/** The feed as text/calendar, or null for an unknown, malformed or revoked token. */
export async function renderCalendarFeed(db: PrismaClient, token: unknown, now = new Date()): Promise<string | null> {
  const feedId = verifyToken("calendar", token);
  if (!feedId) return null;
  const feed = await db.calendarFeed.findUnique({ where: { id: feedId }, select: { userId: true } });
  if (!feed) return null;
  const base = appUrl();
  const deadlines = await listDeadlines(db, feed.userId, now);
  return buildCalendar({
    name: "Plenum: voting deadlines",
    now,
    events: deadlines.map((p) => ({
      uid: `vote-${p.id}@plenum`,
      start: p.votingClosesAt!,
      summary: `Vote closes: ${p.title}`,
      description: `${p.council.name}. Voting on “${p.title}” closes at this time.\n${base}/proposals/${p.id}`,
      url: `${base}/proposals/${p.id}`,
    })),
  });
}
