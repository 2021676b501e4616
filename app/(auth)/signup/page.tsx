import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/SignUpForm";
import { signUpAction } from "@/lib/auth/actions";
import { currentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/schemas";

export const metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl, "/councils");
  if (await currentUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">Create an account</h1>
      <SignUpForm action={signUpAction} callbackUrl={callbackUrl} />
      <p className="text-sm text-stone-700">
        Already have an account? <Link className="font-medium text-emerald-800 underline" href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>
      </p>
    </div>
  );
}
