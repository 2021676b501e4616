// The lint rule against SQL built from strings: Prisma's $queryRawUnsafe / $executeRawUnsafe take a
// plain string, so one template literal with user input in it is an injection. Only the tagged
// $queryRaw`…` / $executeRaw`…` forms (which send values as parameters) are allowed anywhere.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const SCANNED = ["app", "components", "lib", "prisma", "scripts", "tests", "bench", "proxy.ts", "instrumentation.ts"];
const SKIPPED = new Set(["node_modules", "generated", ".next", ".next-test"]);
const BANNED = /\$(queryRawUnsafe|executeRawUnsafe)\b|\bPrisma\.raw\s*\(/;

function* sourceFiles(p: string): Generator<string> {
  const stat = statSync(p, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isFile()) {
    if (/\.(c|m)?[jt]sx?$/.test(p)) yield p;
    return;
  }
  for (const entry of readdirSync(p)) if (!SKIPPED.has(entry)) yield* sourceFiles(path.join(p, entry));
}

it("no source file builds SQL from strings ($queryRawUnsafe, $executeRawUnsafe, Prisma.raw)", () => {
  const self = path.resolve(import.meta.filename);
  const offenders: string[] = [];
  for (const dir of SCANNED) {
    for (const file of sourceFiles(path.join(root, dir))) {
      if (file === self) continue;
      readFileSync(file, "utf8").split("\n").forEach((line, i) => {
        if (BANNED.test(line)) offenders.push(`${path.relative(root, file)}:${i + 1}: ${line.trim()}`);
      });
    }
  }
  expect(offenders, "use the tagged $queryRaw`…` form: values become parameters").toEqual([]);
});
