"use server";
// Server actions for delegations: authenticate, validate, call the service, revalidate.
import { redirect } from "next/navigation";
import { formAction } from "../actions/form-action";
import { ZStartRecall } from "../elections/schemas";
import { startRecall } from "./service";

export const startRecallAction = formAction(ZStartRecall, async ({ delegationId, reason }, { db, user }) => {
  const recall = await startRecall(db, { delegationId, actorId: user.id, reason });
  redirect(`/proposals/${recall.id}`);
});
