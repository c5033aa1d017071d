import * as CT from "@aws-sdk/client-cloudtrail";
import * as KMS from "@aws-sdk/client-kms";
import * as SM from "@aws-sdk/client-secrets-manager";
import * as SSM from "@aws-sdk/client-ssm";
import * as STS from "@aws-sdk/client-sts";
import { constants, createPublicKey, publicEncrypt, randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEndpoint, type RunningEndpoint } from "@/lib/endpoint";
import { scenarioEngine } from "@/lib/endpoint/scenarios";

/**
 * The rest of the simulated operations through the AWS SDK for JavaScript v3:
 * KMS imported key material (GetParametersForImport, ImportKeyMaterial,
 * DeleteImportedKeyMaterial) and multi-Region keys (ReplicateKey,
 * UpdatePrimaryRegion, with a second client in us-west-2); Secrets Manager
 * rotation (RotateSecret, CancelRotateSecret, with chapter 27's rotation
 * function) and ReplicateSecretToRegions (not simulated: the endpoint reports
 * the Region Failed and says why); Parameter Store's service settings; STS
 * (GetCallerIdentity, AssumeRole, and the role session's credentials used by
 * other clients); CloudTrail's LookupEvents and its paginator (the SDK's
 * X-Amz-Target names the service shape, CloudTrail_20131101, where botocore
 * sends the model's long prefix: the endpoint routes both); and more of
 * each service's modeled errors. The expectations are AWS's API references
 * and developer guides.
 */
const ACCOUNT = "123456789012";
const NOW = Date.parse("2026-02-01T09:00:00Z");
const HOUR = 3600_000;
const ROTATION_FUNCTION = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:MyRotationFunction`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/key-reader`;
// Chapter 27's world: its rotation function MyRotationFunction rotates the MySQL database mydb (admin / MyPassword123).
const engine = scenarioEngine("chapter-27", { seed: 16, now: "2026-02-01T09:00:00Z" })!;
// A role the account's principals may assume, allowed kms:DescribeKey and nothing else.
engine.putRole(ACCOUNT, "key-reader", {
  trustedService: "",
  trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "sts:AssumeRole" }] },
  policies: { DescribeKeys: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:DescribeKey", Resource: "*" }] } },
});

let endpoint: RunningEndpoint;
const clients: { destroy(): void }[] = [];
let kms: KMS.KMSClient;
let kmsWest: KMS.KMSClient;
let sm: SM.SecretsManagerClient;
let ssm: SSM.SSMClient;
let sts: STS.STSClient;
type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const config = (region = "us-east-1", credentials: Credentials = { accessKeyId: "test", secretAccessKey: "test" }) => ({ endpoint: endpoint.url, region, credentials, maxAttempts: 1 });
function client<T extends { destroy(): void }>(made: T): T {
  clients.push(made);
  return made;
}

beforeAll(async () => {
  endpoint = await startEndpoint({ engine });
  kms = client(new KMS.KMSClient(config()));
  kmsWest = client(new KMS.KMSClient(config("us-west-2")));
  sm = client(new SM.SecretsManagerClient(config()));
  ssm = client(new SSM.SSMClient(config()));
  sts = client(new STS.STSClient(config()));
});
afterAll(async () => {
  for (const made of clients) made.destroy();
  await endpoint.close();
});

type SdkError = Error & { name: string; message: string; $metadata: { httpStatusCode?: number } };
/** The error the SDK raised for a command. */
async function failure(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error("the command succeeded");
}
/** The modeled exception class the SDK raised for a command, and the HTTP status it came with. */
async function expectError(promise: Promise<unknown>, type: abstract new (...args: never[]) => Error, status = 400): Promise<SdkError> {
  const error = await failure(promise);
  expect([error instanceof type, error.name, error.$metadata.httpStatusCode]).toEqual([true, type.name, status]);
  return error;
}
const text = (value: string) => new TextEncoder().encode(value);

type WrappingKeySpec = "RSA_2048" | "RSA_4096";
type Expiry = Pick<KMS.ImportKeyMaterialRequest, "ExpirationModel" | "ValidTo">;
/** GetParametersForImport, then the material wrapped as "Encrypt the key material" (KMS developer guide) does it for RSAES_OAEP_SHA_256. */
async function wrapFor(keyId: string, material: Uint8Array, spec: WrappingKeySpec) {
  const parameters = await kms.send(new KMS.GetParametersForImportCommand({ KeyId: keyId, WrappingAlgorithm: "RSAES_OAEP_SHA_256", WrappingKeySpec: spec }));
  const publicKey = createPublicKey({ key: Buffer.from(parameters.PublicKey!), format: "der", type: "spki" });
  const encrypted = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, material);
  return { parameters, publicKey, request: { KeyId: keyId, ImportToken: parameters.ImportToken!, EncryptedKeyMaterial: new Uint8Array(encrypted) } };
}
const NO_EXPIRY: Expiry = { ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" };
const importInto = async (keyId: string, material: Uint8Array, expiry: Expiry = NO_EXPIRY, spec: WrappingKeySpec = "RSA_2048") =>
  kms.send(new KMS.ImportKeyMaterialCommand({ ...(await wrapFor(keyId, material, spec)).request, ...expiry }));
const externalKey = async () => (await kms.send(new KMS.CreateKeyCommand({ Origin: "EXTERNAL" }))).KeyMetadata!;
const decrypted = async (blob: Uint8Array, from = kms) => new TextDecoder().decode((await from.send(new KMS.DecryptCommand({ CiphertextBlob: blob }))).Plaintext);

describe("KMS imported key material through the SDK", () => {
  it("creates an EXTERNAL key PendingImport; GetParametersForImport gives a DER RSA wrapping key valid 24 hours; imported material with ValidTo makes the key encrypt and decrypt", async () => {
    const key = await externalKey();
    expect([key.Origin, key.KeyState, key.Enabled]).toEqual(["EXTERNAL", "PendingImport", false]);
    const { parameters, publicKey, request } = await wrapFor(key.KeyId!, randomBytes(32), "RSA_2048");
    expect([parameters.KeyId, parameters.ParametersValidTo!.getTime()]).toEqual([key.Arn, NOW + 24 * HOUR]);
    expect([publicKey.asymmetricKeyType, publicKey.asymmetricKeyDetails?.modulusLength]).toEqual(["rsa", 2048]);
    const validTo = new Date(NOW + 30 * 24 * HOUR);
    expect((await kms.send(new KMS.ImportKeyMaterialCommand({ ...request, ExpirationModel: "KEY_MATERIAL_EXPIRES", ValidTo: validTo }))).KeyId).toBe(key.Arn);
    const described = (await kms.send(new KMS.DescribeKeyCommand({ KeyId: key.KeyId! }))).KeyMetadata!;
    expect([described.KeyState, described.ExpirationModel, described.ValidTo?.getTime()]).toEqual(["Enabled", "KEY_MATERIAL_EXPIRES", validTo.getTime()]);
    const blob = (await kms.send(new KMS.EncryptCommand({ KeyId: key.KeyId!, Plaintext: text("imported") }))).CiphertextBlob!;
    expect(await decrypted(blob)).toBe("imported");
  });

  it("requires ValidTo under the default KEY_MATERIAL_EXPIRES (ValidationException); reimports the same material (RSA_4096 wrapping, no expiry); refuses different material with IncorrectKeyMaterialException", async () => {
    const key = await externalKey();
    const material = randomBytes(32);
    const missingValidTo = await failure(importInto(key.KeyId!, material, {}));
    expect([missingValidTo.name, missingValidTo.$metadata.httpStatusCode]).toEqual(["ValidationException", 400]);
    await importInto(key.KeyId!, material);
    const { publicKey, request } = await wrapFor(key.KeyId!, material, "RSA_4096");
    expect(publicKey.asymmetricKeyDetails?.modulusLength).toBe(4096);
    await kms.send(new KMS.ImportKeyMaterialCommand({ ...request, ...NO_EXPIRY }));
    const described = (await kms.send(new KMS.DescribeKeyCommand({ KeyId: key.KeyId! }))).KeyMetadata!;
    expect([described.KeyState, described.ExpirationModel, described.ValidTo]).toEqual(["Enabled", "KEY_MATERIAL_DOES_NOT_EXPIRE", undefined]);
    await expectError(importInto(key.KeyId!, randomBytes(32)), KMS.IncorrectKeyMaterialException);
  });

  it("DeleteImportedKeyMaterial puts the key in PendingImport, where Encrypt fails with KMSInvalidStateException; reimporting the material makes old ciphertext decrypt again", async () => {
    const key = await externalKey();
    const material = randomBytes(32);
    await importInto(key.KeyId!, material);
    const blob = (await kms.send(new KMS.EncryptCommand({ KeyId: key.KeyId!, Plaintext: text("kept") }))).CiphertextBlob!;
    await kms.send(new KMS.DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId! }));
    expect((await kms.send(new KMS.DescribeKeyCommand({ KeyId: key.KeyId! }))).KeyMetadata!.KeyState).toBe("PendingImport");
    await expectError(kms.send(new KMS.EncryptCommand({ KeyId: key.KeyId!, Plaintext: text("x") })), KMS.KMSInvalidStateException);
    await importInto(key.KeyId!, material);
    expect(await decrypted(blob)).toBe("kept");
  });
});

describe("KMS multi-Region keys through the SDK", () => {
  let primary: KMS.KeyMetadata;
  const westArn = () => primary.Arn!.replace(":us-east-1:", ":us-west-2:");

  it("ReplicateKey copies a multi-Region primary key to us-west-2; the replica shows both Regions and decrypts the primary's ciphertext", async () => {
    primary = (await kms.send(new KMS.CreateKeyCommand({ MultiRegion: true, Description: "orders" }))).KeyMetadata!;
    expect([primary.KeyId!.startsWith("mrk-"), primary.MultiRegion, primary.MultiRegionConfiguration?.MultiRegionKeyType]).toEqual([true, true, "PRIMARY"]);
    const replicated = await kms.send(new KMS.ReplicateKeyCommand({ KeyId: primary.KeyId!, ReplicaRegion: "us-west-2", Tags: [{ TagKey: "copy", TagValue: "west" }] }));
    expect([replicated.ReplicaKeyMetadata!.Arn, replicated.ReplicaKeyMetadata!.KeyId, replicated.ReplicaTags]).toEqual([westArn(), primary.KeyId, [{ TagKey: "copy", TagValue: "west" }]]);
    expect(JSON.parse(replicated.ReplicaPolicy!).Statement.length).toBeGreaterThan(0);
    const replica = (await kmsWest.send(new KMS.DescribeKeyCommand({ KeyId: primary.KeyId! }))).KeyMetadata!;
    expect(replica.MultiRegionConfiguration).toEqual({
      MultiRegionKeyType: "REPLICA",
      PrimaryKey: { Arn: primary.Arn, Region: "us-east-1" },
      ReplicaKeys: [{ Arn: westArn(), Region: "us-west-2" }],
    });
    const blob = (await kms.send(new KMS.EncryptCommand({ KeyId: primary.KeyId!, Plaintext: text("across Regions") }))).CiphertextBlob!;
    const opened = await kmsWest.send(new KMS.DecryptCommand({ CiphertextBlob: blob }));
    expect([new TextDecoder().decode(opened.Plaintext), opened.KeyId]).toEqual(["across Regions", westArn()]);
  });

  it("UpdatePrimaryRegion makes the us-west-2 replica the primary key and the us-east-1 key a replica", async () => {
    await kms.send(new KMS.UpdatePrimaryRegionCommand({ KeyId: primary.KeyId!, PrimaryRegion: "us-west-2" }));
    const west = (await kmsWest.send(new KMS.DescribeKeyCommand({ KeyId: primary.KeyId! }))).KeyMetadata!.MultiRegionConfiguration!;
    expect([west.MultiRegionKeyType, west.PrimaryKey, west.ReplicaKeys]).toEqual(["PRIMARY", { Arn: westArn(), Region: "us-west-2" }, [{ Arn: primary.Arn, Region: "us-east-1" }]]);
    const east = (await kms.send(new KMS.DescribeKeyCommand({ KeyId: primary.KeyId! }))).KeyMetadata!.MultiRegionConfiguration!;
    expect(east.MultiRegionKeyType).toBe("REPLICA");
    // Only a primary key can be replicated or give up being the primary.
    await expectError(kms.send(new KMS.ReplicateKeyCommand({ KeyId: primary.KeyId!, ReplicaRegion: "eu-west-1" })), KMS.UnsupportedOperationException);
  });
});

describe("KMS errors through the SDK", () => {
  it("raises DisabledException for a disabled key, AlreadyExistsException for an alias name in use, ValidationException for GenerateRandom over 1024 bytes", async () => {
    const keyId = (await kms.send(new KMS.CreateKeyCommand({}))).KeyMetadata!.KeyId!;
    await kms.send(new KMS.DisableKeyCommand({ KeyId: keyId }));
    await expectError(kms.send(new KMS.GenerateDataKeyCommand({ KeyId: keyId, KeySpec: "AES_256" })), KMS.DisabledException);
    await kms.send(new KMS.CreateAliasCommand({ AliasName: "alias/taken", TargetKeyId: keyId }));
    await expectError(kms.send(new KMS.CreateAliasCommand({ AliasName: "alias/taken", TargetKeyId: keyId })), KMS.AlreadyExistsException);
    const tooMany = await failure(kms.send(new KMS.GenerateRandomCommand({ NumberOfBytes: 1025 })));
    expect([tooMany.name, tooMany.$metadata.httpStatusCode, tooMany instanceof KMS.KMSServiceException]).toEqual(["ValidationException", 400, true]);
  });
});

describe("Secrets Manager rotation and replication through the SDK", () => {
  const secretId = "prod/database/credentials";
  const token = randomUUID();

  it("RotateSecret with a rotation function rotates at once: the ClientRequestToken's version becomes AWSCURRENT, the old value AWSPREVIOUS, rotation is enabled on its schedule", async () => {
    const created = await sm.send(new SM.CreateSecretCommand({ Name: secretId, SecretString: JSON.stringify({ username: "admin", password: "MyPassword123" }) }));
    const rotated = await sm.send(new SM.RotateSecretCommand({ SecretId: secretId, RotationLambdaARN: ROTATION_FUNCTION, RotationRules: { AutomaticallyAfterDays: 30 }, ClientRequestToken: token }));
    expect([rotated.ARN, rotated.Name, rotated.VersionId]).toEqual([created.ARN, secretId, token]);
    const described = await sm.send(new SM.DescribeSecretCommand({ SecretId: secretId }));
    expect([described.RotationEnabled, described.RotationLambdaARN, described.RotationRules?.AutomaticallyAfterDays]).toEqual([true, ROTATION_FUNCTION, 30]);
    expect([described.LastRotatedDate instanceof Date, described.NextRotationDate instanceof Date]).toEqual([true, true]);
    expect(described.VersionIdsToStages![token]).toContain("AWSCURRENT");
    expect(described.VersionIdsToStages![created.VersionId!]).toEqual(["AWSPREVIOUS"]);
    const current = await sm.send(new SM.GetSecretValueCommand({ SecretId: secretId }));
    const value = JSON.parse(current.SecretString!);
    expect([current.VersionId, value.username, value.password === "MyPassword123"]).toEqual([token, "admin", false]);
    const previous = await sm.send(new SM.GetSecretValueCommand({ SecretId: secretId, VersionStage: "AWSPREVIOUS" }));
    expect(JSON.parse(previous.SecretString!).password).toBe("MyPassword123");
  });

  it("CancelRotateSecret turns automatic rotation off and keeps the rotated value", async () => {
    const cancelled = await sm.send(new SM.CancelRotateSecretCommand({ SecretId: secretId }));
    expect(cancelled.Name).toBe(secretId);
    expect((await sm.send(new SM.DescribeSecretCommand({ SecretId: secretId }))).RotationEnabled).toBe(false);
    expect((await sm.send(new SM.GetSecretValueCommand({ SecretId: secretId }))).VersionId).toBe(token);
  });

  it("ReplicateSecretToRegions: replication is not simulated, so the endpoint reports each Region as Failed and says why", async () => {
    const replicated = await sm.send(new SM.ReplicateSecretToRegionsCommand({ SecretId: secretId, AddReplicaRegions: [{ Region: "us-west-2" }] }));
    expect(replicated.ReplicationStatus).toEqual([{ Region: "us-west-2", Status: "Failed", StatusMessage: "Replication to other Regions is not simulated in this sandbox." }]);
  });

  it("raises InvalidRequestException for a secret scheduled for deletion, InvalidParameterException for a recovery window under 7 days or combined with ForceDeleteWithoutRecovery", async () => {
    await sm.send(new SM.CreateSecretCommand({ Name: "ops/doomed", SecretString: "x" }));
    await expectError(sm.send(new SM.DeleteSecretCommand({ SecretId: "ops/doomed", RecoveryWindowInDays: 3 })), SM.InvalidParameterException);
    await expectError(sm.send(new SM.DeleteSecretCommand({ SecretId: "ops/doomed", RecoveryWindowInDays: 7, ForceDeleteWithoutRecovery: true })), SM.InvalidParameterException);
    await sm.send(new SM.DeleteSecretCommand({ SecretId: "ops/doomed", RecoveryWindowInDays: 7 }));
    await expectError(sm.send(new SM.UpdateSecretCommand({ SecretId: "ops/doomed", SecretString: "y" })), SM.InvalidRequestException);
  });
});

describe("Parameter Store service settings and errors through the SDK", () => {
  const throughput = "/ssm/parameter-store/high-throughput-enabled";
  const tier = "/ssm/parameter-store/default-parameter-tier";
  const arnOf = (id: string) => `arn:aws:ssm:us-east-1:${ACCOUNT}:servicesetting${id}`;

  it("GetServiceSetting reports AWS's defaults; UpdateServiceSetting (by ARN) customizes one; ResetServiceSetting restores the default; an unknown SettingId is ServiceSettingNotFound", async () => {
    const fast = (await ssm.send(new SSM.GetServiceSettingCommand({ SettingId: throughput }))).ServiceSetting!;
    expect([fast.SettingId, fast.SettingValue, fast.Status, fast.ARN]).toEqual([throughput, "false", "Default", arnOf(throughput)]);
    expect((await ssm.send(new SSM.GetServiceSettingCommand({ SettingId: arnOf(tier) }))).ServiceSetting!.SettingValue).toBe("Standard");
    await ssm.send(new SSM.UpdateServiceSettingCommand({ SettingId: arnOf(tier), SettingValue: "Intelligent-Tiering" }));
    const customized = (await ssm.send(new SSM.GetServiceSettingCommand({ SettingId: tier }))).ServiceSetting!;
    expect([customized.SettingValue, customized.Status, customized.LastModifiedUser, customized.LastModifiedDate?.getTime()]).toEqual(["Intelligent-Tiering", "Customized", `arn:aws:iam::${ACCOUNT}:user/admin`, NOW]);
    const reset = (await ssm.send(new SSM.ResetServiceSettingCommand({ SettingId: tier }))).ServiceSetting!;
    expect([reset.SettingId, reset.SettingValue, reset.Status]).toEqual([tier, "Standard", "Default"]);
    await expectError(ssm.send(new SSM.GetServiceSettingCommand({ SettingId: "/ssm/parameter-store/no-such-setting" })), SSM.ServiceSettingNotFound);
  });

  it("raises ParameterVersionNotFound, HierarchyLevelLimitExceededException past 15 levels, ValidationException for a name prefixed with ssm", async () => {
    await ssm.send(new SSM.PutParameterCommand({ Name: "/errors/one", Value: "1", Type: "String" }));
    await expectError(ssm.send(new SSM.GetParameterCommand({ Name: "/errors/one:7" })), SSM.ParameterVersionNotFound);
    const deep = "/" + Array.from({ length: 16 }, (_, index) => `l${index}`).join("/");
    await expectError(ssm.send(new SSM.PutParameterCommand({ Name: deep, Value: "x", Type: "String" })), SSM.HierarchyLevelLimitExceededException);
    await expectError(ssm.send(new SSM.PutParameterCommand({ Name: "ssm-reserved", Value: "x", Type: "String" })), SSM.ValidationException);
  });

  it("keeps 100 versions: the 101st drops the oldest, unless the oldest has a label (ParameterMaxVersionLimitExceeded)", async () => {
    const put = (value: string) => ssm.send(new SSM.PutParameterCommand({ Name: "/errors/busy", Value: value, Type: "String", Overwrite: true }));
    for (let version = 1; version <= 100; version++) await put(`v${version}`);
    expect((await put("v101")).Version).toBe(101);
    const history = await ssm.send(new SSM.GetParameterHistoryCommand({ Name: "/errors/busy", MaxResults: 50 }));
    expect(history.Parameters![0]!.Version).toBe(2);
    await ssm.send(new SSM.LabelParameterVersionCommand({ Name: "/errors/busy", ParameterVersion: 2, Labels: ["pinned"] }));
    await expectError(put("v102"), SSM.ParameterMaxVersionLimitExceeded);
  });
});

describe("STS through @aws-sdk/client-sts", () => {
  it("GetCallerIdentity names the calling IAM user", async () => {
    const identity = await sts.send(new STS.GetCallerIdentityCommand({}));
    expect([identity.Account, identity.Arn]).toEqual([ACCOUNT, `arn:aws:iam::${ACCOUNT}:user/admin`]);
    expect(identity.UserId).toMatch(/^AIDA[A-Z0-9]+$/);
  });

  it("AssumeRole returns temporary credentials for an hour by default; clients using them act as the role session", async () => {
    const assumed = await sts.send(new STS.AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: "sdk-session" }));
    const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = assumed.Credentials!;
    expect([AccessKeyId!.startsWith("ASIA"), typeof SecretAccessKey, typeof SessionToken, Expiration!.getTime()]).toEqual([true, "string", "string", NOW + HOUR]);
    expect(assumed.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/key-reader/sdk-session`);
    const session = { accessKeyId: AccessKeyId!, secretAccessKey: SecretAccessKey!, sessionToken: SessionToken! };
    const identity = await client(new STS.STSClient(config("us-east-1", session))).send(new STS.GetCallerIdentityCommand({}));
    expect([identity.Arn, identity.UserId]).toEqual([assumed.AssumedRoleUser!.Arn, assumed.AssumedRoleUser!.AssumedRoleId]);
    expect(identity.UserId).toMatch(/^AROA[A-Z0-9]+:sdk-session$/);
    const kmsAsRole = client(new KMS.KMSClient(config("us-east-1", session)));
    const key = (await kms.send(new KMS.CreateKeyCommand({}))).KeyMetadata!;
    expect((await kmsAsRole.send(new KMS.DescribeKeyCommand({ KeyId: key.KeyId! }))).KeyMetadata!.Arn).toBe(key.Arn);
    const denied = await failure(kmsAsRole.send(new KMS.EncryptCommand({ KeyId: key.KeyId!, Plaintext: text("x") })));
    expect([denied.name, denied.$metadata.httpStatusCode]).toEqual(["AccessDeniedException", 400]);
    expect(denied.message).toBe(`User: ${assumed.AssumedRoleUser!.Arn} is not authorized to perform: kms:Encrypt on resource: ${key.Arn} because no identity-based policy allows the kms:Encrypt action`);
  });

  it("AssumeRole fails with AccessDenied for a role that does not trust the caller and for one that does not exist; credentials STS never issued are InvalidClientTokenId (403)", async () => {
    for (const roleArn of [`arn:aws:iam::${ACCOUNT}:role/ec2-app-role`, `arn:aws:iam::${ACCOUNT}:role/no-such-role`]) {
      const denied = await failure(sts.send(new STS.AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "s1" })));
      // STS answers denials with 403 (recorded SDK errors show "StatusCode: 403 ... api error AccessDenied").
      expect([denied instanceof STS.STSServiceException, denied.name, denied.$metadata.httpStatusCode]).toEqual([true, "AccessDenied", 403]);
      expect(denied.message).toBe(`User: arn:aws:iam::${ACCOUNT}:user/admin is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
    }
    const stranger = client(new STS.STSClient(config("us-east-1", { accessKeyId: "ASIAUNKNOWNUNKNOWN00", secretAccessKey: "x", sessionToken: "never-issued" })));
    const unknown = await failure(stranger.send(new STS.GetCallerIdentityCommand({})));
    expect([unknown.name, unknown.$metadata.httpStatusCode]).toEqual(["InvalidClientTokenId", 403]);
  });

  it("AssumeRole takes DurationSeconds from 900 (then the credentials last 15 minutes) and refuses less with ValidationError", async () => {
    const short = await sts.send(new STS.AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: "short", DurationSeconds: 900 }));
    expect(short.Credentials!.Expiration!.getTime()).toBe(NOW + 900_000);
    const tooShort = await failure(sts.send(new STS.AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: "s1", DurationSeconds: 60 })));
    expect([tooShort instanceof STS.STSServiceException, tooShort.name, tooShort.$metadata.httpStatusCode]).toEqual([true, "ValidationError", 400]);
  });
});

describe("CloudTrail through @aws-sdk/client-cloudtrail", () => {
  it("LookupEvents finds the CreateKey calls just made by EventName, with their records, and the paginator follows NextToken", async () => {
    const made: { arn: string; requestId: string }[] = [];
    for (let index = 0; index < 3; index++) {
      const created = await kms.send(new KMS.CreateKeyCommand({ Description: `trail-${index}` }));
      made.push({ arn: created.KeyMetadata!.Arn!, requestId: created.$metadata.requestId! });
    }
    const trail = client(new CT.CloudTrailClient(config()));
    const events: CT.Event[] = [];
    let pages = 0;
    for await (const page of CT.paginateLookupEvents({ client: trail, pageSize: 2 }, { LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "CreateKey" }] })) {
      pages += 1;
      expect(page.Events!.length).toBeLessThanOrEqual(2);
      events.push(...page.Events!);
    }
    expect([pages > 1, pages]).toEqual([true, Math.ceil(events.length / 2)]);
    expect(new Set(events.map((event) => event.EventName))).toEqual(new Set(["CreateKey"]));
    for (const { arn, requestId } of made) {
      const event = events.find((candidate) => candidate.Resources?.some((resource) => resource.ResourceName === arn))!;
      expect([event.EventSource, event.ReadOnly, event.Username, event.EventTime?.getTime()]).toEqual(["kms.amazonaws.com", "false", "admin", NOW]);
      expect(event.Resources).toEqual([{ ResourceType: "AWS::KMS::Key", ResourceName: arn }]);
      const record = JSON.parse(event.CloudTrailEvent!);
      expect([record.eventName, record.awsRegion, record.requestID, record.userIdentity.arn]).toEqual(["CreateKey", "us-east-1", requestId, `arn:aws:iam::${ACCOUNT}:user/admin`]);
    }
  });
});
