/**
 * The contract test's own workload: what the transcripts, the random
 * generator and the labs do not reach. Every operation the engine implements
 * succeeds here at least once, and each is called with the members its
 * handler takes (so that "never read" in the test means ignored, not merely
 * unexercised), on the branches that read them (DryRun, ValidTo, ...).
 *
 * The calls go to the engine of a session (createSandbox), so programs run
 * (Lambda handlers, EC2 user data) and the nested calls services make all go
 * through the instrumented handlers. A call expected to succeed that fails,
 * or one expected to fail that succeeds, is reported in `surprises` (the test
 * shows them when an operation is left unexercised).
 */
import { constants, createPublicKey, publicEncrypt, randomBytes } from "node:crypto";
import { zipSync } from "fflate";
import { fromBase64, toBase64 } from "@/lib/sandbox/core/encoding";
import { isAwsServiceError } from "@/lib/sandbox/core/errors";
import type { ServiceId, WireObject } from "@/lib/sandbox/core/operation";
import { DAY } from "@/lib/sandbox/core/time";
import { createSandbox } from "@/lib/sandbox/create-sandbox";
import { imagesOf } from "@/lib/sandbox/ec2/images";
import { putRotationFunction } from "@/lib/sandbox/lambda";
import type { CallOptions, Sandbox } from "@/lib/sandbox/sandbox";
import { LEARNER_ACCOUNT } from "@/lib/sandbox/world";

const ACCOUNT = LEARNER_ACCOUNT;
const ROOT: CallOptions = { as: { accountId: ACCOUNT, kind: "root" } };
const OPERATOR_ARN = `arn:aws:iam::${ACCOUNT}:user/operator`;
const ADMIN_ARN = `arn:aws:iam::${ACCOUNT}:user/admin`;
const policy = (statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const ROOT_POLICY = policy([{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" }]);
const b64 = (text: string) => toBase64(new TextEncoder().encode(text));

export interface ExtraWorkload {
  calls: number;
  /** Calls whose outcome was not the one written here: the workload no longer does what it says. */
  surprises: string[];
}

export function runExtraWorkload(): ExtraWorkload {
  const session = createSandbox({ scenario: "empty", seed: 4242, now: "2026-02-01T10:00:00Z" });
  const engine: Sandbox = session.engine;
  const result: ExtraWorkload = { calls: 0, surprises: [] };

  function call(service: ServiceId, operation: string, input: WireObject, expected: "ok" | string = "ok", options: CallOptions = {}): WireObject {
    result.calls += 1;
    const what = `${service}.${operation} ${JSON.stringify(input).slice(0, 300)}`;
    try {
      const output = engine.call(service, operation, input, options);
      if (expected !== "ok") result.surprises.push(`${what}: succeeded, expected ${expected}`);
      return output;
    } catch (error) {
      if (!isAwsServiceError(error)) throw error;
      if (expected !== error.code) result.surprises.push(`${what}: ${error.code} (${error.message}), expected ${expected}`);
      return {};
    }
  }
  const ok = (service: ServiceId, operation: string, input: WireObject, options?: CallOptions) => call(service, operation, input, "ok", options);
  const fails = (service: ServiceId, operation: string, input: WireObject, code: string, options?: CallOptions) => call(service, operation, input, code, options);
  const OPERATOR: CallOptions = { as: { accountId: ACCOUNT, kind: "user", name: "operator" } };

  engine.putUser(ACCOUNT, "operator", { Operate: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["kms:Encrypt", "kms:Decrypt", "kms:RetireGrant", "kms:DescribeKey"], Resource: "*" }] } });
  putRotationFunction(engine, { name: "rotate", strategy: "single-user" });

  // ---------------------------------------------------------------- KMS
  const keyOf = (output: WireObject) => String((output.KeyMetadata as WireObject | undefined)?.KeyId);
  const key = keyOf(
    ok("kms", "CreateKey", {
      Policy: ROOT_POLICY,
      Description: "contract key",
      KeyUsage: "ENCRYPT_DECRYPT",
      KeySpec: "SYMMETRIC_DEFAULT",
      Origin: "AWS_KMS",
      BypassPolicyLockoutSafetyCheck: false,
      Tags: [{ TagKey: "team", TagValue: "contracts" }],
      MultiRegion: false,
    }),
  );
  fails("kms", "CreateKey", { CustomerMasterKeySpec: "RSA_2048", KeySpec: "SYMMETRIC_DEFAULT" }, "ValidationException");
  fails("kms", "CreateKey", { CustomKeyStoreId: "cks-1234567890abcdef0" }, "UnsupportedOperationException");
  fails("kms", "CreateKey", { Origin: "EXTERNAL_KEY_STORE", XksKeyId: "xks-key" }, "UnsupportedOperationException");
  const other = keyOf(ok("kms", "CreateKey", { Description: "destination" }));
  const context = { purpose: "contract" };

  ok("kms", "DescribeKey", { KeyId: key, GrantTokens: ["token"] });
  ok("kms", "ListKeys", { Limit: 1 });
  ok("kms", "ListResourceTags", { KeyId: key, Limit: 10 });
  ok("kms", "UpdateKeyDescription", { KeyId: key, Description: "renamed" });
  ok("kms", "CreateAlias", { AliasName: "alias/contract", TargetKeyId: key });
  ok("kms", "CreateAlias", { AliasName: "alias/contract-2", TargetKeyId: key });
  ok("kms", "UpdateAlias", { AliasName: "alias/contract-2", TargetKeyId: other });
  ok("kms", "ListAliases", { KeyId: key, Limit: 5 });
  ok("kms", "DeleteAlias", { AliasName: "alias/contract-2" });

  const encrypted = ok("kms", "Encrypt", { KeyId: "alias/contract", Plaintext: b64("hello"), EncryptionContext: context, GrantTokens: ["token"], EncryptionAlgorithm: "SYMMETRIC_DEFAULT", DryRun: false });
  ok("kms", "Decrypt", { CiphertextBlob: encrypted.CiphertextBlob ?? "", EncryptionContext: context, GrantTokens: ["token"], KeyId: key, EncryptionAlgorithm: "SYMMETRIC_DEFAULT", DryRun: false });
  fails("kms", "Decrypt", { CiphertextBlob: encrypted.CiphertextBlob ?? "", EncryptionContext: context, DryRun: true, DryRunModifiers: ["IGNORE_CIPHERTEXT"] }, "DryRunOperationException");
  ok("kms", "ReEncrypt", {
    CiphertextBlob: encrypted.CiphertextBlob ?? "",
    SourceEncryptionContext: context,
    SourceKeyId: key,
    DestinationKeyId: other,
    DestinationEncryptionContext: { purpose: "moved" },
    SourceEncryptionAlgorithm: "SYMMETRIC_DEFAULT",
    DestinationEncryptionAlgorithm: "SYMMETRIC_DEFAULT",
    GrantTokens: ["token"],
    DryRun: false,
  });
  fails("kms", "ReEncrypt", { CiphertextBlob: encrypted.CiphertextBlob ?? "", SourceEncryptionContext: context, DestinationKeyId: other, DryRun: true, DryRunModifiers: ["IGNORE_CIPHERTEXT"] }, "DryRunOperationException");
  ok("kms", "GenerateDataKey", { KeyId: key, EncryptionContext: context, NumberOfBytes: 32, GrantTokens: ["token"], DryRun: false });
  ok("kms", "GenerateDataKeyWithoutPlaintext", { KeyId: key, EncryptionContext: context, KeySpec: "AES_128", GrantTokens: ["token"], DryRun: false });
  fails("kms", "GenerateDataKeyWithoutPlaintext", { KeyId: key, NumberOfBytes: 16, DryRun: true }, "DryRunOperationException");
  ok("kms", "GenerateDataKeyPair", { KeyId: key, EncryptionContext: context, KeyPairSpec: "ECC_NIST_P256", GrantTokens: ["token"], DryRun: false });
  ok("kms", "GenerateDataKeyPairWithoutPlaintext", { KeyId: key, EncryptionContext: context, KeyPairSpec: "ECC_NIST_P384", GrantTokens: ["token"], DryRun: false });
  fails("kms", "GenerateDataKeyPair", { KeyId: key, KeyPairSpec: "ECC_NIST_P256", DryRun: true }, "DryRunOperationException");
  ok("kms", "GenerateRandom", { NumberOfBytes: 16 });

  // Rotation and policies.
  ok("kms", "EnableKeyRotation", { KeyId: key, RotationPeriodInDays: 180 });
  ok("kms", "GetKeyRotationStatus", { KeyId: key });
  ok("kms", "RotateKeyOnDemand", { KeyId: key });
  ok("kms", "ListKeyRotations", { KeyId: key, IncludeKeyMaterial: "ALL_KEY_MATERIAL", Limit: 5 });
  ok("kms", "DisableKeyRotation", { KeyId: key });
  ok("kms", "GetKeyPolicy", { KeyId: key, PolicyName: "default" });
  ok("kms", "ListKeyPolicies", { KeyId: key, Limit: 5 });
  ok("kms", "PutKeyPolicy", { KeyId: key, PolicyName: "default", Policy: ROOT_POLICY, BypassPolicyLockoutSafetyCheck: false });
  ok("kms", "TagResource", { KeyId: key, Tags: [{ TagKey: "env", TagValue: "test" }] });
  ok("kms", "UntagResource", { KeyId: key, TagKeys: ["env"] });

  // Grants: created by the account's administrator for the operator, retired and revoked.
  const grant = ok("kms", "CreateGrant", {
    KeyId: key,
    GranteePrincipal: OPERATOR_ARN,
    RetiringPrincipal: ADMIN_ARN,
    Operations: ["Encrypt", "Decrypt", "RetireGrant"],
    Constraints: { EncryptionContextSubset: context },
    GrantTokens: ["token"],
    Name: "contract-grant",
    DryRun: false,
  });
  fails("kms", "CreateGrant", { KeyId: key, GranteePrincipal: OPERATOR_ARN, Operations: ["Encrypt"], DryRun: true }, "DryRunOperationException");
  ok("kms", "ListGrants", { KeyId: key, Limit: 10, GrantId: String(grant.GrantId), GranteePrincipal: OPERATOR_ARN });
  ok("kms", "ListGrants", { KeyId: key, Limit: 1, Marker: undefined });
  ok("kms", "ListRetirableGrants", { RetiringPrincipal: ADMIN_ARN, Limit: 10 });
  ok("kms", "Encrypt", { KeyId: key, Plaintext: b64("through the grant"), EncryptionContext: context, GrantTokens: [String(grant.GrantToken)] }, OPERATOR);
  fails("kms", "RetireGrant", { GrantToken: String(grant.GrantToken), DryRun: true }, "DryRunOperationException", OPERATOR);
  ok("kms", "RetireGrant", { GrantToken: String(grant.GrantToken) }, OPERATOR);
  const second = ok("kms", "CreateGrant", { KeyId: key, GranteePrincipal: OPERATOR_ARN, Operations: ["Encrypt"] });
  ok("kms", "RetireGrant", { KeyId: key, GrantId: String(second.GrantId) }, ROOT);
  const third = ok("kms", "CreateGrant", { KeyId: key, GranteePrincipal: OPERATOR_ARN, Operations: ["Decrypt"] });
  fails("kms", "RevokeGrant", { KeyId: key, GrantId: String(third.GrantId), DryRun: true }, "DryRunOperationException");
  ok("kms", "RevokeGrant", { KeyId: key, GrantId: String(third.GrantId) });

  // Signing and MAC keys.
  const signing = keyOf(ok("kms", "CreateKey", { KeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY" }));
  const signed = ok("kms", "Sign", { KeyId: signing, Message: b64("message"), MessageType: "RAW", GrantTokens: ["token"], SigningAlgorithm: "ECDSA_SHA_256", DryRun: false });
  fails("kms", "Sign", { KeyId: signing, Message: b64("message"), SigningAlgorithm: "ECDSA_SHA_256", DryRun: true }, "DryRunOperationException");
  ok("kms", "Verify", { KeyId: signing, Message: b64("message"), MessageType: "RAW", Signature: signed.Signature ?? "", GrantTokens: ["token"], SigningAlgorithm: "ECDSA_SHA_256", DryRun: false });
  fails("kms", "Verify", { KeyId: signing, Message: b64("message"), Signature: signed.Signature ?? "", SigningAlgorithm: "ECDSA_SHA_256", DryRun: true }, "DryRunOperationException");
  ok("kms", "GetPublicKey", { KeyId: signing, GrantTokens: ["token"] });
  const rsa = keyOf(ok("kms", "CreateKey", { KeySpec: "RSA_2048", KeyUsage: "ENCRYPT_DECRYPT" }));
  ok("kms", "GetPublicKey", { KeyId: rsa });
  const hmac = keyOf(ok("kms", "CreateKey", { KeySpec: "HMAC_256", KeyUsage: "GENERATE_VERIFY_MAC" }));
  const mac = ok("kms", "GenerateMac", { KeyId: hmac, Message: b64("message"), MacAlgorithm: "HMAC_SHA_256", GrantTokens: ["token"], DryRun: false });
  fails("kms", "GenerateMac", { KeyId: hmac, Message: b64("message"), MacAlgorithm: "HMAC_SHA_256", DryRun: true }, "DryRunOperationException");
  ok("kms", "VerifyMac", { KeyId: hmac, Message: b64("message"), MacAlgorithm: "HMAC_SHA_256", Mac: mac.Mac ?? "", GrantTokens: ["token"], DryRun: false });
  fails("kms", "VerifyMac", { KeyId: hmac, Message: b64("message"), MacAlgorithm: "HMAC_SHA_256", Mac: mac.Mac ?? "", DryRun: true }, "DryRunOperationException");

  // Imported key material (wrapped with Node's crypto, as the developer guide does with OpenSSL).
  const external = keyOf(ok("kms", "CreateKey", { Origin: "EXTERNAL", Description: "imported" }));
  const material = randomBytes(32);
  const importParameters = () => {
    const issued = ok("kms", "GetParametersForImport", { KeyId: external, WrappingAlgorithm: "RSAES_OAEP_SHA_256", WrappingKeySpec: "RSA_2048" });
    const publicKey = createPublicKey({ key: Buffer.from(fromBase64(String(issued.PublicKey))), format: "der", type: "spki" });
    return { token: String(issued.ImportToken), wrapped: publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, material).toString("base64") };
  };
  const first = importParameters();
  const imported = ok("kms", "ImportKeyMaterial", {
    KeyId: external,
    ImportToken: first.token,
    EncryptedKeyMaterial: first.wrapped,
    ValidTo: (engine.now + 30 * DAY) / 1000,
    ExpirationModel: "KEY_MATERIAL_EXPIRES",
    ImportType: "NEW_KEY_MATERIAL",
    KeyMaterialDescription: "first",
  });
  ok("kms", "DescribeKey", { KeyId: external });
  ok("kms", "ListKeyRotations", { KeyId: external });
  ok("kms", "ImportKeyMaterial", {
    KeyId: external,
    ImportToken: first.token,
    EncryptedKeyMaterial: first.wrapped,
    ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
    ImportType: "EXISTING_KEY_MATERIAL",
    KeyMaterialId: String(imported.KeyMaterialId),
  });
  ok("kms", "DeleteImportedKeyMaterial", { KeyId: external, KeyMaterialId: String(imported.KeyMaterialId) });
  ok("kms", "DescribeKey", { KeyId: external });

  // Multi-Region keys.
  const primary = keyOf(ok("kms", "CreateKey", { MultiRegion: true, Description: "multi-Region" }));
  ok("kms", "ReplicateKey", { KeyId: primary, ReplicaRegion: "eu-west-1", Policy: ROOT_POLICY, BypassPolicyLockoutSafetyCheck: false, Description: "replica", Tags: [{ TagKey: "copy", TagValue: "yes" }] });
  ok("kms", "UpdatePrimaryRegion", { KeyId: primary, PrimaryRegion: "eu-west-1" });
  ok("kms", "DescribeKey", { KeyId: primary });
  ok("kms", "DescribeKey", { KeyId: primary }, { region: "eu-west-1" });
  ok("kms", "Encrypt", { KeyId: primary, Plaintext: b64("everywhere") }, { region: "eu-west-1" });
  for (const id of [signing, rsa, hmac, "alias/aws/secretsmanager"]) ok("kms", "DescribeKey", { KeyId: id });
  ok("kms", "ListAliases", {});

  // Key lifecycle last.
  ok("kms", "DisableKey", { KeyId: other });
  ok("kms", "EnableKey", { KeyId: other });
  ok("kms", "ScheduleKeyDeletion", { KeyId: other, PendingWindowInDays: 7 });
  ok("kms", "DescribeKey", { KeyId: other });
  ok("kms", "CancelKeyDeletion", { KeyId: other });

  // ---------------------------------------------------------------- Secrets Manager
  const secret = ok("secretsmanager", "CreateSecret", {
    Name: "contract/db",
    ClientRequestToken: "10000000-0000-4000-8000-000000000001",
    Description: "contract secret",
    KmsKeyId: key,
    SecretString: '{"username":"app","password":"old"}',
    Tags: [{ Key: "team", Value: "contracts" }],
    AddReplicaRegions: [{ Region: "eu-west-1", KmsKeyId: "alias/aws/secretsmanager" }],
    ForceOverwriteReplicaSecret: false,
  });
  ok("secretsmanager", "CreateSecret", { Name: "contract/binary", SecretBinary: b64("bytes") });
  ok("secretsmanager", "DescribeSecret", { SecretId: "contract/db" });
  ok("secretsmanager", "GetSecretValue", { SecretId: "contract/db", VersionStage: "AWSCURRENT" });
  ok("secretsmanager", "GetSecretValue", { SecretId: "contract/binary", VersionId: undefined });
  ok("secretsmanager", "PutSecretValue", { SecretId: "contract/db", ClientRequestToken: "10000000-0000-4000-8000-000000000002", SecretString: '{"username":"app","password":"new"}', VersionStages: ["AWSCURRENT"] });
  ok("secretsmanager", "PutSecretValue", { SecretId: "contract/binary", SecretBinary: b64("more bytes") });
  ok("secretsmanager", "UpdateSecret", { SecretId: "contract/db", ClientRequestToken: "10000000-0000-4000-8000-000000000003", Description: "updated", KmsKeyId: key, SecretString: '{"username":"app","password":"newer"}' });
  ok("secretsmanager", "UpdateSecret", { SecretId: "contract/binary", SecretBinary: b64("other bytes") });
  ok("secretsmanager", "ListSecretVersionIds", { SecretId: "contract/db", MaxResults: 5, IncludeDeprecated: true });
  ok("secretsmanager", "UpdateSecretVersionStage", { SecretId: "contract/db", VersionStage: "custom", MoveToVersionId: "10000000-0000-4000-8000-000000000001" });
  ok("secretsmanager", "UpdateSecretVersionStage", { SecretId: "contract/db", VersionStage: "custom", RemoveFromVersionId: "10000000-0000-4000-8000-000000000001" });
  ok("secretsmanager", "ListSecrets", { IncludePlannedDeletion: true, MaxResults: 5, Filters: [{ Key: "name", Values: ["contract"] }], SortOrder: "asc", SortBy: "name" });
  ok("secretsmanager", "BatchGetSecretValue", { SecretIdList: ["contract/db", "contract/binary"] });
  ok("secretsmanager", "BatchGetSecretValue", { Filters: [{ Key: "name", Values: ["contract"] }], MaxResults: 5 });
  ok("secretsmanager", "GetRandomPassword", { PasswordLength: 20, ExcludeCharacters: "abc", ExcludeNumbers: false, ExcludePunctuation: true, ExcludeUppercase: false, ExcludeLowercase: false, IncludeSpace: false, RequireEachIncludedType: true });
  const resourcePolicy = policy([{ Effect: "Allow", Principal: { AWS: OPERATOR_ARN }, Action: "secretsmanager:GetSecretValue", Resource: "*" }]);
  ok("secretsmanager", "ValidateResourcePolicy", { SecretId: "contract/db", ResourcePolicy: resourcePolicy });
  ok("secretsmanager", "ValidateResourcePolicy", { ResourcePolicy: resourcePolicy });
  ok("secretsmanager", "PutResourcePolicy", { SecretId: "contract/db", ResourcePolicy: resourcePolicy, BlockPublicPolicy: true });
  ok("secretsmanager", "GetResourcePolicy", { SecretId: "contract/db" });
  ok("secretsmanager", "DeleteResourcePolicy", { SecretId: "contract/db" });
  ok("secretsmanager", "TagResource", { SecretId: "contract/db", Tags: [{ Key: "env", Value: "test" }] });
  ok("secretsmanager", "UntagResource", { SecretId: "contract/db", TagKeys: ["env"] });
  ok("secretsmanager", "ReplicateSecretToRegions", { SecretId: "contract/db", AddReplicaRegions: [{ Region: "eu-west-2", KmsKeyId: "alias/aws/secretsmanager" }], ForceOverwriteReplicaSecret: true });
  const rotationArn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:rotate`;
  ok("secretsmanager", "RotateSecret", { SecretId: "contract/binary", ClientRequestToken: "10000000-0000-4000-8000-000000000004", RotationLambdaARN: rotationArn, RotationRules: { AutomaticallyAfterDays: 30 }, RotateImmediately: false });
  ok("secretsmanager", "CancelRotateSecret", { SecretId: "contract/binary" });
  ok("secretsmanager", "RotateSecret", { SecretId: "contract/binary", RotationLambdaARN: rotationArn, RotationRules: { ScheduleExpression: "rate(10 days)", Duration: "2h" }, RotateImmediately: false });
  ok("secretsmanager", "DescribeSecret", { SecretId: "contract/binary" });
  ok("secretsmanager", "DescribeSecret", { SecretId: "contract/db" });
  ok("secretsmanager", "DeleteSecret", { SecretId: "contract/binary", RecoveryWindowInDays: 7 });
  ok("secretsmanager", "DescribeSecret", { SecretId: "contract/binary" });
  ok("secretsmanager", "ListSecrets", { IncludePlannedDeletion: true });
  ok("secretsmanager", "RestoreSecret", { SecretId: "contract/binary" });
  ok("secretsmanager", "DeleteSecret", { SecretId: "contract/binary", ForceDeleteWithoutRecovery: true });
  void secret;

  // ---------------------------------------------------------------- Parameter Store
  ok("ssm", "PutParameter", {
    Name: "/contract/a",
    Description: "contract parameter",
    Value: "abc",
    Type: "String",
    Overwrite: false,
    AllowedPattern: "^[a-z]+$",
    Tags: [{ Key: "team", Value: "contracts" }],
    Tier: "Standard",
    DataType: "text",
  });
  ok("ssm", "PutParameter", { Name: "/contract/a", Value: "abcd", Type: "String", Overwrite: true });
  ok("ssm", "PutParameter", {
    Name: "/contract/secure",
    Value: "s3cr3t",
    Type: "SecureString",
    KeyId: key,
    Tier: "Advanced",
    Policies: '[{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2026-12-01T00:00:00.000Z"}}]',
  });
  ok("ssm", "GetParameter", { Name: "/contract/secure", WithDecryption: true });
  ok("ssm", "GetParameters", { Names: ["/contract/a", "/contract/secure"], WithDecryption: true });
  ok("ssm", "GetParametersByPath", { Path: "/contract", Recursive: true, ParameterFilters: [{ Key: "Type", Option: "Equals", Values: ["String"] }], WithDecryption: false, MaxResults: 5 });
  ok("ssm", "DescribeParameters", { ParameterFilters: [{ Key: "Name", Option: "BeginsWith", Values: ["/contract"] }], MaxResults: 5, Shared: false });
  ok("ssm", "DescribeParameters", { Filters: [{ Key: "Name", Values: ["/contract/a"] }] });
  ok("ssm", "GetParameterHistory", { Name: "/contract/a", WithDecryption: false, MaxResults: 5 });
  ok("ssm", "LabelParameterVersion", { Name: "/contract/a", ParameterVersion: 1, Labels: ["first"] });
  ok("ssm", "LabelParameterVersion", { Name: "/contract/secure", Labels: ["current"] });
  ok("ssm", "GetParameter", { Name: "/contract/a:first" });
  ok("ssm", "GetParameter", { Name: "/contract/secure:current", WithDecryption: true });
  ok("ssm", "GetParameterHistory", { Name: "/contract/secure", WithDecryption: true });
  ok("ssm", "GetParameter", { Name: "/aws/reference/secretsmanager/contract/db", WithDecryption: true });
  ok("ssm", "GetParametersByPath", { Path: "/aws/service/global-infrastructure/regions", MaxResults: 2 });
  ok("ssm", "UnlabelParameterVersion", { Name: "/contract/a", ParameterVersion: 1, Labels: ["first"] });
  ok("ssm", "AddTagsToResource", { ResourceType: "Parameter", ResourceId: "/contract/a", Tags: [{ Key: "env", Value: "test" }] });
  ok("ssm", "ListTagsForResource", { ResourceType: "Parameter", ResourceId: "/contract/a" });
  ok("ssm", "RemoveTagsFromResource", { ResourceType: "Parameter", ResourceId: "/contract/a", TagKeys: ["env"] });
  ok("ssm", "GetServiceSetting", { SettingId: "/ssm/parameter-store/default-parameter-tier" });
  ok("ssm", "UpdateServiceSetting", { SettingId: "/ssm/parameter-store/default-parameter-tier", SettingValue: "Advanced" });
  ok("ssm", "ResetServiceSetting", { SettingId: "/ssm/parameter-store/default-parameter-tier" });
  ok("ssm", "DeleteParameters", { Names: ["/contract/secure", "/contract/none"] });
  ok("ssm", "DeleteParameter", { Name: "/contract/a" });

  // ---------------------------------------------------------------- STS
  engine.putRole(ACCOUNT, "contract-role", {
    trustedService: "ec2.amazonaws.com",
    trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "sts:AssumeRole" }] },
    policies: { Read: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: "*" }] } },
  });
  ok("sts", "AssumeRole", {
    RoleArn: `arn:aws:iam::${ACCOUNT}:role/contract-role`,
    RoleSessionName: "contract",
    PolicyArns: [{ arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
    Policy: policy([{ Effect: "Allow", Action: "*", Resource: "*" }]),
    DurationSeconds: 900,
    Tags: [{ Key: "team", Value: "contracts" }],
    TransitiveTagKeys: ["team"],
    ExternalId: "external-id",
    SerialNumber: "arn:aws:iam::123456789012:mfa/admin",
    TokenCode: "123456",
    SourceIdentity: "admin",
    ProvidedContexts: [{ ProviderArn: "arn:aws:iam::aws:contextProvider/IdentityCenter", ContextAssertion: "assertion" }],
  });
  ok("sts", "GetCallerIdentity", {});

  // ---------------------------------------------------------------- EC2
  engine.putRole(ACCOUNT, "web", { trustedService: "ec2.amazonaws.com", policies: {} });
  engine.putInstanceProfile(ACCOUNT, "web-profile", "web");
  const image = imagesOf("us-east-1")[0]!.imageId;
  ok("ec2", "DescribeImages", { ImageIds: [image], Owners: ["amazon"], Filters: [{ Name: "architecture", Values: ["x86_64"] }], ExecutableUsers: ["all"], IncludeDeprecated: false, IncludeDisabled: false, DryRun: false });
  ok("ec2", "DescribeImages", { MaxResults: 5, NextToken: undefined });
  const reservation = ok("ec2", "RunInstances", {
    ImageId: image,
    InstanceType: "t3.micro",
    MinCount: 1,
    MaxCount: 1,
    UserData: b64("#!/bin/bash\necho booted\n"),
    IamInstanceProfile: { Name: "web-profile" },
    TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "contract" }] }],
    ClientToken: "contract-token",
    DryRun: false,
  });
  fails("ec2", "RunInstances", { ImageId: image, MinCount: 1, MaxCount: 1, DryRun: true }, "DryRunOperation");
  const instanceId = String(((reservation.Instances as WireObject[] | undefined)?.[0] as WireObject | undefined)?.InstanceId);
  ok("ec2", "DescribeInstances", { InstanceIds: [instanceId], Filters: [{ Name: "instance-state-name", Values: ["running"] }], DryRun: false });
  ok("ec2", "DescribeInstances", { MaxResults: 5, NextToken: undefined, IncludeManagedResources: false });
  ok("ec2", "DescribeInstanceAttribute", { InstanceId: instanceId, Attribute: "instanceType", DryRun: false });
  ok("ec2", "DescribeInstanceAttribute", { InstanceId: instanceId, Attribute: "userData" });
  ok("ec2", "GetConsoleOutput", { InstanceId: instanceId, Latest: true, DryRun: false });
  fails("ec2", "TerminateInstances", { InstanceIds: [instanceId], DryRun: true }, "DryRunOperation");
  ok("ec2", "TerminateInstances", { InstanceIds: [instanceId], Force: false, SkipOsShutdown: false });

  // ---------------------------------------------------------------- Lambda
  engine.putRole(ACCOUNT, "fn-role", { trustedService: "lambda.amazonaws.com", policies: {} });
  const roleArn = `arn:aws:iam::${ACCOUNT}:role/fn-role`;
  const handler = 'handler() {\n  echo "{\\"got\\": $1}"\n}\n';
  const zip = toBase64(zipSync({ "function.sh": new TextEncoder().encode(handler) }));
  ok("lambda", "CreateFunction", {
    FunctionName: "contract-fn",
    Runtime: "provided.al2023",
    Role: roleArn,
    Handler: "function.handler",
    Code: { ZipFile: zip },
    Description: "contract function",
    Timeout: 10,
    MemorySize: 256,
    Publish: false,
    PackageType: "Zip",
    Environment: { Variables: { MODE: "test" } },
    Tags: { team: "contracts" },
    Architectures: ["x86_64"],
  });
  ok("lambda", "GetFunction", { FunctionName: "contract-fn", Qualifier: "$LATEST" });
  ok("lambda", "GetFunctionConfiguration", { FunctionName: "contract-fn", Qualifier: "$LATEST" });
  ok("lambda", "GetFunction", { FunctionName: "rotate" });
  ok("lambda", "ListFunctions", { MasterRegion: undefined, FunctionVersion: "ALL", MaxItems: 1 });
  ok("lambda", "ListFunctions", { Marker: "1", MaxItems: 5 });
  const updated = ok("lambda", "UpdateFunctionConfiguration", {
    FunctionName: "contract-fn",
    Role: roleArn,
    Handler: "function.handler",
    Description: "updated",
    Timeout: 5,
    MemorySize: 128,
    Environment: { Variables: { MODE: "prod" } },
    Runtime: "provided.al2023",
  });
  ok("lambda", "UpdateFunctionCode", { FunctionName: "contract-fn", ZipFile: zip, Publish: false, DryRun: true, RevisionId: String(updated.RevisionId) });
  ok("lambda", "UpdateFunctionCode", { FunctionName: "contract-fn", ZipFile: zip });
  ok("lambda", "Invoke", { FunctionName: "contract-fn", InvocationType: "RequestResponse", LogType: "Tail", ClientContext: b64("{}"), Payload: b64('{"a":1}'), Qualifier: "$LATEST" });
  ok("lambda", "Invoke", { FunctionName: "contract-fn", InvocationType: "Event", Payload: b64('{"a":2}') });
  ok("lambda", "Invoke", { FunctionName: "contract-fn", InvocationType: "DryRun" });
  ok("lambda", "DeleteFunction", { FunctionName: "contract-fn", Qualifier: "$LATEST" });

  // ---------------------------------------------------------------- CloudFormation
  const template = JSON.stringify({
    Description: "contract stack",
    Parameters: { Value: { Type: "String", Default: "v" } },
    Resources: { P: { Type: "AWS::SSM::Parameter", Properties: { Name: "/cfn/contract", Type: "String", Value: { Ref: "Value" } } } },
    Outputs: { Name: { Value: { Ref: "P" } } },
  });
  ok("cloudformation", "ValidateTemplate", { TemplateBody: template });
  fails("cloudformation", "ValidateTemplate", { TemplateURL: "https://s3.amazonaws.com/bucket/template.json" }, "ValidationError");
  fails("cloudformation", "CreateStack", { StackName: "from-s3", TemplateURL: "https://s3.amazonaws.com/bucket/template.json" }, "ValidationError");
  ok("cloudformation", "CreateStack", {
    StackName: "contract",
    TemplateBody: template,
    Parameters: [{ ParameterKey: "Value", ParameterValue: "w" }],
    TimeoutInMinutes: 5,
    NotificationARNs: [],
    Capabilities: ["CAPABILITY_IAM"],
    ResourceTypes: ["AWS::SSM::Parameter"],
    OnFailure: "ROLLBACK",
    StackPolicyBody: policy([{ Effect: "Allow", Action: "Update:*", Principal: "*", Resource: "*" }]),
    Tags: [{ Key: "team", Value: "contracts" }],
    ClientRequestToken: "contract-token",
    EnableTerminationProtection: false,
    RetainExceptOnCreate: false,
  });
  ok("cloudformation", "DescribeStacks", { StackName: "contract" });
  const failing = JSON.stringify({ Resources: { P: { Type: "AWS::SSM::Parameter", Properties: { Name: "/cfn/ok", Type: "String", Value: "v" } }, S: { Type: "AWS::SecretsManager::Secret", Properties: { Name: "cfn-secret", KmsKeyId: "alias/missing", SecretString: "x" } } } });
  ok("cloudformation", "CreateStack", { StackName: "rolled-back", TemplateBody: failing });
  ok("cloudformation", "DescribeStackEvents", { StackName: "rolled-back" });
  ok("cloudformation", "DescribeStacks", {});
  ok("cloudformation", "DescribeStackEvents", { StackName: "contract" });
  ok("cloudformation", "DescribeStackResources", { StackName: "contract", LogicalResourceId: "P" });
  ok("cloudformation", "DescribeStackResources", { PhysicalResourceId: "/cfn/contract" });
  ok("cloudformation", "ListStackResources", { StackName: "contract" });
  ok("cloudformation", "GetTemplate", { StackName: "contract", TemplateStage: "Original" });
  ok("cloudformation", "ListStacks", { StackStatusFilter: ["CREATE_COMPLETE"] });
  ok("cloudformation", "DeleteStack", { StackName: "contract", ClientRequestToken: "contract-delete", RetainResources: [], RoleARN: undefined });

  // ---------------------------------------------------------------- CloudTrail
  ok("cloudtrail", "LookupEvents", { LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "CreateKey" }], StartTime: engine.now / 1000 - 3600, EndTime: engine.now / 1000 + 60, EventCategory: undefined, MaxResults: 2 });
  const page = ok("cloudtrail", "LookupEvents", { MaxResults: 1 });
  if (page.NextToken) ok("cloudtrail", "LookupEvents", { MaxResults: 1, NextToken: page.NextToken });
  ok("cloudtrail", "LookupEvents", { EventCategory: "insight" });

  // Scheduled work (rotations, deletions, expiry) runs nested calls through the same handlers.
  engine.advanceClock(400 * DAY);
  ok("kms", "ListKeys", {});
  return result;
}
