// What a charter change proposes, in words, on its proposal page: against today's charter while it
// is open, and the version it made once it passed. Pure presentation.
import Link from "next/link";
import type { PassThreshold } from "@/lib/generated/prisma/enums";
import type { ProposalStatus } from "@/lib/proposals/lifecycle";
import { useTranslations } from "next-intl";

export interface CharterChangeView {
  preview: string[];
  currentVersion: number;
  made: { version: number; changes: string[] } | null;
}

export function CharterChangeSummary({ view, status, councilSlug, threshold }: {
  view: CharterChangeView; status: ProposalStatus; councilSlug: string; threshold: PassThreshold;
}) {
  const t = useTranslations("charter");
  const te = useTranslations("enums");
  return (
    <section aria-labelledby="charter-change" className="space-y-2 rounded-lg border border-violet-200 bg-violet-50/50 p-4">
      <h2 id="charter-change" className="text-lg font-semibold">{t("change")}</h2>
      {view.made ? (
        <>
          <p data-testid="charter-made">
            {t.rich("made", { version: view.made.version, link: (chunks) => <Link href={`/councils/${councilSlug}#charter-history`} className="font-medium text-emerald-800 underline">{chunks}</Link> })}
          </p>
          <ChangeList lines={view.made.changes} />
        </>
      ) : status === "closed" || status === "withdrawn" ? (
        <p>{t("notEffective", { version: view.currentVersion })}</p>
      ) : (
        <>
          <p>{t("ifPasses", { version: view.currentVersion })}</p>
          {view.preview.length > 0 ? <ChangeList lines={view.preview} /> : <p className="text-sm text-stone-700">{t("alreadyHas")}</p>}
        </>
      )}
      <p className="text-sm text-stone-700">{t("needs", { threshold: te(`thresholdShort.${threshold}`) })}</p>
    </section>
  );
}

function ChangeList({ lines }: { lines: string[] }) {
  const t = useTranslations("charter");
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm" aria-label={t("whatChanges")}>
      {lines.map((line) => <li key={line} className="break-words">{line}</li>)}
    </ul>
  );
}
