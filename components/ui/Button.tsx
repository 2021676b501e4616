// Buttons and links that look like buttons, in three variants: primary (the one main action of a
// section), secondary (the others), danger (what cannot be undone). At least 44 px tall for thumbs.
import Link from "next/link";
import type { ButtonHTMLAttributes, ReactNode } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger";

const VARIANT: Record<ButtonVariant, string> = {
  primary: "bg-emerald-800 text-white hover:bg-emerald-900",
  secondary: "border border-stone-300 bg-white text-stone-900 hover:bg-stone-50",
  danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
};

/** The classes of a button of `variant`, for the rare element that cannot be a Button or ButtonLink. */
export function buttonClass(variant: ButtonVariant = "primary", extra = ""): string {
  return `inline-flex min-h-11 items-center justify-center rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-60 ${VARIANT[variant]} ${extra}`.trim();
}

export function Button({ variant = "primary", className = "", type = "button", ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClass(variant, className)} {...rest} />;
}

/** A link to another page that reads as an action ("New proposal"). */
export function ButtonLink({ href, variant = "primary", className = "", children }: { href: string; variant?: ButtonVariant; className?: string; children: ReactNode }) {
  return <Link href={href} className={buttonClass(variant, className)}>{children}</Link>;
}
