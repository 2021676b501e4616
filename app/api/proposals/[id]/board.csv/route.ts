// A closed vote's ballots as CSV (the JSON board holds the rules and the published result too).
import { boardBallotsCsv } from "@/lib/exports/board";
import { boardDownload, download } from "@/lib/exports/http";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return boardDownload(params, (board) => download(boardBallotsCsv(board), { filename: `ballots-${board.proposal.id}.csv`, type: "csv" }));
}
