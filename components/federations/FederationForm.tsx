"use client";
// Founding a federation: the council that founds it (its first member), its identity, and its
// charter, including how the member councils' mandates are weighed.
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function FederationForm({ action, councils, foundingCouncilId }: {
  action: FormActionFn; councils: { id: string; name: string }[]; foundingCouncilId?: string | undefined;
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} noValidate className="space-y-5">
      <Field label="Founding council" name="foundingCouncilId" state={state} defaultValue={foundingCouncilId ?? councils[0]?.id}
        hint="A council you facilitate. It becomes the federation's first member.">
        {councils.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </Field>
      <Field label="Name" name="name" state={state} required maxLength={80} />
      <Field label="Web address" name="slug" state={state} required maxLength={48}
        hint="Lower-case letters, digits and hyphens: plenum…/councils/your-address" />
      <Field label="Description" name="description" state={state} multiline rows={4} maxLength={2000}
        hint="What the federation is for and which councils it brings together." />
      <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">Charter: how the federation decides</legend>
        <p className="text-sm text-stone-600">
          Every question is decided by the member councils, each under its own charter. Their outcomes are
          the mandates; these rules combine them.
        </p>
        <Field label="How mandates are weighed" name="weighting" state={state} defaultValue="EQUAL">
          <option value="EQUAL">Equally: one council, one vote</option>
          <option value="MEMBERSHIP">By membership: larger councils weigh more</option>
        </Field>
        <Field label="Quorum (% of the weight that must take part)" name="quorumPercent" type="number" min={0} max={100}
          state={state} defaultValue="50" hint="Counted on the councils' weight. Abstaining counts as taking part, as in a council's own votes." />
        <Field label="Pass threshold" name="passThreshold" state={state} defaultValue="SIMPLE_MAJORITY">
          <option value="SIMPLE_MAJORITY">Simple majority: more yes than no</option>
          <option value="TWO_THIRDS">Two-thirds: at least two yes for every no</option>
          <option value="UNANIMITY">Unanimity: at least one yes and no one against</option>
        </Field>
        <Field label="Default voting period (hours)" name="votingPeriodHours" type="number" min={1} max={2160}
          state={state} defaultValue="168" hint="Each member council's mandate vote runs for this long, or longer if asked." />
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Founding…">Found federation</SubmitButton>
    </form>
  );
}
