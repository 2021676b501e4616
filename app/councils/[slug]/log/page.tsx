import { requireCouncilMemberPage } from "@/lib/councils/page-access";
import Link from "next/link";
import { z } from "zod";
import { Pagination } from "@/components/ui/Pagination";
import { sealAuditLog } from "@/lib/audit/log";
import { actionLabel, listCouncilAudit } from "@/lib/audit/queries";
import { verifyAuditLog } from "@/lib/audit/verify";

export const metadata = { title: "Audit log" };

const ZPage = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

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
  const person = (id: unknown) => (typeof id === "string" ? log.names.get(id) ?? "a former account" : null);

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link className="text-emerald-800 underline" href={here}>{council.name}</Link>
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold sm:text-3xl">Audit log</h1>
        <p className="text-stone-700">
          Every change to membership, proposals, votes, results and delegations, newest first. Entries are linked in a
          hash chain shared by all councils, so editing, deleting or reordering one breaks the chain. A vote entry records
          that a ballot was cast, never what it says.
        </p>
      </header>

      <section aria-labelledby="verification" data-testid="audit-verification"
        className={`space-y-1 rounded-lg border p-4 ${report.firstBreak || report.staleUnsealed ? "border-red-300 bg-red-50" : "border-emerald-300 bg-emerald-50"}`}>
        <h2 id="verification" className="font-semibold">Verification</h2>
        {report.firstBreak ? (
          <p className="text-red-900">Chain broken after entry {report.intactUpTo.toString()}. {report.firstBreak.message}</p>
        ) : (
          <p className="text-emerald-900">Chain intact up to entry {report.intactUpTo.toString()}.</p>
        )}
        {report.staleUnsealed ? (
          <p className="text-red-900">
            Suspicious: {report.staleUnsealed.count} entr{report.staleUnsealed.count === 1 ? "y" : "ies"} still unsealed after five minutes.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="entries" className="space-y-3">
        <h2 id="entries" className="text-lg font-semibold">Entries</h2>
        {log.entries.length === 0 ? <p className="text-stone-600">Nothing recorded yet.</p> : (
          <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {log.entries.map((e) => {
              const data = (e.data ?? {}) as Record<string, unknown>;
              const actor = person(e.actorId);
              const subject = person(data.userId) ?? person(data.holderId);
              const title = typeof data.proposalId === "string" ? log.titles.get(data.proposalId) : undefined;
              return (
                <li key={e.seq.toString()} className="space-y-1 p-3" data-testid="audit-entry">
                  <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                    <span className="min-w-0 flex-1 font-medium break-words">{actionLabel(e.action)}</span>
                    <span className="text-sm text-stone-600">{when(e.at)}</span>
                  </div>
                  <p className="text-sm break-words text-stone-700">
                    {actor ? <>by {actor}</> : "by Plenum"}
                    {subject && subject !== actor ? <> · {subject}</> : null}
                    {title && typeof data.proposalId === "string" ? <> · <Link href={`/proposals/${data.proposalId}`} className="text-emerald-800 underline">{title}</Link></> : null}
                    {typeof data.outcome === "string" ? <> · {data.outcome.toLowerCase().replace("_", " ")}</> : null}
                    {typeof data.reason === "string" ? <> · {data.reason.toLowerCase().replace("_", " ")}</> : null}
                  </p>
                  <p className="font-mono text-xs text-stone-500">
                    {e.chainIndex !== null ? <>#{e.chainIndex.toString()} · {e.hash?.slice(0, 12)}</> : "not yet sealed"}
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
