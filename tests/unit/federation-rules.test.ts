// How a member council's vote becomes its mandate, and mandates become the federation's tally.
import { describe, expect, it } from "vitest";
import { mandateFromOutcome, tallyMandates, weightOf, type CouncilMandate } from "@/lib/federations/rules";

describe("mandates", () => {
  it("passed is yes, rejected is no, no quorum or no decision is abstain", () => {
    expect(mandateFromOutcome("PASSED")).toBe("YES");
    expect(mandateFromOutcome("REJECTED")).toBe("NO");
    expect(mandateFromOutcome("NO_QUORUM")).toBe("ABSTAIN");
    expect(mandateFromOutcome(null)).toBe("ABSTAIN");
  });

  it("a council where nobody voted abstains, even if a 0% quorum made its motion 'rejected'", () => {
    expect(mandateFromOutcome("REJECTED", 0)).toBe("ABSTAIN");
  });

  it("weights one council one vote, or by electorate", () => {
    const m = (mandate: CouncilMandate["mandate"], electorate: number, weighting: "EQUAL" | "MEMBERSHIP"): CouncilMandate => ({
      councilId: String(electorate), councilName: "c", mandate, weight: weightOf(weighting, electorate), decided: true,
      electorateSize: electorate, yes: 0, no: 0, abstain: 0, outcome: null,
    });
    const councils = [["YES", 3], ["YES", 4], ["NO", 20]] as const;
    expect(tallyMandates(councils.map(([x, n]) => m(x, n, "EQUAL")))).toEqual({ yes: 2, no: 1, abstain: 0 });
    expect(tallyMandates(councils.map(([x, n]) => m(x, n, "MEMBERSHIP")))).toEqual({ yes: 7, no: 20, abstain: 0 });
  });
});
