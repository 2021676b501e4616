// Inputs for the discussion of a proposal.
import { z } from "zod";
import { ZId } from "../councils/schemas";

const ZBody = z.string({ error: "Write your comment." }).trim().min(1, "Write your comment.").max(5_000, "Use at most 5,000 characters.");

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
  reason: z.string({ error: "Say why the comment is hidden." }).trim()
    .min(5, "Say why in at least 5 characters: members will read it.").max(500, "Use at most 500 characters."),
});
export type THideComment = z.infer<typeof ZHideComment>;
