/**
 * Applies prisma/postgresql/migrations to a PostgreSQL database, as
 * `prisma migrate deploy` would and into the same `_prisma_migrations` table.
 *
 * Why not Prisma's own: with a driver adapter (the only way Prisma 6.19 runs
 * here, without a native engine), every migrate command on PostgreSQL fails
 * with "Column type 'name' could not be deserialized from the database"
 * (prisma/prisma#27403). The runner holds an advisory lock, so several app
 * instances starting at once apply each migration exactly once, and applies
 * each migration in its own transaction.
 */
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrationFolders } from "../db-migration.mjs";

const DIR = path.join("prisma", "postgresql", "migrations");
const LOCK = 72_616_001; // any constant: the key of the advisory lock taken while migrating

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Applies what is pending; resolves with the names applied. */
export async function migratePostgres(url, { log = () => {} } = {}) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const done = [];
    for (const name of migrationFolders(DIR)) {
      const sql = readFileSync(path.join(DIR, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      if (applied.has(name)) {
        if (applied.get(name) !== checksum) throw new Error(`The migration ${name} was changed after it was applied to this database. Restore it, and put the change in a new migration.`);
        continue;
      }
      log(`Applying ${name}`);
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`, [randomUUID(), checksum, name]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`The migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      done.push(name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK]).catch(() => {});
    await client.end();
  }
}
