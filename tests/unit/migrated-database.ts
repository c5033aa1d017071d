import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * A throw-away SQLite database with the project's migrations applied (the same SQL `prisma
 * migrate deploy` runs), and DATABASE_URL pointing at it. Returns its file and what removes it.
 */
export function useMigratedDatabase(prefix: string): { file: string; remove: () => void } {
  const directory = mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(directory, "test.db");
  const database = new Database(file);
  for (const migration of readdirSync("prisma/migrations").filter((name) => /^\d+_/.test(name)).sort()) {
    database.exec(readFileSync(path.join("prisma/migrations", migration, "migration.sql"), "utf8"));
  }
  database.pragma("journal_mode = WAL");
  database.close();
  process.env.DATABASE_URL = `file:${file}`;
  return { file, remove: () => rmSync(directory, { recursive: true, force: true }) };
}
