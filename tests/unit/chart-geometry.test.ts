import { describe, expect, it } from "vitest";
import { anchorAt, percentOf, shares, stack, stagesLayout, tallyLayout, turnoutLayout } from "@/lib/charts/geometry";

const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 1000) / 1000;

describe("shares", () => {
  it("always add up to exactly 100, thirds included", () => {
    expect(shares([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
    expect(sum(shares([1, 1, 1]))).toBe(100);
    expect(sum(shares([7, 5, 3, 1, 1, 1, 1]))).toBe(100);
    expect(sum(shares([2, 1, 1], 0))).toBe(100);
  });
  it("are all 0 when nothing was counted, and ignore negative or non-finite input", () => {
    expect(shares([0, 0, 0])).toEqual([0, 0, 0]);
    expect(shares([])).toEqual([]);
    expect(shares([Number.NaN, -3, 4])).toEqual([0, 0, 100]);
  });
  it("give 100 to a single value", () => {
    expect(shares([12, 0, 0])).toEqual([100, 0, 0]);
  });
  it("hold up for many small values", () => {
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
    const s = shares(twenty);
    expect(sum(s)).toBe(100);
    expect(s.every((x, i) => i === 0 || x >= s[i - 1]! - 0.1)).toBe(true);
  });
});

describe("stack", () => {
  it("lays segments end to end, the last ending at 100", () => {
    const segs = stack([3, 2, 1]);
    expect(segs[0]!.start).toBe(0);
    for (let i = 1; i < segs.length; i++) expect(segs[i]!.start).toBeCloseTo(segs[i - 1]!.start + segs[i - 1]!.size, 6);
    const last = segs.at(-1)!;
    expect(last.start + last.size).toBeCloseTo(100, 6);
  });
  it("makes zero-width segments at 0 when nothing was counted", () => {
    expect(stack([0, 0])).toEqual([{ start: 0, size: 0 }, { start: 0, size: 0 }]);
  });
});

describe("percentOf", () => {
  it("clamps to 0..100 and survives a zero maximum", () => {
    expect(percentOf(5, 10)).toBe(50);
    expect(percentOf(15, 10)).toBe(100);
    expect(percentOf(-1, 10)).toBe(0);
    expect(percentOf(3, 0)).toBe(0);
  });
});

describe("anchorAt", () => {
  it("runs labels inwards", () => {
    expect(anchorAt(0)).toBe("start");
    expect(anchorAt(50)).toBe("start");
    expect(anchorAt(80)).toBe("end");
    expect(anchorAt(100)).toBe("end");
  });
});

describe("tallyLayout", () => {
  it("puts the pass line at the threshold's share of yes plus no, leaving abstentions out", () => {
    const t = tallyLayout({ yes: 3, no: 1, abstain: 4 }, 50);
    expect(t.total).toBe(8);
    expect(t.segments.map((s) => s.size)).toEqual([37.5, 12.5, 50]);
    expect(t.passAt).toBe(25); // half of the 50 % that yes and no fill
  });
  it("marks two thirds and unanimity", () => {
    expect(tallyLayout({ yes: 2, no: 1, abstain: 0 }, 200 / 3).passAt).toBeCloseTo(66.667, 2);
    expect(tallyLayout({ yes: 5, no: 0, abstain: 0 }, 100).passAt).toBe(100);
  });
  it("has no pass line with zero votes or only abstentions, or no threshold", () => {
    expect(tallyLayout({ yes: 0, no: 0, abstain: 0 }, 50)).toEqual({ total: 0, segments: [{ start: 0, size: 0 }, { start: 0, size: 0 }, { start: 0, size: 0 }], passAt: null });
    expect(tallyLayout({ yes: 0, no: 0, abstain: 3 }, 50).passAt).toBeNull();
    expect(tallyLayout({ yes: 1, no: 1, abstain: 0 }, null).passAt).toBeNull();
  });
  it("fills the whole bar when everyone voted one way", () => {
    const t = tallyLayout({ yes: 0, no: 9, abstain: 0 }, 50);
    expect(t.segments[1]).toEqual({ start: 0, size: 100 });
    expect(t.passAt).toBe(50);
  });
});

describe("turnoutLayout", () => {
  it("places turnout and the quorum line against the electorate", () => {
    expect(turnoutLayout(5, 8, 4)).toEqual({ filled: 62.5, quorumAt: 50, met: true });
    expect(turnoutLayout(1, 8, 4)).toEqual({ filled: 12.5, quorumAt: 50, met: false });
  });
  it("handles nobody voting, everyone voting, no quorum and an empty electorate", () => {
    expect(turnoutLayout(0, 8, 4)).toEqual({ filled: 0, quorumAt: 50, met: false });
    expect(turnoutLayout(8, 8, 8)).toEqual({ filled: 100, quorumAt: 100, met: true });
    expect(turnoutLayout(0, 8, 0)).toEqual({ filled: 0, quorumAt: null, met: true });
    expect(turnoutLayout(0, 0, 0)).toEqual({ filled: 0, quorumAt: null, met: true });
  });
});

describe("stagesLayout", () => {
  const U = 100_000;
  it("scales every stage to one maximum and marks elected and excluded candidates", () => {
    const layout = stagesLayout({
      order: ["a", "b", "c"],
      quota: 3 * U,
      stages: [
        { number: 1, votes: { a: 4 * U, b: 2 * U, c: 1 * U }, elected: ["a"], excluded: null },
        { number: 2, votes: { a: 3 * U, b: 2.5 * U, c: 1.5 * U }, elected: [], excluded: "c" },
        { number: 3, votes: { a: 3 * U, b: 4 * U }, elected: ["b"], excluded: null },
      ],
    });
    expect(layout.quotaAt).toBe(75);
    expect(layout.stages[0]!.rows.map((r) => [r.id, r.width, r.state])).toEqual([["a", 100, "elected-now"], ["b", 50, "hopeful"], ["c", 25, "hopeful"]]);
    expect(layout.stages[1]!.rows.map((r) => r.state)).toEqual(["elected", "hopeful", "excluded-now"]);
    expect(layout.stages[2]!.rows.map((r) => r.id)).toEqual(["a", "b"]); // c is gone
    expect(layout.stages[2]!.rows[1]!.state).toBe("elected-now");
  });
  it("copes with a single candidate and with no ballots at all", () => {
    const one = stagesLayout({ order: ["a"], quota: 1 * U, stages: [{ number: 1, votes: { a: 0 }, elected: ["a"], excluded: null }] });
    expect(one.quotaAt).toBe(100);
    expect(one.stages[0]!.rows).toEqual([{ id: "a", votes: 0, width: 0, state: "elected-now" }]);
    const none = stagesLayout({ order: ["a", "b"], quota: 0, stages: [{ number: 1, votes: {}, elected: [], excluded: null }] });
    expect(none.quotaAt).toBe(0);
    expect(none.stages[0]!.rows.every((r) => r.width === 0)).toBe(true);
  });
  it("lays out 20 candidates over 30 stages with every bar inside the chart", () => {
    const order = Array.from({ length: 20 }, (_, i) => `c${i}`);
    const stages = Array.from({ length: 30 }, (_, k) => ({
      number: k + 1,
      votes: Object.fromEntries(order.map((id, i) => [id, (i + 1) * (k + 1) * 1000])),
      elected: k === 29 ? ["c19"] : [],
      excluded: k < 19 ? `c${k}` : null,
    }));
    const layout = stagesLayout({ order, quota: 5 * U, stages });
    expect(layout.stages).toHaveLength(30);
    expect(layout.stages[0]!.rows).toHaveLength(20);
    expect(layout.stages[29]!.rows.map((r) => r.id)).toEqual(["c19"]);
    for (const s of layout.stages) for (const r of s.rows) expect(r.width).toBeGreaterThanOrEqual(0), expect(r.width).toBeLessThanOrEqual(100);
    expect(Math.max(...layout.stages.flatMap((s) => s.rows.map((r) => r.width)))).toBe(100);
  });
});
