import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl } from "./url";

/**
 * One Prisma client per server process. Next's dev server re-evaluates modules
 * on every change, so the client is kept on globalThis there to avoid opening
 * a new SQLite connection each time.
 */
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.prisma ??= new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl() }) });
  return globalForPrisma.prisma;
}
