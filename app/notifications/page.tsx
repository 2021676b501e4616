import Link from "next/link";
import { ButtonLink } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/Card";
import { ActionButton } from "@/components/ui/form";
import { Pagination } from "@/components/ui/Pagination";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { markAllReadAction, markReadAction } from "@/lib/notifications/actions";
import { formatDeadline } from "@/lib/notifications/derive";
import { ZNotificationsPage } from "@/lib/notifications/schemas";
import { listNotifications } from "@/lib/notifications/service";

export const metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/notifications");
  const { page } = ZNotificationsPage.parse(await searchParams);
  const { notifications, pages, total } = await listNotifications(await getDb(), { userId: user.id, page });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Notifications</h1>
        <Link href="/notifications/settings" className="text-sm font-medium text-emerald-800 underline">Settings and calendar</Link>
      </div>
      {total === 0 ? (
        <EmptyState title="No notifications yet."
          action={<ButtonLink href="/notifications/settings" variant="secondary">Choose what you are told about</ButtonLink>}>
          <p>You will be told here when voting opens, a result is published, and more.</p>
        </EmptyState>
      ) : (
        <>
          {/* Always shown, so its message stays on screen after everything is read. */}
          <ActionButton action={markAllReadAction} fields={{}} label="Mark all as read" variant="secondary" />
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {notifications.map((n) => (
              <li key={n.id} className={`flex flex-wrap items-start gap-3 p-3 ${n.readAt ? "" : "bg-emerald-50/60"}`}>
                <div className="min-w-0 flex-1">
                  <Link href={n.url} className={`break-words text-emerald-900 hover:underline ${n.readAt ? "" : "font-semibold"}`}>{n.title}</Link>
                  <p className="text-sm text-stone-600">
                    {n.readAt ? null : <span className="font-medium text-emerald-900">Unread · </span>}
                    <time dateTime={n.createdAt.toISOString()}>{formatDeadline(n.createdAt)}</time>
                  </p>
                </div>
                {n.readAt ? null : <ActionButton action={markReadAction} fields={{ id: n.id }} label="Mark read" variant="secondary" className="shrink-0" />}
              </li>
            ))}
          </ul>
          <Pagination page={page} pages={pages} href={(p) => `/notifications?page=${p}`} />
        </>
      )}
    </div>
  );
}
