/**
 * How many statements the process has sent to the database (Prisma's, on
 * SQLite, and the prepared ones on both providers): tests and benchmarks
 * read it before and after a piece of work to show that its number of
 * queries does not grow with the data. One increment per statement.
 */
let count = 0;

export function countQuery(): void {
  count++;
}

export function queriesRun(): number {
  return count;
}
