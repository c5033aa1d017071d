/**
 * Makes the database DATABASE_URL names ready (the embedded SQLite file by
 * default): generates the Prisma clients if they are missing and applies
 * pending migrations. SQLite: creates the file on first run and turns on WAL
 * so readers never wait for a writer. PostgreSQL: applies
 * prisma/postgresql/migrations (scripts/lib/postgres-migrate.mjs says why not
 * through Prisma). Safe to run every time: when nothing is pending it only
 * reads the migrations table.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { migratePostgres } from "./lib/postgres-migrate.mjs";
import { bin, mustRun } from "./lib/run.mjs";

const MIGRATIONS = path.join("prisma", "migrations");

export function databaseUrl() {
  return process.env.DATABASE_URL ?? "file:" + path.join(process.cwd(), "prisma", "dev.db");
}

export const isPostgres = (url = databaseUrl()) => /^postgres(ql)?:\/\//.test(url);

export function databaseFile() {
  return databaseUrl().replace(/^file:/, "");
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
  if (!existsSync("generated/prisma-pg/client.ts")) await mustRun(bin("prisma"), ["generate", "--schema", "prisma/postgresql/schema.prisma"], { stdio });
  if (isPostgres()) {
    const url = new URL(databaseUrl());
    try {
      const applied = await migratePostgres(databaseUrl(), { log: quiet ? () => {} : (line) => console.log(line) });
      if (!quiet && applied.length === 0) console.log(`PostgreSQL database ${url.pathname.slice(1)} on ${url.host} is up to date.`);
    } catch (error) {
      console.error(`\n✖ Could not migrate the PostgreSQL database ${url.pathname.slice(1)} on ${url.host}: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    return;
  }
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
