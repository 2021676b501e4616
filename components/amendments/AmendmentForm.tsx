"use client";
// Proposing an amendment: a one-line summary and the whole text as it should read, starting from
// the current text, so the member edits rather than retypes.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function AmendmentForm({ action, proposalId, currentBody, version }: { action: FormActionFn; proposalId: string; currentBody: string; version: number }) {
  const t = useTranslations("amendments");
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="proposalId" value={proposalId} />
      <Field label={t("summary")} name="summary" state={state} required maxLength={100} hint={t("summaryHint")} />
      <Field label={t("body")} name="body" state={state} multiline rows={10} required maxLength={20000} defaultValue={currentBody}
        hint={t("bodyHint", { version })} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("proposing")}>{t("submit")}</SubmitButton>
    </form>
  );
}
