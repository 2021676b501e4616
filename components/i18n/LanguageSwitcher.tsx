"use client";
// The footer's language choice: a cookie the server reads on every request, so the URL stays the
// same. Works without a server action (nothing in the database changes) and for signed-out readers.
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { COOKIE_MAX_AGE, LOCALE_COOKIE, LOCALE_NAMES, LOCALES } from "@/i18n/locales";

export function LanguageSwitcher() {
  const t = useTranslations("layout");
  const current = useLocale();
  const router = useRouter();
  return (
    <nav aria-label={t("language")}>
      <ul className="flex flex-wrap gap-1">
        {LOCALES.map((l) => (
          <li key={l}>
            <button
              type="button"
              lang={l}
              aria-current={l === current ? "true" : undefined}
              onClick={() => {
                document.cookie = `${LOCALE_COOKIE}=${l}; path=/; max-age=${COOKIE_MAX_AGE}; samesite=lax`;
                router.refresh();
              }}
              className="min-h-11 rounded px-2 text-sm underline-offset-4 hover:underline aria-[current=true]:font-semibold aria-[current=true]:text-stone-900"
            >
              {LOCALE_NAMES[l]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
