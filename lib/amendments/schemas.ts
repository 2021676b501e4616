// Inputs for amendments.
import { z } from "zod";
import { ZId } from "../councils/schemas";

export const ZProposeAmendment = z.object({
  proposalId: ZId, // the main proposal
  summary: z.string({ error: "Say in a line what the amendment changes." }).trim()
    .min(5, "Say in at least 5 characters what it changes.").max(100, "Use at most 100 characters."),
  body: z.string({ error: "Write the amended text." }).trim()
    .min(10, "The amended text needs at least 10 characters.").max(20_000, "Use at most 20,000 characters."),
});
export type TProposeAmendment = z.infer<typeof ZProposeAmendment>;
