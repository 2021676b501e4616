"use client";
// One small form of the discussion: a new comment, a reply, an edit, or a facilitator's reason for
// hiding. Keeps what was typed when it is refused; React clears it after a success.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function CommentForm({ action, hidden, name = "body", label, hint, defaultValue, submitLabel, rows = 4, maxLength = 5000, variant }: {
  action: FormActionFn;
  hidden: Record<string, string>;
  name?: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  submitLabel: string;
  rows?: number;
  maxLength?: number;
  variant?: "primary" | "secondary" | "danger";
}) {
  const t = useTranslations("discussion");
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} noValidate className="space-y-3">
      {Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <Field label={label} name={name} state={state} multiline rows={rows} maxLength={maxLength} required
        {...(hint ? { hint } : {})} {...(defaultValue !== undefined ? { defaultValue } : {})} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("sending")} {...(variant ? { variant } : {})}>{submitLabel}</SubmitButton>
    </form>
  );
}
