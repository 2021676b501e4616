// A charter's versions, newest first: when each took effect, the passed proposal that made it, and
// what it changed. Pure presentation of lib/charters/service.ts listCharterHistory.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { CharterVersionView } from "@/lib/charters/service";

export function CharterHistory({ versions }: { versions: CharterVersionView[] }) {
  const t = useTranslations("charter");
  const format = useFormatter();
  return (
    <details className="mt-3" open={versions.length > 1}>
      <summary className="cursor-pointer py-2 text-sm font-semibold" id="charter-history">{t("history", { count: versions.length })}</summary>
      <ol className="space-y-3 border-l-2 border-stone-200 pl-4" aria-label={t("versions")}>
        {versions.map((v) => (
          <li key={v.id} className="text-sm" data-testid="charter-history-version">
            <p>
              <strong>{t("version", { version: v.version })}</strong> · {format.dateTime(v.createdAt, "date")} ·{" "}
              {v.madeBy
                ? <>{t("madeBy")} <Link href={`/proposals/${v.madeBy.id}`} className="font-medium text-emerald-800 underline break-words">{v.madeBy.title}</Link></>
                : t("founding")}
            </p>
            {v.changes.length > 0 ? (
              <ul className="mt-1 list-disc pl-5 text-stone-700">
                {v.changes.map((line) => <li key={line} className="break-words">{line}</li>)}
              </ul>
            ) : v.madeBy ? <p className="text-stone-600">{t("noChange")}</p> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
