// Generates the Prisma client when prisma/schema.prisma changed since the last generation.
// `prisma generate` needs no engine binary; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing
// file stops the CLI from trying to download one (there is no internet here).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const schema = path.join(root, "prisma/schema.prisma");
const stamp = path.join(root, "lib/generated/prisma/.schema-hash");

export function ensurePrismaClient(): void {
  const pkg = JSON.parse(readFileSync(path.join(root, "node_modules/prisma/package.json"), "utf8")) as { version: string };
  const hash = createHash("sha256").update(readFileSync(schema)).update(pkg.version).digest("hex");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;
  console.log("• Generating the Prisma client…");
  execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
  writeFileSync(stamp, hash);
}

if (import.meta.url === `file://${process.argv[1]}`) ensurePrismaClient();
