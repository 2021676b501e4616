// The translations stay complete: Spanish and German have exactly English's keys, each message
// with the same ICU placeholders (a renamed {count} would print raw), and every key the code uses
// exists in English. English is the source; a missing key fails here before a reader sees it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/locales";

const root = path.resolve(import.meta.dirname, "../..");
type Tree = { [key: string]: string | Tree };
const load = (locale: string) => JSON.parse(readFileSync(path.join(root, "messages", `${locale}.json`), "utf8")) as Tree;

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

/**
 * The arguments a message takes ({name}, {count, plural, …}) and its rich-text tags (<b>…</b>),
 * ignoring the words inside plural and select branches, which are the translator's.
 */
export function placeholders(message: string): string[] {
  const found = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (c === "'" ) { // ICU quoting: '{' is a literal brace
      const end = message.indexOf("'", i + 1);
      if (end > i + 1) { i = end; continue; }
    }
    if (c === "{") {
      // An argument opens at even depth (top level, or inside a branch's braces).
      if (depth % 2 === 0) {
        const m = /^\{\s*([A-Za-z0-9_]+)\s*(?:,\s*([a-z]+))?/.exec(message.slice(i));
        if (m) found.add(m[2] ? `${m[1]}:${m[2]}` : m[1]!);
      }
      depth++;
    } else if (c === "}") depth--;
    else if (c === "<" && depth % 2 === 0) {
      const m = /^<\/?([A-Za-z0-9_]+)>/.exec(message.slice(i));
      if (m) found.add(`<${m[1]}>`);
    }
  }
  return [...found].sort();
}

const en = flatten(load("en"));

describe("message catalogues", () => {
  it("English has messages", () => {
    expect(en.size).toBeGreaterThan(100);
  });

  for (const locale of LOCALES.filter((l) => l !== "en")) {
    const other = flatten(load(locale));
    it(`${locale} has every English key and no other`, () => {
      expect([...en.keys()].filter((k) => !other.has(k)), `keys missing from ${locale}.json`).toEqual([]);
      expect([...other.keys()].filter((k) => !en.has(k)), `keys in ${locale}.json that English lacks`).toEqual([]);
    });
    it(`${locale} messages take the same placeholders as English`, () => {
      const differ = [...en].filter(([k, v]) => other.has(k) && placeholders(v).join() !== placeholders(other.get(k)!).join())
        .map(([k, v]) => `${k}: en ${placeholders(v).join(" ")} / ${locale} ${placeholders(other.get(k)!).join(" ")}`);
      expect(differ).toEqual([]);
    });
    it(`${locale} messages are translated, not empty`, () => {
      expect([...other].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
    });
  }

  it("placeholders() reads arguments, plurals and tags but not branch text", () => {
    expect(placeholders("{count, plural, one {# hour} other {# hours}}")).toEqual(["count:plural"]);
    expect(placeholders("Hello, {name}")).toEqual(["name"]);
    expect(placeholders("<b>{ballot}</b> and <strong>x</strong>")).toEqual(["<b>", "<strong>", "ballot"]);
    expect(placeholders("{kind, select, ELECTION {Called {x}} other {Proposed}}")).toEqual(["kind:select", "x"]);
  });
});

// ————— keys used in code —————

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/**
 * Every t("key") call with a literal key, resolved against the namespace its translator was made
 * with: `const t = useTranslations("home")` / `await getTranslations("home")`, including the
 * `const [t, tc] = await Promise.all([getTranslations("a"), getTranslations("b")])` form. Keys
 * built from a template (t(`status.${s}`)) are checked by the type checker instead.
 */
export function usedKeys(source: string): { key: string; via: string }[] {
  const namespaces = new Map<string, string>();
  const single = /(?:const|let)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:await\s+)?\(?\s*(?:useTranslations|getTranslations)\(\s*"([^"]*)"\s*\)/g;
  for (const m of source.matchAll(single)) namespaces.set(m[1]!, m[2]!);
  const all = /(?:const|let)\s+\[([^\]]+)\]\s*=\s*await\s+Promise\.all\(\[([^\]]+)\]\)/g;
  for (const m of source.matchAll(all)) {
    const names = m[1]!.split(",").map((s) => s.trim());
    const calls = [...m[2]!.matchAll(/(getTranslations|getFormatter|getLocale|getNow|getTimeZone)\(\s*(?:"([^"]*)")?\s*\)/g)];
    names.forEach((name, i) => { if (calls[i]?.[1] === "getTranslations" && calls[i]![2] !== undefined) namespaces.set(name, calls[i]![2]!); });
  }
  // Inline: (await getTranslations("vote"))("opened"), useTranslations("layout")("notifications", …)
  const out: { key: string; via: string }[] = [];
  // The domain's catalogued refusals: refusal("CLOSED", "withdrawBeforeVoting")
  for (const m of source.matchAll(/\brefusal\(\s*"\w+",\s*"([^"]+)"/g)) out.push({ key: `domain.${m[1]}`, via: m[0] });
  // The forms' field messages: msg("atLeastChars", { min: 5 }) in lib/*/schemas.ts
  for (const m of source.matchAll(/(?<![\w$.])msg\(\s*"([^"]+)"/g)) out.push({ key: `schema.${m[1]}`, via: m[0] });
  for (const m of source.matchAll(/(?:useTranslations|getTranslations)\(\s*"([^"]*)"\s*\)\)?\(\s*"([^"]+)"/g)) out.push({ key: `${m[1]}.${m[2]}`, via: m[0] });
  for (const [name, ns] of namespaces) {
    const call = new RegExp(`(?<![\\w$.])${name.replace("$", "\\$")}(?:\\.(?:rich|markup|raw|has))?\\(\\s*"([^"]+)"`, "g");
    for (const m of source.matchAll(call)) out.push({ key: ns ? `${ns}.${m[1]}` : m[1]!, via: m[0] });
  }
  return out;
}

describe("keys used in the code", () => {
  const files = ["app", "components", "lib"].flatMap((d) => sourceFiles(path.join(root, d)));

  it("finds the translators in app/, components/ and lib/", () => {
    const using = files.filter((f) => /useTranslations|getTranslations/.test(readFileSync(f, "utf8")));
    expect(using.length).toBeGreaterThan(20);
  });

  it("every literal key exists in en.json", () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of files) {
      for (const { key, via } of usedKeys(readFileSync(file, "utf8"))) {
        checked++;
        if (!en.has(key)) missing.push(`${path.relative(root, file)}: ${key} (${via})`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it("usedKeys() resolves namespaces", () => {
    const src = `
      const t = useTranslations("home");
      const [a, format, b] = await Promise.all([getTranslations("vote"), getFormatter(), getTranslations("council")]);
      t("hello", { name }); a("cast"); b.rich("admit", {}); other("nope"); (await getTranslations("errors"))("tryAgain");
      throw refusal("CLOSED", "withdrawBeforeVoting"); z.string().min(5, msg("atLeastChars", { min: 5 }));`;
    expect(usedKeys(src).map((k) => k.key).sort()).toEqual(["council.admit", "domain.withdrawBeforeVoting", "errors.tryAgain", "home.hello", "schema.atLeastChars", "vote.cast"]);
  });
});
