"use server";
// Server actions for federations: authenticate, validate, call the service, revalidate.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formAction } from "../actions/form-action";
import { refusal } from "../errors";
import { createFederation, createFederationMotion, requestToJoinFederation } from "./service";
import { ZCreateFederation, ZCreateFederationMotion, ZJoinFederation } from "./schemas";

export const createFederationAction = formAction(
  ZCreateFederation,
  async ({ foundingCouncilId, ...input }, { db, user }) => {
    const federation = await createFederation(db, { ...input, founderId: user.id, foundingCouncilId });
    redirect(`/councils/${federation.slug}`);
  },
  (f) => ({
    foundingCouncilId: f.foundingCouncilId,
    name: f.name,
    slug: f.slug,
    description: f.description ?? "",
    charter: {
      quorumPercent: f.quorumPercent,
      passThreshold: f.passThreshold,
      votingPeriodHours: f.votingPeriodHours,
      liveResults: false, // a federation's outcome exists only once every council has decided
      weighting: f.weighting,
    },
  }),
);

export const requestToJoinFederationAction = formAction(ZJoinFederation, async ({ federationId, councilId }, { db, user }) => {
  await requestToJoinFederation(db, { federationId, councilId, actorId: user.id });
  const federation = await db.council.findUnique({ where: { id: federationId }, select: { slug: true } });
  if (!federation) throw refusal("NOT_FOUND", "noSuchFederation");
  revalidatePath(`/councils/${federation.slug}`);
  return { ok: true, message: (await getTranslations("actions"))("federationRequest") };
});

export const createFederationMotionAction = formAction(ZCreateFederationMotion, async (input, { db, user }) => {
  const motion = await createFederationMotion(db, { ...input, authorId: user.id });
  redirect(`/proposals/${motion.id}`);
});
