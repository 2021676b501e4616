"use server";
// Server actions for proposals and votes: authenticate, validate, call the service, revalidate.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
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
  return { ok: true, message: "Voting is open." };
});

export const withdrawProposalAction = formAction(ZProposalRef, async ({ proposalId }, { db, user }) => {
  await withdrawProposal(db, { proposalId, actorId: user.id });
  revalidatePath(`/proposals/${proposalId}`);
  return { ok: true, message: "The proposal was withdrawn." };
});

const CHOICE_LABEL = { YES: "yes", NO: "no", ABSTAIN: "abstain" } as const;

// No revalidatePath here: re-rendering the whole proposal page for every ballot was most of a vote's
// server time (docs/decisions/011-performance.md). The form shows the recorded choice from this
// answer, and the live turnout beside it asks for fresh figures as soon as the vote is recorded.
export const castVoteAction = formAction(ZCastVote, async (input, { db, user }) => {
  await limitBallots(db, user.id);
  const { receipt } = await castVote(db, { ...input, userId: user.id });
  if (receipt) return { ok: true, message: "Your secret ballot is cast.", receipt };
  return {
    ok: true,
    message: `Your vote “${CHOICE_LABEL[input.choice]}” is recorded. You can change it until voting closes.`,
    values: { choice: input.choice },
  };
});
