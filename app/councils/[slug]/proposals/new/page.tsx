import { forbidden, notFound } from "next/navigation";
import { ProposalForm } from "@/components/proposals/ProposalForm";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { looksLikeSlug } from "@/lib/councils/schemas";
import { createFederationMotionAction } from "@/lib/federations/actions";
import { findFederationVoice } from "@/lib/federations/service";
import { createProposalAction } from "@/lib/proposals/actions";
import { currentCharter } from "@/lib/councils/service";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("proposalForm"))("newProposal") };
}

export default async function NewProposalPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!looksLikeSlug(slug)) notFound();
  const user = await requireUser(`/councils/${encodeURIComponent(slug)}/proposals/new`);
  const db = await getDb();
  const council = await db.council.findUnique({ where: { slug }, select: { id: true, name: true, kind: true } });
  if (!council) notFound();
  const { ballotSecrecy } = await currentCharter(db, council.id);
  const t = await getTranslations("proposalForm");
  if (council.kind === "FEDERATION") {
    // A federation's members are councils: anyone in a member council may put a question to it.
    if (!(await findFederationVoice(db, council.id, user.id))) forbidden();
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        <div>
          <p className="text-sm text-stone-600">{council.name}</p>
          <h1 className="text-2xl font-bold">{t("newMotion")}</h1>
          <p className="text-stone-700">
            {t("newMotionIntro")}
          </p>
        </div>
        <ProposalForm action={createFederationMotionAction} councilId={council.id} secrecy={ballotSecrecy} idField="federationId" submitLabel={t("putMotion")} />
      </div>
    );
  }
  const membership = await db.membership.findUnique({ where: { councilId_userId: { councilId: council.id, userId: user.id } } });
  if (membership?.status !== "ACTIVE") forbidden();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <p className="text-sm text-stone-600">{council.name}</p>
        <h1 className="text-2xl font-bold">{t("newProposal")}</h1>
        <p className="text-stone-700">{t("newProposalIntro")}</p>
      </div>
      <ProposalForm action={createProposalAction} councilId={council.id} secrecy={ballotSecrecy} />
    </div>
  );
}
