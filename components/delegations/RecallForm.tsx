"use client";
// Starting a recall of a current delegate: any member may, with a reason. It goes to deliberation
// and is then voted like a motion under the charter; if it passes, the delegation ends at once.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function RecallForm({ action, delegationId, holderName }: { action: FormActionFn; delegationId: string; holderName: string }) {
  const t = useTranslations("delegations");
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} noValidate className="space-y-3">
      <input type="hidden" name="delegationId" value={delegationId} />
      <Field label={t("why", { name: holderName })} name="reason" state={state} multiline rows={4} required maxLength={5000}
        hint={t("whyHint")} />
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingLabel={t("starting")}>{t("start")}</SubmitButton>
    </form>
  );
}
