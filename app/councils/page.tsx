import { Button, ButtonLink } from "@/components/ui/Button";
import Link from "next/link";
import { Pagination } from "@/components/ui/Pagination";
import { getDb } from "@/lib/db";
import { searchCouncils } from "@/lib/councils/service";
import { ZCouncilSearch } from "@/lib/councils/schemas";
import { KIND_LABEL } from "@/lib/councils/labels";

export const metadata = { title: "Councils" };

export default async function CouncilsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { q, page } = ZCouncilSearch.parse(await searchParams);
  const result = await searchCouncils(await getDb(), { q, page });
  const href = (p: number) => `/councils?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold">Councils</h1>
        <ButtonLink href="/councils/new">Found a council</ButtonLink>
      </div>
      <form role="search" className="flex gap-2">
        <label htmlFor="q" className="sr-only">Search councils</label>
        <input id="q" name="q" defaultValue={q} placeholder="Search by name or description" maxLength={100}
          className="min-h-11 flex-1 rounded-md border border-stone-300 bg-white px-3" />
        <Button type="submit" variant="secondary">Search</Button>
      </form>
      <p className="text-sm text-stone-600" aria-live="polite">
        {result.total === 0 ? (q ? `No council matches “${q}”.` : "No councils yet. Found the first one!") : `${result.total} council${result.total === 1 ? "" : "s"}`}
      </p>
      <ul className="space-y-3">
        {result.councils.map((c) => (
          <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-4">
            <Link href={`/councils/${c.slug}`} className="text-lg font-semibold text-emerald-900 hover:underline">{c.name}</Link>
            <p className="text-sm text-stone-600">{KIND_LABEL[c.kind]} · {c._count.memberships} member{c._count.memberships === 1 ? "" : "s"}</p>
            {c.description ? <p className="mt-1 line-clamp-2 text-stone-800">{c.description}</p> : null}
          </li>
        ))}
      </ul>
      <Pagination page={result.page} pages={result.pages} href={href} />
    </div>
  );
}
