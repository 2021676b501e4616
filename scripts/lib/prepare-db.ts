// Brings a database up to date: apply migrations, then seed the demo federation-less set of
// councils on first run (embedded database only, unless SEED_DEMO=true).
import { ConfigError, createPrismaClient, openDatabase, readDatabaseConfig, type DatabaseConfig } from "../../lib/db/connection";
import { applyMigrations } from "../../lib/db/migrate";
import { fail } from "./env";

export function databaseConfigOrExit(): DatabaseConfig {
  try {
    return readDatabaseConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
}

export function describe(config: DatabaseConfig): string {
  return config.kind === "pglite" ? `embedded PGlite in ${config.dataDir}` : `PostgreSQL at ${new URL(config.url).host}${new URL(config.url).pathname}`;
}

export async function prepareDatabase({ seed }: { seed: "auto" | "never" | "always" }): Promise<void> {
  const config = databaseConfigOrExit();
  console.log(`• Database: ${describe(config)}`);
  let database;
  try {
    database = await openDatabase(config);
  } catch (e) {
    fail(`Could not open the database (${describe(config)}): ${e instanceof Error ? e.message : e}`);
  }
  try {
    const applied = await applyMigrations(database.adapter).catch((e: unknown) =>
      fail(`Could not apply migrations to ${describe(config)}: ${e instanceof Error ? e.message.split("\n")[0] : e}`),
    );
    console.log(applied.length ? `• Applied migrations: ${applied.join(", ")}` : "• Migrations: up to date");
    const wantsDemo = seed === "always" || (seed === "auto" && (config.kind === "pglite" || process.env.SEED_DEMO === "true"));
    if (wantsDemo) {
      const db = createPrismaClient(database);
      const { isDatabaseEmpty, seedDemo } = await import("../../prisma/seed");
      if (seed === "always" || (await isDatabaseEmpty(db))) {
        console.log("• Seeding the demo councils (first run)…");
        const made = await seedDemo(db).catch((e: unknown) => fail(`Could not seed the demo data: ${e instanceof Error ? e.message : e}`));
        console.log(`• Demo data: ${made.users} people, ${made.councils} councils, ${made.proposals} proposals`);
      }
      await db.$disconnect();
    }
  } finally {
    await database.close();
  }
}
