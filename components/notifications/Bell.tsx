import Link from "next/link";
import { useTranslations } from "next-intl";

/** The header's link to the notifications page, with the unread count. */
export function Bell({ unread }: { unread: number }) {
  const label = useTranslations("layout")("notifications", { unread });
  return (
    <Link href="/notifications" aria-label={label} title={label} className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded hover:bg-stone-100">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 fill-none stroke-current stroke-2 text-stone-700">
        <path strokeLinecap="round" strokeLinejoin="round" d="M15 17h5l-1.4-1.4A2 2 0 0 1 18 14.2V11a6 6 0 1 0-12 0v3.2a2 2 0 0 1-.6 1.4L4 17h5m6 0a3 3 0 1 1-6 0" />
      </svg>
      {unread > 0 ? (
        <span aria-hidden="true" className="absolute right-0.5 top-1 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-bold leading-5 text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
