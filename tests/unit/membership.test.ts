// Every membership transition, allowed or refused (lib/councils/membership.ts), what joining does under
// each join policy, and which powers a role carries. A refused transition is an error the person sees.
import { describe, expect, it } from "vitest";
import { joinEvent, nextMembershipStatus, roleMay, type CouncilPermission, type MembershipEvent } from "@/lib/councils/membership";
import { DomainError } from "@/lib/errors";
import type { MemberRole, MembershipStatus } from "@/lib/generated/prisma/enums";

type From = MembershipStatus | null;
type Expected = MembershipStatus | "CONFLICT" | "FORBIDDEN";

// The whole table: rows are where a membership is (null = never joined), columns what happens.
const TABLE: Record<MembershipEvent, Record<string, Expected>> = {
  join: { none: "ACTIVE", PENDING: "ACTIVE", ACTIVE: "CONFLICT", DECLINED: "ACTIVE", LEFT: "ACTIVE", REMOVED: "FORBIDDEN" },
  "accept-invite": { none: "ACTIVE", PENDING: "ACTIVE", ACTIVE: "CONFLICT", DECLINED: "ACTIVE", LEFT: "ACTIVE", REMOVED: "ACTIVE" },
  request: { none: "PENDING", PENDING: "CONFLICT", ACTIVE: "CONFLICT", DECLINED: "PENDING", LEFT: "PENDING", REMOVED: "FORBIDDEN" },
  admit: { none: "CONFLICT", PENDING: "ACTIVE", ACTIVE: "CONFLICT", DECLINED: "CONFLICT", LEFT: "CONFLICT", REMOVED: "CONFLICT" },
  decline: { none: "CONFLICT", PENDING: "DECLINED", ACTIVE: "CONFLICT", DECLINED: "CONFLICT", LEFT: "CONFLICT", REMOVED: "CONFLICT" },
  remove: { none: "CONFLICT", PENDING: "CONFLICT", ACTIVE: "REMOVED", DECLINED: "CONFLICT", LEFT: "CONFLICT", REMOVED: "CONFLICT" },
  leave: { none: "CONFLICT", PENDING: "LEFT", ACTIVE: "LEFT", DECLINED: "CONFLICT", LEFT: "CONFLICT", REMOVED: "CONFLICT" },
};

const cases = Object.entries(TABLE).flatMap(([event, row]) =>
  Object.entries(row).map(([from, expected]) => ({
    event: event as MembershipEvent,
    from: (from === "none" ? null : from) as From,
    expected,
  })),
);

function attempt(from: From, event: MembershipEvent): Expected {
  try {
    return nextMembershipStatus(from, event);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    expect(e.message.length).toBeGreaterThan(10); // a sentence the person can read
    return e.code as Expected;
  }
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("membership transitions", () => {
  it("the table covers every status and every event", () => {
    expect(cases).toHaveLength(7 * 6);
  });

  it.each(cases)("$event from $from → $expected", ({ from, event, expected }) => {
    expect(attempt(from, event)).toBe(expected);
  });

  it("someone who was removed is told to ask for an invitation, which does let them back", () => {
    expect(() => nextMembershipStatus("REMOVED", "join")).toThrow(/invitation/);
    expect(nextMembershipStatus("REMOVED", "accept-invite")).toBe("ACTIVE");
  });
});

describe("joining under each join policy", () => {
  it("an open council lets people straight in", () => {
    expect(nextMembershipStatus(null, joinEvent("OPEN"))).toBe("ACTIVE");
  });

  it("an approval council files a request for a facilitator", () => {
    expect(nextMembershipStatus(null, joinEvent("APPROVAL"))).toBe("PENDING");
  });

  it("an invite-only council refuses anyone without an invitation", () => {
    const error = catchError(() => joinEvent("INVITE_ONLY"));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/invitation/) });
  });
});

describe("what a role may do", () => {
  const powers: CouncilPermission[] = ["admit", "decline", "remove", "invite", "open-any-vote"];

  it("a facilitator may administer the council", () => {
    for (const p of powers) expect(roleMay("FACILITATOR", p)).toBe(true);
  });

  it("a plain member may do none of it", () => {
    for (const p of powers) expect(roleMay("MEMBER", p)).toBe(false);
  });

  it("fails closed: unknown powers and unknown roles are refused", () => {
    expect(roleMay("FACILITATOR", "edit-ballots" as CouncilPermission)).toBe(false);
    expect(roleMay("FACILITATOR", "change-charter" as CouncilPermission)).toBe(false);
    expect(roleMay("ADMIN" as MemberRole, "admit")).toBe(false);
    expect(roleMay(undefined as unknown as MemberRole, "admit")).toBe(false);
  });
});
