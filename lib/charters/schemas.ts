// Inputs for proposing a charter change. Every rule is optional: a field left out stays as it is.
// The service compares what is proposed with the current charter and records only the differences.
import { z } from "zod";
import { BALLOT_SECRECIES, formInt, JOIN_POLICIES, MAX_VOTING_PERIOD_HOURS, PASS_THRESHOLDS, ZId } from "../councils/schemas";

export const WEIGHTINGS = ["EQUAL", "MEMBERSHIP"] as const;

/** A form's "" means "not given"; the rest is validated as strictly as at founding. */
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

export const ZProposedRules = z.object({
  joinPolicy: z.preprocess(blank, z.enum(JOIN_POLICIES, { error: "Choose how people join." }).optional()),
  quorumPercent: z.preprocess(blank, formInt("Enter a quorum between 0 and 100.").pipe(z.number()
    .min(0, "The quorum cannot be below 0%.").max(100, "The quorum cannot exceed 100%.")).optional()),
  passThreshold: z.preprocess(blank, z.enum(PASS_THRESHOLDS, { error: "Choose a pass threshold." }).optional()),
  votingPeriodHours: z.preprocess(blank, formInt("Enter the voting period in hours.").pipe(z.number()
    .min(1, "Voting must stay open for at least 1 hour.")
    .max(MAX_VOTING_PERIOD_HOURS, `Voting can stay open for at most ${MAX_VOTING_PERIOD_HOURS / 24} days.`)).optional()),
  liveResults: z.preprocess(
    (v) => (v === "true" ? true : v === "false" ? false : blank(v)),
    z.boolean({ error: "Choose when results are shown." }).optional(),
  ),
  ballotSecrecy: z.preprocess(blank, z.enum(BALLOT_SECRECIES, { error: "Choose open or secret ballots." }).optional()),
  // "none" is an explicit "no limit", distinct from leaving the field out.
  termLimit: z.preprocess(
    (v) => (v === "none" ? null : blank(v)),
    z.coerce.number({ error: "Enter a number of terms." }).int("Enter a whole number of terms.")
      .min(1, "A limit is at least one term.").max(20, "Use at most 20 terms.").nullable().optional(),
  ),
  weighting: z.preprocess(blank, z.enum(WEIGHTINGS, { error: "Choose how councils' votes weigh." }).optional()),
  charterChangeThreshold: z.preprocess(blank, z.enum(PASS_THRESHOLDS, { error: "Choose what charter changes need." }).optional()),
});
export type TProposedRules = z.infer<typeof ZProposedRules>;

export const ZProposeCharterChange = z.object({
  councilId: ZId,
  title: z.string({ error: "Enter a title." }).trim().min(5, "Use at least 5 characters.").max(160, "Use at most 160 characters."),
  body: z.string({ error: "Say why." }).trim().min(10, "Say a little more about why: at least 10 characters.").max(20_000, "Use at most 20,000 characters."),
  rules: ZProposedRules,
});
export type TProposeCharterChange = z.infer<typeof ZProposeCharterChange>;

/** A change as stored on the proposal (Proposal.charterChange), read back strictly. */
export const ZStoredCharterChange = z.object({
  joinPolicy: z.enum(JOIN_POLICIES).optional(),
  quorumPercent: z.number().int().min(0).max(100).optional(),
  passThreshold: z.enum(PASS_THRESHOLDS).optional(),
  votingPeriodHours: z.number().int().min(1).max(MAX_VOTING_PERIOD_HOURS).optional(),
  liveResults: z.boolean().optional(),
  ballotSecrecy: z.enum(BALLOT_SECRECIES).optional(),
  termLimit: z.number().int().min(1).max(20).nullable().optional(),
  weighting: z.enum(WEIGHTINGS).optional(),
  charterChangeThreshold: z.enum(PASS_THRESHOLDS).optional(),
}).strict();
