import Link from "next/link";
import { FederationForm } from "@/components/federations/FederationForm";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { createFederationAction } from "@/lib/federations/actions";
import { listFacilitatedCouncils } from "@/lib/federations/queries";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("federation"))("foundTitle") };
}

export default async function NewFederationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/federations/new");
  const councils = await listFacilitatedCouncils(await getDb(), user.id);
  // ?council=<id> preselects the council whose page linked here; anything else is ignored.
  const { council } = await searchParams;
  const t = await getTranslations("federation");
  const chosen = councils.find((c) => c.id === council)?.id;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("foundTitle")}</h1>
        <p className="text-stone-700">
          {t("foundIntro")}
        </p>
      </div>
      {councils.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-4 text-stone-700">
          {t.rich("noCouncil", { link: (chunks) => <Link href="/councils/new" className="font-medium text-emerald-800 underline">{chunks}</Link> })}
        </p>
      ) : (
        <FederationForm action={createFederationAction} councils={councils} foundingCouncilId={chosen} />
      )}
    </div>
  );
}
