import { describe, expect, it } from "vitest";
import { ACCOUNT, expectError, record, sandbox, sm, START_MS, token } from "./helpers";

describe("CreateSecret", () => {
  it("creates a secret with a string value, named <name>-<6 random characters> in its ARN, labelled AWSCURRENT", () => {
    const box = sandbox();
    const out = sm(box, "CreateSecret", { Name: "prod/db/password", SecretString: "s3cr3t", Description: "the database password" });
    expect(Object.keys(out)).toEqual(["ARN", "Name", "VersionId"]);
    expect(out["ARN"]).toMatch(/^arn:aws:secretsmanager:us-east-1:123456789012:secret:prod\/db\/password-[A-Za-z0-9]{6}$/);
    expect(out["Name"]).toBe("prod/db/password");
    const value = sm(box, "GetSecretValue", { SecretId: "prod/db/password" });
    expect(value).toEqual({ ARN: out["ARN"], Name: "prod/db/password", VersionId: out["VersionId"], SecretString: "s3cr3t", VersionStages: ["AWSCURRENT"], CreatedDate: START_MS / 1000 });
  });

  it("stores a binary value and returns it base64-encoded", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "tls-key", SecretBinary: "AAECAwQ=" });
    const value = sm(box, "GetSecretValue", { SecretId: "tls-key" });
    expect(value["SecretBinary"]).toBe("AAECAwQ=");
    expect(value["SecretString"]).toBeUndefined();
  });

  it("creates a secret without a value: no VersionId, and reading it finds no AWSCURRENT value", () => {
    const box = sandbox();
    const out = sm(box, "CreateSecret", { Name: "empty" });
    expect(out["VersionId"]).toBeUndefined();
    expectError(() => sm(box, "GetSecretValue", { SecretId: "empty" }), "ResourceNotFoundException", "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT");
  });

  it("uses the ClientRequestToken as the version id, and a retry with the same token and value changes nothing", () => {
    const box = sandbox();
    const first = sm(box, "CreateSecret", { Name: "app", SecretString: "v1", ClientRequestToken: token(1) });
    expect(first["VersionId"]).toBe(token(1));
    const again = sm(box, "CreateSecret", { Name: "app", SecretString: "v1", ClientRequestToken: token(1) });
    expect(again).toEqual(first);
    expect(record(box, "app").versions).toHaveLength(1);
  });

  it("refuses the same token with another value", () => {
    const box = sandbox();
    const first = sm(box, "CreateSecret", { Name: "app", SecretString: "v1", ClientRequestToken: token(1) });
    expectError(
      () => sm(box, "CreateSecret", { Name: "app", SecretString: "v2", ClientRequestToken: token(1) }),
      "ResourceExistsException",
      `You can't use ClientRequestToken ${token(1)} because that value is already in use for a version of secret ${String(first["ARN"])}.`,
    );
  });

  it("refuses a second secret with the same name (the CLI sends a new token each time)", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "app", SecretString: "v1" });
    expectError(() => sm(box, "CreateSecret", { Name: "app", SecretString: "v1" }), "ResourceExistsException", "The operation failed because the secret app already exists.");
  });

  it("refuses both SecretString and SecretBinary", () => {
    expectError(
      () => sm(sandbox(), "CreateSecret", { Name: "x", SecretString: "a", SecretBinary: "YQ==" }),
      "InvalidParameterException",
      "You can't specify both a binary secret value and a string secret value in the same secret.",
    );
  });

  it("refuses names with characters outside letters, digits and /_+=.@-", () => {
    expectError(
      () => sm(sandbox(), "CreateSecret", { Name: "my secret#1", SecretString: "a" }),
      "ValidationException",
      "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!",
    );
  });

  it("checks the model's limits: 65,536 characters of SecretString, shown without the value", () => {
    const box = sandbox();
    expect(sm(box, "CreateSecret", { Name: "big", SecretString: "x".repeat(65536) })["VersionId"]).toBeDefined();
    expectError(
      () => sm(box, "CreateSecret", { Name: "too-big", SecretString: "x".repeat(65537) }),
      "ValidationException",
      "1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must have length less than or equal to 65536",
    );
  });

  it("leaves sensitive values out of UpdateSecret's and PutSecretValue's messages, and RotationToken off the trail", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "quiet", SecretString: "x" });
    expectError(
      () => sm(box, "UpdateSecret", { SecretId: "quiet", SecretString: "" }),
      "ValidationException",
      "1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expectError(
      () => sm(box, "PutSecretValue", { SecretId: "quiet", SecretString: "y", RotationToken: "hush-hush" }),
      "ValidationException",
      "1 validation error detected: Value at 'rotationToken' failed to satisfy constraint: Member must have length greater than or equal to 36",
    );
    sm(box, "PutSecretValue", { SecretId: "quiet", SecretString: "y", RotationToken: "0123456789abcdef-0123456789abcdef-hush" });
    expect(JSON.stringify(box.trail({ eventName: "PutSecretValue" }))).not.toContain("hush");
  });

  it("checks 65,536 bytes of SecretBinary and the token's 32-64 characters", () => {
    const box = sandbox();
    const big = btoa(String.fromCharCode(...new Uint8Array(65537)));
    expectError(() => sm(box, "CreateSecret", { Name: "b", SecretBinary: big }), "ValidationException", /at 'secretBinary' failed to satisfy constraint: Member must have length less than or equal to 65536/);
    expectError(() => sm(box, "CreateSecret", { Name: "b", SecretString: "x", ClientRequestToken: "short" }), "ValidationException", /'clientRequestToken' failed to satisfy constraint: Member must have length greater than or equal to 32/);
  });

  it("records tags and a description, and never puts the value on the trail", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "tagged", SecretString: "hush", Tags: [{ Key: "team", Value: "payments" }] });
    const described = sm(box, "DescribeSecret", { SecretId: "tagged" });
    expect(described["Tags"]).toEqual([{ Key: "team", Value: "payments" }]);
    const event = box.trail({ eventName: "CreateSecret" })[0];
    expect(event?.requestParameters).toEqual({ Name: "tagged", Tags: [{ Key: "team", Value: "payments" }] });
    expect(JSON.stringify(box.trail())).not.toContain("hush");
  });
});

describe("DescribeSecret", () => {
  it("returns the metadata in AWS's member order, without the value or rotation fields before any rotation", () => {
    const box = sandbox();
    const created = sm(box, "CreateSecret", { Name: "app", SecretString: "v1", Description: "d" });
    const described = sm(box, "DescribeSecret", { SecretId: "app" });
    expect(Object.keys(described)).toEqual(["ARN", "Name", "Description", "LastChangedDate", "VersionIdsToStages", "CreatedDate"]);
    expect(described["VersionIdsToStages"]).toEqual({ [String(created["VersionId"])]: ["AWSCURRENT"] });
  });

  it("shows KmsKeyId only for a customer managed key", () => {
    const box = sandbox();
    const key = box.call("kms", "CreateKey", {})["KeyMetadata"] as { KeyId: string };
    sm(box, "CreateSecret", { Name: "cmk", SecretString: "v", KmsKeyId: key.KeyId });
    sm(box, "CreateSecret", { Name: "default", SecretString: "v" });
    expect(sm(box, "DescribeSecret", { SecretId: "cmk" })["KmsKeyId"]).toBe(key.KeyId);
    expect(sm(box, "DescribeSecret", { SecretId: "default" })["KmsKeyId"]).toBeUndefined();
  });

  it("finds a secret by name, full ARN or partial ARN (the ARN without the random suffix)", () => {
    const box = sandbox();
    const arn = String(sm(box, "CreateSecret", { Name: "prod/app", SecretString: "v" })["ARN"]);
    const partial = arn.slice(0, -7);
    for (const id of ["prod/app", arn, partial]) expect(sm(box, "DescribeSecret", { SecretId: id })["ARN"]).toBe(arn);
  });

  it("answers ResourceNotFoundException for a secret that does not exist (by name or ARN)", () => {
    const box = sandbox();
    expectError(() => sm(box, "DescribeSecret", { SecretId: "nope" }), "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    expectError(() => sm(box, "DescribeSecret", { SecretId: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:nope-AbCdEf` }), "ResourceNotFoundException");
  });

  it("refuses a SecretId that is neither a valid name nor an ARN", () => {
    expectError(() => sm(sandbox(), "DescribeSecret", { SecretId: "app#password" }), "ValidationException", /^Invalid name\./);
  });
});

describe("replication", () => {
  it("reports requested replicas as failed, saying the sandbox does not simulate them", () => {
    const created = sm(sandbox(), "CreateSecret", { Name: "replicated", SecretString: "s", AddReplicaRegions: [{ Region: "eu-west-1" }] });
    expect(created.ReplicationStatus).toEqual([{ Region: "eu-west-1", Status: "Failed", StatusMessage: "Replication to other Regions is not simulated in this sandbox." }]);
  });
});

describe("ReplicateSecretToRegions", () => {
  it("checks the secret and reports each Region as not replicated, in AWS's shape", () => {
    const box = sandbox();
    const created = sm(box, "CreateSecret", { Name: "app/key", SecretString: "s" });
    expect(sm(box, "ReplicateSecretToRegions", { SecretId: "app/key", AddReplicaRegions: [{ Region: "eu-west-1" }, { Region: "ap-south-1", KmsKeyId: "alias/x" }] })).toEqual({
      ARN: created["ARN"],
      ReplicationStatus: [
        { Region: "eu-west-1", Status: "Failed", StatusMessage: "Replication to other Regions is not simulated in this sandbox." },
        { Region: "ap-south-1", KmsKeyId: "alias/x", Status: "Failed", StatusMessage: "Replication to other Regions is not simulated in this sandbox." },
      ],
    });
    expectError(() => sm(box, "ReplicateSecretToRegions", { SecretId: "missing", AddReplicaRegions: [{ Region: "eu-west-1" }] }), "ResourceNotFoundException");
  });

  it("checks each Region against the model's pattern, and needs one", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "app/key", SecretString: "s" });
    expectError(
      () => sm(box, "ReplicateSecretToRegions", { SecretId: "app/key", AddReplicaRegions: [{ Region: "EU_WEST" }] }),
      "ValidationException",
      "1 validation error detected: Value 'EU_WEST' at 'addReplicaRegions.1.member.region' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([a-z]+-)+\\d+$",
    );
    expectError(
      () => sm(box, "ReplicateSecretToRegions", { SecretId: "app/key", AddReplicaRegions: [{ KmsKeyId: "alias/x" }] }),
      "ValidationException",
      "1 validation error detected: Value null at 'addReplicaRegions.1.member.region' failed to satisfy constraint: Member must not be null",
    );
  });
});
