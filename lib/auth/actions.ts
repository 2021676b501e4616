"use server";
// Sign-up. Sign-in and sign-out go through next-auth's own endpoints (see components/auth).
import { publicFormAction } from "../actions/form-action";
import { createAccount } from "./accounts";
import { ZSignUp } from "./schemas";

export const signUpAction = publicFormAction(ZSignUp, async (input, { db }) => {
  await createAccount(db, input);
  return { ok: true, values: { email: input.email } };
});
