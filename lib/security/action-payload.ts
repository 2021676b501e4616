// A first look at a server action's arguments before React decodes them. Plenum's actions take
// (previous form state, form data), or just the form data; React's reply format can also carry
// maps, sets, promises, iterators, server references and more, none of which we use — and
// malformed or exotic payloads make Next.js answer 500 (or worse: flaws in decoding them have been
// exploited before, e.g. CVE-2025-55182). proxy.ts refuses anything outside our small subset.

/** Bigger than any form of ours (Next.js itself stops at 1 MB for actions). */
export const MAX_ACTION_BYTES = 1_000_000;

// "$$…" is an escaped literal string; "$K<n>" the form data; the rest are plain scalars.
const ALLOWED_REF = /^\$(\$|K[0-9a-f]{1,6}$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D\d{4}-|n-?\d{1,40}$)/;
const MAX_DEPTH = 8;

function plain(value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === "string") return !value.startsWith("$") || ALLOWED_REF.test(value);
  if (value === null || typeof value !== "object") return true;
  const items = Array.isArray(value) ? value : Object.values(value);
  if (items.length > 1000) return false;
  return items.every((v) => plain(v, depth + 1));
}

/** Why the arguments (`0` of the reply) are refused, or null when they are the shape our forms send. */
export function refuseActionArguments(root: string | null): string | null {
  if (root === null) return "The form's arguments are missing.";
  let args: unknown;
  try {
    args = JSON.parse(root);
  } catch {
    return "The form's arguments are not readable.";
  }
  if (!Array.isArray(args) || args.length > 2) return "The form's arguments are not what this form sends.";
  if (!plain(args, 0)) return "The form's arguments use features this form does not.";
  return null;
}

/** Why a server action request is refused before decoding, or null. */
export async function refuseActionRequest(request: Request): Promise<string | null> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_ACTION_BYTES) return "The form is too large.";
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.startsWith("multipart/form-data")) {
      const form = await request.clone().formData();
      const root = form.get("0");
      return refuseActionArguments(typeof root === "string" ? root : null);
    }
    const text = await request.clone().text();
    if (text.length > MAX_ACTION_BYTES) return "The form is too large.";
    return refuseActionArguments(text);
  } catch {
    return "The form could not be read.";
  }
}
