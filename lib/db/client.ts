// The process-wide Prisma client, opened lazily on first use so `next build` never touches the
// database, and kept on globalThis so dev-mode reloads (and instrumentation) share one PGlite.
import { createPrismaClient, openDatabase, readDatabaseConfig, type PrismaClient } from "./connection";

const globalForDb = globalThis as unknown as { plenumDb?: Promise<PrismaClient> };

export function getDb(): Promise<PrismaClient> {
  globalForDb.plenumDb ??= openDatabase(readDatabaseConfig()).then(createPrismaClient);
  return globalForDb.plenumDb;
}
