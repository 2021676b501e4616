// After a secret ballot closes: who took part (never how), and a form to find one's tracking code
// on the ballot board. The check is a plain GET form, so it works without JavaScript.
import { Button } from "@/components/ui/Button";
import type { TrackingCheck } from "@/lib/voting/secret-ballots";
import { formatTrackingCode } from "@/lib/voting/receipt-format";
import { useTranslations } from "next-intl";

const CHOICE = { YES: "yes", NO: "no", ABSTAIN: "abstain" } as const;

export function SecretBallotBoard({ proposalId, participants, check, candidateNames }: {
  proposalId: string;
  participants: { names: string[]; total: number };
  check: TrackingCheck | null;
  candidateNames: Map<string, string>;
}) {
  const t = useTranslations("secretBoard");
  const tv = useTranslations("vote");
  return (
    <section aria-labelledby="ballot-board-title" id="ballot-board" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="ballot-board-title" className="text-xl font-semibold">{t("title")}</h2>
      <p className="text-sm text-stone-700">
        {t("tookPart", { count: participants.total })}
      </p>
      {participants.names.length ? (
        <ul className="flex flex-wrap gap-2 text-sm" data-testid="participants">
          {participants.names.map((name, i) => <li key={`${name}-${i}`} className="rounded-full bg-stone-100 px-3 py-1">{name}</li>)}
        </ul>
      ) : null}
      {participants.total > participants.names.length ? (
        <p className="text-sm text-stone-600">{t("showing", { shown: participants.names.length, total: participants.total })}</p>
      ) : null}

      <form method="get" action={`/proposals/${encodeURIComponent(proposalId)}#ballot-board`} className="space-y-2">
        <label htmlFor="track" className="block font-semibold">{t("check")}</label>
        <p className="text-sm text-stone-600">{t("checkHint")}</p>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input id="track" name="track" defaultValue={check && check.kind !== "invalid" ? check.code : ""} maxLength={100} autoComplete="off" spellCheck={false}
            className="min-h-11 w-full rounded-md border border-stone-300 bg-white px-3 font-mono text-sm focus:border-emerald-700 focus:outline-none focus:ring-2 focus:ring-emerald-700/30" />
          <Button type="submit" variant="secondary" className="shrink-0">{t("find")}</Button>
        </div>
      </form>
      {check ? (
        <p role="status" data-testid="tracking-check" className={`rounded-md p-3 text-sm ${check.kind === "found" ? "bg-emerald-50 text-emerald-950" : "bg-red-50 text-red-900"}`}>
          {check.kind === "invalid" ? t("invalid") : null}
          {check.kind === "missing" ? t.rich("missing", { code: formatTrackingCode(check.code), mono: (chunks) => <span className="font-mono break-all">{chunks}</span> }) : null}
          {check.kind === "found" ? (
            t.rich("found", {
              ballot: check.choice ? tv(CHOICE[check.choice as keyof typeof CHOICE]) : check.ranking.length
                ? check.ranking.map((id, i) => `${i + 1}. ${candidateNames.get(id) ?? id}`).join(", ")
                : t("blank"),
              strong: (chunks) => <strong>{chunks}</strong>,
            })
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
