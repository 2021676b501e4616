// Inputs for the discussion of a proposal.
import { z } from "zod";
import { msg } from "../schema-messages";
import { ZId } from "../councils/schemas";

const ZBody = z.string({ error: msg("commentRequired") }).trim().min(1, msg("commentRequired")).max(5_000, msg("atMostChars", { max: 5_000 }));

export const ZPostComment = z.object({
  proposalId: ZId,
  parentId: z.preprocess((v) => (v === "" ? undefined : v), ZId.optional()),
  body: ZBody,
});
export type TPostComment = z.infer<typeof ZPostComment>;

export const ZEditComment = z.object({ commentId: ZId, body: ZBody });
export type TEditComment = z.infer<typeof ZEditComment>;

export const ZHideComment = z.object({
  commentId: ZId,
  reason: z.string({ error: msg("hideReasonRequired") }).trim()
    .min(5, msg("hideReasonMin", { min: 5 })).max(500, msg("atMostChars", { max: 500 })),
});
export type THideComment = z.infer<typeof ZHideComment>;
