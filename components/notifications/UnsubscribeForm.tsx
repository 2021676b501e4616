"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function UnsubscribeForm({ action, token }: { action: FormActionFn; token: string }) {
  const t = useTranslations("unsubscribe");
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      {state.ok ? null : <SubmitButton pendingLabel={t("unsubscribing")}>{t("button")}</SubmitButton>}
      <FormMessage state={state} />
    </form>
  );
}
