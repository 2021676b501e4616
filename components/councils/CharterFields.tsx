"use client";
// The decision rules every council and federation founds with: quorum, threshold, voting period
// (and, for councils of people, rotation). Shared so both founding forms say the same things.
import { Field, type FormState } from "@/components/ui/form";

export function CharterFields({ state, quorumHint, periodHint, defaultHours, termLimit }: {
  state: FormState; quorumHint: string; periodHint?: string; defaultHours: string; termLimit: boolean;
}) {
  return (
    <>
      <Field label="Quorum (% who must take part)" name="quorumPercent" type="number" min={0} max={100}
        state={state} defaultValue="50" hint={quorumHint} />
      <Field label="Pass threshold" name="passThreshold" state={state} defaultValue="SIMPLE_MAJORITY">
        <option value="SIMPLE_MAJORITY">Simple majority: more yes than no</option>
        <option value="TWO_THIRDS">Two-thirds: at least two yes for every no</option>
        <option value="UNANIMITY">Unanimity: at least one yes and no one against</option>
      </Field>
      <Field label="Default voting period (hours)" name="votingPeriodHours" type="number" min={1} max={2160}
        state={state} defaultValue={defaultHours} {...(periodHint ? { hint: periodHint } : {})} />
      {termLimit ? (
        <Field label="Term limit (optional)" name="termLimit" type="number" min={1} max={20} state={state}
          hint="Rotation: the most terms one person may hold the same role. Leave empty for no limit." />
      ) : null}
    </>
  );
}
