"use client";
// Facilitators make single-use invitation links; the link is shown once (only its hash is stored).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function InvitePanel({ action, councilId }: { action: FormActionFn; councilId: string }) {
  const t = useTranslations("councilForm");
  const [state, formAction] = useActionState(action, { ok: false });
  const path = state.ok ? state.values?.invitePath : undefined;
  const link = path && typeof window !== "undefined" ? `${window.location.origin}${path}` : path;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="councilId" value={councilId} />
      <SubmitButton variant="secondary" pendingLabel={t("creatingInvite")}>{t("createInvite")}</SubmitButton>
      <FormMessage state={state} />
      {link ? (
        <p className="break-all rounded-md border border-stone-300 bg-stone-50 p-2 font-mono text-sm" data-testid="invite-link">{link}</p>
      ) : null}
    </form>
  );
}
