import { requireCouncilMemberPage } from "@/lib/councils/page-access";
import { ElectionForm } from "@/components/elections/ElectionForm";
import { createElectionAction } from "@/lib/elections/actions";
import { listCouncilRoles } from "@/lib/elections/queries";
import { currentCharter } from "@/lib/councils/service";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("electionForm"))("title") };
}

export default async function NewElectionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { db, council } = await requireCouncilMemberPage(slug, "elections/new");
  const [roles, charter] = await Promise.all([listCouncilRoles(db, council.id), currentCharter(db, council.id)]);
  const t = await getTranslations("electionForm");
  const options = roles.map((r) => ({
    id: r.id,
    label: r.federation
      ? t("roleOptionDelegates", { name: r.name, seats: r.seats, months: r.termMonths, federation: r.federation.name })
      : t("roleOption", { name: r.name, seats: r.seats, months: r.termMonths }),
  }));
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <p className="text-sm text-stone-600">{council.name}</p>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-stone-700">
          {t("intro")}
        </p>
      </div>
      <ElectionForm action={createElectionAction} councilId={council.id} roles={options} secrecy={charter.ballotSecrecy} />
    </div>
  );
}
