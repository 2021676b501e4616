"use client";
// Form building blocks: labelled fields with their errors beside them, a live message region, and
// a submit button that shows progress. Errors are announced to screen readers (aria-live).
import { useActionState, useId, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions/form-action";
import { buttonClass, type ButtonVariant } from "./Button";

export type { FormState };
export type FormActionFn = (state: FormState, formData: FormData) => Promise<FormState>;

const inputClass =
  "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm " +
  "focus:border-emerald-700 focus:outline-none focus:ring-2 focus:ring-emerald-700/30 aria-[invalid=true]:border-red-600";

interface FieldProps {
  label: string;
  name: string;
  state: FormState;
  hint?: string;
  type?: string;
  defaultValue?: string;
  required?: boolean;
  autoComplete?: string;
  multiline?: boolean;
  rows?: number;
  min?: number;
  max?: number;
  maxLength?: number;
  children?: ReactNode; // options for a <select>
}

export function Field({ label, name, state, hint, type = "text", defaultValue, multiline, rows = 6, children, ...rest }: FieldProps) {
  const id = useId();
  const errors = state.fieldErrors?.[name];
  const value = state.values?.[name] ?? defaultValue;
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(" ");
  const common = { id, name, "aria-invalid": errors ? true : undefined, "aria-describedby": describedBy, className: inputClass, ...rest };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-stone-600">{hint}</p> : null}
      {children ? (
        <select key={value} defaultValue={value} {...common}>{children}</select>
      ) : multiline ? (
        <textarea key={value} rows={rows} defaultValue={value} {...common} />
      ) : (
        <input key={value} type={type} defaultValue={type === "password" ? undefined : value} {...common} />
      )}
      <p id={`${id}-error`} aria-live="polite" className="mt-1 text-sm text-red-700">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return <p aria-live="polite" className="sr-only" />;
  return (
    <p
      aria-live="polite"
      role={state.ok ? "status" : "alert"}
      className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"}`}
    >
      {state.message}
    </p>
  );
}

export function SubmitButton({ children, variant = "primary", pendingLabel, name, value }: {
  children: ReactNode; variant?: ButtonVariant; pendingLabel?: string;
  /** For a form with several submit buttons: the one pressed is sent as name=value. */
  name?: string; value?: string;
}) {
  const { pending } = useFormStatus();
  const t = useTranslations("common");
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-busy={pending}
      className={buttonClass(variant)}
    >
      {pending ? (pendingLabel ?? t("working")) : children}
    </button>
  );
}

/** A small form for one action (join, admit, withdraw…): hidden fields, a button, its message. */
export function ActionButton({ action, fields, label, variant, confirm, className }: {
  action: FormActionFn; fields: Record<string, string>; label: string;
  variant?: ButtonVariant; confirm?: string; className?: string;
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form
      action={formAction}
      className={className ?? "space-y-2"}
      onSubmit={(e) => { if (confirm && !window.confirm(confirm)) e.preventDefault(); }}
    >
      {Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <SubmitButton variant={variant}>{label}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

