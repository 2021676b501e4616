import { CouncilForm } from "@/components/councils/CouncilForm";
import { requireUser } from "@/lib/auth/session";
import { createCouncilAction } from "@/lib/councils/actions";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("councilForm"))("title") };
}

export default async function NewCouncilPage() {
  await requireUser("/councils/new");
  const t = await getTranslations("councilForm");
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-stone-700">{t("intro")}</p>
      </div>
      <CouncilForm action={createCouncilAction} />
    </div>
  );
}
