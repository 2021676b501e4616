"use client";
// Tells the server the reader's time zone (the browser knows it, the request does not), so dates
// are rendered in it. Refreshes once only when it differs from the zone this page was rendered in.
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTimeZone } from "next-intl";
import { COOKIE_MAX_AGE, isTimeZone, TZ_COOKIE } from "@/i18n/locales";

const same = (a: string, b: string) => a === b || (["UTC", "Etc/UTC", "Etc/GMT"].includes(a) && ["UTC", "Etc/UTC", "Etc/GMT"].includes(b));

export function TimeZoneCookie() {
  const rendered = useTimeZone() ?? "UTC";
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!isTimeZone(zone) || document.cookie.split("; ").includes(`${TZ_COOKIE}=${zone}`)) return;
    document.cookie = `${TZ_COOKIE}=${zone}; path=/; max-age=${COOKIE_MAX_AGE}; samesite=lax`;
    if (!same(zone, rendered)) router.refresh();
  }, [rendered, router]);
  return null;
}
