// The ballot board as a download that is written while it is read: a page of ballots at a time,
// only as fast as the reader takes it, so a million-ballot board never sits in the server's memory.
// The bytes are exactly those of the board built whole (`JSON.stringify(board, null, 2)` and
// boardBallotsCsv), which tests/integration/exports.test.ts checks.
import { boardCsvHeader, boardCsvRow, mandateBoardCsv, type BoardBallot } from "./board";
import type { BoardParts } from "./board-query";
import { toCsv, csvField } from "./csv";

/** Stands in for the ballot list while the rest of the board is laid out by JSON.stringify. */
const SLOT = "\u0000ballots\u0000";
const ITEM_INDENT = "    "; // a ballot is an element of the board's "ballots" list: two levels deep
/**
 * Text handed on at a time. Small enough to stay in V8's young generation: page-sized strings of a
 * megabyte and more went to its large-object space and held a million-ballot download's memory up.
 */
const CHUNK_CHARS = 32 * 1024;

/** The board's JSON, pretty-printed as JSON.stringify(board, null, 2) would, followed by a newline. */
export async function* boardJsonChunks(parts: BoardParts): AsyncGenerator<string> {
  if (parts.board.ballotType === "mandate") {
    yield `${JSON.stringify(parts.board, null, 2)}\n`;
    return;
  }
  const [before, after] = `${JSON.stringify({ ...parts.board, ballots: SLOT }, null, 2)}\n`.split(JSON.stringify(SLOT)) as [string, string];
  yield before;
  let first = true;
  // Open ballots come as one object per identical content, repeated: each is written out once.
  let last: BoardBallot | null = null;
  let lastText = "";
  const text = (ballot: BoardBallot) => {
    if (ballot !== last) {
      last = ballot;
      lastText = ITEM_INDENT + JSON.stringify(ballot, null, 2).replaceAll("\n", `\n${ITEM_INDENT}`);
    }
    return lastText;
  };
  let out = "";
  for await (const page of parts.pages()) {
    for (const ballot of page) {
      out += (first ? "[\n" : ",\n") + text(ballot);
      first = false;
      if (out.length >= CHUNK_CHARS) { yield out; out = ""; }
    }
  }
  yield out + (first ? "[]" : "\n  ]");
  yield after;
}

/** The board's ballots as CSV, as boardBallotsCsv would write them. */
export async function* boardCsvChunks(parts: BoardParts): AsyncGenerator<string> {
  const { board } = parts;
  if (board.ballotType === "mandate") {
    yield mandateBoardCsv(board);
    return;
  }
  yield toCsv(boardCsvHeader(board.ballotType, parts.depth), []);
  let number = 0;
  let last: BoardBallot | null = null;
  let lastRest = "";
  let out = "";
  for await (const page of parts.pages()) {
    for (const ballot of page) {
      number++;
      if (ballot !== last) {
        last = ballot;
        lastRest = boardCsvRow(ballot, number, parts.depth).slice(1).map(csvField).join(","); // all but the number
      }
      out += `${number},${lastRest}\r\n`;
      if (out.length >= CHUNK_CHARS) { yield out; out = ""; }
    }
  }
  if (out) yield out;
}

/**
 * A byte stream that pulls the next chunk only when the reader wants more. A failure half-way
 * (the database gone) ends the download with an error rather than a file that looks complete.
 */
export function streamOf(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (e) {
        console.error("Ballot board download failed part-way", e);
        controller.error(e);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  }, { highWaterMark: 1 });
}
