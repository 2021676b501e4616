import Link from "next/link";
import { ButtonLink } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/Card";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listMyCouncils } from "@/lib/councils/service";
import { listRecentResults, listVotesAwaitingMe } from "@/lib/dashboard/queries";
import { getFormatter, getTranslations } from "next-intl/server";

export default async function HomePage() {
  const user = await currentUser();
  const [t, tc, te, format] = await Promise.all([getTranslations("home"), getTranslations("common"), getTranslations("enums"), getFormatter()]);
  const deadline = (d: Date) => format.dateTime(d, "deadline");
  if (!user) {
    return (
      <div className="space-y-6 py-6">
        <h1 className="text-3xl font-bold sm:text-4xl">{t("tagline")}</h1>
        <p className="max-w-2xl text-lg text-stone-700">
          {t("intro")}
        </p>
        <div className="flex flex-wrap gap-3">
          <ButtonLink href="/signup" className="px-5 py-3 text-base">{t("createAccount")}</ButtonLink>
          <ButtonLink href="/councils" variant="secondary" className="px-5 py-3 text-base">{tc("browseCouncils")}</ButtonLink>
        </div>
      </div>
    );
  }
  const db = await getDb();
  const [councils, awaiting, results] = await Promise.all([listMyCouncils(db, user.id), listVotesAwaitingMe(db, user.id), listRecentResults(db, user.id)]);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("hello", { name: user.name })}</h1>
        <span className="flex gap-4">
          <a href="/api/me/export.json" download className="text-sm font-medium text-emerald-800 underline">{t("yourData")}</a>
          <Link href="/account/password" className="text-sm font-medium text-emerald-800 underline">{t("changePassword")}</Link>
        </span>
      </div>
      <section aria-labelledby="awaiting" className="space-y-3">
        <h2 id="awaiting" className="text-lg font-semibold">{t("awaiting")}</h2>
        {awaiting.length === 0 ? (
          <EmptyState title={t("nothingToVote")}>
            <p>{councils.length === 0 ? t("nothingToVoteNoCouncils") : t("nothingToVoteHint")}</p>
          </EmptyState>
        ) : (
          <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {awaiting.map((p) => (
              <li key={p.id} className="p-3">
                <Link href={`/proposals/${p.id}`} className="break-words font-medium text-emerald-900 hover:underline">{p.title}</Link>
                <p className="text-sm text-stone-600">
                  {p.council.name} · {t("closes")} <time dateTime={p.votingClosesAt!.toISOString()}>{deadline(p.votingClosesAt!)}</time>
                </p>
              </li>
            ))}
          </ol>
        )}
        <p className="text-sm"><Link href="/notifications/settings#calendar" className="font-medium text-emerald-800 underline">{t("calendar")}</Link></p>
      </section>
      <section aria-labelledby="results" className="space-y-3">
        <h2 id="results" className="text-lg font-semibold">{t("results")}</h2>
        {results.length === 0 ? <p className="text-stone-600">{t("noResults")}</p> : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {results.map((p) => (
              <li key={p.id} className="p-3">
                <Link href={`/proposals/${p.id}`} className="break-words font-medium text-emerald-900 hover:underline">{p.title}</Link>
                <p className="text-sm text-stone-600">
                  <strong className="font-semibold text-stone-900">{te(`outcome.${p.result!.outcome}`)}</strong> · {p.council.name} · {t("closed")}{" "}
                  <time dateTime={p.votingClosesAt!.toISOString()}>{deadline(p.votingClosesAt!)}</time>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="mine" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="mine" className="text-lg font-semibold">{t("yourCouncils")}</h2>
          <Link href="/councils/new" className="text-sm font-medium text-emerald-800 underline">{tc("foundCouncil")}</Link>
        </div>
        {councils.length === 0 ? (
          <EmptyState title={t("noCouncils")}
            action={<><ButtonLink href="/councils">{t("findOne")}</ButtonLink><ButtonLink href="/councils/new" variant="secondary">{tc("foundCouncil")}</ButtonLink></>}>
            <p>{t("noCouncilsHint")}</p>
          </EmptyState>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {councils.map((m) => (
              <li key={m.council.id} className="flex flex-wrap items-center gap-2 p-3">
                <Link href={`/councils/${m.council.slug}`} className="flex-1 font-medium text-emerald-900 hover:underline">{m.council.name}</Link>
                <span className="text-sm text-stone-600">{te(`councilKind.${m.council.kind}`)} · {m.status === "PENDING" ? t("requestPending") : te(`role.${m.role}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
