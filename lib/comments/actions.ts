"use server";
// Server actions for a proposal's discussion: authenticate, validate, call the service, revalidate.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { formAction } from "../actions/form-action";
import { ZEditComment, ZHideComment, ZPostComment } from "./schemas";
import { editComment, hideComment, postComment } from "./service";
import { EDIT_WINDOW_MINUTES } from "./rules";

export const postCommentAction = formAction(ZPostComment, async (input, { db, user }) => {
  const comment = await postComment(db, { ...input, authorId: user.id });
  revalidatePath(`/proposals/${comment.proposalId}`);
  return { ok: true, message: (await getTranslations("actions"))("posted", { minutes: EDIT_WINDOW_MINUTES }) };
});

export const editCommentAction = formAction(ZEditComment, async (input, { db, user }) => {
  const comment = await editComment(db, { ...input, actorId: user.id });
  revalidatePath(`/proposals/${comment.proposalId}`);
  return { ok: true, message: (await getTranslations("actions"))("commentUpdated") };
});

export const hideCommentAction = formAction(ZHideComment, async (input, { db, user }) => {
  const comment = await hideComment(db, { ...input, actorId: user.id });
  revalidatePath(`/proposals/${comment.proposalId}`);
  return { ok: true, message: (await getTranslations("actions"))("commentHidden") };
});
