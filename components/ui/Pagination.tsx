import Link from "next/link";
import { useTranslations } from "next-intl";

/** Previous / next links that keep the other query parameters. */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const t = useTranslations("common");
  if (pages <= 1) return null;
  return (
    <nav aria-label={t("pages")} className="flex items-center justify-between gap-2 text-sm">
      {page > 1 ? <Link className="rounded border border-stone-300 bg-white px-3 py-2" href={href(page - 1)}>{t("previous")}</Link> : <span />}
      <span className="text-stone-600">{t("pageOf", { page, pages })}</span>
      {page < pages ? <Link className="rounded border border-stone-300 bg-white px-3 py-2" href={href(page + 1)}>{t("next")}</Link> : <span />}
    </nav>
  );
}
