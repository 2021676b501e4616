"use server";
// Server actions for elections: authenticate, validate, call the service, revalidate.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formAction } from "../actions/form-action";
import { DomainError } from "../errors";
import { limitBallots } from "../voting/limits";
import { castRankedVote, createElection, nominate, respondToNomination } from "./service";
import { rankingFromFields, ZCreateElection, ZNominate, ZRankedVote, ZRespondNomination } from "./schemas";

export const createElectionAction = formAction(ZCreateElection, async (input, { db, user }) => {
  const election = await createElection(db, { ...input, authorId: user.id });
  redirect(`/proposals/${election.id}`);
});

export const nominateAction = formAction(ZNominate, async ({ proposalId, nomineeId }, { db, user }) => {
  await nominate(db, { proposalId, nomineeId, actorId: user.id });
  revalidatePath(`/proposals/${proposalId}`);
  return {
    ok: true,
    message: (await getTranslations("actions"))(nomineeId === user.id ? "selfNominated" : "nominated"),
  };
});

// Only the signed-in person answers their own nomination: the nominee is never taken from the form.
export const respondToNominationAction = formAction(ZRespondNomination, async ({ proposalId, accept }, { db, user }) => {
  await respondToNomination(db, { proposalId, nomineeId: user.id, accept: accept === "yes" });
  revalidatePath(`/proposals/${proposalId}`);
  return { ok: true, message: (await getTranslations("actions"))(accept === "yes" ? "standing" : "notStanding") };
});

/** The ballot arrives as rank_<candidateId> fields; rankingFromFields orders them (blank = unranked). */
function ballotFromFields(fields: Record<string, string>) {
  const { ranking, error } = rankingFromFields(fields);
  if (error) throw new DomainError("INVALID", error, { ranking: [error] });
  return { proposalId: fields.proposalId, ranking };
}

export const castRankedVoteAction = formAction(
  ZRankedVote,
  async ({ proposalId, ranking }, { db, user }) => {
    await limitBallots(db, user.id);
    const { receipt } = await castRankedVote(db, { proposalId, userId: user.id, ranking });
    revalidatePath(`/proposals/${proposalId}`);
    if (receipt) return { ok: true, message: (await getTranslations("vote"))("secretRecorded"), receipt };
    return {
      ok: true,
      message: (await getTranslations("actions"))("rankedRecorded", { count: ranking.length }),
    };
  },
  ballotFromFields,
);
