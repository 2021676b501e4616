"use server";
// Server actions for amendments: authenticate, validate, call the service, go to the new amendment.
import { redirect } from "next/navigation";
import { formAction } from "../actions/form-action";
import { ZProposeAmendment } from "./schemas";
import { proposeAmendment } from "./service";

export const proposeAmendmentAction = formAction(ZProposeAmendment, async (input, { db, user }) => {
  const amendment = await proposeAmendment(db, { ...input, authorId: user.id });
  redirect(`/proposals/${amendment.id}`);
});
