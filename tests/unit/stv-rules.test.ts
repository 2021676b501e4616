// The STV count (lib/voting/stv.ts) on small hand-made elections: bad input refused with
// BallotError, edge cases (empty ballots, no ballots, seats ≥ candidates) and the tie rules.
import { describe, expect, it } from "vitest";
import { BallotError, countStv, formatVotes, UNIT, type RankedBallot } from "@/lib/voting/stv";

const C = ["ann", "bob", "cat"];
const count = (ballots: RankedBallot[], seats = 1, candidates: readonly string[] = C, lotOrder?: readonly string[]) =>
  countStv(ballots, { seats, candidates, ...(lotOrder ? { lotOrder } : {}) });

/** Runs `fn`, expecting a BallotError whose message matches `message`. */
function expectBallotError(fn: () => unknown, message: RegExp) {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(BallotError);
  expect((error as BallotError).name).toBe("BallotError");
  expect((error as BallotError).message).toMatch(message);
}

describe("bad input is refused with a BallotError that says what is wrong", () => {
  it("a ballot ranking someone who is not a candidate", () => {
    expectBallotError(() => count([{ ranking: ["ann", "zed"] }]), /ranks "zed", who is not a candidate/);
  });

  it("a ballot ranking the same candidate twice", () => {
    expectBallotError(() => count([{ ranking: ["ann", "bob", "ann"] }]), /ranks "ann" more than once/);
  });

  it.each([1.5, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])("a ballot count of %s", (n) => {
    expectBallotError(() => count([{ ranking: ["ann"], count: n }]), /count must be a whole number ≥ 0/);
  });

  it.each([0, -1, 1.5, Number.NaN])("%s seats", (seats) => {
    expectBallotError(() => count([{ ranking: ["ann"] }], seats), /at least one seat/);
  });

  it("a lot order that leaves out a candidate, repeats one, or adds a stranger", () => {
    const ballots = [{ ranking: ["ann"] }];
    for (const lotOrder of [["ann", "bob"], ["ann", "bob", "bob"], ["ann", "bob", "zed"], ["ann", "bob", "cat", "zed"]]) {
      expectBallotError(() => count(ballots, 1, C, lotOrder), /lot order must list every candidate exactly once/);
    }
  });

  it("the same candidate id twice in the candidate list", () => {
    expectBallotError(() => count([], 1, ["ann", "ann", "bob"]), /Candidate ids must be unique/);
  });

  it("a bad ballot anywhere refuses the whole count, even after valid ones", () => {
    const ballots = [...Array.from({ length: 100 }, () => ({ ranking: ["ann"] })), { ranking: ["bob", "bob"] }];
    expectBallotError(() => count(ballots), /more than once/);
  });
});

describe("edge cases", () => {
  it("empty ballots and zero counts are ignored: not valid, not in the quota", () => {
    const with_ = count([{ ranking: ["ann"], count: 2 }, { ranking: ["bob"] }, { ranking: [] }, { ranking: [], count: 7 }, { ranking: ["cat"], count: 0 }]);
    const without = count([{ ranking: ["ann"], count: 2 }, { ranking: ["bob"] }]);
    expect(with_).toEqual(without);
    expect(with_.validBallots).toBe(3);
    expect(with_.quota).toBe(2 * UNIT); // floor(3/2)+1
    expect(with_.winners).toEqual(["ann"]);
  });

  it("a ballot's count defaults to 1", () => {
    expect(count([{ ranking: ["ann"] }, { ranking: ["ann"] }])).toEqual(count([{ ranking: ["ann"], count: 2 }]));
  });

  it("seats ≥ candidates elects everyone at stage 1 (rule 52), even the unranked", () => {
    for (const seats of [3, 5]) {
      const r = count([{ ranking: ["bob", "ann"], count: 4 }, { ranking: ["ann"] }], seats);
      expect(r.stages).toHaveLength(1);
      expect(new Set(r.stages[0]!.elected)).toEqual(new Set(C));
      expect(new Set(r.winners)).toEqual(new Set(C));
      expect(r.winners[0]).toBe("bob"); // highest vote first
      expect(r.excluded).toEqual([]);
    }
  });

  it("no ballots at all: quota 1, everyone on 0, the lot excludes the earliest in lot order", () => {
    const r = count([], 1, C, ["cat", "ann", "bob"]);
    expect(r.validBallots).toBe(0);
    expect(r.quota).toBe(1 * UNIT);
    expect(r.excluded).toEqual(["cat", "ann"]);
    expect(r.winners).toEqual(["bob"]);
    expect(r.electedWithoutQuota).toEqual(["bob"]);
    expect(r.stages.slice(1).map((s) => s.tieBreak?.by)).toEqual(["lot", "lot"]);
    expect(r.stages.every((s) => s.nonTransferable === 0 && s.residual === 0)).toBe(true);
  });

  it("no ballots and two seats out of three", () => {
    const r = count([], 2);
    expect(r.winners).toEqual(["bob", "cat"]); // lot order defaults to the candidate order
  });

  it("one candidate, one seat, no ballots", () => {
    const r = count([], 1, ["ann"]);
    expect(r.winners).toEqual(["ann"]);
    expect(r.stages).toHaveLength(1);
  });

  it("a surplus paper with no next preference is non-transferable at its transfer value; truncation is the residual", () => {
    // 10 ballots, 2 seats, quota 4. Ann 6 → surplus 2 at 2/6 = 0.33333 per paper.
    const r = count([{ ranking: ["ann"], count: 6 }, { ranking: ["bob"], count: 3 }, { ranking: ["cat"], count: 1 }], 2);
    expect(formatVotes(r.stages[1]!.nonTransferable)).toBe("1.99998"); // 6 × 0.33333
    expect(formatVotes(r.stages[1]!.residual)).toBe("0.00002");
    expect(r.winners).toEqual(["ann", "bob"]);
  });

  it("the result says which rule counted it", () => {
    expect(count([{ ranking: ["ann"] }]).ruleLabel).toMatch(/Instant-runoff/);
    expect(count([{ ranking: ["ann"] }], 2).ruleLabel).toMatch(/Scottish STV/);
    expect(count([{ ranking: ["ann"] }]).rule).toBe("scottish-stv-2007");
  });

  it("formatVotes prints five decimals, negative values too", () => {
    expect(formatVotes(139386735)).toBe("1393.86735");
    expect(formatVotes(0)).toBe("0.00000");
    expect(formatVotes(7)).toBe("0.00007");
    expect(formatVotes(-150000)).toBe("-1.50000");
  });
});

describe("ties (rules 49(2)–(3) and 51(2))", () => {
  it("an exclusion tie is decided by the most recent stage at which the tied were unequal", () => {
    // Stage 1: ann 3, bob 2, cat 4, dan 1. Dan's paper goes to bob: ann 3, bob 3. Ann and bob tie
    // for lowest; at stage 1 bob had fewer, so bob is excluded, whatever the lot order says.
    const ballots = [{ ranking: ["ann"], count: 3 }, { ranking: ["bob"], count: 2 }, { ranking: ["cat"], count: 4 }, { ranking: ["dan", "bob"] }];
    const r = count(ballots, 1, ["ann", "bob", "cat", "dan"], ["bob", "ann", "cat", "dan"]);
    expect(r.stages[2]!.tieBreak).toEqual({ kind: "exclusion", tied: ["ann", "bob"], chosen: "bob", by: "earlier-stage", stage: 1 });
    const reversed = count(ballots, 1, ["ann", "bob", "cat", "dan"], ["ann", "bob", "cat", "dan"]);
    expect(reversed.stages[2]!.tieBreak?.chosen).toBe("bob");
  });

  it("candidates equal at every stage are separated by the lot order: the earliest is excluded", () => {
    const ballots = [{ ranking: ["ann"], count: 2 }, { ranking: ["bob"], count: 2 }, { ranking: ["cat"], count: 5 }];
    expect(count(ballots, 2, C, ["ann", "bob", "cat"]).winners).toEqual(["cat", "bob"]);
    expect(count(ballots, 2, C, ["bob", "ann", "cat"]).winners).toEqual(["cat", "ann"]);
    // Stage 2 moves cat's surplus (nowhere: non-transferable); stage 3 is the tie.
    expect(count(ballots, 2, C, ["bob", "ann", "cat"]).stages[2]!.tieBreak).toEqual({ kind: "exclusion", tied: ["ann", "bob"], chosen: "bob", by: "lot" });
  });

  it("equal surpluses: the earliest in lot order is transferred first", () => {
    // 12 ballots, 3 seats, quota 4: ann 5 and bob 5 both exceed it by 1.
    const ballots = [{ ranking: ["ann", "cat"], count: 5 }, { ranking: ["bob", "dan"], count: 5 }, { ranking: ["cat"] }, { ranking: ["dan"] }];
    const r = count(ballots, 3, ["ann", "bob", "cat", "dan"], ["bob", "ann", "cat", "dan"]);
    expect(r.stages[1]!.action).toEqual({ type: "surplus", candidate: "bob", surplus: 1 * UNIT });
    expect(r.stages[1]!.tieBreak).toEqual({ kind: "surplus", tied: ["ann", "bob"], chosen: "bob", by: "lot" });
  });

  it("the larger surplus goes first, whoever was elected first", () => {
    // 20 ballots, 3 seats, quota 6: bob 8 (surplus 2) before ann 7 (surplus 1).
    const ballots = [{ ranking: ["ann", "cat"], count: 7 }, { ranking: ["bob", "dan"], count: 8 }, { ranking: ["cat"], count: 3 }, { ranking: ["dan"], count: 2 }];
    const r = count(ballots, 3, ["ann", "bob", "cat", "dan"]);
    expect(r.stages.slice(1, 3).map((s) => s.action)).toEqual([
      { type: "surplus", candidate: "bob", surplus: 2 * UNIT },
      { type: "surplus", candidate: "ann", surplus: 1 * UNIT },
    ]);
  });

  // Rule 51(2)(a) narrows the tie: only those lowest at the most recent unequal stage stay in it
  // (see docs/decisions/003-stv.md, "Three-way ties"; Droop v0.11 reads it otherwise).
  it("the lot is drawn only among those lowest at the most recent unequal stage", () => {
    // Stage 1: a 3, b 3, c 4, d 2, e 5. Stage 2: d's papers give a and b one each: a 4, b 4, c 4.
    // The most recent stage where a, b, c were unequal is stage 1, where c had more; so a or b is
    // excluded (by lot between them: a). The count instead draws lots among a, b and c, and
    // excludes c; c's papers then elect a, where the statutory count elects e.
    const ballots = [
      { ranking: ["a"], count: 3 },
      { ranking: ["b"], count: 3 },
      { ranking: ["c", "a"], count: 4 },
      { ranking: ["d", "a"] },
      { ranking: ["d", "b"] },
      { ranking: ["e"], count: 5 },
    ];
    const r = count(ballots, 1, ["a", "b", "c", "d", "e"], ["c", "a", "b", "d", "e"]);
    expect(r.stages[2]!.tieBreak).toMatchObject({ tied: ["a", "b", "c"], chosen: "a" });
    expect(r.winners).toEqual(["e"]);
  });

  it("an older stage is not consulted about a candidate who was not lowest at a more recent unequal stage", () => {
    // Stage 1: a 6, b 6, c 5. Stage 2 (g out, 2 papers to c): a 6, b 6, c 7. Stage 3 (d out, one
    // paper each to a and b): a 7, b 7, c 7. The most recent unequal stage is 2, where a and b were
    // lowest, so c must stay in; the count skips stage 2 (its lowest is shared) and excludes c on
    // the strength of stage 1.
    const ballots = [
      { ranking: ["a"], count: 6 },
      { ranking: ["b"], count: 6 },
      { ranking: ["c"], count: 5 },
      { ranking: ["d", "a"] },
      { ranking: ["d", "b"] },
      { ranking: ["d"] },
      { ranking: ["g", "c"], count: 2 },
      { ranking: ["e"], count: 20 },
    ];
    const r = count(ballots, 1, ["a", "b", "c", "d", "e", "g"]);
    expect(r.stages[3]!.tieBreak?.tied).toEqual(["a", "b", "c"]);
    expect(r.stages[3]!.tieBreak?.chosen).not.toBe("c");
  });
});
