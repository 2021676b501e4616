"use client";
// Nominating a member (oneself included) in an election still in deliberation.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function NominateForm({ action, proposalId, members, viewerId }: {
  action: FormActionFn; proposalId: string; members: { id: string; name: string }[]; viewerId: string;
}) {
  const t = useTranslations("election");
  const [state, formAction] = useActionState(action, { ok: false });
  if (members.length === 0) return <p className="text-sm text-stone-600">{t("everyoneNominated")}</p>;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="proposalId" value={proposalId} />
      <Field label={t("nominate")} name="nomineeId" state={state} defaultValue={members[0]!.id}
        hint={t("nominateHint")}>
        {members.map((m) => <option key={m.id} value={m.id}>{m.name}{m.id === viewerId ? t("you") : ""}</option>)}
      </Field>
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingLabel={t("nominating")}>{t("nominateButton")}</SubmitButton>
    </form>
  );
}
