// One-click unsubscribe (RFC 8058): mail clients POST "List-Unsubscribe=One-Click" to the address in
// an email's List-Unsubscribe header. No sign-in: the signed token is the authority. A GET (a link
// scanner, a curious person) changes nothing and leads to the page with a button instead.
import { getDb } from "@/lib/db";
import { unsubscribe } from "@/lib/notifications/service";
import { ZLinkToken } from "@/lib/notifications/tokens";

const PLAIN = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const token = ZLinkToken.safeParse((await params).token);
    if (!token.success) return new Response("This unsubscribe link is not valid.\n", { status: 404, headers: PLAIN });
    const done = await unsubscribe(await getDb(), token.data);
    if (!done) return new Response("This unsubscribe link is not valid.\n", { status: 404, headers: PLAIN });
    return new Response("You are unsubscribed.\n", { status: 200, headers: PLAIN });
  } catch (e) {
    console.error("Unsubscribe failed", e);
    return new Response("Something went wrong; nothing was changed. Please try again later.\n", { status: 503, headers: PLAIN });
  }
}

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = ZLinkToken.safeParse((await params).token);
  if (!token.success) return new Response("This unsubscribe link is not valid.\n", { status: 404, headers: PLAIN });
  return Response.redirect(new URL(`/unsubscribe/${token.data}`, request.url), 303);
}
