import { describe, expect, it } from "vitest";
import { DAY } from "@/lib/sandbox/core/time";
import { ACCOUNT, allow, b64, describe_, expectAwsError, PARTNER, REGION, sandboxWithFakeSsm, START_MS } from "./helpers";

/**
 * AWS managed keys (aws/ssm, aws/secretsmanager), as other services meet
 * them: a nested KMS call naming the alias, made `via` the service.
 */

const denied = (action: string, arn: string, user = "admin") =>
  `User: arn:aws:iam::${ACCOUNT}:user/${user} is not authorized to perform: ${action} on resource: ${arn} because no resource-based policy allows the ${action} action`;

describe("AWS managed keys", () => {
  it("are created on first use, inside the service's own KMS call", () => {
    const sandbox = sandboxWithFakeSsm();
    expect(sandbox.call("kms", "ListKeys", {}).Keys).toEqual([]);
    const sealed = sandbox.call("ssm", "SealValue", { Name: "/app/db", Value: "hunter2" });
    const metadata = describe_(sandbox, "alias/aws/ssm");
    expect(sealed.KeyArn).toBe(metadata.Arn);
    expect(metadata).toMatchObject({
      KeyManager: "AWS",
      Description: "Default key that protects my SSM parameters when no other key is defined",
      KeyState: "Enabled",
      KeySpec: "SYMMETRIC_DEFAULT",
      KeyUsage: "ENCRYPT_DECRYPT",
      Origin: "AWS_KMS",
      CreationDate: START_MS / 1000,
    });
    expect(sandbox.call("ssm", "OpenValue", { Name: "/app/db", Blob: sealed.Blob as string }).Value).toBe("hunter2");

    // The KMS calls are on the trail as calls of the user, invoked by the service.
    const [encrypt] = sandbox.trail({ eventName: "Encrypt" });
    expect(encrypt?.userIdentity).toMatchObject({ type: "IAMUser", arn: `arn:aws:iam::${ACCOUNT}:user/admin`, invokedBy: "ssm.amazonaws.com" });
  });

  it("secretsmanager's key has its own description and policy", () => {
    const sandbox = sandboxWithFakeSsm();
    const metadata = describe_(sandbox, "alias/aws/secretsmanager");
    expect(metadata.Description).toBe("Default key that protects my Secrets Manager data when no other key is defined");
    const policy = JSON.parse(String(sandbox.call("kms", "GetKeyPolicy", { KeyId: metadata.KeyId as string }).Policy));
    expect(policy.Id).toBe("auto-secretsmanager-2");
    expect(policy.Statement).toHaveLength(3);
    expect(policy.Statement[0].Condition.StringEquals).toEqual({ "kms:CallerAccount": ACCOUNT, "kms:ViaService": `secretsmanager.${REGION}.amazonaws.com` });
    expect(policy.Statement[1]).toMatchObject({ Action: "kms:GenerateDataKey*", Condition: { StringLike: { "kms:ViaService": "secretsmanager.*.amazonaws.com" } } });
  });

  it("carry AWS's AWS managed key policy, in KMS's formatting", () => {
    const sandbox = sandboxWithFakeSsm();
    const keyId = describe_(sandbox, "alias/aws/ssm").KeyId as string;
    const policy = String(sandbox.call("kms", "GetKeyPolicy", { KeyId: keyId }).Policy);
    expect(policy.startsWith('{\n  "Version" : "2012-10-17",\n  "Id" : "auto-ssm-1",\n  "Statement" : [ {\n    "Sid" : "Allow access through SSM')).toBe(true);
    expect(JSON.parse(policy).Statement).toEqual([
      {
        Sid: "Allow access through SSM for all principals in the account that are authorized to use SSM",
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
        Resource: "*",
        Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": `ssm.${REGION}.amazonaws.com` } },
      },
      {
        Sid: "Allow direct access to key metadata to the account",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
        Action: ["kms:Describe*", "kms:Get*", "kms:List*"],
        Resource: "*",
      },
    ]);
  });

  it("can be used only through their service: direct use is denied by the key policy", () => {
    const sandbox = sandboxWithFakeSsm();
    const arn = describe_(sandbox, "alias/aws/ssm").Arn as string;
    expectAwsError(() => sandbox.call("kms", "Encrypt", { KeyId: "alias/aws/ssm", Plaintext: b64("x") }), "AccessDeniedException", denied("kms:Encrypt", arn));
  });

  it("let a role with no KMS permission decrypt through the service (Principal * with kms:ViaService)", () => {
    const sandbox = sandboxWithFakeSsm();
    const sealed = sandbox.call("ssm", "SealValue", { Name: "/app/db", Value: "hunter2" });
    sandbox.actAs({ accountId: ACCOUNT, kind: "role", name: "ec2-app-role", sessionName: "i-0123456789" });
    expect(sandbox.call("ssm", "OpenValue", { Name: "/app/db", Blob: sealed.Blob as string }).Value).toBe("hunter2");
  });

  it("cannot be deleted, disabled, re-policied or have rotation changed (AccessDeniedException from its key policy)", () => {
    const sandbox = sandboxWithFakeSsm();
    const { KeyId: keyId, Arn: arn } = describe_(sandbox, "alias/aws/ssm") as { KeyId: string; Arn: string };
    expectAwsError(() => sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: keyId }), "AccessDeniedException", denied("kms:ScheduleKeyDeletion", arn));
    expectAwsError(() => sandbox.call("kms", "DisableKey", { KeyId: keyId }), "AccessDeniedException", denied("kms:DisableKey", arn));
    expectAwsError(() => sandbox.call("kms", "PutKeyPolicy", { KeyId: keyId, Policy: "{}" }), "AccessDeniedException", denied("kms:PutKeyPolicy", arn));
    expectAwsError(() => sandbox.call("kms", "DisableKeyRotation", { KeyId: keyId }), "AccessDeniedException", denied("kms:DisableKeyRotation", arn));
    expectAwsError(() => sandbox.call("kms", "EnableKeyRotation", { KeyId: keyId, RotationPeriodInDays: 90 }), "AccessDeniedException", denied("kms:EnableKeyRotation", arn));
    expectAwsError(() => sandbox.call("kms", "TagResource", { KeyId: keyId, Tags: [{ TagKey: "a", TagValue: "b" }] }), "AccessDeniedException");
    // Even the account's root user.
    sandbox.actAs({ accountId: ACCOUNT, kind: "root" });
    expectAwsError(() => sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: keyId }), "AccessDeniedException");
    // Their aliases are reserved too.
    expectAwsError(() => sandbox.call("kms", "DeleteAlias", { AliasName: "alias/aws/ssm" }), "NotAuthorizedException");
  });

  it("rotate every year, always", () => {
    const sandbox = sandboxWithFakeSsm();
    const sealed = sandbox.call("ssm", "SealValue", { Name: "/app/db", Value: "hunter2" });
    const { KeyId: keyId, Arn: arn } = describe_(sandbox, "alias/aws/ssm") as { KeyId: string; Arn: string };
    expect(sandbox.call("kms", "GetKeyRotationStatus", { KeyId: keyId })).toEqual({
      KeyRotationEnabled: true,
      KeyId: arn,
      RotationPeriodInDays: 365,
      NextRotationDate: (START_MS + 365 * DAY) / 1000,
    });
    sandbox.advanceClock(2 * 365 * DAY);
    const rotations = sandbox.call("kms", "ListKeyRotations", { KeyId: keyId }).Rotations as { RotationType: string }[];
    expect(rotations.map((rotation) => rotation.RotationType)).toEqual(["AUTOMATIC", "AUTOMATIC"]);
    expect(sandbox.call("ssm", "OpenValue", { Name: "/app/db", Blob: sealed.Blob as string }).Value).toBe("hunter2");
  });

  it("appear in ListAliases with their key once created", () => {
    const sandbox = sandboxWithFakeSsm();
    sandbox.call("ssm", "SealValue", { Name: "/p", Value: "v" });
    const aliases = sandbox.call("kms", "ListAliases", {}).Aliases as Record<string, unknown>[];
    expect(aliases.find((alias) => alias.AliasName === "alias/aws/ssm")).toMatchObject({ TargetKeyId: describe_(sandbox, "alias/aws/ssm").KeyId });
    expect(aliases.find((alias) => alias.AliasName === "alias/aws/secretsmanager")).not.toHaveProperty("TargetKeyId");
  });

  it("are created once per account and Region", () => {
    const sandbox = sandboxWithFakeSsm();
    sandbox.call("ssm", "SealValue", { Name: "/p", Value: "v" });
    sandbox.call("ssm", "SealValue", { Name: "/q", Value: "w" });
    expect(sandbox.call("kms", "ListKeys", {}).Keys).toHaveLength(1);
    sandbox.call("ssm", "SealValue", { Name: "/p", Value: "v" }, { region: "eu-west-1" });
    expect(sandbox.call("kms", "ListKeys", {}, { region: "eu-west-1" }).Keys).toHaveLength(1);
    expect(describe_(sandbox, "alias/aws/ssm").Arn).toMatch(/^arn:aws:kms:us-east-1:/);
  });

  it("are not created in another account by a request naming its alias ARN", () => {
    const sandbox = sandboxWithFakeSsm();
    sandbox.actAs({ accountId: PARTNER, kind: "user", name: "admin" });
    expectAwsError(
      () => sandbox.call("kms", "DescribeKey", { KeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/aws/ssm` }),
      "NotFoundException",
      `Alias arn:aws:kms:${REGION}:${ACCOUNT}:alias/aws/ssm is not found.`,
    );
  });

  it("GenerateDataKey and DescribeKey through the client helper", () => {
    const sandbox = sandboxWithFakeSsm();
    const out = sandbox.call("ssm", "NewDataKey", { KeyId: "alias/aws/ssm" });
    expect(out).toMatchObject({ Length: 32, Description: "Default key that protects my SSM parameters when no other key is defined" });
  });

  it("a service call with a customer managed key needs the caller's own KMS permissions", () => {
    const sandbox = sandboxWithFakeSsm();
    const keyId = String((sandbox.call("kms", "CreateKey", {}).KeyMetadata as { KeyId: string }).KeyId);
    sandbox.putUser(ACCOUNT, "ssm-only", { Ssm: allow("ssm:*") });
    sandbox.actAs({ accountId: ACCOUNT, kind: "user", name: "ssm-only" });
    expectAwsError(() => sandbox.call("ssm", "SealValue", { Name: "/p", Value: "v", KeyId: keyId }), "AccessDeniedException", /kms:Encrypt/);
  });

  it("a request that names the key and fails leaves no key, alias or rotation schedule behind", () => {
    const sandbox = sandboxWithFakeSsm();
    const before = JSON.stringify({ ...sandbox.snapshot(), trail: [], random: null });
    // The key policy lets principals use the key only through the service: a direct Encrypt is denied.
    expectAwsError(() => sandbox.call("kms", "Encrypt", { KeyId: "alias/aws/ssm", Plaintext: b64("x") }), "AccessDeniedException");
    expectAwsError(() => sandbox.call("kms", "GenerateDataKey", { KeyId: "alias/aws/ssm", KeySpec: "AES_256", DryRun: true }), "AccessDeniedException");
    expect(JSON.stringify({ ...sandbox.snapshot(), trail: [], random: null })).toBe(before);
    // The key still comes into being on the first request that succeeds.
    expect(describe_(sandbox, "alias/aws/ssm").KeyManager).toBe("AWS");
  });
});
