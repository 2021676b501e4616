"use client";
import { useTranslations } from "next-intl";
// Shown when a page fails unexpectedly; the details stay in the server log.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="mx-auto max-w-md space-y-3">
      <h1 className="text-2xl font-bold">{t("errorTitle")}</h1>
      <p className="text-stone-700">{t("error")}</p>
      <button onClick={reset} className="rounded-md border border-stone-300 bg-white px-4 py-2 font-semibold">{t("tryAgain")}</button>
    </div>
  );
}
