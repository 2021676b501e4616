// A proposal's status, voting deadline and what members may see of a vote (lib/proposals/lifecycle.ts),
// derived from timestamps and the clock: the boundaries are where members would notice a mistake.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { proposalStatus, resultVisibility, votingDeadline, type ProposalStatus } from "@/lib/proposals/lifecycle";

const HOUR = 3_600_000;
const opened = new Date("2026-11-25T09:00:00.000Z");
const closes = new Date("2026-11-26T09:00:00.000Z");
const voting = { withdrawnAt: null, votingOpenedAt: opened, votingClosesAt: closes };

describe("proposal status", () => {
  it("is in deliberation until voting opens", () => {
    expect(proposalStatus({ withdrawnAt: null, votingOpenedAt: null, votingClosesAt: null }, closes)).toBe("deliberation");
  });

  it("is open for voting from the moment it opens until just before the deadline", () => {
    expect(proposalStatus(voting, opened)).toBe("voting");
    expect(proposalStatus(voting, new Date(closes.getTime() - 1))).toBe("voting");
  });

  it("is closed at the very instant of the deadline, whether or not anyone closed it", () => {
    expect(proposalStatus(voting, closes)).toBe("closed");
    expect(proposalStatus(voting, new Date(closes.getTime() + 1))).toBe("closed");
  });

  it("a withdrawn proposal stays withdrawn, whatever its timestamps and the clock say", () => {
    const withdrawn = new Date("2026-11-24T12:00:00.000Z");
    expect(proposalStatus({ withdrawnAt: withdrawn, votingOpenedAt: null, votingClosesAt: null }, closes)).toBe("withdrawn");
    expect(proposalStatus({ ...voting, withdrawnAt: withdrawn }, opened)).toBe("withdrawn");
  });

  it("uses the real clock when no time is given", () => {
    const now = Date.now();
    const running = { withdrawnAt: null, votingOpenedAt: new Date(now - HOUR), votingClosesAt: new Date(now + HOUR) };
    expect(proposalStatus(running)).toBe("voting");
    expect(proposalStatus({ ...running, votingClosesAt: new Date(now - 1) })).toBe("closed");
  });

  it("for any deadline and any moment, it is voting before the deadline and closed from it on", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10 * HOUR, max: 10 * HOUR }), (offset) => {
        const now = new Date(closes.getTime() + offset);
        expect(proposalStatus(voting, now)).toBe(offset < 0 ? "voting" : "closed");
      }),
    );
  });
});

describe("voting deadline", () => {
  it("is the charter's voting period when nothing else is asked", () => {
    expect(votingDeadline(opened, 24)).toEqual(closes);
  });

  it("can be longer than the charter's period when asked", () => {
    expect(votingDeadline(opened, 24, 48).getTime() - opened.getTime()).toBe(48 * HOUR);
  });

  it("is never shorter than the charter's period, so nobody can cut a vote short", () => {
    expect(votingDeadline(opened, 72, 1).getTime() - opened.getTime()).toBe(72 * HOUR);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2160 }), fc.option(fc.integer({ min: 1, max: 2160 }), { nil: undefined }), (charter, asked) => {
        const hours = (votingDeadline(opened, charter, asked).getTime() - opened.getTime()) / HOUR;
        expect(hours).toBe(Math.max(charter, asked ?? charter));
      }),
    );
  });
});

describe("what a member sees of the result", () => {
  it("nothing before voting opens or once a proposal is withdrawn", () => {
    for (const status of ["deliberation", "withdrawn"] as ProposalStatus[]) {
      for (const live of [false, true]) expect(resultVisibility(status, live)).toEqual({ turnout: false, tally: false });
    }
  });

  it("while voting, the turnout but not the tally, unless the charter chose live results", () => {
    expect(resultVisibility("voting", false)).toEqual({ turnout: true, tally: false });
    expect(resultVisibility("voting", true)).toEqual({ turnout: true, tally: true });
  });

  it("everything once voting has closed", () => {
    expect(resultVisibility("closed", false)).toEqual({ turnout: true, tally: true });
    expect(resultVisibility("closed", true)).toEqual({ turnout: true, tally: true });
  });
});
