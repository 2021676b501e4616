// Applies, creates and checks Prisma migrations offline, through Prisma's own schema engine compiled
// to WebAssembly (the native binary cannot be downloaded here). The files in prisma/migrations and
// the _prisma_migrations table keep Prisma's format, so `prisma migrate deploy` works on the same
// database. These are Prisma-internal APIs: versions are pinned and tests/integration/migrations.test.ts covers them.
import { readdir, readFile, mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

export const PRISMA_DIR = path.resolve(import.meta.dirname, "../../prisma");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");

const NO_FILTER = { externalTables: [], externalEnums: [] };

let engineClass: Promise<typeof SchemaEngine> | undefined;

function loadEngineClass(): Promise<typeof SchemaEngine> {
  engineClass ??= (async () => {
    const runtime = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const main = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm");
    const bytes = await readFile(path.join(path.dirname(main), "schema_engine_bg.wasm"));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
      "./schema_engine_bg.js": runtime,
    });
    (runtime as unknown as { __wbg_set_wasm(exports: unknown): void }).__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return (runtime as unknown as { SchemaEngine: typeof SchemaEngine }).SchemaEngine;
  })();
  return engineClass;
}

/**
 * Hands the engine a view of the adapter that remembers every connection it opens, so they can all
 * be closed afterwards; otherwise a PostgreSQL session would keep holding Prisma's migration lock.
 */
function trackConnections(adapter: SqlMigrationAwareDriverAdapterFactory) {
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked = Object.create(adapter) as SqlMigrationAwareDriverAdapterFactory;
  tracked.connect = async () => {
    const connection = await adapter.connect();
    opened.push(connection);
    return connection;
  };
  tracked.connectToShadowDb = async () => {
    const connection = await adapter.connectToShadowDb();
    opened.push(connection);
    return connection;
  };
  return { tracked, closeAll: () => Promise.allSettled(opened.map((c) => c.dispose())) };
}

async function withEngine<T>(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const Engine = await loadEngineClass();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const { tracked, closeAll } = trackConnections(adapter);
  const engine = await Engine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  try {
    return await run(engine);
  } catch (error) {
    throw new MigrationError(describeEngineError(error));
  } finally {
    engine.free();
    await closeAll();
  }
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

function describeEngineError(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) {
    const { message, code } = error as { message: string; code?: string };
    return code ? `${code}: ${message}` : message;
  }
  return String(error);
}

export async function readMigrationList(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = existsSync(dir) ? await readdir(dir, { withFileTypes: true }) : [];
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => {
        const file = path.join(dir, name, "migration.sql");
        return {
          path: name,
          migrationFile: {
            path: "migration.sql",
            content: existsSync(file)
              ? { tag: "ok" as const, value: await readFile(file, "utf8") }
              : { tag: "error" as const, value: `${name}/migration.sql is missing` },
          },
        };
      }),
    ),
  };
}

/** `prisma migrate deploy`: applies every migration not yet recorded in _prisma_migrations. */
export async function applyMigrations(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const migrationsList = await readMigrationList();
  return withEngine(adapter, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return out.appliedMigrationNames;
  });
}

/**
 * SQL that would bring a database built from the migrations up to prisma/schema.prisma; empty
 * when they agree. The migrations are replayed on a scratch in-memory PGlite, never on a real
 * database (adapter-pg's shadow database would point at the live one).
 */
export async function diffMigrationsToSchema(): Promise<string> {
  const migrationsList = await readMigrationList();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const pglite = await PGlite.create({ dataDir: "memory://" });
  const scratch = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
  return withEngine(scratch, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    const sql = result.stdout ?? "";
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? "" : sql;
  }).finally(() => pglite.close());
}

/** `prisma migrate dev --create-only`: writes prisma/migrations/<timestamp>_<name>/migration.sql. */
export async function createMigration(name: string): Promise<string | null> {
  await mkdir(MIGRATIONS_DIR, { recursive: true });
  const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!existsSync(lock)) {
    await writeFile(
      lock,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  const sql = await diffMigrationsToSchema();
  if (!sql) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dirName = `${stamp}_${name.replace(/[^a-z0-9_]+/gi, "_").toLowerCase()}`;
  await mkdir(path.join(MIGRATIONS_DIR, dirName), { recursive: true });
  await writeFile(path.join(MIGRATIONS_DIR, dirName, "migration.sql"), sql);
  return dirName;
}
