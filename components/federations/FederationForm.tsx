"use client";
// Founding a federation: the council that founds it (its first member), its identity, and its
// charter, including how the member councils' mandates are weighed.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CharterFields } from "@/components/councils/CharterFields";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function FederationForm({ action, councils, foundingCouncilId }: {
  action: FormActionFn; councils: { id: string; name: string }[]; foundingCouncilId?: string | undefined;
}) {
  const t = useTranslations("federation");
  const tc = useTranslations("councilForm");
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} noValidate className="space-y-5">
      <Field label={t("foundingCouncil")} name="foundingCouncilId" state={state} defaultValue={foundingCouncilId ?? councils[0]?.id}
        hint={t("foundingCouncilHint")}>
        {councils.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </Field>
      <Field label={tc("name")} name="name" state={state} required maxLength={80} />
      <Field label={tc("slug")} name="slug" state={state} required maxLength={48}
        hint={tc("slugHint")} />
      <Field label={tc("description")} name="description" state={state} multiline rows={4} maxLength={2000}
        hint={t("descriptionHint")} />
      <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("charterLegend")}</legend>
        <p className="text-sm text-stone-600">
          {t("charterHint")}
        </p>
        <Field label={t("weighed")} name="weighting" state={state} defaultValue="EQUAL">
          <option value="EQUAL">{t("equal")}</option>
          <option value="MEMBERSHIP">{t("membership")}</option>
        </Field>
        <CharterFields state={state} defaultHours="168" termLimit={false}
          quorumHint={t("quorumHint")}
          periodHint={t("periodHint")} />
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={tc("founding")}>{t("found")}</SubmitButton>
    </form>
  );
}
