"use client";
// Founding a council: its identity and its charter. The charter is fixed at founding; changing it
// later takes a vote of the members.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CharterFields } from "./CharterFields";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function CouncilForm({ action }: { action: FormActionFn }) {
  const t = useTranslations("councilForm");
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} noValidate className="space-y-5">
      <Field label={t("name")} name="name" state={state} required maxLength={80} />
      <Field label={t("slug")} name="slug" state={state} required maxLength={48}
        hint={t("slugHint")} />
      <Field label={t("kind")} name="kind" state={state} defaultValue="WORKERS">
        <option value="WORKERS">{t("kindWorkers")}</option>
        <option value="CONSUMERS">{t("kindConsumers")}</option>
        <option value="ASSEMBLY">{t("kindAssembly")}</option>
      </Field>
      <Field label={t("description")} name="description" state={state} multiline rows={4} maxLength={2000}
        hint={t("descriptionHint")} />
      <Field label={t("joinPolicy")} name="joinPolicy" state={state} defaultValue="APPROVAL">
        <option value="OPEN">{t("joinOpen")}</option>
        <option value="APPROVAL">{t("joinApproval")}</option>
        <option value="INVITE_ONLY">{t("joinInvite")}</option>
      </Field>
      <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("charter")}</legend>
        <p className="text-sm text-stone-600">{t("charterHint")}</p>
        <CharterFields state={state} defaultHours="72" termLimit
          quorumHint={t("quorumHint")} />
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="liveResults" defaultChecked={state.values?.liveResults === "on"} className="mt-1 size-4" />
          <span>{t("liveResults")}</span>
        </label>
        <Field label={t("ballots")} name="ballotSecrecy" state={state} defaultValue="OPEN">
          <option value="OPEN">{t("ballotsOpen")}</option>
          <option value="SECRET">{t("ballotsSecret")}</option>
          <option value="AUTHOR_CHOOSES">{t("ballotsAuthor")}</option>
        </Field>
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("founding")}>{t("found")}</SubmitButton>
    </form>
  );
}
