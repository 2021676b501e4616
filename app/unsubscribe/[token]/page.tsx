import Link from "next/link";
import { UnsubscribeForm } from "@/components/notifications/UnsubscribeForm";
import { getDb } from "@/lib/db";
import { unsubscribeAction } from "@/lib/notifications/actions";
import { getTranslations } from "next-intl/server";
import { findUnsubscribeTarget } from "@/lib/notifications/service";

export async function generateMetadata() {
  return { title: (await getTranslations("unsubscribe"))("title") };
}

/** The link in every email's footer. Opening it changes nothing (link scanners open links); the button does. */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const target = await findUnsubscribeTarget(await getDb(), token);
  const [t, te] = await Promise.all([getTranslations("unsubscribe"), getTranslations("enums")]);
  const b = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  const settings = (chunks: React.ReactNode) => <Link href="/notifications/settings" className="text-emerald-800 underline">{chunks}</Link>;
  if (!target) {
    return (
      <div className="max-w-xl space-y-3">
        <h1 className="text-2xl font-bold">{t("broken")}</h1>
        <p className="text-stone-700">{t.rich("brokenHint", { link: settings })}</p>
      </div>
    );
  }
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-stone-700">
        {target.kind
          ? t.rich("kind", { to: target.to, kind: te(`notificationKind.${target.kind}`).toLowerCase(), b })
          : t.rich("all", { to: target.to, b })}
      </p>
      <UnsubscribeForm action={unsubscribeAction} token={token} />
      <p className="text-sm text-stone-600">{t.rich("backOn", { link: settings })}</p>
    </div>
  );
}
