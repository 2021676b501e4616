"use client";
import { useActionState } from "react";
import { hours } from "@/lib/proposals/lifecycle";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function OpenVotingForm({ action, proposalId, charterHours }: { action: FormActionFn; proposalId: string; charterHours: number }) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} noValidate className="space-y-3">
      <input type="hidden" name="proposalId" value={proposalId} />
      <Field label="Voting period in hours (optional)" name="votingHours" type="number" state={state}
        hint={`The charter gives every vote ${hours(charterHours)}; you may give a longer period, never a shorter one.`} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Opening…">Open voting</SubmitButton>
    </form>
  );
}
