// Inputs of sign-up and sign-in.
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./password";

export const ZEmail = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.org." }));

const ZNewPassword = z
  .string({ error: "Choose a password." })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(256, "Use at most 256 characters.")
  .refine((p) => p.trim().length >= MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters that are not spaces.`);

export const ZSignUp = z.object({
  name: z
    .string({ error: "Enter your name." })
    .trim()
    .min(1, "Enter your name.")
    .max(80, "Names can be at most 80 characters."),
  email: ZEmail,
  password: ZNewPassword,
});
export type TSignUp = z.infer<typeof ZSignUp>;

export const ZSignIn = z.object({
  email: ZEmail,
  password: z.string().min(1, "Enter your password.").max(256),
});
export type TSignIn = z.infer<typeof ZSignIn>;

export const ZChangePassword = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(256),
    newPassword: ZNewPassword,
    confirmPassword: z.string({ error: "Type the new password again." }).max(256),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ." })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password you have not been using." });
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
