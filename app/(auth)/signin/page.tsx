import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/SignInForm";
import { currentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/schemas";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const t = await getTranslations("auth");
  const callbackUrl = safeReturnPath(params.callbackUrl, "/");
  const notice = params.reason === "password-changed" ? t("passwordChanged") : undefined;
  if (await currentUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">{t("signInTitle")}</h1>
      <SignInForm callbackUrl={callbackUrl} notice={notice} />
      <p className="text-sm text-stone-700">
        {t("newHere")} <Link className="font-medium text-emerald-800 underline" href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>{t("createAccountLink")}</Link>
      </p>
    </div>
  );
}
