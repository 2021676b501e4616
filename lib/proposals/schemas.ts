// Inputs for proposals and votes.
import { z } from "zod";
import { formCheckbox, MAX_VOTING_PERIOD_HOURS, ZId } from "../councils/schemas";

export const ZCreateProposal = z.object({
  councilId: ZId,
  title: z.string({ error: "Enter a title." }).trim().min(5, "Use at least 5 characters.").max(160, "Use at most 160 characters."),
  body: z.string({ error: "Describe the proposal." }).trim().min(10, "Say a little more: at least 10 characters.").max(20_000, "Use at most 20,000 characters."),
  /** Honoured where the charter lets the author choose; the charter decides otherwise. */
  secretBallot: formCheckbox.optional(),
});
export type TCreateProposal = z.infer<typeof ZCreateProposal>;

export const ZOpenVoting = z.object({
  proposalId: ZId,
  votingHours: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce
      .number({ error: "Enter a number of hours." })
      .int("Enter a whole number of hours.")
      .min(1, "At least 1 hour.")
      .max(MAX_VOTING_PERIOD_HOURS, `At most ${MAX_VOTING_PERIOD_HOURS} hours.`)
      .optional(),
  ),
});

export const ZProposalRef = z.object({ proposalId: ZId });

export const VOTE_CHOICES = ["YES", "NO", "ABSTAIN"] as const;
export const ZCastVote = z.object({
  proposalId: ZId,
  choice: z.enum(VOTE_CHOICES, { error: "Choose yes, no or abstain." }),
});
export type TCastVote = z.infer<typeof ZCastVote>;
