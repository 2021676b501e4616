// How a motion is decided (lib/voting/outcome.ts): quorum, thresholds and abstentions, written as
// the outcomes members would see, plus fast-check properties that hold for every possible tally.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decideOutcome, type DecisionRules, type Tally } from "@/lib/voting/outcome";
import type { PassThreshold } from "@/lib/generated/prisma/enums";

const rules = (quorumPercent: number, passThreshold: PassThreshold = "SIMPLE_MAJORITY"): DecisionRules => ({
  quorumPercent,
  passThreshold,
});
const votes = (yes: number, no: number, abstain = 0): Tally => ({ yes, no, abstain });
const outcome = (tally: Tally, electorate: number, r: DecisionRules) => decideOutcome(tally, electorate, r).outcome;

describe("quorum", () => {
  it("50% of 3 members needs 2 of them to take part", () => {
    expect(outcome(votes(1, 0), 3, rules(50))).toBe("NO_QUORUM");
    expect(outcome(votes(2, 0), 3, rules(50))).toBe("PASSED");
    expect(decideOutcome(votes(2, 0), 3, rules(50)).quorumNeeded).toBe(2);
  });

  it("33% of 3 members needs 1 (0.99 of a person rounds up to one whole member)", () => {
    expect(decideOutcome(votes(0, 0), 3, rules(33))).toMatchObject({ quorumNeeded: 1, outcome: "NO_QUORUM" });
    expect(outcome(votes(1, 0), 3, rules(33))).toBe("PASSED");
  });

  it("an exact share is not rounded up: 33% of 300 needs 99, 50% of 4 needs 2", () => {
    expect(decideOutcome(votes(99, 0), 300, rules(33))).toMatchObject({ quorumNeeded: 99, outcome: "PASSED" });
    expect(decideOutcome(votes(101, 0), 300, rules(34))).toMatchObject({ quorumNeeded: 102, outcome: "NO_QUORUM" });
    expect(decideOutcome(votes(2, 0), 4, rules(50))).toMatchObject({ quorumNeeded: 2, outcome: "PASSED" });
    expect(outcome(votes(1, 0), 4, rules(50))).toBe("NO_QUORUM");
  });

  it("a 0% quorum counts a vote however few take part", () => {
    expect(outcome(votes(1, 0), 100, rules(0))).toBe("PASSED");
    expect(outcome(votes(0, 1), 100, rules(0))).toBe("REJECTED");
    // Nobody voted: nothing was decided in favour, but the quorum cannot have failed.
    expect(outcome(votes(0, 0), 100, rules(0))).toBe("REJECTED");
  });

  it("a 100% quorum needs every single member", () => {
    expect(outcome(votes(4, 0, 0), 5, rules(100))).toBe("NO_QUORUM");
    expect(outcome(votes(4, 0, 1), 5, rules(100))).toBe("PASSED");
  });

  it("abstaining counts as taking part, so it can make the quorum", () => {
    expect(outcome(votes(1, 0, 0), 4, rules(50))).toBe("NO_QUORUM");
    expect(outcome(votes(1, 0, 1), 4, rules(50))).toBe("PASSED");
  });

  it("reports the turnout including abstentions", () => {
    expect(decideOutcome(votes(3, 2, 4), 20, rules(50)).turnout).toBe(9);
  });
});

describe("thresholds", () => {
  it("abstentions count neither for nor against", () => {
    expect(outcome(votes(1, 0, 9), 10, rules(50))).toBe("PASSED");
    expect(outcome(votes(0, 1, 9), 10, rules(50))).toBe("REJECTED");
    expect(outcome(votes(2, 1, 7), 10, rules(50, "TWO_THIRDS"))).toBe("PASSED");
  });

  it("simple majority: more yes than no passes, a tie is rejected", () => {
    expect(outcome(votes(3, 2), 5, rules(50))).toBe("PASSED");
    expect(outcome(votes(2, 2), 4, rules(50))).toBe("REJECTED");
    expect(outcome(votes(2, 2, 1), 5, rules(50))).toBe("REJECTED");
    expect(outcome(votes(2, 3), 5, rules(50))).toBe("REJECTED");
  });

  it("two-thirds: exactly two thirds passes, just below fails", () => {
    expect(outcome(votes(2, 1), 3, rules(50, "TWO_THIRDS"))).toBe("PASSED");
    expect(outcome(votes(200, 100), 300, rules(50, "TWO_THIRDS"))).toBe("PASSED");
    expect(outcome(votes(199, 100), 299, rules(50, "TWO_THIRDS"))).toBe("REJECTED");
    expect(outcome(votes(3, 2), 5, rules(50, "TWO_THIRDS"))).toBe("REJECTED"); // 60%
    expect(outcome(votes(66, 34), 100, rules(50, "TWO_THIRDS"))).toBe("REJECTED"); // 66%
    expect(outcome(votes(67, 33), 100, rules(50, "TWO_THIRDS"))).toBe("PASSED"); // 67%
  });

  it("unanimity: one voice against blocks it, abstentions do not", () => {
    expect(outcome(votes(9, 1), 10, rules(50, "UNANIMITY"))).toBe("REJECTED");
    expect(outcome(votes(5, 0, 5), 10, rules(50, "UNANIMITY"))).toBe("PASSED");
    expect(outcome(votes(1, 0, 9), 10, rules(50, "UNANIMITY"))).toBe("PASSED");
  });

  it("if everyone abstains nothing passes, under any threshold", () => {
    for (const t of ["SIMPLE_MAJORITY", "TWO_THIRDS", "UNANIMITY"] as const) {
      expect(outcome(votes(0, 0, 6), 6, rules(50, t))).toBe("REJECTED");
    }
  });

  it("the quorum is checked before the threshold: a lopsided yes without quorum is not passed", () => {
    expect(outcome(votes(3, 0), 10, rules(50, "UNANIMITY"))).toBe("NO_QUORUM");
  });
});

describe("an empty electorate", () => {
  it("with nobody entitled to vote, nothing passes", () => {
    for (const t of ["SIMPLE_MAJORITY", "TWO_THIRDS", "UNANIMITY"] as const) {
      for (const q of [0, 50, 100]) expect(outcome(votes(0, 0), 0, rules(q, t))).not.toBe("PASSED");
    }
  });
});

describe("impossible inputs are refused, not counted", () => {
  it.each([
    ["a negative count", votes(-1, 0), 3, rules(50)],
    ["a fractional count", votes(1.5, 0), 3, rules(50)],
    ["a count that is not a number", votes(Number.NaN, 0), 3, rules(50)],
    ["a negative electorate", votes(0, 0), -1, rules(50)],
    ["more ballots than members", votes(2, 1, 1), 3, rules(50)],
    ["a quorum over 100%", votes(1, 0), 3, rules(101)],
    ["a negative quorum", votes(1, 0), 3, rules(-1)],
    ["a fractional quorum", votes(1, 0), 3, rules(50.5)],
  ])("%s", (_label, tally, electorate, r) => {
    expect(() => decideOutcome(tally, electorate, r)).toThrow(RangeError);
  });
});

// Any valid vote: counts within an electorate, any quorum, any threshold.
const thresholdArb = fc.constantFrom<PassThreshold>("SIMPLE_MAJORITY", "TWO_THIRDS", "UNANIMITY");
const voteArb = fc
  .record({
    yes: fc.nat({ max: 300 }),
    no: fc.nat({ max: 300 }),
    abstain: fc.nat({ max: 300 }),
    absent: fc.nat({ max: 300 }),
    quorumPercent: fc.integer({ min: 0, max: 100 }),
    passThreshold: thresholdArb,
  })
  .map(({ yes, no, abstain, absent, quorumPercent, passThreshold }) => ({
    tally: { yes, no, abstain },
    electorate: yes + no + abstain + absent,
    rules: { quorumPercent, passThreshold },
  }));

describe("properties over every valid vote", () => {
  it("NO_QUORUM exactly when fewer took part than the quorum's share of the electorate", () => {
    fc.assert(
      fc.property(voteArb, ({ tally, electorate, rules: r }) => {
        const turnout = tally.yes + tally.no + tally.abstain;
        // Integer comparison, independent of the implementation: turnout / electorate < quorum / 100.
        const short = 100 * turnout < r.quorumPercent * electorate;
        expect(outcome(tally, electorate, r) === "NO_QUORUM").toBe(short);
      }),
    );
  });

  it("the members needed for quorum are the fewest whole people reaching the quorum percentage", () => {
    fc.assert(
      fc.property(voteArb, ({ tally, electorate, rules: r }) => {
        const needed = decideOutcome(tally, electorate, r).quorumNeeded;
        expect(100 * needed).toBeGreaterThanOrEqual(r.quorumPercent * electorate);
        if (needed > 0) expect(100 * (needed - 1)).toBeLessThan(r.quorumPercent * electorate);
        expect(needed).toBeLessThanOrEqual(electorate);
      }),
    );
  });

  it("one more yes never undoes a pass", () => {
    fc.assert(
      fc.property(voteArb, ({ tally, electorate, rules: r }) => {
        fc.pre(outcome(tally, electorate, r) === "PASSED");
        const more = { ...tally, yes: tally.yes + 1 };
        expect(outcome(more, electorate + 1, r)).toBe("PASSED"); // the new voter joins the electorate
        if (tally.yes + tally.no + tally.abstain < electorate) expect(outcome(more, electorate, r)).toBe("PASSED");
      }),
    );
  });

  it("one more no never turns a rejection into a pass", () => {
    fc.assert(
      fc.property(voteArb, ({ tally, electorate, rules: r }) => {
        fc.pre(outcome(tally, electorate, r) === "REJECTED");
        expect(outcome({ ...tally, no: tally.no + 1 }, electorate + 1, r)).toBe("REJECTED");
      }),
    );
  });

  it("once quorum is met, abstentions never change whether a motion passes", () => {
    fc.assert(
      fc.property(voteArb, fc.nat({ max: 300 }), ({ tally, electorate, rules: r }, extra) => {
        const before = outcome(tally, electorate, r);
        fc.pre(before !== "NO_QUORUM");
        expect(outcome({ ...tally, abstain: tally.abstain + extra }, electorate + extra, r)).toBe(before);
      }),
    );
  });

  it("a stricter threshold never passes what a looser one rejects", () => {
    fc.assert(
      fc.property(voteArb, ({ tally, electorate, rules: r }) => {
        const at = (t: PassThreshold) => outcome(tally, electorate, { ...r, passThreshold: t }) === "PASSED";
        if (at("UNANIMITY")) expect(at("TWO_THIRDS")).toBe(true);
        if (at("TWO_THIRDS")) expect(at("SIMPLE_MAJORITY")).toBe(true);
      }),
    );
  });

  it("raising the quorum never rescues a vote that lacked it", () => {
    fc.assert(
      fc.property(voteArb, fc.integer({ min: 0, max: 100 }), ({ tally, electorate, rules: r }, higher) => {
        fc.pre(outcome(tally, electorate, r) === "NO_QUORUM" && higher >= r.quorumPercent);
        expect(outcome(tally, electorate, { ...r, quorumPercent: higher })).toBe("NO_QUORUM");
      }),
    );
  });

  it("under simple majority, swapping yes and no turns a pass into a rejection", () => {
    fc.assert(
      fc.property(voteArb, ({ tally, electorate, rules: r }) => {
        const simple = { ...r, passThreshold: "SIMPLE_MAJORITY" as const };
        fc.pre(outcome(tally, electorate, simple) === "PASSED");
        expect(outcome({ ...tally, yes: tally.no, no: tally.yes }, electorate, simple)).toBe("REJECTED");
      }),
    );
  });

  it("no motion passes without at least one yes", () => {
    fc.assert(
      fc.property(voteArb, ({ tally, electorate, rules: r }) => {
        expect(outcome({ ...tally, yes: 0 }, electorate, r)).not.toBe("PASSED");
      }),
    );
  });
});

describe("decideOutcome with a stored result row", () => {
  it("reads only the counts, whatever else the record carries", () => {
    // The results page passes the stored Result row (ids, timestamps, booleans) straight in.
    const row = { proposalId: "cm0abc", yes: 3, no: 1, abstain: 0, electorateSize: 4, quorumMet: true, computedAt: new Date() };
    expect(decideOutcome(row, 4, { quorumPercent: 50, passThreshold: "SIMPLE_MAJORITY" }).outcome).toBe("PASSED");
  });
});
