/**
 * Makes the SQLite database ready: generates the Prisma client if it is
 * missing, applies pending migrations (creating the file on first run) and
 * turns on WAL so readers never wait for a writer. Safe to run every time:
 * when nothing is pending it only reads the migrations table.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { bin, mustRun } from "./lib/run.mjs";

const MIGRATIONS = path.join("prisma", "migrations");

export function databaseFile() {
  const url = process.env.DATABASE_URL ?? "file:" + path.join(process.cwd(), "prisma", "dev.db");
  return url.replace(/^file:/, "");
}

/** Migration folders not yet recorded as applied in the database. */
export function pendingMigrations(file = databaseFile()) {
  const all = readdirSync(MIGRATIONS).filter((name) => /^\d+_/.test(name)).sort();
  if (!existsSync(file)) return all;
  const database = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return all;
    const applied = new Set(
      database.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all().map((row) => row.migration_name),
    );
    return all.filter((name) => !applied.has(name));
  } finally {
    database.close();
  }
}

export async function prepareDatabase({ quiet = false } = {}) {
  const stdio = quiet ? ["ignore", "ignore", "inherit"] : "inherit";
  if (!existsSync("generated/prisma/client.ts")) await mustRun(bin("prisma"), ["generate"], { stdio });
  const file = databaseFile();
  const pending = pendingMigrations(file);
  if (pending.length > 0) {
    if (!quiet) console.log(`Applying ${pending.length} migration(s) to ${file}: ${pending.join(", ")}`);
    // Prisma's migration engine cannot take the database while another process
    // (a running server) holds it, and then fails with an obscure WASM error.
    await mustRun(bin("prisma"), ["migrate", "deploy"], { stdio }, `Could not migrate ${file}. If a server is running on this database, stop it and try again.`);
  }
  const database = new Database(file);
  database.pragma("journal_mode = WAL");
  database.close();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await prepareDatabase();
}
