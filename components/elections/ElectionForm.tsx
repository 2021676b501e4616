"use client";
// Calling an election: fill the seats of an existing role, or name a new role with its seats and
// term. Without JavaScript both parts show; with it, the new-role fields show only when needed.
import { useActionState, useState } from "react";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";
import type { BallotSecrecy } from "@/lib/voting/secrecy";
import { BallotSecrecyField } from "@/components/proposals/BallotSecrecyField";

export interface RoleOption {
  id: string;
  label: string;
}

export function ElectionForm({ action, councilId, roles, secrecy }: { action: FormActionFn; councilId: string; roles: RoleOption[]; secrecy: BallotSecrecy }) {
  const [state, formAction] = useActionState(action, { ok: false });
  const [roleId, setRoleId] = useState(state.values?.roleId ?? "");
  const newRole = roleId === "";
  return (
    <form action={formAction} noValidate className="space-y-5">
      <input type="hidden" name="councilId" value={councilId} />
      {roles.length > 0 ? (
        <div onChange={(e) => { if (e.target instanceof HTMLSelectElement && e.target.name === "roleId") setRoleId(e.target.value); }}>
          <Field label="Role" name="roleId" state={state} defaultValue={roleId}
            hint="An election fills every seat of the role for a new term; the current holders' terms end when it closes.">
            <option value="">A new role (name it below)</option>
            {roles.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
          </Field>
        </div>
      ) : (
        <input type="hidden" name="roleId" value="" />
      )}
      <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" hidden={!newRole} disabled={!newRole}>
        <legend className="px-1 font-semibold">New role</legend>
        <Field label="Role name" name="roleName" state={state} maxLength={80} hint="For example: Purchasing team, Shift coordinator." />
        <Field label="Seats" name="seats" type="number" min={1} max={20} state={state} defaultValue="1" hint="How many people hold the role at once." />
        <Field label="Term in months" name="termMonths" type="number" min={1} max={60} state={state} defaultValue="12" />
      </fieldset>
      <Field label="Description (optional)" name="body" state={state} multiline rows={5} maxLength={20000}
        hint="What the role involves. Markdown works. Left empty, a short standard text is used." />
      <BallotSecrecyField secrecy={secrecy} state={state} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Calling the election…">Call the election</SubmitButton>
    </form>
  );
}
