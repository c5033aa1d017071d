import { describe, expect, it } from "vitest";
import { DAY } from "@/lib/sandbox/core/time";
import { ACCOUNT, createKey, describe_, expectAwsError, keyState, newSandbox, PARTNER, REGION, START_MS } from "./helpers";

describe("CreateKey", () => {
  it("creates a symmetric encryption key by default, with AWS's KeyMetadata members in AWS's order", () => {
    const sandbox = newSandbox();
    const { metadata, keyId } = createKey(sandbox, { Description: "demo" });
    expect(Object.keys(metadata)).toEqual([
      "AWSAccountId",
      "KeyId",
      "Arn",
      "CreationDate",
      "Enabled",
      "Description",
      "KeyUsage",
      "KeyState",
      "Origin",
      "KeyManager",
      "CustomerMasterKeySpec",
      "KeySpec",
      "EncryptionAlgorithms",
      "MultiRegion",
      "CurrentKeyMaterialId",
    ]);
    expect(metadata).toMatchObject({
      AWSAccountId: ACCOUNT,
      Arn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}`,
      CreationDate: START_MS / 1000,
      Enabled: true,
      Description: "demo",
      KeyUsage: "ENCRYPT_DECRYPT",
      KeyState: "Enabled",
      Origin: "AWS_KMS",
      KeyManager: "CUSTOMER",
      CustomerMasterKeySpec: "SYMMETRIC_DEFAULT",
      KeySpec: "SYMMETRIC_DEFAULT",
      EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"],
      MultiRegion: false,
    });
    expect(keyId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(metadata.CurrentKeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives the key an empty description when none is given", () => {
    expect(createKey(newSandbox()).metadata.Description).toBe("");
  });

  it("creates signing keys with their SigningAlgorithms", () => {
    const sandbox = newSandbox();
    expect(createKey(sandbox, { KeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY" }).metadata).toMatchObject({
      KeySpec: "ECC_NIST_P256",
      KeyUsage: "SIGN_VERIFY",
      SigningAlgorithms: ["ECDSA_SHA_256"],
    });
    expect(createKey(sandbox, { KeySpec: "ECC_NIST_P384", KeyUsage: "SIGN_VERIFY" }).metadata.SigningAlgorithms).toEqual(["ECDSA_SHA_384"]);
    expect(createKey(sandbox, { KeySpec: "ECC_NIST_P521", KeyUsage: "SIGN_VERIFY" }).metadata.SigningAlgorithms).toEqual(["ECDSA_SHA_512"]);
    expect(createKey(sandbox, { KeySpec: "ECC_SECG_P256K1", KeyUsage: "SIGN_VERIFY" }).metadata.SigningAlgorithms).toEqual(["ECDSA_SHA_256"]);
    const rsa = createKey(sandbox, { KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" }).metadata;
    expect(rsa.SigningAlgorithms).toEqual([
      "RSASSA_PKCS1_V1_5_SHA_256",
      "RSASSA_PKCS1_V1_5_SHA_384",
      "RSASSA_PKCS1_V1_5_SHA_512",
      "RSASSA_PSS_SHA_256",
      "RSASSA_PSS_SHA_384",
      "RSASSA_PSS_SHA_512",
    ]);
    expect(rsa).not.toHaveProperty("EncryptionAlgorithms");
    expect(rsa).not.toHaveProperty("CurrentKeyMaterialId");
  });

  it("accepts the deprecated CustomerMasterKeySpec as KeySpec", () => {
    const { metadata } = createKey(newSandbox(), { CustomerMasterKeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY" });
    expect(metadata.KeySpec).toBe("ECC_NIST_P256");
  });

  it("creates HMAC keys with MacAlgorithms", () => {
    const { metadata } = createKey(newSandbox(), { KeySpec: "HMAC_256", KeyUsage: "GENERATE_VERIFY_MAC" });
    expect(metadata).toMatchObject({ KeySpec: "HMAC_256", KeyUsage: "GENERATE_VERIFY_MAC", MacAlgorithms: ["HMAC_SHA_256"] });
    expect(metadata).not.toHaveProperty("EncryptionAlgorithms");
  });

  it("creates a key with Origin EXTERNAL in state PendingImport, not enabled", () => {
    const { metadata } = createKey(newSandbox(), { Origin: "EXTERNAL" });
    expect(metadata).toMatchObject({ Origin: "EXTERNAL", KeyState: "PendingImport", Enabled: false });
    expect(metadata).not.toHaveProperty("CurrentKeyMaterialId");
  });

  it("requires a KeyUsage for every key but a symmetric encryption key", () => {
    expectAwsError(
      () => newSandbox().call("kms", "CreateKey", { KeySpec: "HMAC_256" }),
      "ValidationException",
      "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.",
    );
  });

  it("rejects a key spec that is not in the enum, listing the values as AWS does", () => {
    expectAwsError(
      () => newSandbox().call("kms", "CreateKey", { KeySpec: "HMAC_random" }),
      "ValidationException",
      "1 validation error detected: Value 'HMAC_random' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [RSA_2048, ECC_NIST_P384, ECC_NIST_P256, ECC_NIST_P521, HMAC_384, RSA_3072, ECC_SECG_P256K1, RSA_4096, SYMMETRIC_DEFAULT, HMAC_256, HMAC_224, HMAC_512]",
    );
    expectAwsError(
      () => newSandbox().call("kms", "CreateKey", { KeyUsage: "RANDOM" }),
      "ValidationException",
      "1 validation error detected: Value 'RANDOM' at 'keyUsage' failed to satisfy constraint: Member must satisfy enum value set: [ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC]",
    );
  });

  it("rejects a KeyUsage the key spec does not support", () => {
    expectAwsError(() => newSandbox().call("kms", "CreateKey", { KeySpec: "ECC_NIST_P256", KeyUsage: "ENCRYPT_DECRYPT" }), "ValidationException");
    expectAwsError(() => newSandbox().call("kms", "CreateKey", { KeySpec: "SYMMETRIC_DEFAULT", KeyUsage: "SIGN_VERIFY" }), "ValidationException");
  });

  it("says plainly what the sandbox does not simulate: multi-Region keys with imported material, custom key stores", () => {
    expectAwsError(() => newSandbox().call("kms", "CreateKey", { MultiRegion: true, Origin: "EXTERNAL" }), "UnsupportedOperationException");
    expectAwsError(() => newSandbox().call("kms", "CreateKey", { Origin: "AWS_CLOUDHSM" }), "UnsupportedOperationException");
  });

  it("accepts MultiRegion false", () => {
    expect(createKey(newSandbox(), { MultiRegion: false }).metadata.MultiRegion).toBe(false);
  });

  it("stores tags given at creation", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox, { Tags: [{ TagKey: "team", TagValue: "payments" }] });
    expect(sandbox.call("kms", "ListResourceTags", { KeyId: keyId })).toEqual({ Tags: [{ TagKey: "team", TagValue: "payments" }], Truncated: false });
  });

  it("checks the description's length", () => {
    expectAwsError(
      () => newSandbox().call("kms", "CreateKey", { Description: "x".repeat(8193) }),
      "ValidationException",
      /at 'description' failed to satisfy constraint: Member must have length less than or equal to 8192/,
    );
  });

  it("needs kms:CreateKey in an identity policy", () => {
    const sandbox = newSandbox();
    sandbox.putUser(ACCOUNT, "reader", { ReadOnly: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:Describe*", Resource: "*" }] } });
    sandbox.actAs({ accountId: ACCOUNT, kind: "user", name: "reader" });
    expectAwsError(
      () => sandbox.call("kms", "CreateKey", {}),
      "AccessDeniedException",
      `User: arn:aws:iam::${ACCOUNT}:user/reader is not authorized to perform: kms:CreateKey on resource: * because no identity-based policy allows the kms:CreateKey action`,
    );
  });
});

describe("DescribeKey", () => {
  it("finds a key by key id, key ARN, alias name and alias ARN", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    sandbox.call("kms", "CreateAlias", { AliasName: "alias/app", TargetKeyId: keyId });
    for (const id of [keyId, arn, "alias/app", `arn:aws:kms:${REGION}:${ACCOUNT}:alias/app`]) {
      expect(describe_(sandbox, id).KeyId).toBe(keyId);
    }
  });

  it("answers NotFoundException with AWS's texts", () => {
    const sandbox = newSandbox();
    const missing = "00000000-0000-4000-8000-000000000000";
    expectAwsError(() => describe_(sandbox, missing), "NotFoundException", `Key 'arn:aws:kms:${REGION}:${ACCOUNT}:key/${missing}' does not exist`);
    expectAwsError(
      () => describe_(sandbox, `arn:aws:kms:${REGION}:${ACCOUNT}:key/${missing}`),
      "NotFoundException",
      `Key 'arn:aws:kms:${REGION}:${ACCOUNT}:key/${missing}' does not exist`,
    );
    expectAwsError(() => describe_(sandbox, "alias/nope"), "NotFoundException", `Alias arn:aws:kms:${REGION}:${ACCOUNT}:alias/nope is not found.`);
    expectAwsError(() => describe_(sandbox, "fake-key-id"), "NotFoundException", "Invalid keyId 'fake-key-id'");
    expectAwsError(() => describe_(sandbox, `arn:aws:kms:eu-west-1:${ACCOUNT}:key/${missing}`), "NotFoundException", "Invalid arn eu-west-1");
  });

  it("requires KeyId", () => {
    expectAwsError(
      () => newSandbox().call("kms", "DescribeKey", {}),
      "ValidationException",
      "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
    );
  });

  it("describes a key in another account by ARN when both sides allow it", () => {
    const sandbox = newSandbox();
    const policy = {
      Version: "2012-10-17",
      Statement: [
        { Sid: "Owner", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" },
        { Sid: "Partner", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${PARTNER}:root` }, Action: ["kms:DescribeKey", "kms:Decrypt"], Resource: "*" },
      ],
    };
    const { arn, keyId } = createKey(sandbox, { Policy: JSON.stringify(policy) });
    const other = createKey(sandbox);
    sandbox.actAs({ accountId: PARTNER, kind: "user", name: "admin" });
    expect(describe_(sandbox, arn).KeyId).toBe(keyId);
    // The key id alone names a key in the caller's own account.
    expectAwsError(() => describe_(sandbox, keyId), "NotFoundException", `Key 'arn:aws:kms:${REGION}:${PARTNER}:key/${keyId}' does not exist`);
    expectAwsError(() => describe_(sandbox, other.arn), "AccessDeniedException", /on this resource because the resource does not exist in this Region/);
  });
});

describe("ListKeys", () => {
  it("lists the keys of the account and Region, with pagination", () => {
    const sandbox = newSandbox();
    const keys = [createKey(sandbox), createKey(sandbox), createKey(sandbox)];
    const all = sandbox.call("kms", "ListKeys", {});
    expect(all).toEqual({ Keys: keys.map((key) => ({ KeyId: key.keyId, KeyArn: key.arn })), Truncated: false });
    const first = sandbox.call("kms", "ListKeys", { Limit: 2 });
    expect(first.Truncated).toBe(true);
    expect(first.Keys).toHaveLength(2);
    const second = sandbox.call("kms", "ListKeys", { Limit: 2, Marker: first.NextMarker as string });
    expect(second).toEqual({ Keys: [{ KeyId: keys[2]?.keyId, KeyArn: keys[2]?.arn }], Truncated: false });
  });

  it("rejects a marker it did not issue", () => {
    expectAwsError(() => newSandbox().call("kms", "ListKeys", { Marker: "bogus" }), "InvalidMarkerException");
  });

  it("checks Limit", () => {
    expectAwsError(
      () => newSandbox().call("kms", "ListKeys", { Limit: 0 }),
      "ValidationException",
      "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  it("lists keys of the request's Region only", () => {
    const sandbox = newSandbox();
    createKey(sandbox);
    expect(sandbox.call("kms", "ListKeys", {}, { region: "eu-west-1" }).Keys).toEqual([]);
  });
});

describe("UpdateKeyDescription", () => {
  it("changes the description", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox, { Description: "old" });
    expect(sandbox.call("kms", "UpdateKeyDescription", { KeyId: keyId, Description: "new" })).toEqual({});
    expect(describe_(sandbox, keyId).Description).toBe("new");
  });

  it("accepts only a key id or key ARN", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    sandbox.call("kms", "CreateAlias", { AliasName: "alias/app", TargetKeyId: keyId });
    expectAwsError(() => sandbox.call("kms", "UpdateKeyDescription", { KeyId: "alias/app", Description: "x" }), "NotFoundException", "Invalid keyId 'alias/app'");
  });
});

describe("EnableKey and DisableKey", () => {
  it("disable and enable a key", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    expect(sandbox.call("kms", "DisableKey", { KeyId: keyId })).toEqual({});
    expect(describe_(sandbox, keyId)).toMatchObject({ KeyState: "Disabled", Enabled: false });
    expect(sandbox.call("kms", "EnableKey", { KeyId: keyId })).toEqual({});
    expect(describe_(sandbox, keyId)).toMatchObject({ KeyState: "Enabled", Enabled: true });
  });

  it("are idempotent", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    sandbox.call("kms", "EnableKey", { KeyId: keyId });
    sandbox.call("kms", "DisableKey", { KeyId: keyId });
    sandbox.call("kms", "DisableKey", { KeyId: keyId });
    expect(keyState(sandbox, keyId)).toBe("Disabled");
  });
});

describe("ScheduleKeyDeletion and CancelKeyDeletion", () => {
  it("schedules deletion with a 30-day default window and answers with the key ARN", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    const deletionDate = (START_MS + 30 * DAY) / 1000;
    expect(sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: keyId })).toEqual({ KeyId: arn, DeletionDate: deletionDate, KeyState: "PendingDeletion", PendingWindowInDays: 30 });
    expect(describe_(sandbox, keyId)).toMatchObject({ KeyState: "PendingDeletion", Enabled: false, DeletionDate: deletionDate });
    // A key pending deletion is still listed.
    expect(sandbox.call("kms", "ListKeys", {}).Keys).toEqual([{ KeyId: keyId, KeyArn: arn }]);
  });

  it("accepts 7 to 30 days, and AWS's model range 1-365 otherwise", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    for (const days of [1, 6, 31, 365]) {
      expectAwsError(() => sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: keyId, PendingWindowInDays: days }), "ValidationException", "PendingWindowInDays must be between 7 and 30");
    }
    expectAwsError(
      () => sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: keyId, PendingWindowInDays: 366 }),
      "ValidationException",
      "1 validation error detected: Value '366' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value less than or equal to 365",
    );
    expect(sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: keyId, PendingWindowInDays: 7 }).PendingWindowInDays).toBe(7);
  });

  it("deletes the key, and its aliases, when simulated time passes the deletion date", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    sandbox.call("kms", "CreateAlias", { AliasName: "alias/doomed", TargetKeyId: keyId });
    sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: keyId, PendingWindowInDays: 7 });
    sandbox.advanceClock(7 * DAY - 1);
    expect(keyState(sandbox, keyId)).toBe("PendingDeletion");
    const ran = sandbox.advanceClock(1);
    expect(ran.map((event) => event.kind)).toEqual(["kms.deleteKey"]);
    expectAwsError(() => describe_(sandbox, keyId), "NotFoundException", `Key '${arn}' does not exist`);
    expect(sandbox.call("kms", "ListKeys", {}).Keys).toEqual([]);
    expect((sandbox.call("kms", "ListAliases", {}).Aliases as { AliasName: string }[]).map((alias) => alias.AliasName)).not.toContain("alias/doomed");
    const deletion = sandbox.trail({ eventName: "DeleteKey" });
    expect(deletion).toHaveLength(1);
    expect(deletion[0]).toMatchObject({ eventSource: "kms.amazonaws.com", eventTime: START_MS + 7 * DAY, userIdentity: { type: "AWSService" } });
    expect(deletion[0]?.resources).toContainEqual({ ARN: arn, type: "kms.deleteKey" });
  });

  it("cancels deletion: the key comes back Disabled, and is not deleted later", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: keyId, PendingWindowInDays: 7 });
    expect(sandbox.call("kms", "CancelKeyDeletion", { KeyId: keyId })).toEqual({ KeyId: arn });
    const metadata = describe_(sandbox, keyId);
    expect(metadata).toMatchObject({ KeyState: "Disabled", Enabled: false });
    expect(metadata).not.toHaveProperty("DeletionDate");
    sandbox.advanceClock(30 * DAY);
    expect(keyState(sandbox, keyId)).toBe("Disabled");
  });

  it("returns a key that never had key material to PendingImport", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox, { Origin: "EXTERNAL" });
    sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: keyId, PendingWindowInDays: 7 });
    expect(keyState(sandbox, keyId)).toBe("PendingDeletion");
    sandbox.call("kms", "CancelKeyDeletion", { KeyId: keyId });
    expect(keyState(sandbox, keyId)).toBe("PendingImport");
  });
});
