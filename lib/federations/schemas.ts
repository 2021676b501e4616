// Inputs for federations: founding one (its charter includes how mandates are weighed), a
// council asking to join, and questions put to the federation.
import { z } from "zod";
import { msg } from "../schema-messages";
import { formCheckbox, ZCharter, ZCreateCouncil, ZId } from "../councils/schemas";

export const FEDERATION_WEIGHTINGS = ["EQUAL", "MEMBERSHIP"] as const;

export const ZCreateFederation = ZCreateCouncil.omit({ kind: true, joinPolicy: true }).extend({
  foundingCouncilId: ZId,
  charter: ZCharter.extend({
    weighting: z.enum(FEDERATION_WEIGHTINGS, { error: msg("federationWeightingRequired") }),
  }),
});
export type TCreateFederation = z.infer<typeof ZCreateFederation>;

export const ZJoinFederation = z.object({ federationId: ZId, councilId: ZId });

export const ZCreateFederationMotion = z.object({
  federationId: ZId,
  title: z.string({ error: msg("titleRequired") }).trim().min(5, msg("atLeastChars", { min: 5 })).max(160, msg("atMostChars", { max: 160 })),
  body: z.string({ error: msg("motionBodyRequired") }).trim().min(10, msg("bodyMin", { min: 10 })).max(20_000, msg("atMostChars", { max: 20_000 })),
  /** Asks the member councils for secret ballots; each council's own charter decides. */
  secretBallot: formCheckbox.optional(),
});
