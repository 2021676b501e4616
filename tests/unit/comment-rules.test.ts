// The discussion's pure rules: the author's edit window and which thread a reply joins.
import { describe, expect, it } from "vitest";
import { EDIT_WINDOW_MINUTES, editableUntil, mayEdit, threadOf } from "@/lib/comments/rules";

describe("comment rules", () => {
  const createdAt = new Date("2026-11-25T10:00:00Z");
  const comment = { authorId: "a", createdAt, hiddenAt: null };

  it("lets only the author edit, until the window ends to the millisecond", () => {
    const end = editableUntil(createdAt);
    expect(end.getTime() - createdAt.getTime()).toBe(EDIT_WINDOW_MINUTES * 60_000);
    expect(mayEdit(comment, "a", new Date(end.getTime() - 1))).toBe(true);
    expect(mayEdit(comment, "a", end)).toBe(false);
    expect(mayEdit(comment, "b", createdAt)).toBe(false);
    expect(mayEdit({ ...comment, hiddenAt: createdAt }, "a", createdAt)).toBe(false);
  });

  it("puts a reply to a reply in the same thread", () => {
    expect(threadOf({ id: "root", parentId: null })).toBe("root");
    expect(threadOf({ id: "reply", parentId: "root" })).toBe("root");
  });
});
