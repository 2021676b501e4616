"use client";
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function ProposalForm({ action, councilId }: { action: FormActionFn; councilId: string }) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} noValidate className="space-y-5">
      <input type="hidden" name="councilId" value={councilId} />
      <Field label="Title" name="title" state={state} required maxLength={160} hint="A question or decision in one line." />
      <Field label="Proposal" name="body" state={state} multiline rows={10} required maxLength={20000}
        hint="Markdown works: **bold**, lists with -, links like [text](https://…). HTML is not rendered." />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Submitting…">Submit for deliberation</SubmitButton>
    </form>
  );
}
