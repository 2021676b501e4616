"use client";
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";
import type { BallotSecrecy } from "@/lib/voting/secrecy";
import { BallotSecrecyField } from "./BallotSecrecyField";

/** `idField` names the hidden id: a council's proposal, or a federation's motion. */
export function ProposalForm({ action, councilId, secrecy, idField = "councilId", submitLabel = "Submit for deliberation" }: {
  action: FormActionFn; councilId: string; secrecy: BallotSecrecy; idField?: "councilId" | "federationId"; submitLabel?: string;
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} noValidate className="space-y-5">
      <input type="hidden" name={idField} value={councilId} />
      <Field label="Title" name="title" state={state} required maxLength={160} hint="A question or decision in one line." />
      <Field label="Proposal" name="body" state={state} multiline rows={10} required maxLength={20000}
        hint="Markdown works: **bold**, lists with -, links like [text](https://…). HTML is not rendered." />
      <BallotSecrecyField secrecy={secrecy} state={state} federation={idField === "federationId"} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Submitting…">{submitLabel}</SubmitButton>
    </form>
  );
}
