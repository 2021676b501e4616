"use server";
// Server actions for a proposal's discussion: authenticate, validate, call the service, revalidate.
import { revalidatePath } from "next/cache";
import { formAction } from "../actions/form-action";
import { ZEditComment, ZHideComment, ZPostComment } from "./schemas";
import { editComment, hideComment, postComment } from "./service";
import { EDIT_WINDOW_MINUTES } from "./rules";

export const postCommentAction = formAction(ZPostComment, async (input, { db, user }) => {
  const comment = await postComment(db, { ...input, authorId: user.id });
  revalidatePath(`/proposals/${comment.proposalId}`);
  return { ok: true, message: `Posted. You can edit it for ${EDIT_WINDOW_MINUTES} minutes.` };
});

export const editCommentAction = formAction(ZEditComment, async (input, { db, user }) => {
  const comment = await editComment(db, { ...input, actorId: user.id });
  revalidatePath(`/proposals/${comment.proposalId}`);
  return { ok: true, message: "Your comment is updated." };
});

export const hideCommentAction = formAction(ZHideComment, async (input, { db, user }) => {
  const comment = await hideComment(db, { ...input, actorId: user.id });
  revalidatePath(`/proposals/${comment.proposalId}`);
  return { ok: true, message: "The comment is hidden; your reason is shown in its place." };
});
