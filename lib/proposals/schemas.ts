// Inputs for proposals and votes.
import { z } from "zod";
import { msg } from "../schema-messages";
import { formCheckbox, MAX_VOTING_PERIOD_HOURS, ZId } from "../councils/schemas";

export const ZCreateProposal = z.object({
  councilId: ZId,
  title: z.string({ error: msg("titleRequired") }).trim().min(5, msg("atLeastChars", { min: 5 })).max(160, msg("atMostChars", { max: 160 })),
  body: z.string({ error: msg("proposalBodyRequired") }).trim().min(10, msg("bodyMin", { min: 10 })).max(20_000, msg("atMostChars", { max: 20_000 })),
  /** Honoured where the charter lets the author choose; the charter decides otherwise. */
  secretBallot: formCheckbox.optional(),
});
export type TCreateProposal = z.infer<typeof ZCreateProposal>;

export const ZOpenVoting = z.object({
  proposalId: ZId,
  votingHours: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce
      .number({ error: msg("hoursRequired") })
      .int(msg("hoursWhole"))
      .min(1, msg("hoursMin", { min: 1 }))
      .max(MAX_VOTING_PERIOD_HOURS, msg("hoursMax", { max: MAX_VOTING_PERIOD_HOURS }))
      .optional(),
  ),
});

export const ZProposalRef = z.object({ proposalId: ZId });

export const VOTE_CHOICES = ["YES", "NO", "ABSTAIN"] as const;
export const ZCastVote = z.object({
  proposalId: ZId,
  choice: z.enum(VOTE_CHOICES, { error: msg("voteChoiceRequired") }),
});
export type TCastVote = z.infer<typeof ZCastVote>;
