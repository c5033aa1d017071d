import type { Sandbox } from "../sandbox";
import { login } from "./database";
import type { DatabaseEngine, DatabaseRecord } from "./state";

/**
 * Scenario set-up for simulated databases: labs and tests create a database
 * with its users, point a secret at it ({"engine","host","port","dbname",
 * "username","password"}), and check afterwards which passwords log in.
 */

const DEFAULT_PORTS: Record<DatabaseEngine, number> = { mysql: 3306, mariadb: 3306, postgres: 5432 };

export interface DatabaseSpec {
  /** Instance identifier, e.g. "mydb". */
  identifier: string;
  engine?: DatabaseEngine;
  /** Defaults to `<identifier>.sandbox.<region>.rds.amazonaws.com`. */
  host?: string;
  port?: number;
  dbname?: string;
  /** username -> password. */
  users: Record<string, string>;
  /** The master (superuser) among `users`, used by the alternating-users strategy to create the clone user. */
  master?: string;
  /** False: the database cannot be reached (a network fault for labs). Default true. */
  available?: boolean;
  /** MySQL's validate_password policy (see DatabaseRecord.passwordPolicy). */
  passwordPolicy?: "MEDIUM";
  accountId?: string;
  region?: string;
}

export function putDatabase(sandbox: Sandbox, spec: DatabaseSpec): DatabaseRecord {
  const region = spec.region ?? sandbox.region;
  const engine = spec.engine ?? "mysql";
  const dbname = spec.dbname;
  const users: DatabaseRecord["users"] = {};
  for (const [username, password] of Object.entries(spec.users)) {
    const superuser = username === spec.master;
    users[username] = { password, superuser, grants: superuser ? ["ALL PRIVILEGES ON *.* WITH GRANT OPTION"] : [`SELECT, INSERT, UPDATE, DELETE ON ${dbname ?? "*"}.*`] };
  }
  const database: DatabaseRecord = {
    identifier: spec.identifier,
    engine,
    host: spec.host ?? `${spec.identifier}.sandbox.${region}.rds.amazonaws.com`,
    port: spec.port ?? DEFAULT_PORTS[engine],
    ...(dbname === undefined ? {} : { dbname }),
    users,
    available: spec.available ?? true,
    ...(spec.passwordPolicy ? { passwordPolicy: spec.passwordPolicy } : {}),
    createdAt: sandbox.now,
    log: [],
  };
  sandbox.regionState(spec.accountId, region).rds.databases[spec.identifier] = database;
  return database;
}

export function getDatabase(sandbox: Sandbox, identifier: string, where: { accountId?: string; region?: string } = {}): DatabaseRecord | undefined {
  return sandbox.regionState(where.accountId, where.region).rds.databases[identifier];
}

/** Whether a username and password log in to the database now (recorded in the database's log). */
export function databaseLogin(sandbox: Sandbox, identifier: string, username: string, password: string, where: { accountId?: string; region?: string } = {}): boolean {
  const database = getDatabase(sandbox, identifier, where);
  return database ? login(database, username, password, sandbox.now) : false;
}

/** Makes a database reachable or unreachable (a network fault to show in a lab). */
export function setDatabaseAvailable(sandbox: Sandbox, identifier: string, available: boolean, where: { accountId?: string; region?: string } = {}): void {
  const database = getDatabase(sandbox, identifier, where);
  if (database) database.available = available;
}

/** The connection fields of a database secret for the rotation templates (password not included). */
export function secretFieldsFor(database: DatabaseRecord, username: string): Record<string, string | number> {
  return {
    engine: database.engine,
    host: database.host,
    port: database.port,
    ...(database.dbname === undefined ? {} : { dbname: database.dbname }),
    username,
  };
}

export type { DatabaseRecord, DatabaseEngine } from "./state";
