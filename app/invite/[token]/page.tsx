import Link from "next/link";
import { ActionButton } from "@/components/ui/form";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { acceptInviteAction } from "@/lib/councils/actions";
import { ZInviteToken } from "@/lib/councils/schemas";
import { findInvite } from "@/lib/councils/service";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("invite"))("title") };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await requireUser(`/invite/${encodeURIComponent(token)}`);
  const parsed = ZInviteToken.safeParse(token);
  const t = await getTranslations("invite");
  const db = await getDb();
  const invite = parsed.success ? await findInvite(db, parsed.data) : null;
  const membership = invite
    ? await db.membership.findUnique({ where: { councilId_userId: { councilId: invite.council.id, userId: user.id } }, select: { status: true } })
    : null;
  if (invite && membership?.status === "ACTIVE") {
    return (
      <div className="mx-auto max-w-md space-y-3">
        <h1 className="text-2xl font-bold">{t("already")}</h1>
        <p className="text-stone-700">{t("belong", { council: invite.council.name })}</p>
        <Link className="text-emerald-800 underline" href={`/councils/${invite.council.slug}`}>{t("goTo", { council: invite.council.name })}</Link>
      </div>
    );
  }
  if (!invite || !invite.usable) {
    return (
      <div className="mx-auto max-w-md space-y-3">
        <h1 className="text-2xl font-bold">{t("unusable")}</h1>
        <p className="text-stone-700">{t("unusableHint")}</p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("join", { council: invite.council.name })}</h1>
      {invite.council.description ? <p className="text-stone-700">{invite.council.description}</p> : null}
      <ActionButton action={acceptInviteAction} fields={{ token: parsed.data! }} label={t("accept")} />
    </div>
  );
}
