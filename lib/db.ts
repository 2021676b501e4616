// The one Prisma client of the app process, opened lazily on first use so that `next build`
// never touches the database, and kept on globalThis so dev-mode reloads reuse it.
import "server-only";
import { createPrismaClient, openDatabase, readDatabaseConfig, type PrismaClient } from "./db/connection";

const globalForDb = globalThis as unknown as { plenumDb?: Promise<PrismaClient> };

export function getDb(): Promise<PrismaClient> {
  globalForDb.plenumDb ??= openDatabase(readDatabaseConfig()).then(createPrismaClient);
  return globalForDb.plenumDb;
}

export type { PrismaClient };
export type { Tx } from "./db/types";
