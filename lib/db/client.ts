import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-pg/client";
import { serializedFactory } from "./serialized-sqlite";
import { databaseProvider, databaseUrl } from "./url";

/**
 * The Prisma client of the database DATABASE_URL names. Both generated
 * clients come from one schema (scripts/db-migration.mjs), so they have the
 * same models and the same methods; the PostgreSQL one is typed as the
 * SQLite one, which is the subset the code may use on both.
 */
export type Database = PrismaClient;

/**
 * One client per server process. Next's dev server re-evaluates modules on
 * every change, so the client is kept on globalThis there to avoid opening a
 * new connection each time.
 */
const globalForPrisma = globalThis as unknown as { prisma?: Database };

/** SQLite waits this long for another writer before it gives up with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export function createDatabase(url: string = databaseUrl()): Database {
  if (databaseProvider(url) === "postgresql") {
    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }) });
    return client as unknown as Database;
  }
  // Serialised: see serialized-sqlite.ts for the acknowledged writes the bare adapter can lose.
  return new PrismaClient({ adapter: serializedFactory(new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS })) });
}

export function db(): Database {
  globalForPrisma.prisma ??= createDatabase();
  return globalForPrisma.prisma;
}
