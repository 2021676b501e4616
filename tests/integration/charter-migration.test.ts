// The migration that moves the join policy into the charter keeps every existing council's policy:
// the migrations before it are applied to an embedded PostgreSQL, councils with charters (one with
// two versions) are written the old way, and after the rest every version carries its council's policy.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "@/lib/db/migrate";

const pg = new PGlite();
afterAll(async () => { await pg.close(); });

it("copies each council's join policy into all its charter versions", async () => {
  const dirs = readdirSync(MIGRATIONS_DIR).filter((d) => /^\d{14}_/.test(d)).sort();
  const at = dirs.findIndex((d) => d.endsWith("_charter_changes"));
  expect(at).toBeGreaterThan(0);
  const apply = async (d: string) => pg.exec(readFileSync(join(MIGRATIONS_DIR, d, "migration.sql"), "utf8"));
  for (const d of dirs.slice(0, at)) await apply(d);
  await pg.exec(`
    INSERT INTO "Council" (id, slug, name, kind, description, "joinPolicy") VALUES
      ('c-invite', 'invite', 'Invite', 'WORKERS', '', 'INVITE_ONLY'),
      ('c-open', 'open', 'Open', 'CONSUMERS', '', 'OPEN');
    INSERT INTO "Charter" (id, "councilId", version, "quorumPercent", "passThreshold", "votingPeriodHours") VALUES
      ('h1', 'c-invite', 1, 50, 'UNANIMITY', 72),
      ('h2', 'c-invite', 2, 40, 'UNANIMITY', 72),
      ('h3', 'c-open', 1, 30, 'SIMPLE_MAJORITY', 24);`);
  for (const d of dirs.slice(at)) await apply(d);
  const { rows } = await pg.query<{ id: string; joinPolicy: string; charterChangeThreshold: string; madeById: string | null }>(
    `SELECT id, "joinPolicy"::text AS "joinPolicy", "charterChangeThreshold"::text AS "charterChangeThreshold", "madeById" FROM "Charter" ORDER BY id`);
  expect(rows).toEqual([
    { id: "h1", joinPolicy: "INVITE_ONLY", charterChangeThreshold: "TWO_THIRDS", madeById: null },
    { id: "h2", joinPolicy: "INVITE_ONLY", charterChangeThreshold: "TWO_THIRDS", madeById: null },
    { id: "h3", joinPolicy: "OPEN", charterChangeThreshold: "TWO_THIRDS", madeById: null },
  ]);
  const columns = await pg.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Council' AND column_name = 'joinPolicy'`);
  expect(columns.rows).toEqual([]);
}, 120_000); // a dozen migrations on PGlite: seconds alone, much longer on a busy machine
