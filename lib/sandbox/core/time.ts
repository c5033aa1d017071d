export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * The last moment the simulated clock can show: AWS's timestamps (and the
 * CLI's ISO 8601 output) have four-digit years. Past it every formatted date
 * would break, so the clock stops here.
 */
export const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const UNITS: Record<string, number> = { d: DAY, h: HOUR, m: MINUTE };

/** Parses the `clock advance` duration syntax: `8d`, `12h`, `30m`, or combinations like `1d12h`. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^(\d+[dhm])+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)([dhm])/g)) total += Number(amount) * (UNITS[unit ?? ""] ?? 0);
  return total;
}

/** AWS JSON 1.1 timestamps are epoch seconds, with a fraction when there is one. */
export function toEpochSeconds(ms: number): number {
  return ms / 1000;
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString();
}
