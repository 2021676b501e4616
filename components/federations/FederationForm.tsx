"use client";
// Founding a federation: the council that founds it (its first member), its identity, and its
// charter, including how the member councils' mandates are weighed.
import { useActionState } from "react";
import { CharterFields } from "@/components/councils/CharterFields";
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
        <CharterFields state={state} defaultHours="168" termLimit={false}
          quorumHint="Counted on the councils' weight: the share of it whose own vote reached a decision (yes or no) by the deadline."
          periodHint="Each member council's mandate vote runs for this long, or longer if asked." />
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Founding…">Found federation</SubmitButton>
    </form>
  );
}
