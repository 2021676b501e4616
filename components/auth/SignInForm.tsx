"use client";
// Sign-in through next-auth's Credentials endpoint. The message for a wrong password and for an
// unknown email is the same, so the form never reveals who has an account.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage, type FormState } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/Button";

/** The sentence for a failed sign-in; the server sends only codes (lib/auth/options.ts). */
function signInFailure(t: ReturnType<typeof useTranslations<"auth">>, result: { error?: string | null } | null | undefined): string {
  if (!result) return t("unreachable");
  const limited = /^RateLimited:(\d+)$/.exec(result.error ?? "");
  if (limited) {
    const seconds = Number(limited[1]);
    const when = seconds < 90 ? t("seconds", { count: seconds }) : t("minutes", { count: Math.ceil(seconds / 60) });
    return t("rateLimited", { when });
  }
  if (result.error === "Unavailable") return t("unavailable");
  return t("wrong");
}

export function SignInForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [state, setState] = useState<FormState>(notice ? { ok: true, message: notice } : { ok: false });
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const fieldErrors: Record<string, string[]> = {};
    if (!email) fieldErrors.email = [t("enterEmail")];
    if (!password) fieldErrors.password = [t("enterPassword")];
    if (Object.keys(fieldErrors).length) {
      setState({ ok: false, fieldErrors, values: { email } });
      return;
    }
    setPending(true);
    const result = await signIn("credentials", { email, password, redirect: false }).catch(() => null);
    setPending(false);
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setState({ ok: false, values: { email }, message: signInFailure(t, result) });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label={t("email")} name="email" type="email" autoComplete="email" state={state} required />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" state={state} required />
      <FormMessage state={state} />
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className={buttonClass("primary", "w-full text-base")}
      >
        {pending ? t("signingIn") : t("signIn")}
      </button>
    </form>
  );
}
