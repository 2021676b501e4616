"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";
import type { BallotSecrecy } from "@/lib/voting/secrecy";
import { BallotSecrecyField } from "./BallotSecrecyField";

/** `idField` names the hidden id: a council's proposal, or a federation's motion. */
export function ProposalForm({ action, councilId, secrecy, idField = "councilId", submitLabel }: {
  action: FormActionFn; councilId: string; secrecy: BallotSecrecy; idField?: "councilId" | "federationId"; submitLabel?: string;
}) {
  const t = useTranslations("proposalForm");
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} noValidate className="space-y-5">
      <input type="hidden" name={idField} value={councilId} />
      <Field label={t("title")} name="title" state={state} required maxLength={160} hint={t("titleHint")} />
      <Field label={t("body")} name="body" state={state} multiline rows={10} required maxLength={20000}
        hint={t("bodyHint")} />
      <BallotSecrecyField secrecy={secrecy} state={state} federation={idField === "federationId"} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("submitting")}>{submitLabel ?? t("submit")}</SubmitButton>
    </form>
  );
}
