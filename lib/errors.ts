// Expected failures of the domain: their messages are written for users and are safe to show.
// Anything else that is thrown is a bug; the action helper logs it and shows a generic message.
import { createTranslator } from "next-intl";
import en from "../messages/en.json";
import { FORMATS } from "../i18n/locales";

export type DomainErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID"
  | "CLOSED"
  | "RATE_LIMITED";

export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    /** RATE_LIMITED: seconds until trying again makes sense. */
    readonly retryAfterSeconds?: number,
    /** Where its words live in messages/<locale>.json (`domain.<key>`), so the form shows them in the reader's language. */
    readonly translation?: DomainTranslation,
  ) {
    super(message);
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

export type DomainMessageKey = keyof (typeof en)["domain"];
/** Dates are passed as milliseconds since the epoch and formatted by the message ({closes, date, deadline}). */
export type DomainMessageValues = Record<string, string | number>;
/** A field's message: a key sharing the refusal's values, or a key with its own. */
export type DomainFieldMessage = DomainMessageKey | { key: DomainMessageKey; values?: DomainMessageValues };
export interface DomainTranslation {
  key: DomainMessageKey;
  values?: DomainMessageValues;
  fields?: Record<string, DomainFieldMessage>;
  /** A second sentence after the first (a rate limit's "Try again in …"). */
  then?: { key: DomainMessageKey; values?: DomainMessageValues };
}

/** English as logs and the HTTP exports read it; dates in UTC. */
const english = createTranslator({ locale: "en", messages: en, namespace: "domain", formats: FORMATS, timeZone: "UTC" }) as unknown as (key: DomainMessageKey, values?: DomainMessageValues) => string;

export type DomainTranslator = (key: DomainMessageKey, values?: DomainMessageValues) => string;

/** A catalogued refusal's sentence(s) in the translator's language. */
export function renderRefusal(t: DomainTranslator, { key, values, then }: DomainTranslation): string {
  return then ? `${t(key, values)} ${t(then.key, then.values)}` : t(key, values);
}

/** A catalogued refusal's field messages in the translator's language. */
export function renderRefusalFields(t: DomainTranslator, { values, fields }: DomainTranslation): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([field, m]) => [field, [typeof m === "string" ? t(m, values) : t(m.key, m.values)]]));
}

/**
 * A refusal whose sentence is in the message catalogue: the error's message is the English text
 * (logs, tests, the HTTP exports), and the action helper shows it in the reader's language.
 */
export function refusal(code: DomainErrorCode, key: DomainMessageKey, values?: DomainMessageValues, fields?: Record<string, DomainFieldMessage>): DomainError {
  const translation: DomainTranslation = { key, ...(values ? { values } : {}), ...(fields ? { fields } : {}) };
  return new DomainError(code, english(key, values), fields ? renderRefusalFields(english, translation) : undefined, undefined, translation);
}

/** A rate limit's refusal: what happened, then how long to wait (seconds, or minutes past 90 s). */
export function waitRefusal(what: DomainMessageKey, seconds: number): DomainError {
  const then: DomainTranslation["then"] = seconds < 90
    ? { key: "tryAgainSeconds", values: { seconds } }
    : { key: "tryAgainMinutes", values: { minutes: Math.ceil(seconds / 60) } };
  const translation: DomainTranslation = { key: what, then };
  return new DomainError("RATE_LIMITED", renderRefusal(english, translation), undefined, seconds, translation);
}

/** Prisma's unique-constraint violation. Under Prisma 7 + adapters `meta.target` may be absent. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}
