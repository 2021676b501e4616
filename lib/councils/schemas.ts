// Inputs for founding and running a council.
import { z } from "zod";

export const COUNCIL_KINDS = ["WORKERS", "CONSUMERS", "ASSEMBLY"] as const;
export const JOIN_POLICIES = ["OPEN", "APPROVAL", "INVITE_ONLY"] as const;
export const PASS_THRESHOLDS = ["SIMPLE_MAJORITY", "TWO_THIRDS", "UNANIMITY"] as const;
export const BALLOT_SECRECIES = ["OPEN", "SECRET", "AUTHOR_CHOOSES"] as const;

export const MAX_VOTING_PERIOD_HOURS = 24 * 90;

/** Addresses that are pages of the app, not councils (e.g. /councils/new). */
export const RESERVED_SLUGS = new Set(["new", "edit", "settings", "search", "admin", "api", "invite", "proposals"]);

/** A checkbox: "on" when ticked, absent when not. */
export const formCheckbox = z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean());

/** A whole number from a form field; an empty field is missing, never 0. */
export function formInt(missing: string) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number({ error: missing }).int("Enter a whole number."),
  );
}

export const ZSlug = z
  .string({ error: "Choose a web address." })
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters.")
  .max(48, "Use at most 48 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, like bakery-workers.")
  .refine((s) => !RESERVED_SLUGS.has(s), "This address is used by Plenum itself; choose another.");

export const ZCharter = z.object({
  quorumPercent: formInt("Enter a quorum between 0 and 100.").pipe(z.number()
    .min(0, "The quorum cannot be below 0%.")
    .max(100, "The quorum cannot exceed 100%.")),
  passThreshold: z.enum(PASS_THRESHOLDS, { error: "Choose a pass threshold." }),
  votingPeriodHours: formInt("Enter the voting period in hours.").pipe(z.number()
    .min(1, "Voting must stay open for at least 1 hour.")
    .max(MAX_VOTING_PERIOD_HOURS, `Voting can stay open for at most ${MAX_VOTING_PERIOD_HOURS / 24} days.`)),
  liveResults: z.boolean().default(false),
  ballotSecrecy: z.enum(BALLOT_SECRECIES, { error: "Choose open or secret ballots." }).optional(), // absent: open
  termLimit: z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v),
    z.coerce.number({ error: "Enter a number of terms, or leave it empty." }).int("Enter a whole number of terms.")
      .min(1, "A limit is at least one term.").max(20, "Use at most 20 terms, or leave it empty.").nullable(),
  ).optional(), // absent (not from a form) means no limit
});

/** A URL segment that could be a council's address; anything else is simply not found. */
export const looksLikeSlug = (value: string) => /^[a-z0-9-]{1,64}$/.test(value);

export const ZCreateCouncil = z.object({
  name: z.string({ error: "Enter a name." }).trim().min(3, "Use at least 3 characters.").max(80, "Use at most 80 characters."),
  slug: ZSlug,
  kind: z.enum(COUNCIL_KINDS, { error: "Choose what kind of council this is." }),
  description: z.string().trim().max(2000, "Use at most 2000 characters.").default(""),
  joinPolicy: z.enum(JOIN_POLICIES, { error: "Choose how people join." }),
  charter: ZCharter,
});
export type TCreateCouncil = z.infer<typeof ZCreateCouncil>;

export const ZId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "Invalid id.");

export const ZMembershipDecision = z.object({
  councilId: ZId,
  membershipId: ZId,
});

export const ZCouncilSearch = z.object({
  q: z.string().transform((s) => s.replace(/[\u0000-\u001f\u007f]/g, "").trim()).pipe(z.string().max(100)).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export const ZInviteToken = z.string().trim().regex(/^[A-Za-z0-9_-]{32,64}$/, "This invitation link is not valid.");
