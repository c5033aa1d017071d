import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY } from "@/lib/sandbox/core/time";
import { createKey, decrypt, describe_, encrypt, expectAwsError, newSandbox, START_MS } from "./helpers";

const rotations = (sandbox: ReturnType<typeof newSandbox>, keyId: string) =>
  sandbox.call("kms", "ListKeyRotations", { KeyId: keyId }).Rotations as { KeyId: string; KeyMaterialId: string; RotationDate: number; RotationType: string }[];

describe("EnableKeyRotation and GetKeyRotationStatus", () => {
  it("is off for a new key", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    expect(sandbox.call("kms", "GetKeyRotationStatus", { KeyId: keyId })).toEqual({ KeyRotationEnabled: false, KeyId: arn });
  });

  it("turns automatic rotation on with a 365-day default period", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    expect(sandbox.call("kms", "EnableKeyRotation", { KeyId: keyId })).toEqual({});
    expect(sandbox.call("kms", "GetKeyRotationStatus", { KeyId: keyId })).toEqual({
      KeyRotationEnabled: true,
      KeyId: arn,
      RotationPeriodInDays: 365,
      NextRotationDate: (START_MS + 365 * DAY) / 1000,
    });
  });

  it("takes RotationPeriodInDays from 90 to 2560", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    sandbox.call("kms", "EnableKeyRotation", { KeyId: keyId, RotationPeriodInDays: 90 });
    expect(sandbox.call("kms", "GetKeyRotationStatus", { KeyId: keyId })).toMatchObject({ RotationPeriodInDays: 90, NextRotationDate: (START_MS + 90 * DAY) / 1000 });
    expectAwsError(
      () => sandbox.call("kms", "EnableKeyRotation", { KeyId: keyId, RotationPeriodInDays: 89 }),
      "ValidationException",
      "1 validation error detected: Value '89' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value greater than or equal to 90",
    );
    expectAwsError(
      () => sandbox.call("kms", "EnableKeyRotation", { KeyId: keyId, RotationPeriodInDays: 2561 }),
      "ValidationException",
      "1 validation error detected: Value '2561' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value less than or equal to 2560",
    );
  });

  it("DisableKeyRotation turns it off and cancels the schedule", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    sandbox.call("kms", "EnableKeyRotation", { KeyId: keyId });
    expect(sandbox.call("kms", "DisableKeyRotation", { KeyId: keyId })).toEqual({});
    expect(sandbox.call("kms", "GetKeyRotationStatus", { KeyId: keyId })).toEqual({ KeyRotationEnabled: false, KeyId: arn });
    sandbox.advanceClock(400 * DAY);
    expect(rotations(sandbox, keyId)).toEqual([]);
  });

  it("reports rotation off while the key is pending deletion, and on again once the deletion is cancelled (the API reference's rule)", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    sandbox.call("kms", "EnableKeyRotation", { KeyId: keyId });
    sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: keyId, PendingWindowInDays: 7 });
    expect(sandbox.call("kms", "GetKeyRotationStatus", { KeyId: keyId })).toEqual({ KeyRotationEnabled: false, KeyId: arn });
    sandbox.call("kms", "CancelKeyDeletion", { KeyId: keyId });
    expect(sandbox.call("kms", "GetKeyRotationStatus", { KeyId: keyId })).toMatchObject({ KeyRotationEnabled: true, KeyId: arn, RotationPeriodInDays: 365 });
  });

  it("refuses keys whose material cannot rotate, with UnsupportedOperationException", () => {
    const sandbox = newSandbox();
    const signing = createKey(sandbox, { KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" });
    const mac = createKey(sandbox, { KeySpec: "HMAC_256", KeyUsage: "GENERATE_VERIFY_MAC" });
    for (const { keyId } of [signing, mac]) {
      for (const operation of ["EnableKeyRotation", "DisableKeyRotation", "RotateKeyOnDemand", "ListKeyRotations"]) {
        expectAwsError(() => sandbox.call("kms", operation, { KeyId: keyId }), "UnsupportedOperationException");
      }
      expect(sandbox.call("kms", "GetKeyRotationStatus", { KeyId: keyId }).KeyRotationEnabled).toBe(false);
    }
  });

  it("accepts only a key id or key ARN", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    sandbox.call("kms", "CreateAlias", { AliasName: "alias/app", TargetKeyId: keyId });
    expectAwsError(() => sandbox.call("kms", "EnableKeyRotation", { KeyId: "alias/app" }), "NotFoundException", "Invalid keyId 'alias/app'");
  });
});

describe("automatic rotation on simulated time", () => {
  it("adds key material at each NextRotationDate; encryption uses the newest, every old ciphertext still decrypts", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    const original = describe_(sandbox, keyId).CurrentKeyMaterialId;
    const before = encrypt(sandbox, keyId, "year zero");
    sandbox.call("kms", "EnableKeyRotation", { KeyId: keyId, RotationPeriodInDays: 90 });

    const ran = sandbox.advanceClock(90 * DAY);
    expect(ran.map((event) => event.kind)).toEqual(["kms.rotateKey"]);
    const [first] = rotations(sandbox, keyId);
    expect(first).toMatchObject({ KeyId: keyId, RotationType: "AUTOMATIC", RotationDate: (START_MS + 90 * DAY) / 1000 });
    expect(describe_(sandbox, keyId).CurrentKeyMaterialId).toBe(first?.KeyMaterialId);
    expect(first?.KeyMaterialId).not.toBe(original);

    const after = encrypt(sandbox, keyId, "after rotation");
    const decrypted = sandbox.call("kms", "Decrypt", { CiphertextBlob: before });
    expect(decrypted.KeyMaterialId).toBe(original);
    expect(sandbox.call("kms", "Decrypt", { CiphertextBlob: after }).KeyMaterialId).toBe(first?.KeyMaterialId);
    expect(decrypt(sandbox, before)).toBe("year zero");

    // Two more periods: two more rotations, in order, each at its own time.
    sandbox.advanceClock(180 * DAY);
    expect(rotations(sandbox, keyId).map((rotation) => rotation.RotationDate)).toEqual([90, 180, 270].map((days) => (START_MS + days * DAY) / 1000));
    expect(sandbox.call("kms", "GetKeyRotationStatus", { KeyId: keyId }).NextRotationDate).toBe((START_MS + 360 * DAY) / 1000);
    expect(decrypt(sandbox, before)).toBe("year zero");
    expect(decrypt(sandbox, after)).toBe("after rotation");
    expect(sandbox.trail({ eventName: "RotateKey" })).toHaveLength(3);
  });

  it("does not rotate a disabled key; it rotates as soon as the key is enabled again", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    sandbox.call("kms", "EnableKeyRotation", { KeyId: keyId, RotationPeriodInDays: 90 });
    sandbox.call("kms", "DisableKey", { KeyId: keyId });
    sandbox.advanceClock(100 * DAY);
    expect(rotations(sandbox, keyId)).toEqual([]);
    sandbox.call("kms", "EnableKey", { KeyId: keyId });
    expect(rotations(sandbox, keyId)).toHaveLength(1);
    expect(sandbox.call("kms", "GetKeyRotationStatus", { KeyId: keyId }).NextRotationDate).toBe((START_MS + 190 * DAY) / 1000);
  });

  it("never loses an old ciphertext, whatever the sequence of rotations (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant("demand" as const), fc.integer({ min: 1, max: 200 })), { minLength: 1, maxLength: 12 }), (steps) => {
        const sandbox = newSandbox();
        const { keyId } = createKey(sandbox);
        sandbox.call("kms", "EnableKeyRotation", { KeyId: keyId, RotationPeriodInDays: 90 });
        const blobs: [string, string][] = [];
        steps.forEach((step, index) => {
          blobs.push([encrypt(sandbox, keyId, `message ${index}`), `message ${index}`]);
          if (step === "demand") sandbox.call("kms", "RotateKeyOnDemand", { KeyId: keyId });
          else sandbox.advanceClock(step * DAY);
        });
        for (const [blob, plaintext] of blobs) expect(decrypt(sandbox, blob)).toBe(plaintext);
      }),
      { numRuns: 25 },
    );
  });
});

describe("RotateKeyOnDemand", () => {
  it("rotates at once, answers with the key id, and leaves the automatic schedule alone", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    sandbox.call("kms", "EnableKeyRotation", { KeyId: keyId });
    const status = sandbox.call("kms", "GetKeyRotationStatus", { KeyId: keyId });
    expect(sandbox.call("kms", "RotateKeyOnDemand", { KeyId: keyId })).toEqual({ KeyId: keyId });
    // KeyMaterialState CURRENT/NON_CURRENT is "used for all KMS keys that support automatic or on-demand key rotation" (RotationsListEntry, API model).
    expect(rotations(sandbox, keyId)).toEqual([
      { KeyId: keyId, KeyMaterialId: describe_(sandbox, keyId).CurrentKeyMaterialId, KeyMaterialState: "CURRENT", RotationDate: START_MS / 1000, RotationType: "ON_DEMAND" },
    ]);
    expect(sandbox.call("kms", "GetKeyRotationStatus", { KeyId: keyId })).toEqual(status);
  });

  it("works with automatic rotation off", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    sandbox.call("kms", "RotateKeyOnDemand", { KeyId: keyId });
    expect(sandbox.call("kms", "GetKeyRotationStatus", { KeyId: keyId }).KeyRotationEnabled).toBe(false);
    expect(rotations(sandbox, keyId)).toHaveLength(1);
  });

  it("allows 25 on-demand rotations per key", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    for (let index = 0; index < 25; index++) sandbox.call("kms", "RotateKeyOnDemand", { KeyId: keyId });
    expectAwsError(() => sandbox.call("kms", "RotateKeyOnDemand", { KeyId: keyId }), "LimitExceededException");
    expect(rotations(sandbox, keyId)).toHaveLength(25);
  });

  it("refuses a disabled key", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    sandbox.call("kms", "DisableKey", { KeyId: keyId });
    expectAwsError(() => sandbox.call("kms", "RotateKeyOnDemand", { KeyId: keyId }), "DisabledException", `${arn} is disabled.`);
  });
});

describe("ListKeyRotations", () => {
  it("lists completed rotations oldest first, with pagination", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    for (let index = 0; index < 3; index++) {
      sandbox.call("kms", "RotateKeyOnDemand", { KeyId: keyId });
      sandbox.advanceClock(DAY);
    }
    const first = sandbox.call("kms", "ListKeyRotations", { KeyId: keyId, Limit: 2 });
    expect(first.Truncated).toBe(true);
    expect((first.Rotations as unknown[]).length).toBe(2);
    const rest = sandbox.call("kms", "ListKeyRotations", { KeyId: keyId, Marker: first.NextMarker as string });
    expect(rest).toMatchObject({ Truncated: false });
    expect((rest.Rotations as { RotationDate: number }[])[0]?.RotationDate).toBe((START_MS + 2 * DAY) / 1000);
  });
});
