"use client";
// Proposing a charter change: every rule the council may change, filled in with today's value.
// Change the ones you want; only those are recorded, and the rest stay as they are.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";
import type { CharterField, CharterRules } from "@/lib/charters/rules";


export function CharterChangeForm({ action, councilId, current, fields }: {
  action: FormActionFn; councilId: string; current: CharterRules; fields: readonly CharterField[];
}) {
  const t = useTranslations("charterForm");
  const tc = useTranslations("councilForm");
  const te = useTranslations("enums");
  const THRESHOLDS = (["SIMPLE_MAJORITY", "TWO_THIRDS", "UNANIMITY"] as const).map((v) => <option key={v} value={v}>{te(`threshold.${v}`)}</option>);
  const [state, formAction] = useActionState(action, { ok: false });
  const has = (f: CharterField) => fields.includes(f);
  return (
    <form action={formAction} noValidate className="space-y-5">
      <input type="hidden" name="councilId" value={councilId} />
      <Field label={t("title")} name="title" state={state} required maxLength={160} defaultValue={t("defaultTitle")}
        hint={t("titleHint")} />
      <Field label={t("why")} name="body" state={state} multiline rows={5} required maxLength={20000}
        hint={t("whyHint")} />
      <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold">{t("legend")}</legend>
        {has("joinPolicy") ? (
          <Field label={t("joining")} name="joinPolicy" state={state} defaultValue={current.joinPolicy}>
            <option value="OPEN">{te("joinPolicy.OPEN")}</option>
            <option value="APPROVAL">{te("joinPolicy.APPROVAL")}</option>
            <option value="INVITE_ONLY">{te("joinPolicy.INVITE_ONLY")}</option>
          </Field>
        ) : null}
        <Field label={tc("quorum")} name="quorumPercent" type="number" min={0} max={100} state={state} defaultValue={String(current.quorumPercent)} />
        <Field label={tc("threshold")} name="passThreshold" state={state} defaultValue={current.passThreshold}>{THRESHOLDS}</Field>
        <Field label={tc("period")} name="votingPeriodHours" type="number" min={1} max={2160} state={state} defaultValue={String(current.votingPeriodHours)} />
        <Field label={t("results")} name="liveResults" state={state} defaultValue={String(current.liveResults)}>
          <option value="false">{t("tallyAfter")}</option>
          <option value="true">{t("liveTally")}</option>
        </Field>
        <Field label={t("ballots")} name="ballotSecrecy" state={state} defaultValue={current.ballotSecrecy}>
          <option value="OPEN">{t("open")}</option>
          <option value="SECRET">{t("secret")}</option>
          <option value="AUTHOR_CHOOSES">{t("author")}</option>
        </Field>
        {has("termLimit") ? (
          <Field label={t("termLimit")} name="termLimit" type="number" min={1} max={20} state={state} defaultValue={current.termLimit === null ? "" : String(current.termLimit)}
            hint={t("termLimitHint")} />
        ) : null}
        {has("weighting") ? (
          <Field label={t("federationVotes")} name="weighting" state={state} defaultValue={current.weighting}>
            <option value="EQUAL">{t("equal")}</option>
            <option value="MEMBERSHIP">{t("membership")}</option>
          </Field>
        ) : null}
        <Field label={t("changesNeed")} name="charterChangeThreshold" state={state} defaultValue={current.charterChangeThreshold}
          hint={t("changesNeedHint")}>{THRESHOLDS}</Field>
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
