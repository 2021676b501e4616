"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("layout");
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: "/" })} className="min-h-11 rounded px-2 text-sm underline-offset-4 hover:underline">
      {t("signOut")}
    </button>
  );
}
