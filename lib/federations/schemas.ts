// Inputs for federations: founding one (its charter includes how mandates are weighed), a
// council asking to join, and questions put to the federation.
import { z } from "zod";
import { formCheckbox, ZCharter, ZCreateCouncil, ZId } from "../councils/schemas";

export const FEDERATION_WEIGHTINGS = ["EQUAL", "MEMBERSHIP"] as const;

export const ZCreateFederation = ZCreateCouncil.omit({ kind: true, joinPolicy: true }).extend({
  foundingCouncilId: ZId,
  charter: ZCharter.extend({
    weighting: z.enum(FEDERATION_WEIGHTINGS, { error: "Choose how member councils' mandates are weighed." }),
  }),
});
export type TCreateFederation = z.infer<typeof ZCreateFederation>;

export const ZJoinFederation = z.object({ federationId: ZId, councilId: ZId });

export const ZCreateFederationMotion = z.object({
  federationId: ZId,
  title: z.string({ error: "Enter a title." }).trim().min(5, "Use at least 5 characters.").max(160, "Use at most 160 characters."),
  body: z.string({ error: "Describe the motion." }).trim().min(10, "Say a little more: at least 10 characters.").max(20_000, "Use at most 20,000 characters."),
  /** Asks the member councils for secret ballots; each council's own charter decides. */
  secretBallot: formCheckbox.optional(),
});
