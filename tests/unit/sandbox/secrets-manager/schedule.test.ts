import { describe, expect, it } from "vitest";
import { isAwsServiceError } from "@/lib/sandbox";
import { DAY, HOUR } from "@/lib/sandbox/core/time";
import { nextCronTime, parseCron } from "@/lib/sandbox/secrets-manager/cron";
import { nextRotationTime, parseRotationRules } from "@/lib/sandbox/secrets-manager/schedule";

const at = (iso: string) => Date.parse(iso);
const next = (expression: string, from: string) => {
  const time = nextCronTime(parseCron(expression), at(from));
  return time === undefined ? undefined : new Date(time).toISOString();
};

describe("cron expressions (six fields, UTC)", () => {
  it("supports numbers, names, ranges, lists and steps", () => {
    expect(next("0 8 ? * MON *", "2026-01-01T00:00:00Z")).toBe("2026-01-05T08:00:00.000Z");
    expect(next("0 8 ? * MON-FRI *", "2026-01-02T09:00:00Z")).toBe("2026-01-05T08:00:00.000Z");
    expect(next("30 4,16 * * ? *", "2026-01-01T05:00:00Z")).toBe("2026-01-01T16:30:00.000Z");
    expect(next("0 0/6 * * ? *", "2026-01-01T07:00:00Z")).toBe("2026-01-01T12:00:00.000Z");
    expect(next("0 0 1 JAN,JUL ? *", "2026-01-01T00:00:00Z")).toBe("2026-07-01T00:00:00.000Z");
    expect(next("0 10 ? FEB,MAY,AUG,NOV TUE#2 *", "2026-01-01T00:00:00Z")).toBe("2026-02-10T10:00:00.000Z");
    expect(next("0 23 L * ? *", "2026-02-01T00:00:00Z")).toBe("2026-02-28T23:00:00.000Z");
    expect(next("0 0 1 1 ? 2030", "2026-01-01T00:00:00Z")).toBe("2030-01-01T00:00:00.000Z");
  });

  it("refuses malformed expressions and the parts the sandbox does not support", () => {
    expect(() => parseCron("0 8 * * *")).toThrow(/six fields/);
    expect(() => parseCron("0 8 * * MON *")).toThrow(/exactly one of Day-of-month and Day-of-week/);
    expect(() => parseCron("61 8 * * ? *")).toThrow(/not a valid Minutes value/);
    expect(() => parseCron("0 8 15W * ? *")).toThrow(/not supported/);
    expect(() => parseCron("0 8 ? * 5L *")).toThrow(/not supported/);
  });
});

describe("rotation rules", () => {
  const rules = (value: Parameters<typeof parseRotationRules>[0]) => {
    try {
      return parseRotationRules(value);
    } catch (error) {
      return isAwsServiceError(error) ? `${error.code}: ${error.message}` : error;
    }
  };

  it("AutomaticallyAfterDays: the window opens at midnight N days after the day of the last rotation", () => {
    const schedule = parseRotationRules({ AutomaticallyAfterDays: 3 });
    expect(schedule && nextRotationTime(schedule, at("2026-01-01T15:30:00Z"))).toBe(at("2026-01-04T00:00:00Z"));
  });

  it("rate() takes hours (at least 4) or days, singular for 1", () => {
    expect(rules({ ScheduleExpression: "rate(4 hours)" })).toMatchObject({ kind: "hours", hours: 4, windowHours: 1 });
    expect(rules({ ScheduleExpression: "rate(1 day)" })).toMatchObject({ kind: "days", days: 1, windowHours: 24 });
    expect(rules({ ScheduleExpression: "rate(3 hours)" })).toMatch(/^InvalidParameterException: .*four hours/);
    expect(rules({ ScheduleExpression: "rate(1 days)" })).toMatch(/^InvalidParameterException: .*singular/);
    const hours = parseRotationRules({ ScheduleExpression: "rate(8 hours)" });
    expect(hours && nextRotationTime(hours, at("2026-01-01T17:00:00Z"))).toBe(at("2026-01-02T00:00:00Z"));
    expect(hours && nextRotationTime(hours, at("2026-01-01T00:00:00Z"))).toBe(at("2026-01-01T00:00:00Z") + 8 * HOUR);
  });

  it("Duration: 1h to 24h, not into the next window or the next UTC day", () => {
    expect(rules({ ScheduleExpression: "rate(10 days)", Duration: "3h" })).toMatchObject({ windowHours: 3 });
    expect(rules({ ScheduleExpression: "rate(4 hours)", Duration: "5h" })).toMatch(/next rotation window/);
    expect(rules({ ScheduleExpression: "cron(0 22 * * ? *)", Duration: "3h" })).toMatch(/next UTC day/);
    expect(rules({ AutomaticallyAfterDays: 1, Duration: "0h" })).toMatch(/^InvalidParameterException: Invalid Duration/);
  });

  it("neither rule: no schedule", () => {
    expect(parseRotationRules({})).toBeUndefined();
    expect(nextRotationTime({ kind: "days", days: 1, windowHours: 24 }, at("2026-01-01T00:00:00Z"))).toBe(at("2026-01-01T00:00:00Z") + DAY);
  });
});
