// Which languages Plenum speaks and how a request picks one: the reader's own choice (a cookie),
// else the best match in the browser's Accept-Language, else English. Pure, so it is unit-tested.
export const LOCALES = ["en", "es", "de"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** Each language's name in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", es: "Español", de: "Deutsch" };

export const LOCALE_COOKIE = "locale";
export const TZ_COOKIE = "tz";
export const DEFAULT_TIME_ZONE = "UTC";
/** A year: the choice is the reader's, not the session's. */
export const COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export const isLocale = (value: unknown): value is Locale => typeof value === "string" && (LOCALES as readonly string[]).includes(value);

/** The supported language the browser prefers most (q-values honoured; "es-MX" matches "es"). */
export function matchAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranges = header
    .split(",")
    .slice(0, 50) // a hostile header cannot make this loop long
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const { tag } of ranges) {
    const base = tag.split("-")[0];
    if (isLocale(base)) return base;
  }
  return null;
}

export function pickLocale(cookie: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  return matchAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}

let zones: Set<string> | null = null;
/** An IANA time zone this runtime knows ("Europe/Berlin"); anything else falls back to UTC. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length > 64) return false;
  zones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC", "Etc/UTC"]);
  return zones.has(value);
}

export const pickTimeZone = (cookie: string | null | undefined): string => (isTimeZone(cookie) ? cookie : DEFAULT_TIME_ZONE);

/**
 * Named formats, shared by server and client (`format.dateTime(d, "deadline")`). Deadlines carry
 * the time zone's name, because council members vote from different places; 24-hour clocks in
 * every language keep "17:00" unambiguous.
 */
export const FORMATS = {
  dateTime: {
    deadline: { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" },
    dateTime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" },
    date: { day: "numeric", month: "short", year: "numeric" },
    time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" },
  },
  number: {
    percent: { style: "percent", maximumFractionDigits: 1 },
  },
} as const;

/** A deadline in a reader's language and zone, outside React (tests, e-mails). */
export function formatDeadline(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { ...FORMATS.dateTime.deadline, timeZone }).format(date);
}
