// Inputs for amendments.
import { z } from "zod";
import { msg } from "../schema-messages";
import { ZId } from "../councils/schemas";

export const ZProposeAmendment = z.object({
  proposalId: ZId, // the main proposal
  summary: z.string({ error: msg("amendmentSummaryRequired") }).trim()
    .min(5, msg("amendmentSummaryMin", { min: 5 })).max(100, msg("atMostChars", { max: 100 })),
  body: z.string({ error: msg("amendedTextRequired") }).trim()
    .min(10, msg("amendedTextMin", { min: 10 })).max(20_000, msg("atMostChars", { max: 20_000 })),
});
export type TProposeAmendment = z.infer<typeof ZProposeAmendment>;
