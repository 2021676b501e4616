// No English left in the markup: words a reader sees are written in app/ and components/ only as
// keys of the message catalogues (decision 013). Catches what the key checks cannot: a literal
// typed straight into JSX, or into a prop that carries words (a chart's title, a Skeleton's label,
// a button's confirm text), as a branch merged in without i18n would bring.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseSync } from "@swc/core";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** Props whose value is read or shown to people (the rest — className, href, testId … — are code). */
const WORD_PROPS = new Set([
  "label", "title", "aria-label", "placeholder", "alt", "description", "pendingLabel", "confirm",
  "tallyHiddenNote", "quorumLabel", "turnoutLabel", "mandateLabel", "labels",
]);
/** Text that is the same in every language: the product's name, a shell command shown as code. */
const ALLOWED = new Set(["Plenum", "npm run recount"]);
/**
 * English still, listed in decision 013 under "Not translated yet": the stand-in for an image inside
 * a proposal's own Markdown (user content, rendered outside any translator). Shrink, never grow.
 */
const NOT_YET = new Set(["components/proposals/Markdown.tsx: \"[image${…}]\""]);
const hasWords = (s: string) => /\p{L}{2,}/u.test(s) && !ALLOWED.has(s.trim());

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? tsxFiles(full) : name.endsWith(".tsx") ? [full] : [];
  });
}

// swc's parser (installed with next-intl, which uses it to extract messages): TypeScript 7's
// compiler has no JavaScript API to parse with.
type Node = { type: string; [key: string]: unknown };
const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && typeof (v as Node).type === "string";

/** Literal words in JSX text and in word-carrying props (strings, or strings inside an object like labels={{…}}). */
export function literalWords(source: string): string[] {
  const found: string[] = [];
  // Only the values an expression shows, not the conditions or calls that choose them (t("key")).
  const shown = (node: unknown): void => {
    if (!isNode(node)) return;
    if (node.type === "StringLiteral" && hasWords(node.value as string)) found.push(node.value as string);
    else if (node.type === "TemplateLiteral") {
      const text = (node.quasis as { raw: string }[]).map((q) => q.raw).join("${…}");
      if (hasWords(text)) found.push(text);
    } else if (node.type === "ConditionalExpression") { shown(node.consequent); shown(node.alternate); }
    else if (node.type === "BinaryExpression" && node.operator === "??") shown(node.right);
    else if (node.type === "ParenthesisExpression") shown(node.expression);
    else if (node.type === "ObjectExpression") for (const p of node.properties as Node[]) if (p.type === "KeyValueProperty") shown(p.value);
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) { node.forEach(visit); return; }
    if (typeof node !== "object" || node === null) return;
    const n = node as Node;
    if (n.type === "JSXText" && hasWords(n.value as string)) found.push((n.value as string).trim());
    if (n.type === "JSXAttribute" && isNode(n.name) && n.name.type === "Identifier" && WORD_PROPS.has(n.name.value as string)) {
      const value = n.value as Node | null;
      if (value?.type === "StringLiteral") { if (hasWords(value.value as string)) found.push(value.value as string); }
      else if (value?.type === "JSXExpressionContainer") shown(value.expression);
    }
    if ((n.type === "JSXElement" || n.type === "JSXFragment") && Array.isArray(n.children)) {
      for (const child of n.children as Node[]) if (child.type === "JSXExpressionContainer") shown(child.expression);
    }
    for (const value of Object.values(n)) if (typeof value === "object") visit(value);
  };
  visit(parseSync(source, { syntax: "typescript", tsx: true }));
  return found;
}

describe("no literal words in the interface", () => {
  it("app/ and components/ show words only through the catalogues", () => {
    const offenders = ["app", "components"].flatMap((d) => tsxFiles(path.join(root, d)))
      .flatMap((f) => literalWords(readFileSync(f, "utf8")).map((w) => `${path.relative(root, f)}: ${JSON.stringify(w)}`));
    expect(offenders.filter((o) => !NOT_YET.has(o))).toEqual([]);
    expect([...NOT_YET].filter((o) => !offenders.includes(o)), "translated now: remove from NOT_YET").toEqual([]);
  });

  it("literalWords() finds JSX text and word props, not keys, classes or code", () => {
    const src = `
      <p className="text-sm">Hello there</p>;
      <Skeleton label="Loading the discussion…" lines={3} />;
      <TallyChart title={t("byChoice")} labels={{ yes: "Yes", no: t("no") }} description={x ? "No votes." : t("shares")} />;
      <a href="/councils" data-testid="x">{t("go")}</a>;
      <span>{n} · {ok ? "✔" : "✘"}</span>;
      <b>{\`Stage \${n}\`}</b>;`;
    expect(literalWords(src)).toEqual(["Hello there", "Loading the discussion…", "Yes", "No votes.", "Stage ${…}"]);
  });
});
