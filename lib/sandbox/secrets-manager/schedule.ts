import { DAY, HOUR } from "../core/time";
import { CronError, isHourly, nextCronTime, parseCron, type CronSchedule } from "./cron";
import { smErrors } from "./errors";
import type { RotationRules } from "./state";

/**
 * Rotation schedules [API RotationRulesType]: AutomaticallyAfterDays (1-1000),
 * or a ScheduleExpression `rate(N hours|days)` (no more often than every four
 * hours) or `cron(...)`, in UTC, with an optional Duration `Nh` for the
 * rotation window. A rate() window starts at midnight; without a Duration a
 * window closes after an hour for schedules in hours and at the end of the
 * UTC day for schedules in days; a window may not run into the next UTC day
 * or the next window.
 *
 * With AutomaticallyAfterDays the next rotation is counted from the last
 * rotation (and a new value set by PutSecretValue or UpdateSecret counts as
 * one).
 *
 * NOTE: AWS rotates at a random moment inside the window; the sandbox rotates
 * at the start of the window, which is also the NextRotationDate it reports.
 */

export type Schedule =
  | { kind: "days"; days: number; windowHours: number }
  | { kind: "hours"; hours: number; windowHours: number }
  | { kind: "cron"; cron: CronSchedule; windowHours: number };

const RATE = /^rate\((\d+) (hours?|days?)\)$/;
const CRON = /^cron\((.*)\)$/;

function parseDuration(duration: string | undefined): number | undefined {
  if (duration === undefined) return undefined;
  const match = /^(\d{1,2})h$/.exec(duration);
  const hours = match ? Number(match[1]) : NaN;
  if (!(hours >= 1 && hours <= 24)) throw smErrors.invalidDuration(`"${duration}" is not a number of hours from 1h to 24h`);
  return hours;
}

/** Validates RotationRules and returns the schedule they describe (or undefined when they set none). */
export function parseRotationRules(rules: RotationRules): Schedule | undefined {
  const { AutomaticallyAfterDays: days, ScheduleExpression: expression, Duration: duration } = rules;
  if (days !== undefined && expression !== undefined) throw smErrors.frequencyAndSchedule();
  const windowHours = parseDuration(duration);

  if (days !== undefined) {
    if (!Number.isInteger(days) || days < 1 || days > 1000) throw smErrors.automaticallyAfterDaysRange();
    return { kind: "days", days, windowHours: windowHours ?? 24 };
  }
  if (expression === undefined) return undefined;

  const rate = RATE.exec(expression);
  if (rate) {
    const amount = Number(rate[1]);
    const unit = rate[2] ?? "";
    // As in EventBridge: rate(1 day), rate(2 days).
    if ((amount === 1) !== !unit.endsWith("s")) throw smErrors.invalidSchedule("a rate of 1 takes a singular unit (rate(1 day)) and other rates a plural one (rate(10 days))");
    if (unit.startsWith("hour")) {
      if (amount < 4) throw smErrors.invalidSchedule("you can rotate a secret at most every four hours");
      if (amount >= 24) throw smErrors.invalidSchedule("use days for rates of a day or more");
      const window = windowHours ?? 1;
      if (window > amount) throw smErrors.invalidDuration("the rotation window must not extend into the next rotation window");
      return { kind: "hours", hours: amount, windowHours: window };
    }
    if (amount < 1 || amount > 1000) throw smErrors.invalidSchedule("a rate in days must be from 1 to 1000 days");
    return { kind: "days", days: amount, windowHours: windowHours ?? 24 };
  }

  const cronMatch = CRON.exec(expression);
  if (cronMatch) {
    let cron: CronSchedule;
    try {
      cron = parseCron(cronMatch[1] ?? "");
    } catch (error) {
      if (error instanceof CronError) throw smErrors.invalidSchedule(error.message);
      throw error;
    }
    const hourly = isHourly(cron);
    const window = windowHours ?? (hourly ? 1 : 24 - (cron.hours[0] ?? 0));
    const lastStart = cron.hours[cron.hours.length - 1] ?? 0;
    if (lastStart + window > 24) throw smErrors.invalidDuration("the rotation window must not extend into the next UTC day");
    for (let index = 1; index < cron.hours.length; index++) {
      if ((cron.hours[index] ?? 0) - (cron.hours[index - 1] ?? 0) < 4) throw smErrors.invalidSchedule("you can rotate a secret at most every four hours");
    }
    if (hourly && cron.hours.length > 1 && window > (cron.hours[1] ?? 0) - (cron.hours[0] ?? 0)) {
      throw smErrors.invalidDuration("the rotation window must not extend into the next rotation window");
    }
    return { kind: "cron", cron, windowHours: window };
  }
  throw smErrors.invalidSchedule(`"${expression}" is neither a rate() nor a cron() expression`);
}

const startOfDay = (time: number) => Math.floor(time / DAY) * DAY;

/** When the next rotation window opens, counting from `from` (the last rotation, or now). */
export function nextRotationTime(schedule: Schedule, from: number): number | undefined {
  switch (schedule.kind) {
    case "days":
      return startOfDay(from) + schedule.days * DAY;
    case "hours": {
      // Windows every N hours from midnight, each day.
      for (let day = startOfDay(from); ; day += DAY) {
        for (let hour = 0; hour < 24; hour += schedule.hours) {
          const time = day + hour * HOUR;
          if (time > from) return time;
        }
      }
    }
    case "cron":
      return nextCronTime(schedule.cron, from);
  }
}

/** AutomaticallyAfterDays as DescribeSecret reports it: the interval in days when the schedule has one. */
export function reportedDays(schedule: Schedule | undefined): number | undefined {
  return schedule?.kind === "days" ? schedule.days : undefined;
}
