"use client";
// Proposing a charter change: every rule the council may change, filled in with today's value.
// Change the ones you want; only those are recorded, and the rest stay as they are.
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";
import type { CharterField, CharterRules } from "@/lib/charters/rules";

const THRESHOLDS = (
  <>
    <option value="SIMPLE_MAJORITY">Simple majority: more yes than no</option>
    <option value="TWO_THIRDS">Two-thirds: at least two yes for every no</option>
    <option value="UNANIMITY">Unanimity: at least one yes and no one against</option>
  </>
);

export function CharterChangeForm({ action, councilId, current, fields }: {
  action: FormActionFn; councilId: string; current: CharterRules; fields: readonly CharterField[];
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  const has = (f: CharterField) => fields.includes(f);
  return (
    <form action={formAction} noValidate className="space-y-5">
      <input type="hidden" name="councilId" value={councilId} />
      <Field label="Title" name="title" state={state} required maxLength={160} defaultValue="Change the charter"
        hint="What the change is about, in one line." />
      <Field label="Why" name="body" state={state} multiline rows={5} required maxLength={20000}
        hint="The reasons for the change. Markdown works; HTML is not rendered." />
      <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold">The rules after the change</legend>
        {has("joinPolicy") ? (
          <Field label="Joining" name="joinPolicy" state={state} defaultValue={current.joinPolicy}>
            <option value="OPEN">Open: anyone can join</option>
            <option value="APPROVAL">By approval: a facilitator admits each request</option>
            <option value="INVITE_ONLY">Invite-only: single-use links from facilitators</option>
          </Field>
        ) : null}
        <Field label="Quorum (% who must take part)" name="quorumPercent" type="number" min={0} max={100} state={state} defaultValue={String(current.quorumPercent)} />
        <Field label="Pass threshold" name="passThreshold" state={state} defaultValue={current.passThreshold}>{THRESHOLDS}</Field>
        <Field label="Default voting period (hours)" name="votingPeriodHours" type="number" min={1} max={2160} state={state} defaultValue={String(current.votingPeriodHours)} />
        <Field label="Results" name="liveResults" state={state} defaultValue={String(current.liveResults)}>
          <option value="false">Tally after the close (turnout live)</option>
          <option value="true">Live tally while voting is open</option>
        </Field>
        <Field label="Ballots" name="ballotSecrecy" state={state} defaultValue={current.ballotSecrecy}>
          <option value="OPEN">Open: a roll call of who voted what</option>
          <option value="SECRET">Secret ballots</option>
          <option value="AUTHOR_CHOOSES">The author of each proposal chooses</option>
        </Field>
        {has("termLimit") ? (
          <Field label="Term limit" name="termLimit" type="number" min={1} max={20} state={state} defaultValue={current.termLimit === null ? "" : String(current.termLimit)}
            hint="The most terms one person may hold the same role. Empty means no limit." />
        ) : null}
        {has("weighting") ? (
          <Field label="Federation votes" name="weighting" state={state} defaultValue={current.weighting}>
            <option value="EQUAL">One council, one vote</option>
            <option value="MEMBERSHIP">Weighted by each council&apos;s membership</option>
          </Field>
        ) : null}
        <Field label="Charter changes need" name="charterChangeThreshold" state={state} defaultValue={current.charterChangeThreshold}
          hint="What a later charter change must reach to pass.">{THRESHOLDS}</Field>
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Submitting…">Propose this change</SubmitButton>
    </form>
  );
}
