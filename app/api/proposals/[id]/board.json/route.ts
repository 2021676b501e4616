// A closed vote's ballot board as JSON (docs/ballot-board.md), for `npm run recount`.
import { boardDownload, download } from "@/lib/exports/http";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return boardDownload(params, (board) => download(`${JSON.stringify(board, null, 2)}\n`, { filename: `ballot-board-${board.proposal.id}.json`, type: "json" }));
}
