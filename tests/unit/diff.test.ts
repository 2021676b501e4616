// The word diff members read when deciding on an amendment.
import { describe, expect, it } from "vitest";
import { diffSummary, textDiff } from "@/lib/amendments/diff";

describe("amendment diff", () => {
  it("marks removed and added words and keeps the rest, so both texts can be read back", () => {
    const before = "We open on Saturdays from 9 to 13.\n\nTwo members staff each shift.";
    const after = "We open on Saturdays from 9 to 15.\n\nThree members staff each shift.";
    const parts = textDiff(before, after)!;
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["13", "Two"]);
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["15", "Three"]);
    expect(parts.filter((p) => p.kind !== "added").map((p) => p.text).join("")).toBe(before);
    expect(parts.filter((p) => p.kind !== "removed").map((p) => p.text).join("")).toBe(after);
    expect(diffSummary(parts)).toEqual({ added: 2, removed: 2 });
  });

  it("gives up quickly on texts too different to diff usefully", () => {
    const words = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(" ");
    const started = performance.now();
    expect(textDiff(words(3000, "a"), words(3000, "b"))).toBeNull();
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
