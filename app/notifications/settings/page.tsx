import Link from "next/link";
import { CalendarPanel } from "@/components/notifications/CalendarPanel";
import { SettingsForm } from "@/components/notifications/SettingsForm";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { resetCalendarAction, revokeCalendarAction, saveSettingsAction } from "@/lib/notifications/actions";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { getTranslations } from "next-intl/server";
import { appUrl, mailConfig } from "@/lib/notifications/mail";
import { findCalendarFeedToken, findPreferences } from "@/lib/notifications/service";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function NotificationSettingsPage() {
  const user = await requireUser("/notifications/settings");
  const db = await getDb();
  const [prefs, token] = await Promise.all([findPreferences(db, user.id), findCalendarFeedToken(db, user.id)]);
  const [t, te] = await Promise.all([getTranslations("settings"), getTranslations("enums")]);
  const kinds = NOTIFICATION_KINDS.map((kind) => ({ kind, label: te(`notificationKind.${kind}`), inApp: !prefs.inAppOff.includes(kind), email: !prefs.emailOff.includes(kind) }));
  let emailOn = false;
  try { emailOn = mailConfig() !== null; } catch { /* reported at start-up */ }
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <p className="text-sm"><Link href="/notifications" className="text-emerald-800 underline">{t("back")}</Link></p>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
      </div>
      <section aria-labelledby="what" className="space-y-3">
        <h2 id="what" className="text-lg font-semibold">{t("what")}</h2>
        <p className="text-sm text-stone-600">
          {t.rich("emailsTo", { email: user.email, b: (chunks) => <strong className="font-medium text-stone-900">{chunks}</strong> })}
          {emailOn ? null : t("noMail")}
        </p>
        <SettingsForm action={saveSettingsAction} kinds={kinds} digest={prefs.digest} />
      </section>
      <section aria-labelledby="calendar" className="space-y-3">
        <h2 id="calendar" className="text-lg font-semibold">{t("calendar")}</h2>
        <CalendarPanel url={token ? `${appUrl()}/api/calendar/${token}.ics` : null} reset={resetCalendarAction} revoke={revokeCalendarAction} />
      </section>
    </div>
  );
}
