"use client";
// Yes / no / abstain as large radio cards that work with a thumb; the current vote is preselected.
import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";
import { ReceiptCard, SecretBallotCast, SecretBallotNotice } from "./ReceiptCard";
import { announceBallot } from "./ballot-events";

const CHOICES = [
  { value: "YES", label: "yes", hint: "yesHint" },
  { value: "NO", label: "no", hint: "noHint" },
  { value: "ABSTAIN", label: "abstain", hint: "abstainHint" },
] as const;

export function VoteForm({ action, proposalId, current, secret = false, cast = false }: {
  action: FormActionFn; proposalId: string; current: string | null;
  /** A secret ballot: cast once, with a receipt; `cast` says this member already has. */
  secret?: boolean; cast?: boolean;
}) {
  const t = useTranslations("vote");
  const [state, formAction] = useActionState(action, { ok: false });
  // The action answers with the recorded choice instead of re-rendering the page: from here on it
  // is this member's current vote, and the rest of the page hears of it.
  useEffect(() => { if (state.ok) announceBallot(proposalId); }, [state, proposalId]);
  if (state.receipt) return <ReceiptCard receipt={state.receipt} />;
  if (secret && cast) return <SecretBallotCast />;
  const recorded = (state.ok ? state.values?.choice : undefined) ?? current;
  const chosen = state.values?.choice ?? current ?? undefined;
  return (
    <form action={formAction} className="space-y-3">
      {secret ? <SecretBallotNotice /> : null}
      <input type="hidden" name="proposalId" value={proposalId} />
      <fieldset>
        <legend className="mb-2 font-semibold">{recorded ? t("change") : t("yours")}</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {CHOICES.map((c) => (
            <label key={c.value} className="flex cursor-pointer items-start gap-3 rounded-lg border border-stone-300 bg-white p-3 has-[:checked]:border-emerald-700 has-[:checked]:bg-emerald-50">
              <input type="radio" name="choice" value={c.value} defaultChecked={chosen === c.value} required className="mt-1 size-5 accent-emerald-800" />
              <span><span className="block font-semibold">{t(c.label)}</span><span className="text-sm text-stone-600">{t(c.hint)}</span></span>
            </label>
          ))}
        </div>
      </fieldset>
      {state.fieldErrors?.choice ? <p className="text-sm text-red-700" aria-live="polite">{state.fieldErrors.choice.join(" ")}</p> : null}
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("recording")}>{secret ? t("castSecret") : recorded ? t("changeVote") : t("cast")}</SubmitButton>
    </form>
  );
}
