"use client";
// Calling an election: fill the seats of an existing role, or name a new role with its seats and
// term. Without JavaScript both parts show; with it, the new-role fields show only when needed.
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";
import type { BallotSecrecy } from "@/lib/voting/secrecy";
import { BallotSecrecyField } from "@/components/proposals/BallotSecrecyField";

export interface RoleOption {
  id: string;
  label: string;
}

export function ElectionForm({ action, councilId, roles, secrecy }: { action: FormActionFn; councilId: string; roles: RoleOption[]; secrecy: BallotSecrecy }) {
  const t = useTranslations("electionForm");
  const [state, formAction] = useActionState(action, { ok: false });
  const [roleId, setRoleId] = useState(state.values?.roleId ?? "");
  const newRole = roleId === "";
  return (
    <form action={formAction} noValidate className="space-y-5">
      <input type="hidden" name="councilId" value={councilId} />
      {roles.length > 0 ? (
        <div onChange={(e) => { if (e.target instanceof HTMLSelectElement && e.target.name === "roleId") setRoleId(e.target.value); }}>
          <Field label={t("role")} name="roleId" state={state} defaultValue={roleId}
            hint={t("roleHint")}>
            <option value="">{t("newRoleOption")}</option>
            {roles.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
          </Field>
        </div>
      ) : (
        <input type="hidden" name="roleId" value="" />
      )}
      <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" hidden={!newRole} disabled={!newRole}>
        <legend className="px-1 font-semibold">{t("newRole")}</legend>
        <Field label={t("roleName")} name="roleName" state={state} maxLength={80} hint={t("roleNameHint")} />
        <Field label={t("seats")} name="seats" type="number" min={1} max={20} state={state} defaultValue="1" hint={t("seatsHint")} />
        <Field label={t("term")} name="termMonths" type="number" min={1} max={60} state={state} defaultValue="12" />
      </fieldset>
      <Field label={t("description")} name="body" state={state} multiline rows={5} maxLength={20000}
        hint={t("descriptionHint")} />
      <BallotSecrecyField secrecy={secrecy} state={state} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("calling")}>{t("call")}</SubmitButton>
    </form>
  );
}
