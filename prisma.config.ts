// Configuration for the Prisma CLI. The app itself never reads this: lib/db.ts picks the driver
// adapter from DATABASE_URL. Migrations are applied by scripts/db.ts (offline, see docs/decisions).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/plenum" },
});
