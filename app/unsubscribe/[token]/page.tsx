import Link from "next/link";
import { UnsubscribeForm } from "@/components/notifications/UnsubscribeForm";
import { getDb } from "@/lib/db";
import { unsubscribeAction } from "@/lib/notifications/actions";
import { KIND_LABEL } from "@/lib/notifications/kinds";
import { findUnsubscribeTarget } from "@/lib/notifications/service";

export const metadata = { title: "Unsubscribe" };

/** The link in every email's footer. Opening it changes nothing (link scanners open links); the button does. */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const target = await findUnsubscribeTarget(await getDb(), token);
  if (!target) {
    return (
      <div className="max-w-xl space-y-3">
        <h1 className="text-2xl font-bold">This link does not work</h1>
        <p className="text-stone-700">It may have been cut short when it was copied. <Link href="/notifications/settings" className="text-emerald-800 underline">Sign in and change your settings</Link> instead.</p>
      </div>
    );
  }
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">Unsubscribe</h1>
      <p className="text-stone-700">
        {target.kind
          ? <>Stop emails to <strong>{target.to}</strong> about: <strong>{KIND_LABEL[target.kind].toLowerCase()}</strong>? You will still see these in Plenum.</>
          : <>Stop all Plenum emails, digests included, to <strong>{target.to}</strong>? You will still see notifications in Plenum.</>}
      </p>
      <UnsubscribeForm action={unsubscribeAction} token={token} />
      <p className="text-sm text-stone-600">You can turn emails back on any time in <Link href="/notifications/settings" className="text-emerald-800 underline">notification settings</Link>.</p>
    </div>
  );
}
