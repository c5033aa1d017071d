import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseProvider, databaseUrl } from "./lib/db/url";

// One schema, two providers: DATABASE_URL picks the generated PostgreSQL
// schema and its migrations (scripts/db-migration.mjs) or the SQLite ones.
const url = databaseUrl();
const postgres = databaseProvider(url) === "postgresql";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? path.join("prisma", "postgresql", "schema.prisma") : path.join("prisma", "schema.prisma"),
  migrations: { path: postgres ? path.join("prisma", "postgresql", "migrations") : path.join("prisma", "migrations") },
  adapter: async () => (postgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url })),
});
