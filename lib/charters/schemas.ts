// Inputs for proposing a charter change. Every rule is optional: a field left out stays as it is.
// The service compares what is proposed with the current charter and records only the differences.
import { z } from "zod";
import { msg } from "../schema-messages";
import { BALLOT_SECRECIES, formInt, JOIN_POLICIES, MAX_VOTING_PERIOD_HOURS, PASS_THRESHOLDS, ZId } from "../councils/schemas";

export const WEIGHTINGS = ["EQUAL", "MEMBERSHIP"] as const;

/** A form's "" means "not given"; the rest is validated as strictly as at founding. */
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

export const ZProposedRules = z.object({
  joinPolicy: z.preprocess(blank, z.enum(JOIN_POLICIES, { error: msg("joinPolicyRequired") }).optional()),
  quorumPercent: z.preprocess(blank, formInt(msg("quorumRequired")).pipe(z.number()
    .min(0, msg("quorumMin")).max(100, msg("quorumMax"))).optional()),
  passThreshold: z.preprocess(blank, z.enum(PASS_THRESHOLDS, { error: msg("passThresholdRequired") }).optional()),
  votingPeriodHours: z.preprocess(blank, formInt(msg("votingPeriodRequired")).pipe(z.number()
    .min(1, msg("votingPeriodMin"))
    .max(MAX_VOTING_PERIOD_HOURS, msg("votingPeriodMax", { days: MAX_VOTING_PERIOD_HOURS / 24 }))).optional()),
  liveResults: z.preprocess(
    (v) => (v === "true" ? true : v === "false" ? false : blank(v)),
    z.boolean({ error: msg("liveResultsRequired") }).optional(),
  ),
  ballotSecrecy: z.preprocess(blank, z.enum(BALLOT_SECRECIES, { error: msg("ballotSecrecyRequired") }).optional()),
  // "none" is an explicit "no limit", distinct from leaving the field out.
  termLimit: z.preprocess(
    (v) => (v === "none" ? null : blank(v)),
    z.coerce.number({ error: msg("termsRequired") }).int(msg("termsWhole"))
      .min(1, msg("termsMin")).max(20, msg("termsMax", { max: 20 })).nullable().optional(),
  ),
  weighting: z.preprocess(blank, z.enum(WEIGHTINGS, { error: msg("weightingRequired") }).optional()),
  charterChangeThreshold: z.preprocess(blank, z.enum(PASS_THRESHOLDS, { error: msg("charterChangeThresholdRequired") }).optional()),
});
export type TProposedRules = z.infer<typeof ZProposedRules>;

export const ZProposeCharterChange = z.object({
  councilId: ZId,
  title: z.string({ error: msg("titleRequired") }).trim().min(5, msg("atLeastChars", { min: 5 })).max(160, msg("atMostChars", { max: 160 })),
  body: z.string({ error: msg("sayWhy") }).trim().min(10, msg("charterBodyMin", { min: 10 })).max(20_000, msg("atMostChars", { max: 20_000 })),
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
