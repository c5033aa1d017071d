import { describe, expect, it } from "vitest";
import { createEngine } from "@/lib/sandbox/engine";
import { createSandbox } from "@/lib/sandbox/create-sandbox";

/**
 * The sandbox's clock and its saves are bounded: time runs from 1970 to the
 * end of year 9999 (AWS's dates have four-digit years), and a restored
 * snapshot must make sense, not only have the right shape: a due event before
 * the snapshot's own time cannot come from a real session.
 */
describe("bounded time and meaningful snapshots", () => {
  it("refuses to move the clock past the end of 9999, and the sandbox keeps working", () => {
    const session = createSandbox({ scenario: "empty", seed: 1, now: "9999-12-01T00:00:00Z" });
    const far = session.runSync("clock advance 60d");
    expect(far.exitCode).not.toBe(0);
    expect(far.stderr).toContain("the sandbox's clock stops at the end of 9999");
    expect(session.runSync("clock").stdout).toBe("9999-12-01T00:00:00Z\n");
    expect(session.runSync("aws kms create-key --query KeyMetadata.CreationDate --output text").stdout).toBe("9999-12-01T00:00:00+00:00\n");
  });

  it("refuses a start time outside 1970..9999", () => {
    expect(() => createEngine({ now: "+010000-01-01T00:00:00Z" })).toThrow("invalid start time");
  });

  it("refuses a snapshot whose time is past 9999 or whose due events lie before its own time", () => {
    const engine = createEngine({ seed: 2, now: "2026-01-01T00:00:00Z" });
    const { KeyMetadata } = engine.call("kms", "CreateKey", {}) as { KeyMetadata: { KeyId: string } };
    engine.call("kms", "EnableKeyRotation", { KeyId: KeyMetadata.KeyId, RotationPeriodInDays: 90 });
    const saved = engine.snapshot() as { now: number; scheduled: { at: number }[] };
    expect(saved.scheduled).toHaveLength(1);
    const fresh = createEngine({ seed: 3 });
    expect(() => fresh.restore({ ...saved, now: Date.UTC(10_000, 0, 1) })).toThrow("The snapshot is damaged: now:");
    // A save moved a thousand years ahead of its schedule: every rotation in between would be due at once.
    expect(() => fresh.restore({ ...saved, now: Date.UTC(3026, 0, 1) })).toThrow("The snapshot is damaged: scheduled: an event (kms.rotateKey) is due before the snapshot's own time.");
    fresh.restore(saved);
    expect(fresh.now).toBe(saved.now);
  });

  it("restores a snapshot from before EC2, CloudFormation and the learner's functions existed, and they work", () => {
    const engine = createEngine({ seed: 4, now: "2026-01-01T00:00:00Z" });
    engine.call("ssm", "PutParameter", { Name: "/old", Value: "v", Type: "String" });
    const saved = engine.snapshot() as unknown as { accounts: Record<string, { iam: Record<string, unknown>; regions: Record<string, Record<string, unknown>> }> };
    for (const account of Object.values(saved.accounts)) {
      delete account.iam["instanceProfiles"];
      for (const region of Object.values(account.regions)) {
        delete region["ec2"];
        delete region["cloudformation"];
        delete (region["lambda"] as Record<string, unknown>)["codeFunctions"];
      }
    }
    const session = createSandbox({ scenario: "empty", seed: 5 });
    session.engine.restore(saved);
    expect(session.runSync("aws ssm get-parameter --name /old --query Parameter.Value --output text").stdout).toBe("v\n");
    expect(session.runSync("aws ec2 describe-instances --query 'length(Reservations)'").stdout).toBe("0\n");
    expect(session.runSync("aws lambda list-functions --query 'length(Functions)'").stdout).toBe("0\n");
    expect(session.runSync("aws cloudformation list-stacks --query 'length(StackSummaries)'").stdout).toBe("0\n");
  });
});
