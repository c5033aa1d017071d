import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-pg/client";
import { postgresStatements, sqliteStatements, type PreparedStatements } from "./prepared";
import { FifoLock, serializedFactory } from "./serialized-sqlite";
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
const globalForPrisma = globalThis as unknown as { prisma?: Database; prepared?: PreparedStatements };

/** SQLite waits this long for another writer before it gives up with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/** The Prisma client and the prepared statements (prepared.ts) of one database, sharing its connection pool or its connection lock. */
export function createDatabase(url: string = databaseUrl()): { prisma: Database; prepared: PreparedStatements } {
  if (databaseProvider(url) === "postgresql") {
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    const prisma = new PostgresPrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    return { prisma: prisma as unknown as Database, prepared: postgresStatements(pool) };
  }
  // Serialised: see serialized-sqlite.ts for the acknowledged writes the bare adapter can lose.
  const lock = new FifoLock();
  return {
    prisma: new PrismaClient({ adapter: serializedFactory(new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS }), lock) }),
    prepared: sqliteStatements(url.replace(/^file:/, ""), lock, SQLITE_BUSY_TIMEOUT_MS),
  };
}

function open(): { prisma: Database; prepared: PreparedStatements } {
  if (!globalForPrisma.prisma || !globalForPrisma.prepared) Object.assign(globalForPrisma, createDatabase());
  return globalForPrisma as { prisma: Database; prepared: PreparedStatements };
}

export function db(): Database {
  return open().prisma;
}

/** The same database's prepared statements, for the queries every answer runs. Never call them inside a Prisma transaction: on SQLite they wait for the lock that transaction holds. */
export function prepared(): PreparedStatements {
  return open().prepared;
}
