"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function OpenVotingForm({ action, proposalId, charterHours }: { action: FormActionFn; proposalId: string; charterHours: number }) {
  const t = useTranslations("vote");
  const tc = useTranslations("common");
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} noValidate className="space-y-3">
      <input type="hidden" name="proposalId" value={proposalId} />
      <Field label={t("openPeriod")} name="votingHours" type="number" state={state}
        hint={t("openHint", { hours: tc("hours", { count: charterHours }) })} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("opening")}>{t("open")}</SubmitButton>
    </form>
  );
}
