// What the forms accept (lib/*/schemas.ts): each refusal is a message next to a field, each
// normalisation (trimming, lower-casing) is what gets stored. Plus where sign-in may send you back to.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ZCharter, ZCouncilSearch, ZCreateCouncil, ZInviteToken, ZMembershipDecision, ZSlug } from "@/lib/councils/schemas";
import { ZCastVote, ZCreateProposal, ZOpenVoting } from "@/lib/proposals/schemas";
import { ZEmail, ZSignIn, ZSignUp, safeReturnPath } from "@/lib/auth/schemas";

/** The messages shown next to each field, as a form would show them. */
function fieldErrors(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (out[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return out;
}

const charter = { quorumPercent: 50, passThreshold: "SIMPLE_MAJORITY", votingPeriodHours: 24 };
const council = { name: "Bakery Workers", slug: "bakery-workers", kind: "WORKERS", joinPolicy: "OPEN", charter };

describe("council web addresses (slugs)", () => {
  it.each(["bakery-workers", "abc", "co-op-2026", "a".repeat(48)])("accepts %j", (slug) => {
    expect(ZSlug.parse(slug)).toBe(slug);
  });

  it("trims and lower-cases what was typed", () => {
    expect(ZSlug.parse("  Bakery-Workers ")).toBe("bakery-workers");
  });

  it.each([
    ["too short", "ab"],
    ["too long", "a".repeat(49)],
    ["a space", "bakery workers"],
    ["a leading hyphen", "-bakery"],
    ["a trailing hyphen", "bakery-"],
    ["a double hyphen", "bakery--workers"],
    ["an underscore", "bakery_workers"],
    ["a slash", "bakery/workers"],
    ["a dot", "bakery.workers"],
    ["non-ASCII letters", "bäckerei"],
    ["nothing", ""],
  ])("refuses %s (%j)", (_label, slug) => {
    expect(ZSlug.safeParse(slug).success).toBe(false);
  });

  it("explains the rule in the slug's field", () => {
    expect(fieldErrors(ZCreateCouncil, { ...council, slug: "Bad Slug!" }).slug?.[0]).toMatch(/lower-case letters/);
  });
});

describe("founding a council", () => {
  it("accepts a complete form and fills in the defaults", () => {
    expect(ZCreateCouncil.parse({ ...council, name: "  Bakery Workers  " })).toEqual({
      ...council,
      description: "",
      charter: { ...charter, liveResults: false },
    });
  });

  it("reads numbers typed into the form", () => {
    expect(ZCharter.parse({ ...charter, quorumPercent: "33", votingPeriodHours: "72" })).toMatchObject({
      quorumPercent: 33,
      votingPeriodHours: 72,
    });
  });

  it.each([
    ["quorumPercent", 101],
    ["quorumPercent", -1],
    ["quorumPercent", 50.5],
    ["quorumPercent", "lots"],
    ["votingPeriodHours", 0],
    ["votingPeriodHours", 24 * 90 + 1],
    ["votingPeriodHours", 1.5],
    ["passThreshold", "MOST_VOTES"],
  ])("refuses a charter with %s = %j, with a message on that field", (field, value) => {
    const errors = fieldErrors(ZCreateCouncil, { ...council, charter: { ...charter, [field]: value } });
    expect(Object.keys(errors)).toEqual([`charter.${field}`]);
  });

  it("accepts the extremes of a charter: 0% and 100% quorum, 1 hour to 90 days", () => {
    for (const c of [
      { ...charter, quorumPercent: 0, votingPeriodHours: 1 },
      { ...charter, quorumPercent: 100, votingPeriodHours: 24 * 90 },
    ]) {
      expect(ZCharter.safeParse(c).success).toBe(true);
    }
  });

  it("refuses a blank name, an unknown kind or join policy, each on its own field", () => {
    const errors = fieldErrors(ZCreateCouncil, { ...council, name: "   ", kind: "GUILD", joinPolicy: "SECRET" });
    expect(Object.keys(errors).sort()).toEqual(["joinPolicy", "kind", "name"]);
    expect(fieldErrors(ZCreateCouncil, { ...council, kind: "FEDERATION" }).kind).toBeDefined(); // not yet offered
  });
});

describe("searching councils", () => {
  it("turns a nonsense page number into page 1 rather than an error", () => {
    for (const page of ["abc", "0", "-3", "1.5", undefined, "99999"]) {
      expect(ZCouncilSearch.parse({ q: "bakery", page })).toEqual({ q: "bakery", page: 1 });
    }
    expect(ZCouncilSearch.parse({ q: " bakery ", page: "3" })).toEqual({ q: "bakery", page: 3 });
  });

  it("treats a missing or overlong query as no query", () => {
    expect(ZCouncilSearch.parse({}).q).toBe("");
    expect(ZCouncilSearch.parse({ q: "x".repeat(101) }).q).toBe("");
  });
});

describe("ids and invitation tokens", () => {
  it("accepts ids as the database makes them and refuses anything else", () => {
    expect(ZMembershipDecision.safeParse({ councilId: "cmabc123", membershipId: "cm_x-9" }).success).toBe(true);
    for (const bad of ["", "a b", "x'; DROP TABLE", "../etc", "a".repeat(65)]) {
      expect(ZMembershipDecision.safeParse({ councilId: bad, membershipId: "cm1" }).success).toBe(false);
    }
  });

  it("accepts a token as the invitation link carries it and refuses mangled ones", () => {
    const token = "Q2hlY2sgdGhlIGJha2VyeSBpbnZpdGF0aW9uIGxpbms"; // 43 base64url characters
    expect(ZInviteToken.parse(` ${token} `)).toBe(token);
    for (const bad of [token.slice(0, 31), `${token}/`, `${token}=`, "x".repeat(65)]) {
      expect(ZInviteToken.safeParse(bad).success).toBe(false);
    }
  });
});

describe("proposals and votes", () => {
  it("trims a proposal and refuses one too short to be understood", () => {
    expect(ZCreateProposal.parse({ councilId: "c1", title: "  Buy an oven ", body: " The old one is broken. " })).toEqual({
      councilId: "c1",
      title: "Buy an oven",
      body: "The old one is broken.",
    });
    expect(Object.keys(fieldErrors(ZCreateProposal, { councilId: "c1", title: "Oven", body: "Broken" })).sort()).toEqual(["body", "title"]);
  });

  it("an empty voting-period field means the charter's period", () => {
    expect(ZOpenVoting.parse({ proposalId: "p1", votingHours: "" })).toEqual({ proposalId: "p1" });
    expect(ZOpenVoting.parse({ proposalId: "p1", votingHours: "48" })).toEqual({ proposalId: "p1", votingHours: 48 });
    expect(fieldErrors(ZOpenVoting, { proposalId: "p1", votingHours: "0" }).votingHours).toBeDefined();
    expect(fieldErrors(ZOpenVoting, { proposalId: "p1", votingHours: "two days" }).votingHours).toBeDefined();
  });

  it("a ballot is yes, no or abstain, nothing else", () => {
    for (const choice of ["YES", "NO", "ABSTAIN"]) expect(ZCastVote.safeParse({ proposalId: "p1", choice }).success).toBe(true);
    for (const choice of ["yes", "MAYBE", "", null]) {
      expect(fieldErrors(ZCastVote, { proposalId: "p1", choice }).choice?.[0]).toBe("Choose yes, no or abstain.");
    }
  });
});

describe("email addresses", () => {
  it("are trimmed and lower-cased, so one address is one account", () => {
    expect(ZEmail.parse("  Ada.Lovelace@Example.ORG ")).toBe("ada.lovelace@example.org");
  });

  it.each(["", "ada", "ada@", "@example.org", "ada@example", "ada @example.org", "ada@@example.org", `${"a".repeat(250)}@x.org`])(
    "refuses %j",
    (email) => {
      expect(ZEmail.safeParse(email).success).toBe(false);
    },
  );
});

describe("signing up and in", () => {
  const signUp = { name: "Ada", email: "ada@example.org", password: "correct horse" };

  it("needs a password of at least 12 characters", () => {
    expect(fieldErrors(ZSignUp, { ...signUp, password: "x".repeat(11) }).password?.[0]).toBe("Use at least 12 characters.");
    expect(ZSignUp.safeParse({ ...signUp, password: "x".repeat(12) }).success).toBe(true);
  });

  it("keeps the password exactly as typed, spaces included", () => {
    expect(ZSignUp.parse({ ...signUp, password: "  twelve chars  " }).password).toBe("  twelve chars  ");
  });

  it("needs a name that is more than blanks", () => {
    expect(fieldErrors(ZSignUp, { ...signUp, name: "   " }).name?.[0]).toBe("Enter your name.");
  });

  it("signing in normalises the email the same way as signing up", () => {
    expect(ZSignIn.parse({ email: " ADA@example.org", password: "anything" }).email).toBe(ZSignUp.parse({ ...signUp, email: "Ada@Example.org" }).email);
    expect(fieldErrors(ZSignIn, { email: "ada@example.org", password: "" }).password?.[0]).toBe("Enter your password.");
  });
});

describe("where sign-in sends you back to", () => {
  const SITE = "https://plenum.test";
  /** Where a browser would actually go if we redirected to the returned path. */
  const landing = (value: unknown) => new URL(safeReturnPath(value), SITE);

  it.each(["/", "/councils/bakery-workers", "/proposals/p1?tab=results#vote", "/councils?q=a//b"])("keeps a path on this site: %j", (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it.each([
    "//evil.com",
    "//evil.com/councils",
    "https://evil.com",
    "http://evil.com/",
    "/\\evil",
    "/\\evil.com/path",
    "javascript:alert(1)",
    "evil.com",
    "",
  ])("refuses %j and goes home instead", (value) => {
    expect(safeReturnPath(value)).toBe("/");
    expect(landing(value).origin).toBe(SITE);
  });

  it("falls back for anything that is not a string, to the given fallback if any", () => {
    for (const value of [undefined, null, 42, ["/councils"], { href: "/councils" }]) expect(safeReturnPath(value)).toBe("/");
    expect(safeReturnPath("//evil.com", "/councils")).toBe("/councils");
  });

  // Browsers delete tabs and newlines anywhere in a URL, so "/\t/evil.com" would become "//evil.com".
  it("refuses paths that browsers turn into another site by dropping a tab or newline", () => {
    for (const value of ["/\t/evil.com", "/\n/evil.com", "/\r\n/evil.com", "\t//evil.com"]) {
      expect(landing(value).origin).toBe(SITE);
    }
  });
});

describe("found by a walk-through as a new user", () => {
  it("refuses web addresses that are the app's own pages, like /councils/new", () => {
    for (const slug of ["new", "NEW", "api"]) {
      expect(ZSlug.safeParse(slug).error?.issues[0]?.message).toBe("This address is used by Plenum itself; choose another.");
    }
    expect(ZSlug.parse("new-bakers")).toBe("new-bakers");
  });

  it("treats an emptied number field as missing, never as 0", () => {
    const charter = { passThreshold: "SIMPLE_MAJORITY", votingPeriodHours: "24" };
    expect(fieldErrors(ZCharter, { ...charter, quorumPercent: "" }).quorumPercent).toEqual(["Enter a quorum between 0 and 100."]);
    expect(fieldErrors(ZCharter, { ...charter, quorumPercent: "  " }).quorumPercent).toEqual(["Enter a quorum between 0 and 100."]);
    expect(ZCharter.parse({ ...charter, quorumPercent: "0" }).quorumPercent).toBe(0);
  });

  it("refuses a password of spaces", () => {
    expect(fieldErrors(ZSignUp, { name: "A", email: "a@b.org", password: " ".repeat(14) }).password).toEqual([
      "Use at least 12 characters that are not spaces.",
    ]);
    expect(ZSignUp.parse({ name: "A", email: "a@b.org", password: "correct horse battery" }).password).toBe("correct horse battery");
  });

  it("drops control characters from a search rather than failing", () => {
    expect(ZCouncilSearch.parse({ q: "bak\u0000ery", page: "1" }).q).toBe("bakery");
  });
});

describe("term limits in the charter", () => {
  const charter = { quorumPercent: "50", passThreshold: "SIMPLE_MAJORITY", votingPeriodHours: "24" };
  it("an empty field means no limit; a number is a limit; nonsense is refused", () => {
    expect(ZCharter.parse({ ...charter, termLimit: "" }).termLimit).toBeNull();
    expect(ZCharter.parse({ ...charter, termLimit: "2" }).termLimit).toBe(2);
    expect(fieldErrors(ZCharter, { ...charter, termLimit: "0" }).termLimit).toEqual(["A limit is at least one term."]);
    expect(fieldErrors(ZCharter, { ...charter, termLimit: "two" }).termLimit).toBeDefined();
  });
});
