// The words of the forms' field messages (lib/*/schemas.ts) live in messages/<locale>.json under
// `schema.*`. A schema asks for its message with `msg(key, values)`, which returns the English text
// (what zod stores on the issue, what the unit tests and logs read) and remembers which key and
// values made it; the action helper looks the English back up and shows the reader's language.
// Zod's own messages (where a schema gives none) are translated by the issue's code.
import { createTranslator } from "next-intl";
import type { z } from "zod";
import en from "../messages/en.json";

export type SchemaMessageKey = keyof (typeof en)["schema"];
export type SchemaMessageValues = Record<string, number>;
export type SchemaTranslator = (key: SchemaMessageKey, values?: SchemaMessageValues) => string;

const english = createTranslator({ locale: "en", messages: en, namespace: "schema" }) as unknown as SchemaTranslator;

const catalogue = new Map<string, { key: SchemaMessageKey; values?: SchemaMessageValues }>();

/** A schema's message: English text, catalogued so that a form can show it translated. */
export function msg(key: SchemaMessageKey, values?: SchemaMessageValues): string {
  const text = english(key, values);
  if (!catalogue.has(text)) catalogue.set(text, { key, ...(values ? { values } : {}) });
  return text;
}

/** Where an English schema message came from, if it was made by `msg`. */
export const catalogued = (message: string) => catalogue.get(message);

/** Every catalogued message so far (the unit tests check them). */
export const cataloguedMessages = () => [...catalogue];

type Issue = z.core.$ZodIssue;

const num = (v: unknown) => (typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : undefined);

/** Zod's own message for an issue, in the translator's language. */
function zodDefault(issue: Issue, t: SchemaTranslator): string {
  switch (issue.code) {
    case "invalid_type":
      return t("defaultRequired");
    case "too_small": {
      const min = num(issue.minimum);
      if (min === undefined) return t("defaultInvalid");
      if (issue.origin === "string") return min <= 1 ? t("defaultRequired") : t("atLeastChars", { min });
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint") return t("defaultNumberMin", { min });
      return t("defaultRequired");
    }
    case "too_big": {
      const max = num(issue.maximum);
      if (max === undefined) return t("defaultInvalid");
      if (issue.origin === "string") return t("atMostChars", { max });
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint") return t("defaultNumberMax", { max });
      return t("defaultTooMany", { max });
    }
    case "invalid_format":
      return issue.format === "email" ? t("emailInvalid") : t("defaultFormat");
    case "invalid_value":
      return t("defaultChoose");
    default:
      return t("defaultInvalid");
  }
}

/** An issue's message in the translator's language: the schema's own if catalogued, else zod's by code. */
export function translateIssue(issue: Issue, t: SchemaTranslator): string {
  const known = catalogued(issue.message);
  return known ? t(known.key, known.values) : zodDefault(issue, t);
}

/** The messages shown next to each field (the last segment of the issue's path names it). */
export function zodFieldErrors(error: z.ZodError, t: SchemaTranslator): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path.at(-1) ?? "form");
    (out[key] ??= []).push(translateIssue(issue, t));
  }
  return out;
}
