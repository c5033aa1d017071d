import { describe, expect, it } from "vitest";
import type { WireObject } from "@/lib/sandbox";
import { DAY } from "@/lib/sandbox/core/time";
import { expectError, record, sandbox, sm, START_MS } from "./helpers";

const MARKED = "You can't perform this operation on the secret because it was marked for deletion.";

function secret() {
  const box = sandbox();
  sm(box, "CreateSecret", { Name: "app", SecretString: "v1" });
  return box;
}

describe("DeleteSecret with a recovery window", () => {
  it("schedules deletion in 30 days by default; DescribeSecret shows DeletedDate", () => {
    const box = secret();
    const out = sm(box, "DeleteSecret", { SecretId: "app" });
    expect(Object.keys(out)).toEqual(["ARN", "Name", "DeletionDate"]);
    expect(out["DeletionDate"]).toBe((START_MS + 30 * DAY) / 1000);
    expect(sm(box, "DescribeSecret", { SecretId: "app" })["DeletedDate"]).toBe(START_MS / 1000);
    expect(record(box, "app").lifecycle).toBe("PendingDeletion");
  });

  it("accepts 7 to 30 days only", () => {
    const box = secret();
    expectError(() => sm(box, "DeleteSecret", { SecretId: "app", RecoveryWindowInDays: 6 }), "InvalidParameterException", "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
    expectError(() => sm(box, "DeleteSecret", { SecretId: "app", RecoveryWindowInDays: 31 }), "InvalidParameterException");
    expect(sm(box, "DeleteSecret", { SecretId: "app", RecoveryWindowInDays: 7 })["DeletionDate"]).toBe((START_MS + 7 * DAY) / 1000);
  });

  it("cannot be combined with ForceDeleteWithoutRecovery", () => {
    expectError(
      () => sm(secret(), "DeleteSecret", { SecretId: "app", RecoveryWindowInDays: 10, ForceDeleteWithoutRecovery: true }),
      "InvalidParameterException",
      "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
    );
  });

  it("during the window the value can't be read or changed, but the secret can be described", () => {
    const box = secret();
    sm(box, "DeleteSecret", { SecretId: "app", RecoveryWindowInDays: 7 });
    for (const [operation, input] of [
      ["GetSecretValue", {}],
      ["PutSecretValue", { SecretString: "v2" }],
      ["UpdateSecret", { Description: "x" }],
      ["RotateSecret", {}],
      ["UpdateSecretVersionStage", { VersionStage: "blue" }],
      ["TagResource", { Tags: [{ Key: "a", Value: "b" }] }],
      ["PutResourcePolicy", { ResourcePolicy: "{}" }],
      ["DeleteSecret", {}],
    ] as [string, WireObject][]) {
      expectError(() => sm(box, operation, { SecretId: "app", ...input }), "InvalidRequestException", MARKED);
    }
    expect(sm(box, "DescribeSecret", { SecretId: "app" })["Name"]).toBe("app");
    expect(sm(box, "ListSecretVersionIds", { SecretId: "app" })["Versions"]).toHaveLength(1);
  });

  it("keeps the name taken: CreateSecret with it fails until the secret is gone", () => {
    const box = secret();
    sm(box, "DeleteSecret", { SecretId: "app", RecoveryWindowInDays: 7 });
    expectError(() => sm(box, "CreateSecret", { Name: "app", SecretString: "new" }), "InvalidRequestException", "You can't create this secret because a secret with this name is already scheduled for deletion.");
  });

  it("RestoreSecret cancels the deletion and the value is readable again", () => {
    const box = secret();
    sm(box, "DeleteSecret", { SecretId: "app", RecoveryWindowInDays: 7 });
    box.advanceClock(6 * DAY);
    expect(Object.keys(sm(box, "RestoreSecret", { SecretId: "app" }))).toEqual(["ARN", "Name"]);
    expect(sm(box, "DescribeSecret", { SecretId: "app" })["DeletedDate"]).toBeUndefined();
    box.advanceClock(2 * DAY);
    expect(sm(box, "GetSecretValue", { SecretId: "app" })["SecretString"]).toBe("v1");
  });

  it("deletes the secret for good when the clock passes the end of the window; the name is free again", () => {
    const box = secret();
    sm(box, "DeleteSecret", { SecretId: "app", RecoveryWindowInDays: 7 });
    box.advanceClock(7 * DAY - 1);
    expect(sm(box, "DescribeSecret", { SecretId: "app" })["Name"]).toBe("app");
    box.advanceClock(1);
    expectError(() => sm(box, "DescribeSecret", { SecretId: "app" }), "ResourceNotFoundException");
    expectError(() => sm(box, "RestoreSecret", { SecretId: "app" }), "ResourceNotFoundException");
    const ended = box.trail({ eventName: "EndSecretVersionDelete" });
    expect(ended).toHaveLength(1);
    expect(ended[0]?.eventTime).toBe(START_MS + 7 * DAY);
    expect(sm(box, "CreateSecret", { Name: "app", SecretString: "again" })["Name"]).toBe("app");
  });

  it("RestoreSecret on a secret that is not scheduled for deletion changes nothing", () => {
    const box = secret();
    expect(sm(box, "RestoreSecret", { SecretId: "app" })["Name"]).toBe("app");
  });
});

describe("DeleteSecret with ForceDeleteWithoutRecovery", () => {
  it("deletes at once", () => {
    const box = secret();
    const out = sm(box, "DeleteSecret", { SecretId: "app", ForceDeleteWithoutRecovery: true });
    expect(out["DeletionDate"]).toBe(START_MS / 1000);
    expectError(() => sm(box, "GetSecretValue", { SecretId: "app" }), "ResourceNotFoundException");
    expect(sm(box, "CreateSecret", { Name: "app", SecretString: "again" })["Name"]).toBe("app");
  });

  it("also deletes a secret already waiting in its recovery window", () => {
    const box = secret();
    sm(box, "DeleteSecret", { SecretId: "app" });
    sm(box, "DeleteSecret", { SecretId: "app", ForceDeleteWithoutRecovery: true });
    expectError(() => sm(box, "DescribeSecret", { SecretId: "app" }), "ResourceNotFoundException");
    expect(box.advanceClock(31 * DAY)).toEqual([]);
  });

  it("does not fail for a secret that does not exist", () => {
    const out = sm(sandbox(), "DeleteSecret", { SecretId: "ghost", ForceDeleteWithoutRecovery: true });
    expect(out["Name"]).toBe("ghost");
  });

  it("without force, a missing secret is ResourceNotFoundException", () => {
    expectError(() => sm(sandbox(), "DeleteSecret", { SecretId: "ghost" }), "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
  });
});
