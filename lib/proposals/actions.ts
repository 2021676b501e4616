"use server";
// Server actions for proposals and votes: authenticate, validate, call the service, revalidate.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formAction } from "../actions/form-action";
import { castVote } from "../voting/service";
import { limitBallots } from "../voting/limits";
import { ZCastVote, ZCreateProposal, ZOpenVoting, ZProposalRef } from "./schemas";
import { createProposal, openVoting, withdrawProposal } from "./service";

export const createProposalAction = formAction(ZCreateProposal, async (input, { db, user }) => {
  const proposal = await createProposal(db, { ...input, authorId: user.id });
  redirect(`/proposals/${proposal.id}`);
});

export const openVotingAction = formAction(ZOpenVoting, async ({ proposalId, votingHours }, { db, user }) => {
  await openVoting(db, { proposalId, actorId: user.id, votingHours });
  revalidatePath(`/proposals/${proposalId}`);
  return { ok: true, message: (await getTranslations("vote"))("opened") };
});

export const withdrawProposalAction = formAction(ZProposalRef, async ({ proposalId }, { db, user }) => {
  await withdrawProposal(db, { proposalId, actorId: user.id });
  revalidatePath(`/proposals/${proposalId}`);
  return { ok: true, message: (await getTranslations("vote"))("withdrawn") };
});

// No revalidatePath here: re-rendering the whole proposal page for every ballot was most of a vote's
// server time (docs/decisions/011-performance.md). The form shows the recorded choice from this
// answer, and the live turnout beside it asks for fresh figures as soon as the vote is recorded.
export const castVoteAction = formAction(ZCastVote, async (input, { db, user }) => {
  await limitBallots(db, user.id);
  const { receipt } = await castVote(db, { ...input, userId: user.id });
  const t = await getTranslations("vote");
  if (receipt) return { ok: true, message: t("secretRecorded"), receipt };
  return { ok: true, message: t("recorded", { choice: t(`choiceWord.${input.choice}`) }), values: { choice: input.choice } };
});
