// Every input schema (lib/*/schemas.ts) against anything at all — wrong types, huge numbers,
// nested junk, hostile strings — and the action-payload check in front of them: parsing never
// throws, a refusal always carries a message for a person, and what passes stays within bounds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as auth from "@/lib/auth/schemas";
import * as councils from "@/lib/councils/schemas";
import * as elections from "@/lib/elections/schemas";
import * as federations from "@/lib/federations/schemas";
import * as proposals from "@/lib/proposals/schemas";
import { refuseActionArguments } from "@/lib/security/action-payload";

const schemas = (Object.entries({ ...auth, ...councils, ...elections, ...federations, ...proposals }) as [string, unknown][])
  .filter((entry): entry is [string, z.ZodType] => entry[0].startsWith("Z") && entry[1] instanceof z.ZodType);

const hostile = fc.oneof(
  fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }),
  fc.dictionary(fc.string({ maxLength: 20 }), fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), fc.double(), fc.integer(), fc.constant("x".repeat(100_000)))),
);

describe("every input schema refuses hostile input with messages, never by throwing", () => {
  it("covers the schemas of every domain", () => {
    expect(schemas.length).toBeGreaterThanOrEqual(15);
  });
  for (const [name, schema] of schemas) {
    it(name, () => {
      fc.assert(
        fc.property(hostile, (input) => {
          const parsed = schema.safeParse(input);
          if (!parsed.success) for (const issue of parsed.error.issues) expect(issue.message.length).toBeGreaterThan(0);
          else expect(JSON.stringify(parsed.data ?? null).length).toBeLessThan(200_000);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe("server-action payloads", () => {
  it("what our forms send passes", () => {
    expect(refuseActionArguments(JSON.stringify([{ ok: false }, "$K1"]))).toBeNull();
    expect(refuseActionArguments(JSON.stringify(["$K1"]))).toBeNull();
    expect(refuseActionArguments(JSON.stringify([{ ok: false, message: "$$literal", values: { a: "b" } }, "$K1"]))).toBeNull();
  });
  it("anything else is refused with a reason, never by throwing", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.json(), fc.anything().map((v) => { try { return JSON.stringify(v) ?? "x"; } catch { return "x"; } })), (root) => {
        const reason = refuseActionArguments(root);
        expect(reason === null || reason.length > 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
    for (const ref of ["$Q1", "$@1", "$h1", "$F1", "$T", "$W1", "$i1", "$B1", "$R1", "$E"]) expect(refuseActionArguments(JSON.stringify([{}, ref]))).toMatch(/features/);
  });
});
