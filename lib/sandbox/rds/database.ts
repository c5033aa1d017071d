import type { DatabaseRecord, DatabaseLogEntry, RdsState } from "./state";

/**
 * What a database client can do against a simulated database: connect with
 * a username and password, then (as a user allowed to) change passwords or
 * create users. Rotation functions use these; scenario checks and tests use
 * `login` to prove that credentials really changed.
 */

const LOG_LIMIT = 50;

/** Where a secret's connection fields point: the "host" and optional "port" of the secret JSON. */
export interface Endpoint {
  host: string;
  port?: number | undefined;
}

export function findDatabase(state: RdsState, endpoint: Endpoint): DatabaseRecord | undefined {
  return Object.values(state.databases).find((database) => database.host === endpoint.host && (endpoint.port === undefined || database.port === endpoint.port));
}

function record(database: DatabaseRecord, at: number, username: string, event: DatabaseLogEntry["event"]): void {
  database.log.push({ at, username, event });
  if (database.log.length > LOG_LIMIT) database.log.splice(0, database.log.length - LOG_LIMIT);
}

/** Checks a username and password as the server would at login. Records the attempt. */
export function login(database: DatabaseRecord, username: string, password: string, at: number): boolean {
  if (!database.available) {
    record(database, at, username, "unreachable");
    return false;
  }
  const ok = database.users[username]?.password === password;
  record(database, at, username, ok ? "login-succeeded" : "login-failed");
  return ok;
}

/** An authenticated session, as a rotation function holds one after connecting. */
export interface Session {
  database: DatabaseRecord;
  username: string;
}

export type ConnectResult = { ok: true; session: Session } | { ok: false; reason: "unknown-host" | "unreachable" | "authentication" };

export function connect(state: RdsState, endpoint: Endpoint, username: string, password: string, at: number): ConnectResult {
  const database = findDatabase(state, endpoint);
  if (!database) return { ok: false, reason: "unknown-host" };
  if (!database.available) {
    record(database, at, username, "unreachable");
    return { ok: false, reason: "unreachable" };
  }
  if (!login(database, username, password, at)) return { ok: false, reason: "authentication" };
  return { ok: true, session: { database, username } };
}

export class DatabaseError extends Error {
  override readonly name = "DatabaseError";
}

/** MySQL's validate_password check at MEDIUM (length 8, mixed case, a number, a special character). */
function checkPasswordPolicy(database: DatabaseRecord, password: string): void {
  if (database.passwordPolicy !== "MEDIUM") return;
  const strong = password.length >= 8 && /[0-9]/.test(password) && /[a-z]/.test(password) && /[A-Z]/.test(password) && /[^0-9A-Za-z]/.test(password);
  // As pymysql reports MySQL's ER_NOT_VALID_PASSWORD to the rotation function.
  if (!strong) throw new DatabaseError("(1819, 'Your password does not satisfy the current policy requirements')");
}

/**
 * `SET PASSWORD`: a user may change its own password; a superuser may change
 * anyone's (MySQL's `SET PASSWORD FOR user`).
 */
export function setPassword(session: Session, username: string, password: string, at: number): void {
  const { database } = session;
  checkPasswordPolicy(database, password);
  const caller = database.users[session.username];
  const target = database.users[username];
  if (!target) throw new DatabaseError(`Operation SET PASSWORD failed for '${username}'@'%': no such user`);
  if (username !== session.username && !caller?.superuser) throw new DatabaseError(`Access denied for user '${session.username}'@'%' to change the password of '${username}'`);
  target.password = password;
  record(database, at, username, "password-changed");
}

/** `CREATE USER ... IDENTIFIED BY` then grants copied from another user (the alternating-users clone). Superusers only. */
export function createUser(session: Session, username: string, password: string, grantsFrom: string | undefined, at: number): void {
  const { database } = session;
  if (!database.users[session.username]?.superuser) throw new DatabaseError(`Access denied for user '${session.username}'@'%' (CREATE USER requires a privileged user)`);
  if (database.users[username]) throw new DatabaseError(`Operation CREATE USER failed for '${username}'@'%'`);
  checkPasswordPolicy(database, password);
  const grants = grantsFrom ? [...(database.users[grantsFrom]?.grants ?? [])] : [];
  database.users[username] = { password, superuser: false, grants };
  record(database, at, username, "user-created");
}

export function userExists(session: Session, username: string): boolean {
  return username in session.database.users;
}

/** Copies the grants of one user to another (`SHOW GRANTS FOR` then `GRANT ... TO`). Superusers only. */
export function copyGrants(session: Session, from: string, to: string): void {
  const { database } = session;
  if (!database.users[session.username]?.superuser) throw new DatabaseError(`Access denied for user '${session.username}'@'%' (GRANT requires a privileged user)`);
  const source = database.users[from];
  const target = database.users[to];
  if (!source || !target) throw new DatabaseError(`There is no such grant defined for user '${source ? to : from}'`);
  target.grants = [...new Set([...target.grants, ...source.grants])];
}
