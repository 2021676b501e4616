// Shared pieces of the download route handlers: short JSON errors, attachment responses, and the
// one place where an unexpected failure is logged and answered without its message.
import "server-only";
import { currentUser } from "../auth/session";
import { ZId } from "../councils/schemas";
import { getDb } from "../db";
import { isDomainError, type DomainErrorCode } from "../errors";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "../db/errors";
import { loadBoardPartsFor } from "./access";
import type { BoardParts } from "./board-query";

const STATUS: Record<DomainErrorCode, number> = {
  UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INVALID: 400, CLOSED: 409, RATE_LIMITED: 429,
};

// Exports hold members' data: never cached by a shared cache, never sniffed into something else.
const PRIVATE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

export function jsonError(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: PRIVATE });
}

/** `filename` is built from ids and slugs only ([A-Za-z0-9_.-]), so it needs no escaping. */
export function download(body: string | ReadableStream<Uint8Array>, { filename, type }: { filename: string; type: "json" | "csv" }): Response {
  return new Response(body, {
    headers: {
      ...PRIVATE,
      "Content-Type": type === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9_.-]/g, "_")}"`,
    },
  });
}

export const unauthenticated = () => jsonError(401, "Sign in to download this.");

/** Runs a handler; a DomainError becomes its status and message, anything else a logged 500. */
export async function answer(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (e) {
    if (isDomainError(e)) return jsonError(STATUS[e.code], e.message);
    if (isDatabaseUnavailable(e)) return jsonError(503, DATABASE_UNAVAILABLE_MESSAGE);
    console.error("Export failed", e);
    return jsonError(500, "Something went wrong while preparing the download.");
  }
}

/** A board download's request: signed-in user, valid id, and the board they are entitled to (its parts, to stream). */
export function boardDownload(
  params: Promise<{ id: string }>,
  render: (parts: BoardParts) => Response,
) {
  return answer(async () => {
    const user = await currentUser();
    if (!user) return unauthenticated();
    const id = ZId.safeParse((await params).id);
    if (!id.success) return jsonError(404, "There is no such proposal.");
    return render(await loadBoardPartsFor(await getDb(), id.data, user.id));
  });
}
