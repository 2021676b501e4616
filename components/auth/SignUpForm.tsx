"use client";
// Sign-up: the server action creates the account, then the browser signs in with what was typed.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage, SubmitButton, type FormActionFn } from "@/components/ui/form";

export function SignUpForm({ action, callbackUrl }: { action: FormActionFn; callbackUrl: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [state, formAction] = useActionState(action, { ok: false });
  const password = useRef("");

  useEffect(() => {
    if (!state.ok || !state.values?.email) return;
    void signIn("credentials", { email: state.values.email, password: password.current, redirect: false }).then((r) => {
      router.replace(r?.ok ? callbackUrl : `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      router.refresh();
    });
  }, [state, callbackUrl, router]);

  return (
    <form
      action={formAction}
      onSubmit={(e) => { password.current = String(new FormData(e.currentTarget).get("password") ?? ""); }}
      noValidate
      className="space-y-4"
    >
      <Field label={t("name")} name="name" autoComplete="name" state={state} required maxLength={80} />
      <Field label={t("email")} name="email" type="email" autoComplete="email" state={state} required />
      <Field label={t("password")} name="password" type="password" autoComplete="new-password" state={state}
        hint={t("passwordHint")} required />
      <FormMessage state={state.ok ? { ok: true, message: t("created") } : state} />
      <SubmitButton pendingLabel={t("creating")}>{t("createAccount")}</SubmitButton>
    </form>
  );
}
