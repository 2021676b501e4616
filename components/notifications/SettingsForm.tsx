"use client";
// Per-kind choices (in the app, by email) and the daily digest, as one form of checkboxes.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export interface KindRow {
  kind: string;
  label: string;
  inApp: boolean;
  email: boolean;
}

export function SettingsForm({ action, kinds, digest }: { action: FormActionFn; kinds: KindRow[]; digest: boolean }) {
  const t = useTranslations("settings");
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="space-y-4">
      <fieldset className="rounded-lg border border-stone-200 bg-white">
        <legend className="sr-only">{t("legend")}</legend>
        <div className="grid grid-cols-[1fr_auto_auto] items-center gap-x-3 border-b border-stone-200 px-3 py-2 text-sm font-semibold text-stone-700">
          <span>{t("when")}</span><span className="w-14 text-center">{t("inApp")}</span><span className="w-14 text-center">{t("email")}</span>
        </div>
        <ul className="divide-y divide-stone-200">
          {kinds.map((k) => (
            <li key={k.kind} className="grid grid-cols-[1fr_auto_auto] items-center gap-x-3 px-3 py-2">
              <span id={`kind-${k.kind}`} className="text-sm">{k.label}</span>
              <span className="flex w-14 justify-center">
                <input type="checkbox" name={`inApp:${k.kind}`} defaultChecked={k.inApp} aria-label={t("inAppLabel", { kind: k.label })} className="h-6 w-6 accent-emerald-800" />
              </span>
              <span className="flex w-14 justify-center">
                <input type="checkbox" name={`email:${k.kind}`} defaultChecked={k.email} aria-label={t("emailLabel", { kind: k.label })} className="h-6 w-6 accent-emerald-800" />
              </span>
            </li>
          ))}
        </ul>
      </fieldset>
      <label className="flex items-start gap-3 rounded-lg border border-stone-200 bg-white p-3">
        <input type="checkbox" name="digest" defaultChecked={digest} className="mt-0.5 h-6 w-6 shrink-0 accent-emerald-800" />
        <span className="text-sm">{t.rich("digest", { b: (chunks) => <strong className="font-semibold">{chunks}</strong> })}</span>
      </label>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
