"use client";
// Proposing an amendment: a one-line summary and the whole text as it should read, starting from
// the current text, so the member edits rather than retypes.
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function AmendmentForm({ action, proposalId, currentBody, version }: { action: FormActionFn; proposalId: string; currentBody: string; version: number }) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="proposalId" value={proposalId} />
      <Field label="What the amendment changes" name="summary" state={state} required maxLength={100} hint="One line, e.g. “Lower the budget to £1,500”." />
      <Field label="Amended text" name="body" state={state} multiline rows={10} required maxLength={20000} defaultValue={currentBody}
        hint={`This is version ${version} of the text. Change it as it should read; members see the difference word by word.`} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Proposing…">Propose amendment</SubmitButton>
    </form>
  );
}
