// Expected failures of the domain: their messages are written for users and are safe to show.
// Anything else that is thrown is a bug; the action helper logs it and shows a generic message.
import { createTranslator } from "next-intl";
import en from "../messages/en.json";

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
    readonly translation?: { key: DomainMessageKey; values?: DomainMessageValues; fields?: Record<string, DomainMessageKey> },
  ) {
    super(message);
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

export type DomainMessageKey = keyof (typeof en)["domain"];
export type DomainMessageValues = Record<string, string | number>;

const english = createTranslator({ locale: "en", messages: en, namespace: "domain" }) as unknown as (key: DomainMessageKey, values?: DomainMessageValues) => string;

/**
 * A refusal whose sentence is in the message catalogue: the error's message is the English text
 * (logs, tests, the HTTP exports), and the action helper shows it in the reader's language.
 */
export function refusal(code: DomainErrorCode, key: DomainMessageKey, values?: DomainMessageValues, fields?: Record<string, DomainMessageKey>): DomainError {
  const fieldErrors = fields ? Object.fromEntries(Object.entries(fields).map(([field, k]) => [field, [english(k, values)]])) : undefined;
  return new DomainError(code, english(key, values), fieldErrors, undefined, { key, ...(values ? { values } : {}), ...(fields ? { fields } : {}) });
}

/** Prisma's unique-constraint violation. Under Prisma 7 + adapters `meta.target` may be absent. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}
