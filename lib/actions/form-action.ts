// The one way to write a server action: resolve the user, validate the form with zod, run the
// service, and turn expected errors into messages next to their fields. Unexpected errors are
// logged and replaced by a generic message; raw exception text never reaches the browser.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb, type PrismaClient } from "../db";
import { isDomainError, renderRefusal, renderRefusalFields, type DomainError, type DomainTranslator } from "../errors";
import { catalogued, zodFieldErrors, type SchemaTranslator } from "../schema-messages";
import { isDatabaseUnavailable } from "../db/errors";
import { currentUser, type SessionUser } from "../auth/session";
import type { Receipt } from "../voting/receipt-format";

export interface FormState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What the user typed, so the form can show it again (never passwords). */
  values?: Record<string, string>;
  /** A secret ballot's receipt, shown to the voter once. */
  receipt?: Receipt;
}

export const initialFormState: FormState = { ok: false };

const SECRET_FIELDS = new Set(["password", "currentPassword", "newPassword", "confirmPassword"]);

/**
 * PostgreSQL text cannot hold NUL, so it is dropped; line breaks are normalised to \n so a length
 * limit means the same thing in the browser's textarea and here.
 */
const clean = (value: string) => value.replaceAll("\u0000", "").replaceAll("\r\n", "\n");

const MAX_FIELDS = 500;

/** Every text field as typed (cleaned, not shortened): what the schema validates. */
function readFields(formData: unknown): Record<string, string> | null {
  if (!(formData instanceof FormData)) return null;
  const fields: Record<string, string> = {};
  let n = 0;
  for (const [key, value] of formData.entries()) {
    if (++n > MAX_FIELDS) return null;
    if (typeof value === "string" && !key.startsWith("$ACTION")) fields[key] = clean(value);
  }
  return fields;
}

/** What is shown back in the form: the typed values, shortened, never the secret ones. */
function echo(fields: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) if (!SECRET_FIELDS.has(key)) values[key] = value.slice(0, 20_000);
  return values;
}

/** The helper's own messages, in the reader's language. */
const say = async (key: "badRequest" | "correctFields" | "unexpected" | "sessionEnded" | "databaseUnavailable") => (await getTranslations("actions"))(key);

/** A catalogued refusal in the reader's language; the others are still English sentences. */
const translated = async (translation: NonNullable<DomainError["translation"]>) =>
  renderRefusal((await getTranslations("domain")) as unknown as DomainTranslator, translation);

/**
 * Field errors in the reader's language: a catalogued refusal's own, and any message that is a
 * schema's (schema.*, e.g. a ranked ballot read from its fields); others as they were written.
 */
async function translatedFields(fieldErrors: Record<string, string[]>, translation: DomainError["translation"]): Promise<Record<string, string[]>> {
  const ts = (await getTranslations("schema")) as unknown as SchemaTranslator;
  const out = Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) =>
    [field, messages.map((m) => { const c = catalogued(m); return c ? ts(c.key, c.values) : m; })]));
  if (!translation?.fields) return out;
  return { ...out, ...renderRefusalFields((await getTranslations("domain")) as unknown as DomainTranslator, translation) };
}

const badRequest = async (): Promise<FormState> => ({ ok: false, message: await say("badRequest") });

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
        ? { ok: false, message: await say("correctFields"), fieldErrors: await translatedFields(error.fieldErrors, error.translation), values }
        : { ok: false, message: error.translation ? await translated(error.translation) : error.message, values };
    }
    if (isDatabaseUnavailable(error)) {
      // An outage or an overload, not a bug: say so, and that trying again will work.
      console.warn("Database unavailable during a server action:", error instanceof Error ? error.message : error);
      return { ok: false, message: await say("databaseUnavailable"), values };
    }
    console.error("Unexpected error in server action", error);
    return { ok: false, message: await say("unexpected"), values };
  }
}

async function invalid(error: z.ZodError, values: Record<string, string>): Promise<FormState> {
  const t = (await getTranslations("schema")) as unknown as SchemaTranslator;
  return { ok: false, message: await say("correctFields"), fieldErrors: zodFieldErrors(error, t), values };
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
    const fields = readFields(formData);
    if (!fields) return badRequest();
    const values = echo(fields);
    return guarded(values, async () => {
      const user = await currentUser();
      if (!user) return { ok: false, message: await say("sessionEnded"), values };
      const parsed = schema.safeParse(toInput(fields));
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
    const fields = readFields(formData);
    if (!fields) return badRequest();
    const values = echo(fields);
    return guarded(values, async () => {
      const parsed = schema.safeParse(fields);
      if (!parsed.success) return invalid(parsed.error, values);
      return handler(parsed.data, { db: await getDb() });
    });
  };
}
