"use client";
// A nominee's answer: stand or not. One form with both answers, so its message stays on screen
// (and is announced) when the buttons change after the answer.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function RespondForm({ action, proposalId, accepted, declined }: {
  action: FormActionFn; proposalId: string; accepted: boolean; declined: boolean;
}) {
  const t = useTranslations("election");
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="proposalId" value={proposalId} />
      <div className="flex flex-wrap gap-2">
        {!accepted ? <SubmitButton name="accept" value="yes" pendingLabel={t("saving")}>{t("accept")}</SubmitButton> : null}
        {!declined ? (
          <SubmitButton name="accept" value="no" variant="secondary" pendingLabel={t("saving")}>{accepted ? t("withdraw") : t("decline")}</SubmitButton>
        ) : null}
      </div>
      <FormMessage state={state} />
    </form>
  );
}
