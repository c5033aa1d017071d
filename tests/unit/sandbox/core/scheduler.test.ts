import { describe, expect, it } from "vitest";
import { cancelScheduled, insertScheduled, type ScheduledEvent } from "@/lib/sandbox/core/scheduler";
import { DAY, HOUR, MINUTE, parseDuration } from "@/lib/sandbox/core/time";

const event = (id: number, at: number, kind = "k", resource = "r"): ScheduledEvent => ({ id, at, kind, resource, accountId: "123456789012", region: "us-east-1" });

describe("due events", () => {
  it("stay ordered by due time, then by creation", () => {
    const queue: ScheduledEvent[] = [];
    insertScheduled(queue, event(1, 300));
    insertScheduled(queue, event(2, 100));
    insertScheduled(queue, event(3, 300));
    insertScheduled(queue, event(4, 200));
    expect(queue.map((e) => e.id)).toEqual([2, 4, 1, 3]);
  });

  it("can be cancelled by kind and resource", () => {
    const queue = [event(1, 1, "kms.deleteKey", "a"), event(2, 2, "kms.rotateKey", "a"), event(3, 3, "kms.deleteKey", "b")];
    cancelScheduled(queue, "kms.deleteKey", "a");
    expect(queue.map((e) => e.id)).toEqual([2, 3]);
  });
});

describe("clock durations", () => {
  it.each([
    ["8d", 8 * DAY],
    ["12h", 12 * HOUR],
    ["30m", 30 * MINUTE],
    ["1d12h", DAY + 12 * HOUR],
  ])("reads %s", (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(["", "8", "8s", "d", "-1d", "1.5d", "8 d"])("refuses %j", (text) => expect(parseDuration(text)).toBeUndefined());
});
