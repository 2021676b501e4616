"use client";
// The private calendar address: shown with a copy-friendly field, replaceable and revocable.
import { useTranslations } from "next-intl";
import { ActionButton, type FormActionFn } from "@/components/ui/form";

export function CalendarPanel({ url, reset, revoke }: { url: string | null; reset: FormActionFn; revoke: FormActionFn }) {
  const t = useTranslations("settings");
  return (
    <div className="space-y-3">
      {url ? (
        <>
          <label htmlFor="calendar-url" className="block text-sm font-medium">{t("calendarAddress")}</label>
          <input id="calendar-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()}
            className="block w-full rounded-md border border-stone-300 bg-stone-50 px-3 py-2 font-mono text-sm" />
          <p className="text-sm text-stone-600">
            {t("calendarHint")}
          </p>
          <div className="flex flex-wrap gap-3">
            <ActionButton action={reset} fields={{}} label={t("newAddress")} variant="secondary" confirm={t("newAddressConfirm")} />
            <ActionButton action={revoke} fields={{}} label={t("calendarOff")} variant="danger" />
          </div>
        </>
      ) : (
        <ActionButton action={reset} fields={{}} label={t("createCalendar")} />
      )}
    </div>
  );
}
