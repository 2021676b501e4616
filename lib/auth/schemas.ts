// Inputs of sign-up and sign-in.
import { z } from "zod";
import { msg } from "../schema-messages";
import { MIN_PASSWORD_LENGTH } from "./password";

export const ZEmail = z
  .string({ error: msg("emailRequired") })
  .trim()
  .toLowerCase()
  .max(254, msg("emailTooLong"))
  .pipe(z.email({ error: msg("emailInvalid") }));

const ZNewPassword = z
  .string({ error: msg("passwordRequired") })
  .min(MIN_PASSWORD_LENGTH, msg("atLeastChars", { min: MIN_PASSWORD_LENGTH }))
  .max(256, msg("atMostChars", { max: 256 }))
  .refine((p) => p.trim().length >= MIN_PASSWORD_LENGTH, msg("passwordNotSpaces", { min: MIN_PASSWORD_LENGTH }));

export const ZSignUp = z.object({
  name: z
    .string({ error: msg("nameRequired") })
    .trim()
    .min(1, msg("nameRequired"))
    .max(80, msg("nameTooLong", { max: 80 })),
  email: ZEmail,
  password: ZNewPassword,
});
export type TSignUp = z.infer<typeof ZSignUp>;

export const ZSignIn = z.object({
  email: ZEmail,
  password: z.string().min(1, msg("passwordEnter")).max(256),
});
export type TSignIn = z.infer<typeof ZSignIn>;

export const ZChangePassword = z
  .object({
    currentPassword: z.string({ error: msg("currentPasswordRequired") }).min(1, msg("currentPasswordRequired")).max(256),
    newPassword: ZNewPassword,
    confirmPassword: z.string({ error: msg("confirmPasswordRequired") }).max(256),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: msg("passwordsDiffer") })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: msg("passwordReused") });
export type TChangePassword = z.infer<typeof ZChangePassword>;

/**
 * Where to go after signing in: only paths on this site, never another origin. Control characters
 * and backslashes are refused outright, because browsers drop or rewrite them ("/\t/evil.com").
 */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2000) return fallback;
  if (!value.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  const probe = "http://plenum.invalid";
  const url = new URL(value, probe);
  if (url.origin !== probe) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
