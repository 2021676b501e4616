// A short label in a tinted pill: a proposal's state, a role, a mandate. Tones, not colours, so
// the meaning stays the same whatever the scheme (the dark scheme turns the scales in globals.css).
import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "info" | "warning" | "success" | "danger" | "caution";

const TONE: Record<BadgeTone, string> = {
  neutral: "bg-stone-200 text-stone-800",
  info: "bg-sky-100 text-sky-900",
  warning: "bg-amber-100 text-amber-900",
  success: "bg-emerald-100 text-emerald-900",
  danger: "bg-red-100 text-red-900",
  caution: "bg-orange-100 text-orange-900",
};

const SIZE = { sm: "px-2 py-0.5 text-xs font-semibold", md: "px-3 py-1 text-sm font-medium" } as const;

export function Badge({ tone = "neutral", size = "sm", children, className = "", testId }: {
  tone?: BadgeTone; size?: keyof typeof SIZE; children: ReactNode; className?: string; testId?: string;
}) {
  return <span className={`inline-block rounded-full ${SIZE[size]} ${TONE[tone]} ${className}`.trim()} data-testid={testId}>{children}</span>;
}
