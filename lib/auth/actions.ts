"use server";
// Sign-up and password changes. Sign-in and sign-out go through next-auth's own endpoints (see
// components/auth); both sign-up and sign-in are rate-limited per address.
import { redirect } from "next/navigation";
import { formAction, publicFormAction } from "../actions/form-action";
import { enforceLimits, LIMITS } from "../security/rate-limit";
import { requestAddress } from "../security/request";
import { changePassword, createAccount } from "./accounts";
import { ZChangePassword, ZSignUp } from "./schemas";

export const signUpAction = publicFormAction(ZSignUp, async (input, { db }) => {
  await enforceLimits(db, [LIMITS.signUpIp(await requestAddress())], "rateSignUp");
  await createAccount(db, input);
  return { ok: true, values: { email: input.email } };
});

/** Every session of the account ends, this one included: the person signs in with the new password. */
export const changePasswordAction = formAction(ZChangePassword, async (input, { db, user }) => {
  await changePassword(db, { ...input, userId: user.id });
  redirect("/signin?reason=password-changed");
});
