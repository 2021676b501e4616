// A closed vote's ballot board as JSON (docs/ballot-board.md), for `npm run recount`. Streamed a
// page of ballots at a time (lib/exports/board-stream.ts).
import { boardJsonChunks, streamOf } from "@/lib/exports/board-stream";
import { boardDownload, download } from "@/lib/exports/http";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return boardDownload(params, (parts) => download(streamOf(boardJsonChunks(parts)), { filename: `ballot-board-${parts.board.proposal.id}.json`, type: "json" }));
}
