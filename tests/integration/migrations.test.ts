// The checked-in migrations against prisma/schema.prisma and Prisma's own bookkeeping, through the
// WebAssembly schema engine (lib/db/migrate.ts): a drift test, and re-applying is a no-op.
import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/db";
import { MIGRATIONS_DIR, applyMigrations, diffMigrationsToSchema } from "@/lib/db/migrate";

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t?.dispose(); });

async function migrationDirectories() {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** Sessions other than ours holding Prisma's migration advisory lock (its fixed key 72707369). */
async function migrationLockHolders() {
  const [row] = await t.db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_locks
    WHERE locktype = 'advisory' AND objid = 72707369 AND granted AND pid <> pg_backend_pid()
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
  return row!.n;
}

describe("migrations", () => {
  it("build exactly the database prisma/schema.prisma describes (else: npm run db:new-migration -- <name>)", async () => {
    // Non-empty output is the SQL a new migration would need: the schema changed without one.
    expect(await diffMigrationsToSchema()).toBe("");
  });

  let lockHoldersAfterReapply: number | undefined;

  it("applying them again changes nothing", async () => {
    expect(await applyMigrations(t.adapter)).toEqual([]);
    if (onPostgres) lockHoldersAfterReapply = await migrationLockHolders();
  });

  it("are recorded in Prisma's own format, so the stock `prisma migrate deploy` agrees", async () => {
    const dirs = await migrationDirectories();
    expect(dirs.length).toBeGreaterThan(0);
    const rows = await t.db.$queryRaw<
      { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number }[]
    >`SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`;
    const expected = await Promise.all(
      dirs.map(async (name) => ({
        migration_name: name,
        // Prisma's checksum: the SHA-256 of migration.sql's bytes, in hex.
        checksum: createHash("sha256").update(await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"))).digest("hex"),
        finished: true,
        rolled_back: false,
        applied_steps_count: 1,
      })),
    );
    expect(
      rows.map((r) => ({
        migration_name: r.migration_name,
        checksum: r.checksum,
        finished: r.finished_at instanceof Date,
        rolled_back: r.rolled_back_at !== null,
        applied_steps_count: r.applied_steps_count,
      })),
    ).toEqual(expected);
  });

  it("every migration directory holds a migration.sql, and the lock file names PostgreSQL", async () => {
    for (const name of await migrationDirectories()) {
      expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect((await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8")).trim()).not.toBe("");
    }
    expect(await readFile(path.join(MIGRATIONS_DIR, "migration_lock.toml"), "utf8")).toMatch(/^provider = "postgresql"$/m);
  });

  // The engine's connections are disposed after each command, so no session keeps Prisma's
  // migration lock (an advisory lock) and the next deploy or app start need not wait for it.
  describe.runIf(onPostgres)(onPostgres ? "on PostgreSQL" : "on PostgreSQL — skipped: needs TEST_DATABASE_URL", () => {
    it("applying lets go of Prisma's migration lock", () => {
      expect(lockHoldersAfterReapply).toBe(0);
    });
  });
});
