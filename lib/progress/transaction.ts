import type { Prisma } from "@/generated/prisma/client";
import { db, type Database } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/url";

export type Tx = Prisma.TransactionClient;

/**
 * Runs `work` in one transaction that no other write for the same user runs
 * alongside. On PostgreSQL (several app instances, many connections) a
 * transaction-scoped advisory lock on the user serialises their writes, so a
 * memory card is never updated from a stale read; SQLite runs one write
 * transaction at a time anyway. The result is returned only after COMMIT.
 */
export async function inUserTransaction<T>(userId: string, work: (tx: Tx) => Promise<T>, database: Database = db()): Promise<T> {
  return database.$transaction(
    async (tx) => {
      // $executeRaw: the lock function returns `void`, a type the pg adapter cannot read back.
      if (databaseProvider() === "postgresql") await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${userId}))`;
      return work(tx);
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}
