// The forms' field messages reach the reader in their language: every message a schema in
// lib/*/schemas.ts gives comes from the catalogue (`schema.*`, through msg()), and the action
// helper's mapping renders a refused form's issues — the schema's own and zod's defaults — in
// Spanish and German. English stays the schemas' own text (tests/unit/schemas.test.ts reads it).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import de from "@/messages/de.json";
import { cataloguedMessages, msg, zodFieldErrors, type SchemaTranslator } from "@/lib/schema-messages";
import { ZChangePassword, ZSignUp } from "@/lib/auth/schemas";
import { ZCharter, ZCreateCouncil, ZId } from "@/lib/councils/schemas";
import { ZCastVote, ZCreateProposal, ZOpenVoting } from "@/lib/proposals/schemas";
import { ZPostComment } from "@/lib/comments/schemas";
import { ZProposeAmendment } from "@/lib/amendments/schemas";
import { ZProposeCharterChange } from "@/lib/charters/schemas";
import { ZCreateElection, ZStartRecall } from "@/lib/elections/schemas";
import { ZCreateFederationMotion } from "@/lib/federations/schemas";

const root = path.resolve(import.meta.dirname, "../..");
const translator = (messages: typeof en) => createTranslator({ locale: messages === en ? "en" : messages === es ? "es" : "de", messages, namespace: "schema" }) as unknown as SchemaTranslator;
const [tEn, tEs, tDe] = [translator(en), translator(es), translator(de)];

function refused(schema: z.ZodType, input: unknown, t: SchemaTranslator) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected the input to be refused");
  return zodFieldErrors(parsed.error, t);
}

/**
 * Sentences typed straight into a schema: a string or template literal with a space that starts
 * with a capital letter or ends like a sentence. Comments are skipped.
 */
export function englishLiterals(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  return [...code.matchAll(/(["`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)]
    .map((m) => m[2]!)
    .filter((s) => /\s/.test(s) && (/^[A-Z]/.test(s) || /[.…!?]$/.test(s)));
}

describe("schema messages come from the catalogue", () => {
  const dir = path.join(root, "lib");
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(dir, d.name, "schemas.ts"))
    .filter((f) => { try { readFileSync(f); return true; } catch { return false; } });

  it("finds the schemas", () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  it("no schema types an English message instead of msg(key)", () => {
    const found = files.flatMap((f) => englishLiterals(readFileSync(f, "utf8")).map((s) => `${path.relative(root, f)}: ${JSON.stringify(s)}`));
    expect(found).toEqual([]);
  });

  it("englishLiterals() sees typed messages and ignores keys, regexes' neighbours and comments", () => {
    expect(englishLiterals(`z.string().min(5, "Use at least 5 characters.") // Say "Hello there."`)).toEqual(["Use at least 5 characters."]);
    expect(englishLiterals("z.number().max(N, `At most ${N} hours.`)")).toEqual(["At most ${N} hours."]);
    expect(englishLiterals(`z.string({ error: msg("titleRequired") }).regex(/^[a-z]+$/, msg("slugFormat"))`)).toEqual([]);
  });

  it("every message the schemas made is one English text for one key", () => {
    const messages = cataloguedMessages();
    expect(messages.length).toBeGreaterThan(60);
    for (const [text, { key, values }] of messages) expect(tEn(key, values)).toBe(text);
  });

  it("the English is the schemas' own text", () => {
    expect(msg("atLeastChars", { min: 12 })).toBe("Use at least 12 characters.");
    expect(msg("atMostChars", { max: 20_000 })).toBe("Use at most 20,000 characters.");
    expect(msg("hoursMin", { min: 1 })).toBe("At least 1 hour.");
    expect(refused(ZSignUp, { name: "Ana", email: "ana@example.org", password: "x".repeat(11) }, tEn).password?.[0]).toBe("Use at least 12 characters.");
  });
});

describe("a refused form's field messages in the reader's language", () => {
  const signUp = { name: "Ana", email: "not-an-email", password: "short" };

  it("Spanish", () => {
    const errors = refused(ZSignUp, signUp, tEs);
    expect(errors.email).toEqual(["Escribe una dirección de correo válida, como nombre@example.org."]);
    expect(errors.password).toEqual(["Usa al menos 12 caracteres.", "Usa al menos 12 caracteres que no sean espacios."]);
    expect(refused(ZCreateProposal, { councilId: "c1", title: "Hi", body: "x".repeat(20_001) }, tEs))
      .toEqual({ title: ["Usa al menos 5 caracteres."], body: ["Usa como máximo 20.000 caracteres."] });
    expect(refused(ZCastVote, { proposalId: "p1", choice: "MAYBE" }, tEs).choice).toEqual(["Elige sí, no o abstención."]);
    expect(refused(ZOpenVoting, { proposalId: "p1", votingHours: "0" }, tEs).votingHours).toEqual(["Al menos 1 hora."]);
    expect(refused(ZChangePassword, { currentPassword: "a".repeat(12), newPassword: "b".repeat(12), confirmPassword: "c".repeat(12) }, tEs).confirmPassword)
      .toEqual(["Las dos contraseñas nuevas no coinciden."]);
  });

  it("German", () => {
    const errors = refused(ZSignUp, signUp, tDe);
    expect(errors.email).toEqual(["Gib eine gültige E-Mail-Adresse ein, etwa name@example.org."]);
    expect(errors.password?.[0]).toBe("Verwende mindestens 12 Zeichen.");
    expect(refused(ZCharter, { quorumPercent: "", passThreshold: "SIMPLE_MAJORITY", votingPeriodHours: "5000" }, tDe))
      .toEqual({ quorumPercent: ["Gib ein Quorum zwischen 0 und 100 ein."], votingPeriodHours: ["Die Abstimmung kann höchstens 90 Tage offen bleiben."] });
    expect(refused(ZPostComment, { proposalId: "p1", body: "   " }, tDe).body).toEqual(["Schreib deinen Kommentar."]);
    expect(refused(ZCreateElection, { councilId: "c1", seats: "21" }, tDe)).toMatchObject({ seats: ["Wähle höchstens 20."], roleName: ["Wähle eine Rolle oder benenne eine neue."] });
  });

  it("every field of the main forms has a translation, never English, in es and de", () => {
    const cases: [z.ZodType, unknown][] = [
      [ZCreateCouncil, { name: "", slug: "new", description: "x".repeat(2001), charter: {} }],
      [ZProposeAmendment, { proposalId: "p1", summary: "x", body: "y" }],
      [ZProposeCharterChange, { councilId: "c1", title: "", body: "", rules: { quorumPercent: "101", termLimit: "0" } }],
      [ZStartRecall, { delegationId: "d1", reason: "short" }],
      [ZCreateFederationMotion, { federationId: "f1", title: "Hi", body: "short" }],
    ];
    const english = new Set(cataloguedMessages().map(([text]) => text));
    for (const t of [tEs, tDe]) for (const [schema, input] of cases) {
      const all = Object.values(refused(schema, input, t)).flat();
      expect(all.length).toBeGreaterThan(0);
      expect(all.filter((m) => english.has(m) || /^(Invalid|Too|Expected)/.test(m))).toEqual([]);
    }
  });

  it("zod's own messages, where a schema gives none, are translated by issue code", () => {
    expect(refused(ZId, "", tEs)).toEqual({ form: ["Rellena este campo.", "Identificador no válido."] });
    expect(refused(z.object({ a: z.string() }), {}, tDe)).toEqual({ a: ["Füll dieses Feld aus."] });
    expect(refused(z.object({ a: z.string().min(3) }), { a: "x" }, tEs)).toEqual({ a: ["Usa al menos 3 caracteres."] });
    expect(refused(z.object({ a: z.string().max(3) }), { a: "xxxx" }, tDe)).toEqual({ a: ["Verwende höchstens 3 Zeichen."] });
    expect(refused(z.object({ n: z.number().min(2) }), { n: 1 }, tEs)).toEqual({ n: ["Escribe 2 o más."] });
    expect(refused(z.object({ n: z.number().max(2000) }), { n: 5000 }, tDe)).toEqual({ n: ["Gib höchstens 2.000 ein."] });
    expect(refused(z.object({ e: z.email() }), { e: "nope" }, tDe)).toEqual({ e: ["Gib eine gültige E-Mail-Adresse ein, etwa name@example.org."] });
    expect(refused(z.object({ c: z.enum(["A", "B"]) }), { c: "C" }, tEs)).toEqual({ c: ["Elige una de las opciones."] });
  });
});
