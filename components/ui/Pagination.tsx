import Link from "next/link";

/** Previous / next links that keep the other query parameters. */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm">
      {page > 1 ? <Link className="rounded border border-stone-300 bg-white px-3 py-2" href={href(page - 1)}>← Previous</Link> : <span />}
      <span className="text-stone-600">Page {page} of {pages}</span>
      {page < pages ? <Link className="rounded border border-stone-300 bg-white px-3 py-2" href={href(page + 1)}>Next →</Link> : <span />}
    </nav>
  );
}
