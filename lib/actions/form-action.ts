// The one way to write a server action: resolve the user, validate the form with zod, run the
// service, and turn expected errors into messages next to their fields. Unexpected errors are
// logged and replaced by a generic message; raw exception text never reaches the browser.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getDb, type PrismaClient } from "../db";
import { isDomainError } from "../errors";
import { currentUser, type SessionUser } from "../auth/session";

export interface FormState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What the user typed, so the form can show it again (never passwords). */
  values?: Record<string, string>;
}

export const initialFormState: FormState = { ok: false };

const SECRET_FIELDS = new Set(["password"]);

/** PostgreSQL text cannot hold NUL; it is never meaningful in a form, so it is dropped. */
const clean = (value: string) => value.replaceAll("\u0000", "");

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !SECRET_FIELDS.has(key)) values[key] = clean(value).slice(0, 20_000);
  }
  return values;
}

/** The typed values plus the secret fields, which are validated but never echoed back. */
function withSecrets(values: Record<string, string>, formData: FormData): Record<string, string> {
  const all = { ...values };
  for (const key of SECRET_FIELDS) {
    const v = formData.get(key);
    if (typeof v === "string") all[key] = clean(v);
  }
  return all;
}

function zodFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path.at(-1) ?? "form");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

interface Context {
  db: PrismaClient;
  user: SessionUser;
}

type Handler<S extends z.ZodType> = (input: z.output<S>, ctx: Context) => Promise<FormState | void>;

/** Runs an action body, mapping expected errors to messages and hiding unexpected ones. */
async function guarded(values: Record<string, string>, run: () => Promise<FormState | void>): Promise<FormState> {
  try {
    return (await run()) ?? { ok: true };
  } catch (error) {
    unstable_rethrow(error); // redirect(), notFound() and friends are not errors
    if (isDomainError(error)) {
      // A refusal tied to fields is shown beside them; the summary just points there.
      return error.fieldErrors
        ? { ok: false, message: "Please correct the highlighted fields.", fieldErrors: error.fieldErrors, values }
        : { ok: false, message: error.message, values };
    }
    console.error("Unexpected error in server action", error);
    return { ok: false, message: "Something went wrong on our side and nothing was changed. Please try again.", values };
  }
}

function invalid(error: z.ZodError, values: Record<string, string>): FormState {
  return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: zodFieldErrors(error), values };
}

/**
 * Wraps a service call as a `useActionState` action for a signed-in user. `toInput` shapes the raw
 * form fields (strings) into what the schema expects; by default they are passed as they are.
 */
export function formAction<S extends z.ZodType>(
  schema: S,
  handler: Handler<S>,
  toInput: (fields: Record<string, string>) => unknown = (fields) => fields,
) {
  return async function action(_prev: FormState, formData: FormData): Promise<FormState> {
    const values = formValues(formData);
    return guarded(values, async () => {
      const user = await currentUser();
      if (!user) return { ok: false, message: "Your session has ended. Sign in again, then retry.", values };
      const parsed = schema.safeParse(toInput(withSecrets(values, formData)));
      if (!parsed.success) return invalid(parsed.error, values);
      return handler(parsed.data, { db: await getDb(), user });
    });
  };
}

/** For the few actions that run signed out (sign-up): the same validation and error mapping. */
export function publicFormAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.output<S>, ctx: { db: PrismaClient }) => Promise<FormState | void>,
) {
  return async function action(_prev: FormState, formData: FormData): Promise<FormState> {
    const fields = Object.fromEntries(
      [...formData.entries()].flatMap(([k, v]) => (typeof v === "string" ? [[k, clean(v)]] : [])),
    );
    const values = formValues(formData);
    return guarded(values, async () => {
      const parsed = schema.safeParse(fields);
      if (!parsed.success) return invalid(parsed.error, values);
      return handler(parsed.data, { db: await getDb() });
    });
  };
}
