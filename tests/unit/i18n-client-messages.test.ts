// Client components read their messages from what the root layout sends to the browser
// (i18n/client-messages.ts). A namespace read by a client component, or by a component it imports,
// that is not sent would show raw keys in the browser: this finds every such reader.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, clientMessages } from "@/i18n/client-messages";
import en from "@/messages/en.json";

const root = path.resolve(__dirname, "../..");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? (name === "generated" ? [] : files(full)) : /\.tsx?$/.test(name) ? [full] : [];
  });
const source = new Map([...files(path.join(root, "app")), ...files(path.join(root, "components")), ...files(path.join(root, "lib"))].map((f) => [f, readFileSync(f, "utf8")]));

/** The app's own modules a file imports ("@/…" and relative), resolved to files. */
function imports(file: string, text: string): string[] {
  return [...text.matchAll(/from\s+"((?:@\/|\.{1,2}\/)[^"]+)"/g)].flatMap(([, spec]) => {
    const base = spec!.startsWith("@/") ? path.join(root, spec!.slice(2)) : path.resolve(path.dirname(file), spec!);
    return [`${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")].filter((f) => existsSync(f)).slice(0, 1);
  });
}

describe("messages sent to the browser", () => {
  it("hold every namespace a client component or anything it imports reads", () => {
    const client = [...source].filter(([, text]) => /^["']use client["']/m.test(text)).map(([f]) => f);
    const seen = new Set<string>(client);
    for (const file of client) for (const dep of imports(file, source.get(file) ?? readFileSync(file, "utf8"))) if (!seen.has(dep)) { seen.add(dep); client.push(dep); }
    const missing: string[] = [];
    for (const file of seen) {
      const text = source.get(file) ?? readFileSync(file, "utf8");
      if (/useTranslations\(\s*\)/.test(text)) missing.push(`${path.relative(root, file)} reads the whole catalogue`);
      for (const [, ns] of text.matchAll(/useTranslations\(\s*"([^".]+)[".]/g)) {
        if (!(CLIENT_NAMESPACES as readonly string[]).includes(ns!)) missing.push(`${path.relative(root, file)} reads "${ns}"`);
      }
    }
    expect(seen.size).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it("are a part of the catalogue, not all of it", () => {
    const sent = clientMessages(en as Record<string, unknown>);
    expect(Object.keys(sent).sort()).toEqual([...CLIENT_NAMESPACES].sort());
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(en).length / 2);
  });
});
