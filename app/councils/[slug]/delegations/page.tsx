import { requireCouncilMemberPage } from "@/lib/councils/page-access";
import Link from "next/link";
import { RecallForm } from "@/components/delegations/RecallForm";
import { startRecallAction } from "@/lib/delegations/actions";
import { listDelegations } from "@/lib/delegations/service";
import { getFormatter, getTranslations } from "next-intl/server";
import { proposalStatus } from "@/lib/proposals/lifecycle";

export async function generateMetadata() {
  return { title: (await getTranslations("delegations"))("title") };
}

export default async function DelegationsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { db, council, user } = await requireCouncilMemberPage(slug, "delegations");
  const now = new Date();
  const { current, past, roles } = await listDelegations(db, { councilId: council.id, now });
  const here = `/councils/${council.slug}`;
  const [t, ta, format] = await Promise.all([getTranslations("delegations"), getTranslations("audit"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, "date");
  const vacant = (role: { id: string; seats: number }) => Math.max(0, role.seats - current.filter((d) => d.role.id === role.id).length);

  return (
    <div className="space-y-8">
      <nav aria-label={ta("breadcrumb")} className="text-sm">
        <Link className="text-emerald-800 underline" href={here}>{council.name}</Link>
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <p className="text-stone-700">
          {t("intro")}
        </p>
        <Link href={`${here}/elections/new`} className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-stone-50">{t("newElection")}</Link>
      </header>

      <section aria-labelledby="current" className="space-y-3">
        <h2 id="current" className="text-lg font-semibold">{t("current")}</h2>
        {current.length === 0 ? <p className="text-stone-600">{t("noneCurrent")}</p> : (
          <ul className="space-y-3">
            {current.map((d) => {
              const running = d.recalls.find((r) => !r.withdrawnAt && proposalStatus(r, now) !== "closed");
              return (
                <li key={d.id} className="space-y-2 rounded-lg border border-stone-200 bg-white p-4" data-testid="delegation">
                  <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                    <span className="min-w-0 flex-1 text-lg font-semibold break-words">{d.holder.name}{d.holder.id === user.id ? t("you") : ""}</span>
                    <span className="text-sm font-medium text-stone-700">{d.role.name}</span>
                  </div>
                  <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                    <div><dt className="inline text-stone-600">{t("term")}</dt><dd className="inline">{day(d.startsAt)} – {day(d.endsAt)}</dd></div>
                    <div>
                      <dt className="inline text-stone-600">{t("electedBy")}</dt>
                      <dd className="inline">
                        {d.electedBy ? <Link href={`/proposals/${d.electedBy.id}`} className="text-emerald-800 underline">{d.electedBy.title}</Link> : t("notRecorded")}
                      </dd>
                    </div>
                    {d.role.federation ? (
                      <div className="sm:col-span-2">
                        <dt className="inline text-stone-600">{t("seatIn")}</dt>
                        <dd className="inline"><Link href={`/councils/${d.role.federation.slug}`} className="text-emerald-800 underline">{d.role.federation.name}</Link></dd>
                      </div>
                    ) : null}
                  </dl>
                  {running ? (
                    <p className="text-sm">
                      <Link href={`/proposals/${running.id}`} className="inline-flex min-h-11 items-center font-medium text-emerald-800 underline">{t("recallUnderWay")}</Link>
                    </p>
                  ) : (
                    <details className="rounded-md border border-stone-200 p-2">
                      <summary className="flex min-h-11 cursor-pointer items-center font-medium text-red-800">{t("startRecall")}</summary>
                      <div className="pt-2"><RecallForm action={startRecallAction} delegationId={d.id} holderName={d.holder.name} /></div>
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="past" className="space-y-3">
        <h2 id="past" className="text-lg font-semibold">{t("past")}</h2>
        {past.length === 0 ? <p className="text-stone-600">{t("nonePast")}</p> : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {past.map((d) => {
              const passedRecall = d.recalls.find((r) => r.result?.outcome === "PASSED");
              const ended = d.endedAt ?? d.endsAt;
              return (
                <li key={d.id} className="space-y-1 p-3">
                  <div className="flex flex-wrap items-baseline gap-x-3">
                    <span className="min-w-0 flex-1 font-medium break-words">{d.holder.name}</span>
                    <span className="text-sm text-stone-700">{d.role.name}</span>
                  </div>
                  <p className="text-sm text-stone-700">
                    {day(d.startsAt)} – {day(ended)} ·{" "}
                    {d.endReason === "RECALLED" && passedRecall ? (
                      <Link href={`/proposals/${passedRecall.id}`} className="text-emerald-800 underline">{t("recalled")}</Link>
                    ) : (
                      t(`end.${d.endReason ?? "TERM_ENDED"}`)
                    )}
                    {d.electedBy ? <>{t("electedByLower")}<Link href={`/proposals/${d.electedBy.id}`} className="text-emerald-800 underline">{d.electedBy.title}</Link></> : null}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {roles.length > 0 ? (
        <section aria-labelledby="roles" className="space-y-2">
          <h2 id="roles" className="text-lg font-semibold">{t("roles")}</h2>
          <ul className="space-y-1 text-sm">
            {roles.map((r) => (
              <li key={r.id}>
                <strong>{r.name}</strong>: {t("roleLine", { seats: r.seats, months: r.termMonths })}
                {r.kind === "FEDERATION_SEAT" ? t("delegatesToFederation") : ""}
                {" · "}{vacant(r) === 0 ? t("allHeld") : t("vacant", { count: vacant(r) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
