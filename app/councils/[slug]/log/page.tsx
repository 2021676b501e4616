import { requireCouncilMemberPage } from "@/lib/councils/page-access";
import Link from "next/link";
import { z } from "zod";
import { Pagination } from "@/components/ui/Pagination";
import { sealAuditLog } from "@/lib/audit/log";
import { actionLabel, listCouncilAudit } from "@/lib/audit/queries";
import { verifyAuditLog } from "@/lib/audit/verify";
import { getFormatter, getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("audit"))("title") };
}

const ZPage = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { page } = ZPage.parse(await searchParams);
  const { db, council } = await requireCouncilMemberPage(slug, "log");
  await sealAuditLog(db);
  const [report, log] = await Promise.all([
    verifyAuditLog(db, { checkResults: false }),
    listCouncilAudit(db, { councilId: council.id, page }),
  ]);
  const here = `/councils/${council.slug}`;
  const [t, format] = await Promise.all([getTranslations("audit"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, "dateTime");
  // Known actions in the reader's language; an action the catalogue lacks keeps its English label.
  const label = (action: string) => {
    const key = `actions.${action.replaceAll(".", "_")}` as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : actionLabel(action);
  };
  const person = (id: unknown) => (typeof id === "string" ? log.names.get(id) ?? t("formerAccount") : null);

  return (
    <div className="space-y-8">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link className="text-emerald-800 underline" href={here}>{council.name}</Link>
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <p className="text-stone-700">
          {t("intro")}
        </p>
      </header>

      <section aria-labelledby="verification" data-testid="audit-verification"
        className={`space-y-1 rounded-lg border p-4 ${report.firstBreak || report.staleUnsealed ? "border-red-300 bg-red-50" : "border-emerald-300 bg-emerald-50"}`}>
        <h2 id="verification" className="font-semibold">{t("verification")}</h2>
        {report.firstBreak ? (
          <p className="text-red-900">{t("broken", { index: report.intactUpTo.toString(), message: report.firstBreak.message })}</p>
        ) : (
          <p className="text-emerald-900">{t("intact", { index: report.intactUpTo.toString() })}</p>
        )}
        {report.staleUnsealed ? (
          <p className="text-red-900">
            {t("suspicious", { count: report.staleUnsealed.count })}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="entries" className="space-y-3">
        <h2 id="entries" className="text-lg font-semibold">{t("entries")}</h2>
        {log.entries.length === 0 ? <p className="text-stone-600">{t("nothing")}</p> : (
          <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {log.entries.map((e) => {
              const data = (e.data ?? {}) as Record<string, unknown>;
              const actor = person(e.actorId);
              const subject = person(data.userId) ?? person(data.holderId);
              const title = typeof data.proposalId === "string" ? log.titles.get(data.proposalId) : undefined;
              return (
                <li key={e.seq.toString()} className="space-y-1 p-3" data-testid="audit-entry">
                  <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                    <span className="min-w-0 flex-1 font-medium break-words">{label(e.action)}</span>
                    <span className="text-sm text-stone-600">{when(e.at)}</span>
                  </div>
                  <p className="text-sm break-words text-stone-700">
                    {actor ? t("by", { name: actor }) : t("byPlenum")}
                    {subject && subject !== actor ? <> · {subject}</> : null}
                    {title && typeof data.proposalId === "string" ? <> · <Link href={`/proposals/${data.proposalId}`} className="text-emerald-800 underline">{title}</Link></> : null}
                    {typeof data.outcome === "string" ? <> · {data.outcome.toLowerCase().replace("_", " ")}</> : null}
                    {typeof data.reason === "string" ? <> · {data.reason.toLowerCase().replace("_", " ")}</> : null}
                  </p>
                  <p className="font-mono text-xs text-stone-500">
                    {e.chainIndex !== null ? <>#{e.chainIndex.toString()} · {e.hash?.slice(0, 12)}</> : t("unsealed")}
                  </p>
                </li>
              );
            })}
          </ol>
        )}
        <Pagination page={log.page} pages={log.pages} href={(n) => `${here}/log?page=${n}`} />
      </section>
    </div>
  );
}
