// The pure rules of charter changes: what a change records, how it applies to the version current
// when it passes (so two passed changes compose), how it reads, and what threshold decides it.
import { describe, expect, it } from "vitest";
import { applyCharterChange, changeableFields, decisionRules, describeChange, diffCharter, isEmptyChange, type CharterRules } from "@/lib/charters/rules";
import { ZProposedRules, ZStoredCharterChange } from "@/lib/charters/schemas";

const base: CharterRules = {
  joinPolicy: "APPROVAL", quorumPercent: 50, passThreshold: "SIMPLE_MAJORITY", votingPeriodHours: 72, liveResults: false,
  ballotSecrecy: "OPEN", termLimit: null, weighting: "EQUAL", charterChangeThreshold: "TWO_THIRDS",
};

describe("a charter change", () => {
  it("records only the fields it changes", () => {
    expect(diffCharter(base, { ...base, quorumPercent: 40, liveResults: true })).toEqual({ quorumPercent: 40, liveResults: true });
    expect(isEmptyChange(diffCharter(base, { ...base }))).toBe(true);
    expect(diffCharter(base, { ...base, termLimit: 2 })).toEqual({ termLimit: 2 });
    expect(diffCharter({ ...base, termLimit: 2 }, base)).toEqual({ termLimit: null }); // lifting a limit is a change too
  });

  it("applies to whatever version is current when it passes, leaving the other fields alone", () => {
    const first = { quorumPercent: 40 };
    const second = { votingPeriodHours: 48, quorumPercent: 30 };
    const afterFirst = applyCharterChange(base, first);
    expect(afterFirst).toEqual({ ...base, quorumPercent: 40 });
    // The later change overrides only what it names: the earlier one's other effects stay.
    const afterBoth = applyCharterChange(applyCharterChange({ ...base, liveResults: true }, first), second);
    expect(afterBoth).toEqual({ ...base, liveResults: true, quorumPercent: 30, votingPeriodHours: 48 });
    expect(applyCharterChange(afterFirst, first)).toEqual(afterFirst); // passing the same change twice changes nothing more
  });

  it("reads as a list of before → after", () => {
    expect(describeChange(base, applyCharterChange(base, { quorumPercent: 40, joinPolicy: "OPEN", termLimit: 2, charterChangeThreshold: "UNANIMITY" }))).toEqual([
      "Joining: by a facilitator's approval → open to anyone",
      "Quorum: 50% → 40%",
      "Term limit: no limit → 2 terms",
      "Charter changes need: two-thirds → unanimity",
    ]);
    expect(describeChange(base, base)).toEqual([]);
  });

  it("is decided by the charter's threshold for changes; everything else by its pass threshold", () => {
    const charter = { quorumPercent: 50, passThreshold: "SIMPLE_MAJORITY" as const, charterChangeThreshold: "TWO_THIRDS" as const };
    expect(decisionRules("CHARTER_CHANGE", charter)).toEqual({ quorumPercent: 50, passThreshold: "TWO_THIRDS" });
    expect(decisionRules("MOTION", charter)).toEqual({ quorumPercent: 50, passThreshold: "SIMPLE_MAJORITY" });
  });

  it("councils of people change everything but federation weighting; federations neither join policy nor rotation", () => {
    expect(changeableFields("WORKERS")).not.toContain("weighting");
    expect(changeableFields("WORKERS")).toContain("joinPolicy");
    expect(changeableFields("FEDERATION")).toContain("weighting");
    expect(changeableFields("FEDERATION")).not.toContain("joinPolicy");
    expect(changeableFields("FEDERATION")).not.toContain("termLimit");
  });
});

describe("charter change inputs", () => {
  it("reads form fields, treating empty ones as unchanged and 'none' as no term limit", () => {
    expect(ZProposedRules.parse({ quorumPercent: "40", liveResults: "true", termLimit: "none", joinPolicy: "" }))
      .toEqual({ quorumPercent: 40, liveResults: true, termLimit: null });
    expect(ZProposedRules.parse({})).toEqual({});
  });

  it("refuses values a founding form would refuse", () => {
    const r = ZProposedRules.safeParse({ quorumPercent: "140", passThreshold: "MOST", votingPeriodHours: "0", termLimit: "1.5", liveResults: "maybe" });
    expect(r.success).toBe(false);
    const fields = new Set(r.error!.issues.map((i) => String(i.path[0])));
    expect(fields).toEqual(new Set(["quorumPercent", "passThreshold", "votingPeriodHours", "termLimit", "liveResults"]));
  });

  it("stored changes are read strictly", () => {
    expect(ZStoredCharterChange.safeParse({ quorumPercent: 40 }).success).toBe(true);
    expect(ZStoredCharterChange.safeParse({ quorumPercent: 40, councilId: "x" }).success).toBe(false);
    expect(ZStoredCharterChange.safeParse({ quorumPercent: "40" }).success).toBe(false);
  });
});
