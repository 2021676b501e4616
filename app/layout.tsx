import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { clientMessages } from "@/i18n/client-messages";
import { currentUser } from "@/lib/auth/session";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { Bell } from "@/components/notifications/Bell";
import { LanguageSwitcher } from "@/components/i18n/LanguageSwitcher";
import { TimeZoneCookie } from "@/components/i18n/TimeZoneCookie";
import { getDb } from "@/lib/db";
import { countUnread } from "@/lib/notifications/service";
import { releaseRenderOnCompletion } from "@/lib/render-cleanup";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("layout");
  return {
    title: { default: "Plenum", template: "%s · Plenum" },
    description: t("description"),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  releaseRenderOnCompletion();
  const user = await currentUser();
  const unread = user ? await countUnread(await getDb(), user.id) : 0;
  const [locale, t, messages] = await Promise.all([getLocale(), getTranslations("layout"), getMessages()]);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">
        <NextIntlClientProvider messages={clientMessages(messages)}>
          <TimeZoneCookie />
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
            {t("skip")}
          </a>
          <header className="border-b border-stone-200 bg-white">
            <nav aria-label={t("main")} className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
              <Link href="/" className="py-2 text-lg font-bold tracking-tight text-emerald-900">Plenum</Link>
              <Link href="/councils" className="px-1 py-3 text-sm hover:underline">{t("councils")}</Link>
              <span className="ml-auto flex items-center gap-3 text-sm">
                {user ? (
                  <>
                    <span className="max-w-[9rem] truncate text-stone-600 sm:max-w-none">
                      <span className="sr-only sm:not-sr-only">{t("signedInAs")} </span>
                      <strong className="font-medium text-stone-900">{user.name}</strong>
                    </span>
                    <Bell unread={unread} />
                    <SignOutButton />
                  </>
                ) : (
                  <>
                    <Link href="/signin" className="px-1 py-3 hover:underline">{t("signIn")}</Link>
                    <Link href="/signup" className="rounded-md bg-emerald-800 px-3 py-1.5 font-semibold text-white hover:bg-emerald-900">{t("signUp")}</Link>
                  </>
                )}
              </span>
            </nav>
          </header>
          <main id="main" className="mx-auto max-w-4xl px-4 py-6">{children}</main>
          <footer className="mx-auto flex max-w-4xl flex-wrap items-center gap-2 border-t border-stone-200 px-4 py-4 text-stone-600">
            <LanguageSwitcher />
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
