"use client";
// A facilitator asks for their council to join a federation: one button per council they could
// bring in, in one form, so the confirmation stays on screen after the button has gone.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function JoinFederationForm({ action, federationId, councils }: {
  action: FormActionFn; federationId: string; councils: { id: string; name: string }[];
}) {
  const t = useTranslations("federation");
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="federationId" value={federationId} />
      {councils.length > 0 ? (
        <>
          <p className="text-sm text-stone-700">{t("asFacilitator")}</p>
          <div className="flex flex-wrap gap-2">
            {councils.map((c) => (
              <SubmitButton key={c.id} name="councilId" value={c.id} variant="secondary" pendingLabel={t("asking2")}>{t("askWith", { name: c.name })}</SubmitButton>
            ))}
          </div>
        </>
      ) : null}
      <FormMessage state={state} />
    </form>
  );
}
