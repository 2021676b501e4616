import Link from "next/link";
import { ButtonLink } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/Card";
import { ActionButton } from "@/components/ui/form";
import { Pagination } from "@/components/ui/Pagination";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { markAllReadAction, markReadAction } from "@/lib/notifications/actions";
import { getFormatter, getTranslations } from "next-intl/server";
import { ZNotificationsPage } from "@/lib/notifications/schemas";
import { listNotifications } from "@/lib/notifications/service";

export async function generateMetadata() {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/notifications");
  const { page } = ZNotificationsPage.parse(await searchParams);
  const [t, format] = await Promise.all([getTranslations("notifications"), getFormatter()]);
  const { notifications, pages, total } = await listNotifications(await getDb(), { userId: user.id, page });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link href="/notifications/settings" className="text-sm font-medium text-emerald-800 underline">{t("settingsLink")}</Link>
      </div>
      {total === 0 ? (
        <EmptyState title={t("emptyTitle")}
          action={<ButtonLink href="/notifications/settings" variant="secondary">{t("emptyAction")}</ButtonLink>}>
          <p>{t("emptyHint")}</p>
        </EmptyState>
      ) : (
        <>
          {/* Always shown, so its message stays on screen after everything is read. */}
          <ActionButton action={markAllReadAction} fields={{}} label={t("markAll")} variant="secondary" />
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {notifications.map((n) => (
              <li key={n.id} className={`flex flex-wrap items-start gap-3 p-3 ${n.readAt ? "" : "bg-emerald-50/60"}`}>
                <div className="min-w-0 flex-1">
                  <Link href={n.url} className={`break-words text-emerald-900 hover:underline ${n.readAt ? "" : "font-semibold"}`}>{n.title}</Link>
                  <p className="text-sm text-stone-600">
                    {n.readAt ? null : <span className="font-medium text-emerald-900">{t("unread")}</span>}
                    <time dateTime={n.createdAt.toISOString()}>{format.dateTime(n.createdAt, "dateTime")}</time>
                  </p>
                </div>
                {n.readAt ? null : <ActionButton action={markReadAction} fields={{ id: n.id }} label={t("markRead")} variant="secondary" className="shrink-0" />}
              </li>
            ))}
          </ul>
          <Pagination page={page} pages={pages} href={(p) => `/notifications?page=${p}`} />
        </>
      )}
    </div>
  );
}
