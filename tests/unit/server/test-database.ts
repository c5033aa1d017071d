/**
 * The database a server-suite test file runs against: a fresh SQLite file
 * migrated with prisma/migrations, or, in the PostgreSQL run
 * (TEST_DATABASE_PROVIDER=postgresql), a fresh database in the run's cluster
 * migrated with prisma/postgresql/migrations. DATABASE_URL points at it
 * before the code under test opens a connection.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { migratePostgres } from "../../../scripts/lib/postgres-migrate.mjs";
import { useMigratedDatabase } from "../migrated-database";

export const testProvider = process.env.TEST_DATABASE_PROVIDER === "postgresql" ? "postgresql" : "sqlite";

export async function useTestDatabase(prefix: string): Promise<{ url: string; remove: () => Promise<void> }> {
  if (testProvider === "sqlite") {
    const { file, remove } = useMigratedDatabase(prefix);
    return { url: `file:${file}`, remove: async () => remove() };
  }
  const admin = new URL(inject("postgresUrl"));
  const name = `${prefix.replace(/[^a-z0-9]/gi, "_").toLowerCase()}${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  await migratePostgres(url.toString());
  process.env.DATABASE_URL = url.toString();
  return {
    url: url.toString(),
    remove: async () => {
      const { db } = await import("@/lib/db/client");
      await db().$disconnect();
    },
  };
}

/** A user row, as better-auth would create it, for repository tests that need an owner. */
export async function createUser(email: string, role: "learner" | "instructor" = "learner"): Promise<string> {
  const { db } = await import("@/lib/db/client");
  const id = randomBytes(12).toString("base64url");
  await db().user.create({ data: { id, email, name: email.split("@")[0]!, role } });
  return id;
}
