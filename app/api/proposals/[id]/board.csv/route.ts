// A closed vote's ballots as CSV (the JSON board holds the rules and the published result too).
// Streamed a page of ballots at a time (lib/exports/board-stream.ts).
import { boardCsvChunks, streamOf } from "@/lib/exports/board-stream";
import { boardDownload, download } from "@/lib/exports/http";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return boardDownload(params, (parts) => download(streamOf(boardCsvChunks(parts)), { filename: `ballots-${parts.board.proposal.id}.csv`, type: "csv" }));
}
