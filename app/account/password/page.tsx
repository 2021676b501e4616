import { ChangePasswordForm } from "@/components/auth/ChangePasswordForm";
import { changePasswordAction } from "@/lib/auth/actions";
import { requireUser } from "@/lib/auth/session";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("password"))("title") };
}

export default async function ChangePasswordPage() {
  await requireUser("/account/password");
  const t = await getTranslations("password");
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <ChangePasswordForm action={changePasswordAction} />
    </div>
  );
}
