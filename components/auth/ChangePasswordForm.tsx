"use client";
// Changing the password: the current one, the new one twice. On success the server ends every
// session and sends the person to sign in again.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function ChangePasswordForm({ action }: { action: FormActionFn }) {
  const t = useTranslations("password");
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} noValidate className="space-y-4">
      <Field label={t("current")} name="currentPassword" type="password" autoComplete="current-password" state={state} required />
      <Field label={t("new")} name="newPassword" type="password" autoComplete="new-password" state={state}
        hint={t("newHint")} required />
      <Field label={t("again")} name="confirmPassword" type="password" autoComplete="new-password" state={state} required />
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("changing")}>{t("change")}</SubmitButton>
    </form>
  );
}
