// Who voted what, for an open ballot. Collapsed by default so the result stays the first thing read.
import { Pagination } from "@/components/ui/Pagination";
import { useTranslations } from "next-intl";
import type { RollCallEntry } from "@/lib/voting/roll-call";

export function RollCall({ entries, total, page = 1, pages = 1, href }: {
  entries: RollCallEntry[]; total: number; page?: number; pages?: number; href?: (page: number) => string;
}) {
  const t = useTranslations("rollCall");
  const tv = useTranslations("vote");
  return (
    <details id="roll-call" open={page > 1} className="rounded-lg border border-stone-200 bg-white p-3" data-testid="roll-call">
      <summary className="min-h-11 cursor-pointer py-2 font-semibold">{t("summary", { count: total })}</summary>
      <p className="text-sm text-stone-600">{t("open")}</p>
      {total === 0 ? <p className="mt-2 text-stone-600">{t("none")}</p> : (
        <ul className="mt-2 divide-y divide-stone-200 text-sm">
          {entries.map((e) => (
            <li key={`${e.name}-${e.vote}`} className="flex flex-wrap justify-between gap-x-4 gap-y-1 py-2">
              <span className="font-medium">{e.former ? t("formerMember") : e.name}</span>
              <span className="break-words text-stone-800">{e.choice ? tv(({ YES: "yes", NO: "no", ABSTAIN: "abstain" } as const)[e.choice]) : e.vote}</span>
            </li>
          ))}
        </ul>
      )}
      {total > entries.length && href ? (
        <div className="mt-2 space-y-2">
          <p className="text-sm text-stone-600">{t("showing", { shown: entries.length, total })}</p>
          <Pagination page={page} pages={pages} href={href} />
        </div>
      ) : null}
    </details>
  );
}
