// A fresh, migrated database for one test file: in-memory PGlite by default, or a throw-away
// database on the PostgreSQL server named by TEST_DATABASE_URL (CI sets it).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPrismaClient, openDatabase, type Database, type PrismaClient } from "@/lib/db/connection";
import { applyMigrations } from "@/lib/db/migrate";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;
export const onPostgres = Boolean(TEST_DATABASE_URL);

export interface TestDatabase {
  db: PrismaClient;
  /** The driver adapter under `db`, for the migration engine. */
  adapter: Database["adapter"];
  url: string | null;
  dispose(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) {
    const database = await openDatabase({ kind: "pglite", dataDir: "memory://" });
    await applyMigrations(database.adapter);
    const db = createPrismaClient(database);
    return { db, adapter: database.adapter, url: null, dispose: async () => { await db.$disconnect(); await database.close(); } };
  }
  const name = `plenum_test_${randomBytes(6).toString("hex")}`; // generated, never user input
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString() });
  await applyMigrations(database.adapter);
  const db = createPrismaClient(database);
  return {
    db,
    adapter: database.adapter,
    url: url.toString(),
    dispose: async () => {
      await db.$disconnect();
      await database.close();
      const drop = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
