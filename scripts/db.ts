// Database chores: `npm run db:migrate` (apply), `db:seed` (add demo data), `db:reset`
// (embedded database only: delete and recreate), `db:new-migration -- <name>` (write a migration
// for changes to prisma/schema.prisma), `db:diff` (print SQL that schema and migrations disagree on).
import { rmSync } from "node:fs";
import { createMigration, diffMigrationsToSchema } from "../lib/db/migrate";
import { ensurePrismaClient } from "./lib/generate";
import { fail, loadDotEnv } from "./lib/env";
import { databaseConfigOrExit, describe, prepareDatabase } from "./lib/prepare-db";

loadDotEnv();
ensurePrismaClient();
const [command, arg] = process.argv.slice(2);

switch (command) {
  case "migrate":
    await prepareDatabase({ seed: "never" });
    break;
  case "seed":
    await prepareDatabase({ seed: "always" });
    break;
  case "reset": {
    const config = databaseConfigOrExit();
    if (config.kind !== "pglite" || config.dataDir.startsWith("memory://")) {
      fail("db:reset only deletes the embedded database. For PostgreSQL, drop and recreate the database yourself.");
    }
    rmSync(config.dataDir, { recursive: true, force: true });
    console.log(`• Deleted ${describe(config)}`);
    await prepareDatabase({ seed: "auto" });
    break;
  }
  case "diff": {
    const sql = await diffMigrationsToSchema();
    console.log(sql || "-- prisma/schema.prisma and prisma/migrations agree.");
    break;
  }
  case "new-migration": {
    if (!arg || !/^[a-z0-9_]{1,60}$/i.test(arg)) fail("Name the migration: npm run db:new-migration -- add_comments");
    const dir = await createMigration(arg);
    console.log(dir ? `• Wrote prisma/migrations/${dir}/migration.sql` : "• Nothing to migrate: schema and migrations agree.");
    break;
  }
  default:
    fail("Usage: tsx scripts/db.ts migrate | seed | reset | new-migration <name> | diff");
}
