import { ChangePasswordForm } from "@/components/auth/ChangePasswordForm";
import { changePasswordAction } from "@/lib/auth/actions";
import { requireUser } from "@/lib/auth/session";

export const metadata = { title: "Change your password" };

export default async function ChangePasswordPage() {
  await requireUser("/account/password");
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">Change your password</h1>
      <ChangePasswordForm action={changePasswordAction} />
    </div>
  );
}
