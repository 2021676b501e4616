// `next build` only when the sources changed since the last build (a hash of them is kept
// beside the build), so a second `npm start` starts in a second.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { root } from "./env";

const INPUTS = ["app", "components", "lib", "prisma/schema.prisma", "instrumentation.ts", "proxy.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

function* files(p: string): Generator<string> {
  const full = path.join(root, p);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) { yield p; return; }
  for (const entry of readdirSync(full).sort()) {
    if (entry === "generated" || entry.startsWith(".")) continue;
    yield* files(path.join(p, entry));
  }
}

export function sourceHash(): string {
  const h = createHash("sha256");
  for (const input of INPUTS) for (const f of files(input)) h.update(f).update(readFileSync(path.join(root, f)));
  return h.digest("hex");
}

export function ensureBuild(distDir = process.env.NEXT_DIST_DIR || ".next"): void {
  const stamp = path.join(root, distDir, "plenum-source-hash");
  const hash = sourceHash();
  if (existsSync(path.join(root, distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;
  console.log("• Building the app (first start or sources changed; about a minute)…");
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir },
  });
  if (result.status !== 0) {
    console.error("\n✘ The build failed (see above). Fix the error and run the command again.\n");
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, hash);
  console.log(`• Built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
