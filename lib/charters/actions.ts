"use server";
// Server actions for charter changes: authenticate, validate, call the service. There is no action
// that edits a charter: a change is a proposal, and only its passing writes a new version.
import { redirect } from "next/navigation";
import { formAction } from "../actions/form-action";
import { CHARTER_FIELDS } from "./rules";
import { ZProposeCharterChange } from "./schemas";
import { proposeCharterChange } from "./service";

export const proposeCharterChangeAction = formAction(
  ZProposeCharterChange,
  async (input, { db, user }) => {
    const proposal = await proposeCharterChange(db, { ...input, authorId: user.id });
    redirect(`/proposals/${proposal.id}`);
  },
  (f) => ({
    councilId: f.councilId,
    title: f.title,
    body: f.body,
    // The form shows every rule filled in; an empty term limit there means "no limit".
    rules: Object.fromEntries(CHARTER_FIELDS.map((k) => [k, k === "termLimit" && f[k] !== undefined && f[k].trim() === "" ? "none" : f[k]])),
  }),
);
