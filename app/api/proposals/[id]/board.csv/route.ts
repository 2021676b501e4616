// A closed vote's ballots as CSV (the JSON board holds the rules and the published result too).
import { currentUser } from "@/lib/auth/session";
import { ZId } from "@/lib/councils/schemas";
import { getDb } from "@/lib/db";
import { loadBoardFor } from "@/lib/exports/access";
import { boardBallotsCsv } from "@/lib/exports/board";
import { answer, download, jsonError, unauthenticated } from "@/lib/exports/http";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answer(async () => {
    const user = await currentUser();
    if (!user) return unauthenticated();
    const id = ZId.safeParse((await params).id);
    if (!id.success) return jsonError(404, "There is no such proposal.");
    const board = await loadBoardFor(await getDb(), id.data, user.id);
    return download(boardBallotsCsv(board), { filename: `ballots-${board.proposal.id}.csv`, type: "csv" });
  });
}
