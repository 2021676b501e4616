"use client";
// Founding a council: its identity and its charter. The charter is fixed at founding; changing it
// later takes a vote of the members.
import { useActionState } from "react";
import { CharterFields } from "./CharterFields";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function CouncilForm({ action }: { action: FormActionFn }) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} noValidate className="space-y-5">
      <Field label="Name" name="name" state={state} required maxLength={80} />
      <Field label="Web address" name="slug" state={state} required maxLength={48}
        hint="Lower-case letters, digits and hyphens: plenum…/councils/your-address" />
      <Field label="Kind" name="kind" state={state} defaultValue="WORKERS">
        <option value="WORKERS">Workers&apos; council</option>
        <option value="CONSUMERS">Consumers&apos; council</option>
        <option value="ASSEMBLY">Assembly (neighbourhood)</option>
      </Field>
      <Field label="Description" name="description" state={state} multiline rows={4} maxLength={2000}
        hint="What the council is for and who it is for." />
      <Field label="How people join" name="joinPolicy" state={state} defaultValue="APPROVAL">
        <option value="OPEN">Open: anyone can join at once</option>
        <option value="APPROVAL">By approval: a facilitator admits each request</option>
        <option value="INVITE_ONLY">Invite-only: single-use invitation links</option>
      </Field>
      <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">Charter: how decisions are made</legend>
        <p className="text-sm text-stone-600">These rules bind everyone, founders and facilitators included.</p>
        <CharterFields state={state} defaultHours="72" termLimit
          quorumHint="The share of members who must take part. Abstaining counts as taking part." />
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="liveResults" defaultChecked={state.values?.liveResults === "on"} className="mt-1 size-4" />
          <span>Show the running tally while voting is open (otherwise members see only turnout until the close). Never for secret ballots.</span>
        </label>
        <Field label="Ballots" name="ballotSecrecy" state={state} defaultValue="OPEN">
          <option value="OPEN">Open: members see who voted what</option>
          <option value="SECRET">Secret: who took part is published, never how anyone voted</option>
          <option value="AUTHOR_CHOOSES">The author of each proposal chooses</option>
        </Field>
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Founding…">Found council</SubmitButton>
    </form>
  );
}
