import { describe, expect, it } from "vitest";
import { createSandbox } from "@/lib/sandbox";
import { sh } from "../helpers";

/** `clock` prints the simulated time; `clock advance` moves it and lists what happened. */

describe("clock", () => {
  it("prints the simulated time, which stands still", () => {
    expect(sh("clock; echo x; clock").stdout).toBe("2026-01-01T00:00:00Z\nx\n2026-01-01T00:00:00Z\n");
  });

  it("moves forward by days, hours, minutes and combinations", () => {
    expect(sh("clock advance 8d; clock advance 1d12h30m; date").stdout).toBe("2026-01-09T00:00:00Z\n2026-01-10T12:30:00Z\nSat Jan 10 12:30:00 UTC 2026\n");
  });

  it("refuses durations it does not understand", () => {
    expect(sh("clock advance 8x")).toMatchObject({ stderr: "clock: invalid duration ‘8x’: use a number followed by d, h or m (8d, 12h, 30m, 1d12h)\n", exitCode: 1 });
    expect(sh("clock advance")).toMatchObject({ exitCode: 2 });
    expect(sh("clock back 1d")).toMatchObject({ stderr: "clock: usage: clock [advance DURATION]   (DURATION like 8d, 12h, 30m, 1d12h)\n", exitCode: 2 });
    expect(sh("clock advance 99999d").exitCode).toBe(1);
  });

  it("lets due events happen and says what they were", () => {
    const session = createSandbox({ scenario: "chapter-27", seed: 3, now: "2026-01-01T00:00:00Z" });
    const key = "1234abcd-12ab-34cd-56ef-1234567890ab";
    expect(session.runSync(`aws kms schedule-key-deletion --key-id ${key} --pending-window-in-days 7 --output text --query KeyState`).stdout).toBe("PendingDeletion\n");
    expect(session.runSync("clock advance 6d").stdout).toBe("2026-01-07T00:00:00Z\n");
    expect(session.runSync("clock advance 1d").stdout).toBe(`2026-01-08T00:00:00Z  KMS key ${key} deleted\n2026-01-08T00:00:00Z\n`);
    expect(session.runSync(`aws kms describe-key --key-id ${key}`).exitCode).toBe(254);
  });

  it("reports scheduled secret rotations", () => {
    const session = createSandbox({ scenario: "chapter-27", seed: 3, now: "2026-01-01T00:00:00Z" });
    session.runSync(`aws secretsmanager create-secret --name s --secret-string '{"username":"admin","password":"MyPassword123"}'`);
    session.runSync("aws secretsmanager rotate-secret --secret-id s --rotation-lambda-arn arn:aws:lambda:us-east-1:123456789012:function:MyRotationFunction --rotation-rules AutomaticallyAfterDays=7");
    expect(session.runSync("clock advance 8d").stdout).toMatch(/^2026-01-0\dT00:00:00Z {2}Secret s rotated \(scheduled rotation\)\n2026-01-09T00:00:00Z\n$/);
  });
});
