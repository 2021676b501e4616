import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="mx-auto max-w-md space-y-3">
      <h1 className="text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="text-stone-700">{t("notFound")}</p>
      <Link href="/councils" className="text-emerald-800 underline">{(await getTranslations("common"))("browseCouncils")}</Link>
    </div>
  );
}
