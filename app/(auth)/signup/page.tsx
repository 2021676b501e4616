import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/SignUpForm";
import { signUpAction } from "@/lib/auth/actions";
import { currentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/schemas";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("signUpTitle") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl, "/councils");
  if (await currentUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">{t("signUpTitle")}</h1>
      <SignUpForm action={signUpAction} callbackUrl={callbackUrl} />
      <p className="text-sm text-stone-700">
        {t("haveAccount")} <Link className="font-medium text-emerald-800 underline" href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>{t("signInLink")}</Link>
      </p>
    </div>
  );
}
