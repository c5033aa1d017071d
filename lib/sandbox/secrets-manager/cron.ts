import { DAY, HOUR, MINUTE } from "../core/time";

/**
 * The cron expressions of Secrets Manager rotation schedules (the
 * EventBridge syntax, UTC): six fields
 *
 *   cron(Minutes Hours Day-of-month Month Day-of-week Year)
 *
 * with `*`, `?`, numbers, names (JAN-DEC, SUN-SAT; Sunday is 1), ranges
 * `a-b`, steps `a/b` and `a-b/c`, lists `a,b`, `L` (last day of the month)
 * in Day-of-month and `d#n` (the n-th weekday d of the month) in
 * Day-of-week. One of Day-of-month and Day-of-week must be `?`.
 *
 * NOTE: an honest subset, written here rather than taken from a library
 * because the common parsers speak the 5-field Unix syntax: `W` (nearest
 * weekday) and `L` in Day-of-week are not supported and are refused.
 */

export interface CronSchedule {
  minutes: number[];
  hours: number[];
  daysOfMonth: Set<number> | "any";
  lastDayOfMonth: boolean;
  months: Set<number>;
  daysOfWeek: Set<number> | "any";
  /** d#n: weekday d (1 = Sunday), n-th of the month. */
  nthWeekdays: { weekday: number; nth: number }[];
  years: Set<number> | "any";
}

export class CronError extends Error {}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const WEEKDAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: string[];
}

const FIELDS = {
  minutes: { name: "Minutes", min: 0, max: 59 },
  hours: { name: "Hours", min: 0, max: 23 },
  dayOfMonth: { name: "Day-of-month", min: 1, max: 31 },
  month: { name: "Month", min: 1, max: 12, names: MONTHS },
  dayOfWeek: { name: "Day-of-week", min: 1, max: 7, names: WEEKDAYS },
  year: { name: "Year", min: 1970, max: 2199 },
} satisfies Record<string, FieldSpec>;

function value(text: string, spec: FieldSpec): number {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  const number = named >= 0 ? named + spec.min : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(number) || number < spec.min || number > spec.max) throw new CronError(`"${text}" is not a valid ${spec.name} value`);
  return number;
}

/** Expands one field (`*`, lists, ranges, steps) to the set of values it matches. */
function expand(text: string, spec: FieldSpec): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const [range = "", stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new CronError(`"${part}" has an invalid step in ${spec.name}`);
    let low: number;
    let high: number;
    if (range === "*") [low, high] = [spec.min, spec.max];
    else if (range.includes("-")) {
      const [a = "", b = ""] = range.split("-");
      [low, high] = [value(a, spec), value(b, spec)];
      if (low > high) throw new CronError(`"${range}" is not a valid range in ${spec.name}`);
    } else {
      low = value(range, spec);
      high = stepText === undefined ? low : spec.max;
    }
    for (let current = low; current <= high; current += step) values.add(current);
  }
  return values;
}

export function parseCron(body: string): CronSchedule {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) throw new CronError("a cron expression has six fields: Minutes Hours Day-of-month Month Day-of-week Year");
  const [minutes = "", hours = "", dayOfMonth = "", month = "", dayOfWeek = "", year = ""] = fields;
  if ((dayOfMonth === "?") === (dayOfWeek === "?")) throw new CronError("exactly one of Day-of-month and Day-of-week must be ?");

  let daysOfMonth: CronSchedule["daysOfMonth"] = "any";
  let lastDayOfMonth = false;
  if (dayOfMonth === "L") lastDayOfMonth = true;
  else if (dayOfMonth.includes("W") || dayOfMonth.includes("L")) throw new CronError("W and L combinations in Day-of-month are not supported by the sandbox");
  else if (dayOfMonth !== "?") daysOfMonth = expand(dayOfMonth, FIELDS.dayOfMonth);

  let daysOfWeek: CronSchedule["daysOfWeek"] = "any";
  const nthWeekdays: CronSchedule["nthWeekdays"] = [];
  if (dayOfWeek.includes("#")) {
    for (const part of dayOfWeek.split(",")) {
      const [day = "", nth = ""] = part.split("#");
      const n = Number(nth);
      if (!Number.isInteger(n) || n < 1 || n > 5) throw new CronError(`"${part}" is not a valid d#n Day-of-week value`);
      nthWeekdays.push({ weekday: value(day, FIELDS.dayOfWeek), nth: n });
    }
  } else if (dayOfWeek.includes("L")) throw new CronError("L in Day-of-week is not supported by the sandbox");
  else if (dayOfWeek !== "?") daysOfWeek = expand(dayOfWeek, FIELDS.dayOfWeek);

  return {
    minutes: [...expand(minutes, FIELDS.minutes)].sort((a, b) => a - b),
    hours: [...expand(hours, FIELDS.hours)].sort((a, b) => a - b),
    daysOfMonth,
    lastDayOfMonth,
    months: expand(month, FIELDS.month),
    daysOfWeek,
    nthWeekdays,
    years: year === "*" ? "any" : expand(year, FIELDS.year),
  };
}

function dayMatches(cron: CronSchedule, dayStart: number): boolean {
  const date = new Date(dayStart);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  const weekday = date.getUTCDay() + 1;
  if (cron.years !== "any" && !cron.years.has(year)) return false;
  if (!cron.months.has(month)) return false;
  if (cron.lastDayOfMonth) return new Date(dayStart + DAY).getUTCDate() === 1;
  if (cron.daysOfMonth !== "any") return cron.daysOfMonth.has(day);
  if (cron.nthWeekdays.length > 0) return cron.nthWeekdays.some(({ weekday: wanted, nth }) => wanted === weekday && Math.ceil(day / 7) === nth);
  return cron.daysOfWeek === "any" || cron.daysOfWeek.has(weekday);
}

/** Whether the schedule fires on more than one hour of a day (an hourly schedule, for the default window). */
export function isHourly(cron: CronSchedule): boolean {
  return cron.hours.length > 1;
}

/** The first time strictly after `after` that the schedule fires, or undefined within the next ten years. */
export function nextCronTime(cron: CronSchedule, after: number): number | undefined {
  const firstDay = Math.floor(after / DAY) * DAY;
  for (let day = firstDay; day < firstDay + 3660 * DAY; day += DAY) {
    if (!dayMatches(cron, day)) continue;
    for (const hour of cron.hours) {
      for (const minute of cron.minutes) {
        const time = day + hour * HOUR + minute * MINUTE;
        if (time > after) return time;
      }
    }
  }
  return undefined;
}
