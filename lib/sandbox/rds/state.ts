import * as z from "zod";

/**
 * Simulated databases of one account in one Region: just enough of a
 * database server for secret rotation to act on. Each has users with
 * passwords that rotation functions really change, so after a rotation the
 * old password no longer logs in (single user) and the new one does.
 *
 * NOTE: no SQL, no data, no TLS: a database here is a host, a port, a
 * database name and a table of users with their passwords and grants.
 */
export const DATABASE_ENGINES = ["mysql", "mariadb", "postgres"] as const;
export type DatabaseEngine = (typeof DATABASE_ENGINES)[number];

export interface DatabaseUser {
  password: string;
  /** The master user: may create users and change anyone's password (the alternating-users strategy needs one). */
  superuser: boolean;
  /** Privileges as the engine would list them, copied to a clone user by the alternating-users strategy. */
  grants: string[];
}

/** One connection attempt, kept so a learner can see which credentials were tried and what worked. */
export interface DatabaseLogEntry {
  at: number;
  username: string;
  event: "login-succeeded" | "login-failed" | "unreachable" | "password-changed" | "user-created";
}

export interface DatabaseRecord {
  /** The instance identifier, e.g. "mydb". */
  identifier: string;
  engine: DatabaseEngine;
  /** The endpoint a secret's "host" field names. */
  host: string;
  port: number;
  dbname?: string;
  users: Record<string, DatabaseUser>;
  /** False simulates a database the rotation function cannot reach (network, security group, stopped instance). */
  available: boolean;
  /**
   * MySQL's validate_password policy: MEDIUM refuses a new password without a
   * digit, a lower-case and an upper-case letter and a special character, or
   * shorter than 8 (ER_NOT_VALID_PASSWORD, 1819). Absent: any password.
   */
  passwordPolicy?: "MEDIUM";
  createdAt: number;
  /** The most recent connection events, newest last (bounded). */
  log: DatabaseLogEntry[];
}

export interface RdsState {
  /** Keyed by instance identifier. */
  databases: Record<string, DatabaseRecord>;
}

const userSchema = z.strictObject({ password: z.string(), superuser: z.boolean(), grants: z.array(z.string()) });

export const databaseSchema = z.strictObject({
  identifier: z.string().min(1),
  engine: z.enum(DATABASE_ENGINES),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  dbname: z.string().optional(),
  users: z.record(z.string(), userSchema),
  available: z.boolean(),
  passwordPolicy: z.literal("MEDIUM").optional(),
  createdAt: z.number(),
  log: z.array(
    z.strictObject({
      at: z.number(),
      username: z.string(),
      event: z.enum(["login-succeeded", "login-failed", "unreachable", "password-changed", "user-created"]),
    }),
  ),
});

export const rdsStateSchema = z.strictObject({ databases: z.record(z.string(), databaseSchema) });

export function emptyRdsState(): RdsState {
  return { databases: {} };
}
