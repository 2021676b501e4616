// Propose a change to the council's charter. Any member may; the change is a proposal that the
// members vote on, and nothing else changes a charter.
import { CharterChangeForm } from "@/components/charters/CharterChangeForm";
import { requireCouncilMemberPage } from "@/lib/councils/page-access";
import { currentCharter } from "@/lib/councils/service";
import { proposeCharterChangeAction } from "@/lib/charters/actions";
import { changeableFields, pickRules } from "@/lib/charters/rules";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("charter"))("proposeTitle") };
}

export default async function NewCharterChangePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { db, council } = await requireCouncilMemberPage(slug, "charter/new");
  const [charter, { kind }] = await Promise.all([
    currentCharter(db, council.id),
    db.council.findUniqueOrThrow({ where: { id: council.id }, select: { kind: true } }),
  ]);
  const [t, te] = await Promise.all([getTranslations("charter"), getTranslations("enums")]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <p className="text-sm text-stone-600">{council.name}</p>
        <h1 className="text-2xl font-bold">{t("proposeTitle")}</h1>
        <p className="text-stone-700">
          {t("proposeIntro", { threshold: te(`thresholdShort.${charter.charterChangeThreshold}`) })}
        </p>
      </div>
      {kind === "FEDERATION" ? (
        <p className="rounded-lg bg-stone-100 p-3 text-stone-700">{t("federationNotYet")}</p>
      ) : (
        <CharterChangeForm action={proposeCharterChangeAction} councilId={council.id} current={pickRules(charter)} fields={changeableFields(kind)} />
      )}
    </div>
  );
}
