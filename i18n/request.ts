// next-intl's per-request configuration, without locale routing: URLs stay as they are, and the
// language and time zone come from the reader's cookies (or Accept-Language) on every request.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { FORMATS, LOCALE_COOKIE, pickLocale, pickTimeZone, TZ_COOKIE, type Locale } from "./locales";

const MESSAGES = {
  en: () => import("../messages/en.json"),
  es: () => import("../messages/es.json"),
  de: () => import("../messages/de.json"),
} satisfies Record<Locale, () => Promise<{ default: unknown }>>;

export default getRequestConfig(async () => {
  const jar = await cookies();
  const locale = pickLocale(jar.get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
  return {
    locale,
    timeZone: pickTimeZone(jar.get(TZ_COOKIE)?.value),
    formats: FORMATS,
    messages: (await MESSAGES[locale]()).default as Record<string, unknown> as never,
  };
});
