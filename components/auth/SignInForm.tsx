"use client";
// Sign-in through next-auth's Credentials endpoint. The message for a wrong password and for an
// unknown email is the same, so the form never reveals who has an account.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field, FormMessage, type FormState } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/Button";

/** The sentence for a failed sign-in; the server sends only codes (lib/auth/options.ts). */
function signInFailure(result: { error?: string | null } | null | undefined): string {
  if (!result) return "Could not reach the server. Check your connection and try again.";
  const limited = /^RateLimited:(\d+)$/.exec(result.error ?? "");
  if (limited) {
    const seconds = Number(limited[1]);
    const when = seconds < 90 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
    return `Too many sign-in attempts. Try again in ${when}.`;
  }
  if (result.error === "Unavailable") return "Plenum cannot check your password just now. Try again in a minute.";
  return "That email and password do not match an account. Check them and try again.";
}

export function SignInForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const router = useRouter();
  const [state, setState] = useState<FormState>(notice ? { ok: true, message: notice } : { ok: false });
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const fieldErrors: Record<string, string[]> = {};
    if (!email) fieldErrors.email = ["Enter your email address."];
    if (!password) fieldErrors.password = ["Enter your password."];
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
    setState({ ok: false, values: { email }, message: signInFailure(result) });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label="Email" name="email" type="email" autoComplete="email" state={state} required />
      <Field label="Password" name="password" type="password" autoComplete="current-password" state={state} required />
      <FormMessage state={state} />
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className={buttonClass("primary", "w-full text-base")}
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
