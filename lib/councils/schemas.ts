// Inputs for founding and running a council.
import { z } from "zod";
import { msg } from "../schema-messages";

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
    z.coerce.number({ error: missing }).int(msg("wholeNumber")),
  );
}

export const ZSlug = z
  .string({ error: msg("slugRequired") })
  .trim()
  .toLowerCase()
  .min(3, msg("atLeastChars", { min: 3 }))
  .max(48, msg("atMostChars", { max: 48 }))
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, msg("slugFormat"))
  .refine((s) => !RESERVED_SLUGS.has(s), msg("slugReserved"));

export const ZCharter = z.object({
  quorumPercent: formInt(msg("quorumRequired")).pipe(z.number()
    .min(0, msg("quorumMin"))
    .max(100, msg("quorumMax"))),
  passThreshold: z.enum(PASS_THRESHOLDS, { error: msg("passThresholdRequired") }),
  votingPeriodHours: formInt(msg("votingPeriodRequired")).pipe(z.number()
    .min(1, msg("votingPeriodMin"))
    .max(MAX_VOTING_PERIOD_HOURS, msg("votingPeriodMax", { days: MAX_VOTING_PERIOD_HOURS / 24 }))),
  liveResults: z.boolean().default(false),
  ballotSecrecy: z.enum(BALLOT_SECRECIES, { error: msg("ballotSecrecyRequired") }).optional(), // absent: open
  termLimit: z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v),
    z.coerce.number({ error: msg("termsOrEmpty") }).int(msg("termsWhole"))
      .min(1, msg("termsMin")).max(20, msg("termsMaxOrEmpty", { max: 20 })).nullable(),
  ).optional(), // absent (not from a form) means no limit
});

/** A URL segment that could be a council's address; anything else is simply not found. */
export const looksLikeSlug = (value: string) => /^[a-z0-9-]{1,64}$/.test(value);

export const ZCreateCouncil = z.object({
  name: z.string({ error: msg("councilNameRequired") }).trim().min(3, msg("atLeastChars", { min: 3 })).max(80, msg("atMostChars", { max: 80 })),
  slug: ZSlug,
  kind: z.enum(COUNCIL_KINDS, { error: msg("councilKindRequired") }),
  description: z.string().trim().max(2000, msg("atMostChars", { max: 2_000 })).default(""),
  joinPolicy: z.enum(JOIN_POLICIES, { error: msg("joinPolicyRequired") }),
  charter: ZCharter,
});
export type TCreateCouncil = z.infer<typeof ZCreateCouncil>;

export const ZId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, msg("invalidId"));

export const ZMembershipDecision = z.object({
  councilId: ZId,
  membershipId: ZId,
});

export const ZCouncilSearch = z.object({
  q: z.string().transform((s) => s.replace(/[\u0000-\u001f\u007f]/g, "").trim()).pipe(z.string().max(100)).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export const ZInviteToken = z.string().trim().regex(/^[A-Za-z0-9_-]{32,64}$/, msg("invitationInvalid"));
