"use client";
// The decision rules every council and federation founds with: quorum, threshold, voting period
// (and, for councils of people, rotation). Shared so both founding forms say the same things.
import { useTranslations } from "next-intl";
import { Field, type FormState } from "@/components/ui/form";

export function CharterFields({ state, quorumHint, periodHint, defaultHours, termLimit }: {
  state: FormState; quorumHint: string; periodHint?: string; defaultHours: string; termLimit: boolean;
}) {
  const t = useTranslations("councilForm");
  return (
    <>
      <Field label={t("quorum")} name="quorumPercent" type="number" min={0} max={100}
        state={state} defaultValue="50" hint={quorumHint} />
      <Field label={t("threshold")} name="passThreshold" state={state} defaultValue="SIMPLE_MAJORITY">
        <option value="SIMPLE_MAJORITY">{t("simpleMajority")}</option>
        <option value="TWO_THIRDS">{t("twoThirds")}</option>
        <option value="UNANIMITY">{t("unanimity")}</option>
      </Field>
      <Field label={t("period")} name="votingPeriodHours" type="number" min={1} max={2160}
        state={state} defaultValue={defaultHours} {...(periodHint ? { hint: periodHint } : {})} />
      {termLimit ? (
        <Field label={t("termLimit")} name="termLimit" type="number" min={1} max={20} state={state}
          hint={t("termLimitHint")} />
      ) : null}
    </>
  );
}
