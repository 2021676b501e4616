import { Button, ButtonLink } from "@/components/ui/Button";
import Link from "next/link";
import { Pagination } from "@/components/ui/Pagination";
import { getDb } from "@/lib/db";
import { searchCouncils } from "@/lib/councils/service";
import { ZCouncilSearch } from "@/lib/councils/schemas";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("councils"))("title") };
}

export default async function CouncilsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, tc, te] = await Promise.all([getTranslations("councils"), getTranslations("common"), getTranslations("enums")]);
  const { q, page } = ZCouncilSearch.parse(await searchParams);
  const result = await searchCouncils(await getDb(), { q, page });
  const href = (p: number) => `/councils?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <ButtonLink href="/councils/new">{tc("foundCouncil")}</ButtonLink>
      </div>
      <form role="search" className="flex gap-2">
        <label htmlFor="q" className="sr-only">{t("searchLabel")}</label>
        <input id="q" name="q" defaultValue={q} placeholder={t("searchPlaceholder")} maxLength={100}
          className="min-h-11 flex-1 rounded-md border border-stone-300 bg-white px-3" />
        <Button type="submit" variant="secondary">{t("search")}</Button>
      </form>
      <p className="text-sm text-stone-600" aria-live="polite">
        {result.total === 0 ? (q ? t("noMatch", { q }) : t("none")) : t("count", { count: result.total })}
      </p>
      <ul className="space-y-3">
        {result.councils.map((c) => (
          <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-4">
            <Link href={`/councils/${c.slug}`} className="text-lg font-semibold text-emerald-900 hover:underline">{c.name}</Link>
            <p className="text-sm text-stone-600">{te(`councilKind.${c.kind}`)} · {tc("members", { count: c._count.memberships })}</p>
            {c.description ? <p className="mt-1 line-clamp-2 text-stone-800">{c.description}</p> : null}
          </li>
        ))}
      </ul>
      <Pagination page={result.page} pages={result.pages} href={href} />
    </div>
  );
}
