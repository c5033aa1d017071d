import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("/work/main/prisma", "schema.prisma"),
  migrations: { path: path.join("/work/main/prisma", "migrations") },
  adapter: async () => new PrismaBetterSQLite3({ url: "file:/tmp/kmd.db" }, { shadowDatabaseUrl: "file:/tmp/kmd-shadow.db" }),
});
