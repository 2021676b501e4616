// Chooses and opens Plenum's database: PostgreSQL when DATABASE_URL is set, otherwise the embedded
// PGlite in a local folder. Used by the app (lib/db.ts), the scripts and the tests alike.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../generated/prisma/client";

export type DatabaseConfig =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string };

export const DEFAULT_PGLITE_DIR = ".data/pglite";

/** Reads DATABASE_URL / PGLITE_DIR; refuses anything that is not a PostgreSQL URL. */
export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new ConfigError(
        `DATABASE_URL must be a PostgreSQL URL (postgresql://user@host:5432/db); got "${url.split(":")[0]}:…". ` +
          "Leave it unset to use the embedded database.",
      );
    }
    return { kind: "postgres", url };
  }
  const dir = env.PGLITE_DIR?.trim() || DEFAULT_PGLITE_DIR;
  return { kind: "pglite", dataDir: dir.startsWith("memory://") ? dir : path.resolve(/*turbopackIgnore: true*/ dir) };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export interface Database {
  config: DatabaseConfig;
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** Releases the connection pool or closes the embedded database (PGlite must be closed). */
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === "postgres") {
    const adapter = new PrismaPg({ connectionString: config.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return { config, adapter, close: async () => {} };
  }
  // PGlite creates its own folder but not the ones above it (a fresh clone has no .data/ yet).
  if (!config.dataDir.startsWith("memory://")) mkdirSync(path.dirname(path.resolve(config.dataDir)), { recursive: true });
  const pglite = await PGlite.create({ dataDir: config.dataDir });
  return {
    config,
    adapter: new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory,
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}

export function createPrismaClient(database: Database): PrismaClient {
  return new PrismaClient({
    adapter: database.adapter,
    omit: { user: { passwordHash: true } },
    // A burst of votes queues for a pooled connection rather than failing after Prisma's default 2 s.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
}

export type { PrismaClient };
