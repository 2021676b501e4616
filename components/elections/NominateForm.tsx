"use client";
// Nominating a member (oneself included) in an election still in deliberation.
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function NominateForm({ action, proposalId, members, viewerId }: {
  action: FormActionFn; proposalId: string; members: { id: string; name: string }[]; viewerId: string;
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  if (members.length === 0) return <p className="text-sm text-stone-600">Every member has been nominated.</p>;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="proposalId" value={proposalId} />
      <Field label="Nominate a member" name="nomineeId" state={state} defaultValue={members[0]!.id}
        hint="Nominating yourself means you stand at once; anyone else accepts or declines.">
        {members.map((m) => <option key={m.id} value={m.id}>{m.name}{m.id === viewerId ? " (you)" : ""}</option>)}
      </Field>
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingLabel="Nominating…">Nominate</SubmitButton>
    </form>
  );
}
