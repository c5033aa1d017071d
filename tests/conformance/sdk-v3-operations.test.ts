import * as KMS from "@aws-sdk/client-kms";
import * as SM from "@aws-sdk/client-secrets-manager";
import * as SSM from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEndpoint, type RunningEndpoint } from "@/lib/endpoint";
import { createEngine } from "@/lib/sandbox";

/**
 * More of the simulated operations through the AWS SDK for JavaScript v3,
 * each the way a program uses it: key management, grants, signing and MACs,
 * re-encryption; secret versions, policies, deletion and restore; parameter
 * versions, labels and tags. The SDK serializes, deserializes and types every
 * answer from AWS's models; the assertions are the behaviour AWS documents.
 */
let endpoint: RunningEndpoint;
const engine = createEngine({ seed: 15, now: "2026-02-01T09:00:00Z" });
let kms: KMS.KMSClient;
let sm: SM.SecretsManagerClient;
let ssm: SSM.SSMClient;
const text = (value: string) => new TextEncoder().encode(value);

beforeAll(async () => {
  endpoint = await startEndpoint({ engine });
  const config = { endpoint: endpoint.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 };
  kms = new KMS.KMSClient(config);
  sm = new SM.SecretsManagerClient(config);
  ssm = new SSM.SSMClient(config);
});
afterAll(async () => {
  for (const client of [kms, sm, ssm]) client.destroy();
  await endpoint.close();
});

describe("KMS key management through the SDK", () => {
  it("describes, tags, rotates, re-describes and schedules a key's deletion, then cancels it", async () => {
    const keyId = (await kms.send(new KMS.CreateKeyCommand({ Description: "first", Tags: [{ TagKey: "env", TagValue: "dev" }] }))).KeyMetadata!.KeyId!;
    await kms.send(new KMS.UpdateKeyDescriptionCommand({ KeyId: keyId, Description: "second" }));
    expect((await kms.send(new KMS.DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!.Description).toBe("second");
    await kms.send(new KMS.TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: "team", TagValue: "a" }] }));
    await kms.send(new KMS.UntagResourceCommand({ KeyId: keyId, TagKeys: ["env"] }));
    expect((await kms.send(new KMS.ListResourceTagsCommand({ KeyId: keyId }))).Tags).toEqual([{ TagKey: "team", TagValue: "a" }]);
    await kms.send(new KMS.EnableKeyRotationCommand({ KeyId: keyId }));
    expect((await kms.send(new KMS.GetKeyRotationStatusCommand({ KeyId: keyId }))).KeyRotationEnabled).toBe(true);
    await kms.send(new KMS.DisableKeyRotationCommand({ KeyId: keyId }));
    expect((await kms.send(new KMS.GetKeyRotationStatusCommand({ KeyId: keyId }))).KeyRotationEnabled).toBe(false);
    const policy = await kms.send(new KMS.GetKeyPolicyCommand({ KeyId: keyId, PolicyName: "default" }));
    expect(JSON.parse(policy.Policy!).Statement.length).toBeGreaterThan(0);
    expect((await kms.send(new KMS.ListKeyPoliciesCommand({ KeyId: keyId }))).PolicyNames).toEqual(["default"]);
    await kms.send(new KMS.PutKeyPolicyCommand({ KeyId: keyId, PolicyName: "default", Policy: policy.Policy! }));
    const deletion = await kms.send(new KMS.ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    expect([deletion.KeyState, deletion.DeletionDate instanceof Date, deletion.PendingWindowInDays]).toEqual(["PendingDeletion", true, 7]);
    await kms.send(new KMS.CancelKeyDeletionCommand({ KeyId: keyId }));
    await kms.send(new KMS.EnableKeyCommand({ KeyId: keyId }));
    expect((await kms.send(new KMS.DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!.KeyState).toBe("Enabled");
  });

  it("moves and deletes an alias", async () => {
    const first = (await kms.send(new KMS.CreateKeyCommand({}))).KeyMetadata!;
    const second = (await kms.send(new KMS.CreateKeyCommand({}))).KeyMetadata!;
    await kms.send(new KMS.CreateAliasCommand({ AliasName: "alias/moving", TargetKeyId: first.KeyId! }));
    await kms.send(new KMS.UpdateAliasCommand({ AliasName: "alias/moving", TargetKeyId: second.KeyId! }));
    expect((await kms.send(new KMS.DescribeKeyCommand({ KeyId: "alias/moving" }))).KeyMetadata!.Arn).toBe(second.Arn);
    await kms.send(new KMS.DeleteAliasCommand({ AliasName: "alias/moving" }));
    expect((await kms.send(new KMS.ListAliasesCommand({ KeyId: second.KeyId! }))).Aliases).toEqual([]);
  });

  it("re-encrypts under another key, makes data keys without plaintext and random bytes", async () => {
    const from = (await kms.send(new KMS.CreateKeyCommand({}))).KeyMetadata!;
    const to = (await kms.send(new KMS.CreateKeyCommand({}))).KeyMetadata!;
    const blob = (await kms.send(new KMS.EncryptCommand({ KeyId: from.KeyId!, Plaintext: text("move me") }))).CiphertextBlob!;
    const moved = await kms.send(new KMS.ReEncryptCommand({ CiphertextBlob: blob, DestinationKeyId: to.KeyId! }));
    expect([moved.SourceKeyId, moved.KeyId]).toEqual([from.Arn, to.Arn]);
    expect(new TextDecoder().decode((await kms.send(new KMS.DecryptCommand({ CiphertextBlob: moved.CiphertextBlob }))).Plaintext)).toBe("move me");
    const withoutPlaintext = await kms.send(new KMS.GenerateDataKeyWithoutPlaintextCommand({ KeyId: to.KeyId!, NumberOfBytes: 16 }));
    expect((await kms.send(new KMS.DecryptCommand({ CiphertextBlob: withoutPlaintext.CiphertextBlob }))).Plaintext).toHaveLength(16);
    expect((await kms.send(new KMS.GenerateRandomCommand({ NumberOfBytes: 24 }))).Plaintext).toHaveLength(24);
  });

  it("grants Decrypt to a role, lists, retires and revokes grants", async () => {
    const keyId = (await kms.send(new KMS.CreateKeyCommand({}))).KeyMetadata!.KeyId!;
    const grantee = "arn:aws:iam::123456789012:role/ec2-app-role";
    const first = await kms.send(new KMS.CreateGrantCommand({ KeyId: keyId, GranteePrincipal: grantee, Operations: ["Decrypt"], RetiringPrincipal: "arn:aws:iam::123456789012:user/admin" }));
    const second = await kms.send(new KMS.CreateGrantCommand({ KeyId: keyId, GranteePrincipal: grantee, Operations: ["Encrypt"] }));
    expect((await kms.send(new KMS.ListGrantsCommand({ KeyId: keyId }))).Grants!.map((grant) => grant.GrantId).sort()).toEqual([first.GrantId, second.GrantId].sort());
    await kms.send(new KMS.RetireGrantCommand({ KeyId: keyId, GrantId: first.GrantId! }));
    await kms.send(new KMS.RevokeGrantCommand({ KeyId: keyId, GrantId: second.GrantId! }));
    expect((await kms.send(new KMS.ListGrantsCommand({ KeyId: keyId }))).Grants).toEqual([]);
  });

  it("signs and verifies with an asymmetric key, and its public key is DER", async () => {
    const keyId = (await kms.send(new KMS.CreateKeyCommand({ KeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY" }))).KeyMetadata!.KeyId!;
    const message = text("release v1.2.3");
    const signature = await kms.send(new KMS.SignCommand({ KeyId: keyId, Message: message, SigningAlgorithm: "ECDSA_SHA_256" }));
    expect((await kms.send(new KMS.VerifyCommand({ KeyId: keyId, Message: message, Signature: signature.Signature, SigningAlgorithm: "ECDSA_SHA_256" }))).SignatureValid).toBe(true);
    const tampered = await kms.send(new KMS.VerifyCommand({ KeyId: keyId, Message: text("release v9"), Signature: signature.Signature, SigningAlgorithm: "ECDSA_SHA_256" })).catch((error: Error) => error);
    expect((tampered as Error).name).toBe("KMSInvalidSignatureException");
    const publicKey = await kms.send(new KMS.GetPublicKeyCommand({ KeyId: keyId }));
    expect([publicKey.KeySpec, publicKey.PublicKey![0]]).toEqual(["ECC_NIST_P256", 0x30]);
  });

  it("makes and checks MACs with an HMAC key, and data key pairs", async () => {
    const macKey = (await kms.send(new KMS.CreateKeyCommand({ KeySpec: "HMAC_256", KeyUsage: "GENERATE_VERIFY_MAC" }))).KeyMetadata!.KeyId!;
    const mac = await kms.send(new KMS.GenerateMacCommand({ KeyId: macKey, Message: text("token"), MacAlgorithm: "HMAC_SHA_256" }));
    expect(mac.Mac).toHaveLength(32);
    expect((await kms.send(new KMS.VerifyMacCommand({ KeyId: macKey, Message: text("token"), Mac: mac.Mac, MacAlgorithm: "HMAC_SHA_256" }))).MacValid).toBe(true);
    const wrapKey = (await kms.send(new KMS.CreateKeyCommand({}))).KeyMetadata!.KeyId!;
    const pair = await kms.send(new KMS.GenerateDataKeyPairCommand({ KeyId: wrapKey, KeyPairSpec: "ECC_NIST_P256" }));
    expect([pair.PublicKey![0], pair.PrivateKeyPlaintext![0], pair.PrivateKeyCiphertextBlob instanceof Uint8Array]).toEqual([0x30, 0x30, true]);
  });
});

describe("KMS rotation on demand and retirable grants through the SDK", () => {
  it("rotates a key at once and lists its rotations; lists the grants a principal may retire; makes a key pair without plaintext", async () => {
    const keyId = (await kms.send(new KMS.CreateKeyCommand({}))).KeyMetadata!.KeyId!;
    await kms.send(new KMS.RotateKeyOnDemandCommand({ KeyId: keyId }));
    const rotations = await kms.send(new KMS.ListKeyRotationsCommand({ KeyId: keyId }));
    expect(rotations.Rotations!.map((rotation) => [rotation.KeyId, rotation.RotationType, rotation.RotationDate instanceof Date])).toEqual([[keyId, "ON_DEMAND", true]]);
    const retiring = "arn:aws:iam::123456789012:role/lambda-rotation-role";
    const grant = await kms.send(new KMS.CreateGrantCommand({ KeyId: keyId, GranteePrincipal: "arn:aws:iam::123456789012:role/ec2-app-role", Operations: ["Decrypt"], RetiringPrincipal: retiring }));
    expect((await kms.send(new KMS.ListRetirableGrantsCommand({ RetiringPrincipal: retiring }))).Grants!.map((entry) => entry.GrantId)).toEqual([grant.GrantId]);
    const pair = await kms.send(new KMS.GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: keyId, KeyPairSpec: "RSA_2048" }));
    expect([pair.PublicKey![0], pair.PrivateKeyCiphertextBlob instanceof Uint8Array, "PrivateKeyPlaintext" in pair]).toEqual([0x30, true, false]);
  });
});

describe("Secrets Manager through the SDK", () => {
  it("updates, tags, labels versions and lists them", async () => {
    await sm.send(new SM.CreateSecretCommand({ Name: "ops/api", SecretString: "v1", Tags: [{ Key: "env", Value: "dev" }] }));
    const updated = await sm.send(new SM.UpdateSecretCommand({ SecretId: "ops/api", Description: "the API key", SecretString: "v2" }));
    await sm.send(new SM.TagResourceCommand({ SecretId: "ops/api", Tags: [{ Key: "team", Value: "a" }] }));
    await sm.send(new SM.UntagResourceCommand({ SecretId: "ops/api", TagKeys: ["env"] }));
    const described = await sm.send(new SM.DescribeSecretCommand({ SecretId: "ops/api" }));
    expect([described.Description, described.Tags]).toEqual(["the API key", [{ Key: "team", Value: "a" }]]);
    const versions = await sm.send(new SM.ListSecretVersionIdsCommand({ SecretId: "ops/api" }));
    expect(versions.Versions).toHaveLength(2);
    const old = versions.Versions!.find((version) => version.VersionStages?.includes("AWSPREVIOUS"))!;
    await sm.send(new SM.UpdateSecretVersionStageCommand({ SecretId: "ops/api", VersionStage: "AWSCURRENT", MoveToVersionId: old.VersionId!, RemoveFromVersionId: updated.VersionId! }));
    expect((await sm.send(new SM.GetSecretValueCommand({ SecretId: "ops/api" }))).SecretString).toBe("v1");
  });

  it("holds a resource policy, generates passwords, reads several secrets at once", async () => {
    await sm.send(new SM.CreateSecretCommand({ Name: "ops/one", SecretString: "1" }));
    await sm.send(new SM.CreateSecretCommand({ Name: "ops/two", SecretString: "2" }));
    const policy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "secretsmanager:DeleteSecret", Resource: "*" }] });
    await sm.send(new SM.PutResourcePolicyCommand({ SecretId: "ops/one", ResourcePolicy: policy }));
    expect(JSON.parse((await sm.send(new SM.GetResourcePolicyCommand({ SecretId: "ops/one" }))).ResourcePolicy!)).toEqual(JSON.parse(policy));
    await sm.send(new SM.DeleteResourcePolicyCommand({ SecretId: "ops/one" }));
    expect((await sm.send(new SM.GetResourcePolicyCommand({ SecretId: "ops/one" }))).ResourcePolicy).toBeUndefined();
    const password = (await sm.send(new SM.GetRandomPasswordCommand({ PasswordLength: 20, ExcludePunctuation: true }))).RandomPassword!;
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    const batch = await sm.send(new SM.BatchGetSecretValueCommand({ SecretIdList: ["ops/one", "ops/two", "ops/none"] }));
    expect(batch.SecretValues!.map((value) => value.SecretString).sort()).toEqual(["1", "2"]);
    expect(batch.Errors!.map((error) => [error.SecretId, error.ErrorCode])).toEqual([["ops/none", "ResourceNotFoundException"]]);
  });

  it("checks a resource policy before it is attached", async () => {
    await sm.send(new SM.CreateSecretCommand({ Name: "ops/checked", SecretString: "x" }));
    const policy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:role/ec2-app-role" }, Action: "secretsmanager:GetSecretValue", Resource: "*" }] });
    const checked = await sm.send(new SM.ValidateResourcePolicyCommand({ SecretId: "ops/checked", ResourcePolicy: policy }));
    expect(checked.PolicyValidationPassed).toBe(true);
  });

  it("deletes with a recovery window and restores", async () => {
    await sm.send(new SM.CreateSecretCommand({ Name: "ops/temporary", SecretString: "x" }));
    const deleted = await sm.send(new SM.DeleteSecretCommand({ SecretId: "ops/temporary", RecoveryWindowInDays: 7 }));
    expect(deleted.DeletionDate).toBeInstanceOf(Date);
    const refused = await sm.send(new SM.GetSecretValueCommand({ SecretId: "ops/temporary" })).catch((error: Error) => error);
    expect((refused as Error).name).toBe("InvalidRequestException");
    await sm.send(new SM.RestoreSecretCommand({ SecretId: "ops/temporary" }));
    expect((await sm.send(new SM.GetSecretValueCommand({ SecretId: "ops/temporary" }))).SecretString).toBe("x");
  });
});

describe("Parameter Store through the SDK", () => {
  it("reads several parameters, their history, labels and tags, and deletes them", async () => {
    await ssm.send(new SSM.PutParameterCommand({ Name: "/ops/a", Value: "1", Type: "String" }));
    await ssm.send(new SSM.PutParameterCommand({ Name: "/ops/a", Value: "2", Type: "String", Overwrite: true }));
    await ssm.send(new SSM.PutParameterCommand({ Name: "/ops/b", Value: "x,y", Type: "StringList" }));
    const both = await ssm.send(new SSM.GetParametersCommand({ Names: ["/ops/a", "/ops/b", "/ops/none"] }));
    expect([both.Parameters!.map((parameter) => parameter.Value).sort(), both.InvalidParameters]).toEqual([["2", "x,y"], ["/ops/none"]]);
    const history = await ssm.send(new SSM.GetParameterHistoryCommand({ Name: "/ops/a" }));
    expect(history.Parameters!.map((version) => [version.Version, version.Value])).toEqual([[1, "1"], [2, "2"]]);
    await ssm.send(new SSM.LabelParameterVersionCommand({ Name: "/ops/a", ParameterVersion: 1, Labels: ["stable"] }));
    expect((await ssm.send(new SSM.GetParameterCommand({ Name: "/ops/a:stable" }))).Parameter!.Value).toBe("1");
    await ssm.send(new SSM.LabelParameterVersionCommand({ Name: "/ops/a", ParameterVersion: 2, Labels: ["next"] }));
    const unlabelled = await ssm.send(new SSM.UnlabelParameterVersionCommand({ Name: "/ops/a", ParameterVersion: 2, Labels: ["next", "never"] }));
    expect([unlabelled.RemovedLabels, unlabelled.InvalidLabels]).toEqual([["next"], ["never"]]);
    await ssm.send(new SSM.AddTagsToResourceCommand({ ResourceType: "Parameter", ResourceId: "/ops/a", Tags: [{ Key: "env", Value: "dev" }] }));
    expect((await ssm.send(new SSM.ListTagsForResourceCommand({ ResourceType: "Parameter", ResourceId: "/ops/a" }))).TagList).toEqual([{ Key: "env", Value: "dev" }]);
    await ssm.send(new SSM.RemoveTagsFromResourceCommand({ ResourceType: "Parameter", ResourceId: "/ops/a", TagKeys: ["env"] }));
    const described = await ssm.send(new SSM.DescribeParametersCommand({ ParameterFilters: [{ Key: "Name", Option: "BeginsWith", Values: ["/ops/"] }] }));
    expect(described.Parameters!.map((parameter) => parameter.Name).sort()).toEqual(["/ops/a", "/ops/b"]);
    const removed = await ssm.send(new SSM.DeleteParametersCommand({ Names: ["/ops/b", "/ops/none"] }));
    expect([removed.DeletedParameters, removed.InvalidParameters]).toEqual([["/ops/b"], ["/ops/none"]]);
    await ssm.send(new SSM.DeleteParameterCommand({ Name: "/ops/a" }));
    const gone = await ssm.send(new SSM.GetParameterCommand({ Name: "/ops/a" })).catch((error: Error) => error);
    expect((gone as Error).name).toBe("ParameterNotFound");
  });
});
