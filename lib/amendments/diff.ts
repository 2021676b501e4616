// A readable diff between two versions of a proposal's text, word by word (jsdiff), for people
// deciding on an amendment. Pure: the page renders the parts.
import { diffWordsWithSpace } from "diff";

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

/**
 * Past this many edits (or this much time: the page waits for it) the texts are too different to
 * diff usefully, and the page shows the whole amended text instead.
 */
const MAX_EDITS = 1_000;
const MAX_MS = 300;

/** The changes from `before` to `after`, or null if they differ too much to show as a diff. */
export function textDiff(before: string, after: string): DiffPart[] | null {
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_EDITS, timeout: MAX_MS });
  if (!changes) return null;
  return changes.map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
}

/** How much an amendment changes, in words, for a one-line summary. */
export function diffSummary(parts: readonly DiffPart[]): { added: number; removed: number } {
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  let added = 0, removed = 0;
  for (const p of parts) {
    if (p.kind === "added") added += words(p.text);
    if (p.kind === "removed") removed += words(p.text);
  }
  return { added, removed };
}
