import Link from "next/link";
import { CalendarPanel } from "@/components/notifications/CalendarPanel";
import { SettingsForm } from "@/components/notifications/SettingsForm";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { resetCalendarAction, revokeCalendarAction, saveSettingsAction } from "@/lib/notifications/actions";
import { KIND_LABEL, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { appUrl, mailConfig } from "@/lib/notifications/mail";
import { findCalendarFeedToken, findPreferences } from "@/lib/notifications/service";

export const metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const user = await requireUser("/notifications/settings");
  const db = await getDb();
  const [prefs, token] = await Promise.all([findPreferences(db, user.id), findCalendarFeedToken(db, user.id)]);
  const kinds = NOTIFICATION_KINDS.map((kind) => ({ kind, label: KIND_LABEL[kind], inApp: !prefs.inAppOff.includes(kind), email: !prefs.emailOff.includes(kind) }));
  let emailOn = false;
  try { emailOn = mailConfig() !== null; } catch { /* reported at start-up */ }
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <p className="text-sm"><Link href="/notifications" className="text-emerald-800 underline">← Notifications</Link></p>
        <h1 className="text-2xl font-bold">Notification settings</h1>
      </div>
      <section aria-labelledby="what" className="space-y-3">
        <h2 id="what" className="text-lg font-semibold">What you are told</h2>
        <p className="text-sm text-stone-600">
          Emails go to <strong className="font-medium text-stone-900">{user.email}</strong>.
          {emailOn ? null : " This Plenum has no mail server set up yet, so for now emails are recorded but not sent."}
        </p>
        <SettingsForm action={saveSettingsAction} kinds={kinds} digest={prefs.digest} />
      </section>
      <section aria-labelledby="calendar" className="space-y-3">
        <h2 id="calendar" className="text-lg font-semibold">Voting deadlines in your calendar</h2>
        <CalendarPanel url={token ? `${appUrl()}/api/calendar/${token}.ics` : null} reset={resetCalendarAction} revoke={revokeCalendarAction} />
      </section>
    </div>
  );
}
