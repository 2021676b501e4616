// A member's private iCalendar feed of voting deadlines: /api/calendar/<token>.ics. Calendar apps
// cannot sign in, so the signed, revocable token in the address is the authority.
import { getDb } from "@/lib/db";
import { renderCalendarFeed } from "@/lib/notifications/calendar";
import { ZLinkToken } from "@/lib/notifications/tokens";

const NOT_FOUND = () => new Response("There is no such calendar; it may have been replaced by a new address.\n", {
  status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
});

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  try {
    const token = ZLinkToken.safeParse((await params).file.replace(/\.ics$/, ""));
    if (!token.success) return NOT_FOUND();
    const body = await renderCalendarFeed(await getDb(), token.data);
    if (body === null) return NOT_FOUND();
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="plenum-votes.ics"',
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      },
    });
  } catch (e) {
    console.error("Calendar feed failed", e);
    return new Response("The calendar could not be prepared; try again later.\n", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
