/**
 * Prepared statements on the database drivers themselves, beside Prisma, for
 * the few queries every answer runs (finding the session, storing the
 * attempt). Through Prisma each of them paid its query interpreter and a
 * fresh prepare of the same SQL; here a statement is prepared once per
 * connection and reused (tests/bench/accounts.bench.mjs measures the route).
 *
 * SQL is written once, PostgreSQL style ($1, $2, … with CASTs where a type
 * must be known), and runs on both: SQLite numbers its parameters ?1, ?2.
 * Values are bound as each provider stores what Prisma writes: SQLite keeps a
 * DateTime as ISO text with "+00:00" and a boolean as 0/1; PostgreSQL's
 * timestamp(3) columns hold UTC without a zone.
 *
 * SQLite: a connection of our own in the same process, behind the same FIFO
 * lock as Prisma's (serialized-sqlite.ts), so the two never interleave and a
 * synchronous busy wait can never block on ourselves. PostgreSQL: the pool
 * Prisma's adapter uses, with named statements.
 */
import { createHash } from "node:crypto";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { countQuery } from "./query-count";
import type { FifoLock } from "./serialized-sqlite";

export type Param = string | number | boolean | Date | null;
export interface Statement {
  sql: string;
  params: readonly Param[];
}
/** A row as the driver returns it; read dates with rawDate and booleans with rawBoolean (raw-values.ts). */
export type Row = Record<string, unknown>;

export interface PreparedStatements {
  readonly provider: "sqlite" | "postgresql";
  /** The rows of one read. */
  rows(sql: string, params: readonly Param[]): Promise<Row[]>;
  /** Runs the statements in order in one transaction; resolves after COMMIT with each one's count of changed rows. */
  transaction(statements: readonly Statement[]): Promise<number[]>;
}

/** better-sqlite3 prepares at most this many distinct statements per connection (the SQL of an attempt depends on its answer count). */
const MAX_CACHED_STATEMENTS = 256;

export function sqliteStatements(file: string, lock: FifoLock, busyTimeoutMs: number): PreparedStatements {
  const connection = new Sqlite(file, { timeout: busyTimeoutMs });
  const cache = new Map<string, Sqlite.Statement>();
  const prepare = (sql: string): Sqlite.Statement => {
    let statement = cache.get(sql);
    if (!statement) {
      if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
      statement = connection.prepare(sql.replace(/\$(\d+)/g, "?$1"));
      cache.set(sql, statement);
    }
    return statement;
  };
  const bind = (params: readonly Param[]): Record<number, string | number | null> =>
    Object.fromEntries(params.map((value, index) => [index + 1, value instanceof Date ? value.toISOString().replace("Z", "+00:00") : typeof value === "boolean" ? Number(value) : value]));
  const alone = async <T>(work: () => T): Promise<T> => {
    countQuery();
    const release = await lock.acquire();
    try {
      return work();
    } finally {
      release();
    }
  };
  return {
    provider: "sqlite",
    rows: (sql, params) => alone(() => prepare(sql).all(bind(params)) as Row[]),
    transaction: (statements) => alone(() => connection.transaction(() => statements.map(({ sql, params }) => prepare(sql).run(bind(params)).changes))()),
  };
}

/** pg's parser for timestamp without time zone (oid 1114) reads local time; Prisma stores UTC there. */
const TIMESTAMP = 1114;
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP ? (text: string) => new Date(`${text.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

export function postgresStatements(pool: pg.Pool): PreparedStatements {
  const names = new Map<string, string>();
  const nameOf = (sql: string): string => {
    let name = names.get(sql);
    if (!name) {
      if (names.size >= MAX_CACHED_STATEMENTS) names.clear();
      name = createHash("sha1").update(sql).digest("base64url");
      names.set(sql, name);
    }
    return name;
  };
  const query = (client: pg.Pool | pg.PoolClient, { sql, params }: Statement) => (
    countQuery(),
    client.query({ name: nameOf(sql), text: sql, values: params.map((value) => (value instanceof Date ? value.toISOString() : value)), types })
  );
  return {
    provider: "postgresql",
    rows: async (sql, params) => (await query(pool, { sql, params })).rows as Row[],
    async transaction(statements) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const changes: number[] = [];
        for (const statement of statements) changes.push((await query(client, statement)).rowCount ?? 0);
        await client.query("COMMIT");
        return changes;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
