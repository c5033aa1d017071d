/**
 * Values of raw queries ($queryRaw), which come back as each driver gives
 * them: PostgreSQL a Date and a boolean, SQLite an ISO string (or epoch
 * milliseconds) and 0/1, as a bigint when better-sqlite3 reads integers safely.
 */
export function rawDate(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(typeof value === "bigint" ? Number(value) : (value as string | number));
}

export function rawBoolean(value: unknown): boolean {
  return value === true || Number(value) === 1;
}
