"use client";
// A ranked ballot that works on a phone and without JavaScript: a number box per candidate
// (1 = first choice), blank for anyone not ranked. The server turns the boxes into an ordering.
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";
import { ReceiptCard, SecretBallotCast, SecretBallotNotice } from "@/components/proposals/ReceiptCard";

export function RankedBallotForm({ action, proposalId, candidates, current, secret = false, cast = false }: {
  action: FormActionFn; proposalId: string; candidates: { id: string; name: string }[]; current: string[] | null;
  /** A secret ballot: cast once, with a receipt; `cast` says this member already has. */
  secret?: boolean; cast?: boolean;
}) {
  const t = useTranslations("election");
  const [state, formAction] = useActionState(action, { ok: false });
  const id = useId();
  if (state.receipt) return <ReceiptCard receipt={state.receipt} />;
  if (secret && cast) return <SecretBallotCast />;
  const saved = new Map((current ?? []).map((c, i) => [c, String(i + 1)]));
  // After a refused ballot, show what was typed; otherwise the ballot on record.
  const valueOf = (candidateId: string) => (state.values ? (state.values[`rank_${candidateId}`] ?? "") : (saved.get(candidateId) ?? ""));
  const errors = state.fieldErrors?.ranking;
  return (
    <form action={formAction} noValidate className="space-y-3" aria-label={t("ranked")}>
      {secret ? <SecretBallotNotice /> : null}
      <input type="hidden" name="proposalId" value={proposalId} />
      <fieldset aria-describedby={`${id}-help ${id}-error`}>
        <legend className="mb-1 font-semibold">{current ? t("changeRanking") : t("rank")}</legend>
        <p id={`${id}-help`} className="mb-3 text-sm text-stone-600">
          {t("rankHelp")}
        </p>
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
          {candidates.map((c) => {
            const value = valueOf(c.id);
            return (
              <li key={c.id} className="flex items-center gap-3 p-2">
                <input
                  key={`${c.id}:${value}`}
                  id={`${id}-${c.id}`}
                  name={`rank_${c.id}`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={candidates.length}
                  defaultValue={value}
                  aria-invalid={errors ? true : undefined}
                  className="min-h-11 w-16 shrink-0 rounded-md border border-stone-300 bg-white text-center text-lg tabular-nums focus:border-emerald-700 focus:outline-none focus:ring-2 focus:ring-emerald-700/30 aria-[invalid=true]:border-red-600"
                />
                <label htmlFor={`${id}-${c.id}`} className="min-w-0 flex-1 py-2 font-medium break-words">{c.name}</label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-red-700">{errors?.join(" ")}</p>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("recording")}>{secret ? t("castSecret") : current ? t("changeBallot") : t("castBallot")}</SubmitButton>
    </form>
  );
}
