import { describe, expect, it } from "vitest";
import { fromBase64, utf8 } from "@/lib/sandbox/core/encoding";
import { DAY } from "@/lib/sandbox/core/time";
import { ACCOUNT, expectError, failure, record, sandbox, sm } from "./helpers";

function customerKey(box: ReturnType<typeof sandbox>): { KeyId: string; Arn: string } {
  return box.call("kms", "CreateKey", { Description: "secrets key" })["KeyMetadata"] as { KeyId: string; Arn: string };
}

describe("envelope encryption under KMS", () => {
  it("stores only ciphertext and the KMS-encrypted data key, never the value", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "app", SecretString: "correct horse battery staple" });
    const stored = JSON.stringify(box.snapshot());
    expect(stored).not.toContain("correct horse");
    const value = record(box, "app").versions[0]?.value;
    expect(value).toMatchObject({ type: "string", keyArn: expect.stringMatching(/^arn:aws:kms:us-east-1:123456789012:key\//) });
    expect(utf8.decode(fromBase64(value?.ciphertext ?? ""))).not.toContain("correct horse");
  });

  it("asks KMS for a data key under aws/secretsmanager with the secret's ARN and version as encryption context", () => {
    const box = sandbox();
    const out = sm(box, "CreateSecret", { Name: "app", SecretString: "v" });
    const generate = box.trail({ eventSource: "kms.amazonaws.com", eventName: "GenerateDataKey" });
    expect(generate).toHaveLength(1);
    expect(generate[0]?.requestParameters).toEqual({
      KeyId: "alias/aws/secretsmanager",
      KeySpec: "AES_256",
      EncryptionContext: { SecretARN: out["ARN"], SecretVersionId: out["VersionId"] },
    });
    expect(generate[0]?.userIdentity).toMatchObject({ arn: `arn:aws:iam::${ACCOUNT}:user/admin`, invokedBy: "secretsmanager.amazonaws.com" });
    sm(box, "GetSecretValue", { SecretId: "app" });
    const decrypt = box.trail({ eventSource: "kms.amazonaws.com", eventName: "Decrypt" });
    expect(decrypt).toHaveLength(1);
    expect(decrypt[0]?.requestParameters?.["EncryptionContext"]).toEqual({ SecretARN: out["ARN"], SecretVersionId: out["VersionId"] });
  });

  it("the AWS managed key aws/secretsmanager appears on first use", () => {
    const box = sandbox();
    const before = (box.call("kms", "ListAliases", {})["Aliases"] as { AliasName: string; TargetKeyId?: string }[]).find((alias) => alias.AliasName === "alias/aws/secretsmanager");
    expect(before?.TargetKeyId).toBeUndefined();
    sm(box, "CreateSecret", { Name: "app", SecretString: "v" });
    const after = (box.call("kms", "ListAliases", {})["Aliases"] as { AliasName: string; TargetKeyId?: string }[]).find((alias) => alias.AliasName === "alias/aws/secretsmanager");
    expect(after?.TargetKeyId).toEqual(expect.any(String));
  });

  it("uses the customer managed key named by KmsKeyId", () => {
    const box = sandbox();
    const key = customerKey(box);
    sm(box, "CreateSecret", { Name: "app", SecretString: "v", KmsKeyId: key.Arn });
    expect(record(box, "app").versions[0]?.value?.keyArn).toBe(key.Arn);
    expect(sm(box, "ListSecretVersionIds", { SecretId: "app" })["Versions"]).toMatchObject([{ KmsKeyIds: [key.Arn] }]);
    expect(sm(box, "GetSecretValue", { SecretId: "app" })["SecretString"]).toBe("v");
  });
});

describe("a KMS key that can't be used breaks the secret as in AWS", () => {
  it("disabled key: GetSecretValue fails with DecryptionFailure quoting KMS", () => {
    const box = sandbox();
    const key = customerKey(box);
    sm(box, "CreateSecret", { Name: "app", SecretString: "v", KmsKeyId: key.KeyId });
    box.call("kms", "DisableKey", { KeyId: key.KeyId });
    const error = failure(() => sm(box, "GetSecretValue", { SecretId: "app" }));
    expect(error.code).toBe("DecryptionFailure");
    expect(error.message).toMatch(
      new RegExp(`^Secrets Manager can't decrypt the secret value: ${key.Arn} is disabled\\. \\(Service: AWSKMS; Status Code: 400; Error Code: DisabledException; Request ID: [0-9a-f-]{36}; Proxy: null\\)$`),
    );
    // Enabling the key again makes the secret readable.
    box.call("kms", "EnableKey", { KeyId: key.KeyId });
    expect(sm(box, "GetSecretValue", { SecretId: "app" })["SecretString"]).toBe("v");
  });

  it("disabled key: new values can't be encrypted (EncryptionFailure)", () => {
    const box = sandbox();
    const key = customerKey(box);
    sm(box, "CreateSecret", { Name: "app", SecretString: "v", KmsKeyId: key.KeyId });
    box.call("kms", "DisableKey", { KeyId: key.KeyId });
    expectError(() => sm(box, "PutSecretValue", { SecretId: "app", SecretString: "v2" }), "EncryptionFailure", /is disabled\. \(Service: AWSKMS; Status Code: 400; Error Code: DisabledException/);
    expect(record(box, "app").versions).toHaveLength(1);
  });

  it("key pending deletion, then deleted: reads fail", () => {
    const box = sandbox();
    const key = customerKey(box);
    sm(box, "CreateSecret", { Name: "app", SecretString: "v", KmsKeyId: key.KeyId });
    box.call("kms", "ScheduleKeyDeletion", { KeyId: key.KeyId, PendingWindowInDays: 7 });
    expectError(() => sm(box, "GetSecretValue", { SecretId: "app" }), "DecryptionFailure", /pending deletion.*Error Code: KMSInvalidStateException/);
    box.advanceClock(8 * DAY);
    expectError(() => sm(box, "GetSecretValue", { SecretId: "app" }), "DecryptionFailure");
  });

  it("a caller the key policy does not allow gets AccessDeniedException: Access to KMS is not allowed", () => {
    const box = sandbox();
    const key = customerKey(box);
    sm(box, "CreateSecret", { Name: "app", SecretString: "v", KmsKeyId: key.KeyId });
    box.putUser(ACCOUNT, "reader", { Read: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" }] } });
    box.actAs({ accountId: ACCOUNT, kind: "user", name: "reader" });
    expectError(() => sm(box, "GetSecretValue", { SecretId: "app" }), "AccessDeniedException", "Access to KMS is not allowed");
  });

  it("UpdateSecret with a new KmsKeyId re-encrypts AWSCURRENT and AWSPREVIOUS under it", () => {
    const box = sandbox();
    const first = customerKey(box);
    const second = customerKey(box);
    sm(box, "CreateSecret", { Name: "app", SecretString: "v1", KmsKeyId: first.KeyId });
    sm(box, "PutSecretValue", { SecretId: "app", SecretString: "v2" });
    sm(box, "UpdateSecret", { SecretId: "app", KmsKeyId: second.KeyId });
    expect(record(box, "app").versions.map((version) => version.value?.keyArn)).toEqual([second.Arn, second.Arn]);
    box.call("kms", "DisableKey", { KeyId: first.KeyId });
    expect(sm(box, "GetSecretValue", { SecretId: "app", VersionStage: "AWSPREVIOUS" })["SecretString"]).toBe("v1");
    expect(sm(box, "DescribeSecret", { SecretId: "app" })["KmsKeyId"]).toBe(second.KeyId);
  });
});
