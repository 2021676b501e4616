"use client";
// Changing the password: the current one, the new one twice. On success the server ends every
// session and sends the person to sign in again.
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function ChangePasswordForm({ action }: { action: FormActionFn }) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} noValidate className="space-y-4">
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" state={state} required />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" state={state}
        hint="At least 12 characters. Every device signed in to your account will be signed out." required />
      <Field label="New password again" name="confirmPassword" type="password" autoComplete="new-password" state={state} required />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Changing your password…">Change password</SubmitButton>
    </form>
  );
}
