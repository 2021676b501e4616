// Live turnout for the proposal page, polled while voting is open (docs/decisions/010-live-turnout.md).
// Authenticates and authorises itself on every request: members of the council only; the tally
// only where the charter shows it live and the ballot is open. After the close it answers just
// the status, and the page stops asking and reloads the result.
import { currentUser } from "@/lib/auth/session";
import { ZId } from "@/lib/councils/schemas";
import { getDb } from "@/lib/db";
import { answer, jsonError } from "@/lib/exports/http";
import { findLiveCount } from "@/lib/voting/live";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answer(async () => {
    const user = await currentUser();
    if (!user) return jsonError(401, "Sign in to follow this vote.");
    const id = ZId.safeParse((await params).id);
    if (!id.success) return jsonError(404, "There is no such proposal.");
    const live = await findLiveCount(await getDb(), { proposalId: id.data, viewerId: user.id });
    return Response.json(live, { headers: { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } });
  });
}
