import { CreateAliasCommand, CreateKeyCommand, DeleteAliasCommand, DescribeKeyCommand, EnableKeyRotationCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, KMSClient, ListResourceTagsCommand, paginateListAliases, PutKeyPolicyCommand, ScheduleKeyDeletionCommand, TagResourceCommand, UpdateAliasCommand, UpdateKeyDescriptionCommand, type AliasListEntry } from "@aws-sdk/client-kms";
import { CreateSecretCommand, DeleteSecretCommand, DescribeSecretCommand, GetResourcePolicyCommand, GetSecretValueCommand, PutSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { DeleteParameterCommand, GetParameterCommand, ListTagsForResourceCommand, paginateDescribeParameters, ParameterNotFound, PutParameterCommand, SSMClient, type ParameterMetadata } from "@aws-sdk/client-ssm";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEndpoint, type RunningEndpoint } from "@/lib/endpoint";
import { createEngine } from "@/lib/sandbox";

/**
 * The calls Terraform's AWS provider (hashicorp/terraform-provider-aws 6.x: key.go
 * at commit 00a35305, whose version/VERSION is 6.36.0; the other files at the newest
 * commits that could be read, 2024 to 2026; paths under internal/service/ unless
 * another repository is named)
 * makes for the chapter's configuration, replayed through the AWS SDK for JavaScript v3 against the
 * endpoint, in the order `terraform apply`, a second apply with changes, and
 * `terraform destroy` make them. The provider's waiters poll until a condition
 * holds several times in a row (ContinuousTargetOccurence 5); they are replayed
 * as five calls. Expected values come from the requests sent and AWS's API
 * reference, not from the sandbox's answers.
 */
let endpoint: RunningEndpoint;
const engine = createEngine({ seed: 1, now: "2026-02-01T09:00:00Z" });
const config = () => ({ endpoint: endpoint.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
let kms: KMSClient, secrets: SecretsManagerClient, ssm: SSMClient, sts: STSClient;

beforeAll(async () => {
  endpoint = await startEndpoint({ engine });
  [kms, secrets, ssm, sts] = [new KMSClient(config()), new SecretsManagerClient(config()), new SSMClient(config()), new STSClient(config())];
});
afterAll(async () => {
  for (const client of [kms, secrets, ssm, sts]) client.destroy();
  await endpoint.close();
});

/** A provider waiter: the same read five times, each answer checked. */
async function waiter<T>(read: () => Promise<T>, check: (answer: T) => void): Promise<void> {
  for (let poll = 0; poll < 5; poll++) check(await read());
}
/** The provider's ClientRequestToken: terraform-plugin-sdk helper/id.UniqueId() ("terraform-" + 18-digit UTC time + 8 hex digits). */
const uniqueId = (counter: number) => `terraform-202602010900000000${counter.toString(16).padStart(8, "0")}`;
const tagMap = (tags: { TagKey?: string; TagValue?: string }[] = []) => Object.fromEntries(tags.map((tag) => [tag.TagKey, tag.TagValue]));
async function findAlias(name: string): Promise<AliasListEntry | undefined> {
  for await (const page of paginateListAliases({ client: kms }, {})) for (const alias of page.Aliases ?? []) if (alias.AliasName === name) return alias;
  return undefined;
}
async function findParameterMetadata(name: string): Promise<ParameterMetadata[]> {
  const found: ParameterMetadata[] = [];
  for await (const page of paginateDescribeParameters({ client: ssm }, { ParameterFilters: [{ Key: "Name", Option: "Equals", Values: [name] }] })) found.push(...(page.Parameters ?? []));
  return found;
}

const region = "us-east-1";
const aliasName = "alias/keystone-27";
const parameterName = "/keystone/db/password";
const defaultPolicyName = "default";
let account: string, keyId: string, keyArn: string, secretArn: string, versionId: string;

describe("terraform apply, as the provider calls it", () => {
  it("configures: sts:GetCallerIdentity gives the account from the caller's ARN (aws-sdk-go-base aws_config.go, awsauth.go)", async () => {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toMatch(/^\d{12}$/);
    // awsauth.go parseAccountIDAndPartitionFromARN: arn:PARTITION:SERVICE::ACCOUNT:RESOURCE.
    const [prefix, partition, , , arnAccount] = identity.Arn!.split(":");
    expect([prefix, partition, arnAccount]).toEqual(["arn", "aws", identity.Account]);
    expect(identity.UserId).toBeTruthy(); // data "aws_caller_identity" sets account_id, arn, user_id (sts/caller_identity_data_source.go)
    account = identity.Account!;
  });

  it("aws_kms_key: CreateKey, EnableKeyRotation and its waiter, the tag waiter, then the read (kms/key.go resourceKeyCreate, findKeyInfo; kms/tags_gen.go)", async () => {
    const created = await kms.send(new CreateKeyCommand({ Description: "Keystone chapter 27", KeySpec: "SYMMETRIC_DEFAULT", KeyUsage: "ENCRYPT_DECRYPT", Tags: [{ TagKey: "Chapter", TagValue: "27" }] }));
    keyId = created.KeyMetadata!.KeyId!;
    keyArn = `arn:aws:kms:${region}:${account}:key/${keyId}`;
    await kms.send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 365 }));
    // waitKeyRotationEnabledPropagated compares KeyRotationEnabled and, when configured, RotationPeriodInDays.
    await waiter(() => kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId })), (status) => expect([status.KeyRotationEnabled, status.RotationPeriodInDays]).toEqual([true, 365]));
    await waiter(() => kms.send(new ListResourceTagsCommand({ KeyId: keyId })), (page) => expect(tagMap(page.Tags)).toEqual({ Chapter: "27" }));
    // Read: DescribeKey, GetKeyPolicy (PolicyName "default"), GetKeyRotationStatus (Origin AWS_KMS), ListResourceTags.
    const { KeyMetadata: key } = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(key).toMatchObject({ Arn: keyArn, KeyId: keyId, Description: "Keystone chapter 27", Enabled: true, KeySpec: "SYMMETRIC_DEFAULT", KeyUsage: "ENCRYPT_DECRYPT", Origin: "AWS_KMS", KeyState: "Enabled", MultiRegion: false });
    expect([key!.CustomKeyStoreId, key!.XksKeyConfiguration]).toEqual([undefined, undefined]);
    const { Policy } = await kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: defaultPolicyName }));
    // The default key policy for a key created through the API (KMS developer guide, "Default key policy").
    expect(JSON.parse(Policy!).Statement).toContainEqual({ Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "kms:*", Resource: "*" });
    const rotation = await kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }));
    expect([rotation.KeyRotationEnabled, rotation.RotationPeriodInDays]).toEqual([true, 365]);
    const tags = await kms.send(new ListResourceTagsCommand({ KeyId: keyId }));
    expect([tagMap(tags.Tags), tags.Truncated ?? false]).toEqual([{ Chapter: "27" }, false]);
  });

  it("aws_kms_alias: CreateAlias, then ListAliases through every page, matched by name (kms/alias.go)", async () => {
    await kms.send(new CreateAliasCommand({ AliasName: aliasName, TargetKeyId: keyId }));
    const alias = await findAlias(aliasName);
    expect(alias).toMatchObject({ AliasName: aliasName, AliasArn: `arn:aws:kms:${region}:${account}:${aliasName}`, TargetKeyId: keyId });
    // aliasARNToKeyARN: target_key_arn is the alias ARN with "alias/NAME" replaced by "key/TARGET".
    expect(alias!.AliasArn!.replace(/alias\/.*$/, `key/${alias!.TargetKeyId}`)).toBe(keyArn);
  });

  it("aws_ssm_parameter: PutParameter (Overwrite false, AllowedPattern \"\"), GetParameter, DescribeParameters, ListTagsForResource (ssm/parameter.go, tags interceptor)", async () => {
    const put = await ssm.send(new PutParameterCommand({ AllowedPattern: "", Name: parameterName, Overwrite: false, Type: "SecureString", Value: "correct-horse-27", Description: "Keystone database password", KeyId: keyArn, Tags: [{ Key: "Chapter", Value: "27" }] }));
    expect([put.Version, put.Tier]).toEqual([1, "Standard"]);
    const { Parameter } = await ssm.send(new GetParameterCommand({ Name: parameterName, WithDecryption: true }));
    expect(Parameter).toMatchObject({ ARN: `arn:aws:ssm:${region}:${account}:parameter${parameterName}`, Name: parameterName, Type: "SecureString", Version: 1, Value: "correct-horse-27" });
    const metadata = await findParameterMetadata(parameterName);
    expect(metadata).toHaveLength(1); // tfresource.AssertSingleValueResult
    expect(metadata[0]).toMatchObject({ Description: "Keystone database password", KeyId: keyArn, DataType: "text", Tier: "Standard" });
    expect(metadata[0]!.AllowedPattern ?? "").toBe("");
    const { TagList } = await ssm.send(new ListTagsForResourceCommand({ ResourceType: "Parameter", ResourceId: parameterName }));
    expect(TagList).toEqual([{ Key: "Chapter", Value: "27" }]);
  });

  it("aws_secretsmanager_secret: CreateSecret with a terraform- token, DescribeSecret (create wait and read), GetResourcePolicy (secretsmanager/secret.go)", async () => {
    const created = await secrets.send(new CreateSecretCommand({ ClientRequestToken: uniqueId(1), Description: "Keystone database credentials", Name: "keystone/db", KmsKeyId: keyArn, Tags: [{ Key: "Chapter", Value: "27" }] }));
    expect(created.ARN).toMatch(new RegExp(`^arn:aws:secretsmanager:${region}:${account}:secret:keystone/db-[A-Za-z0-9]{6}$`));
    expect(created.VersionId).toBeUndefined(); // no SecretString: no version is created
    secretArn = created.ARN!;
    const described = await secrets.send(new DescribeSecretCommand({ SecretId: secretArn }));
    expect(described).toMatchObject({ ARN: secretArn, Name: "keystone/db", Description: "Keystone database credentials", KmsKeyId: keyArn, Tags: [{ Key: "Chapter", Value: "27" }] });
    expect([described.DeletedDate, described.ReplicationStatus]).toEqual([undefined, undefined]);
    const policy = await secrets.send(new GetResourcePolicyCommand({ SecretId: secretArn }));
    expect([policy.ARN, policy.Name, policy.ResourcePolicy]).toEqual([secretArn, "keystone/db", undefined]);
  });

  it("aws_secretsmanager_secret_version: PutSecretValue, then GetSecretValue by VersionId (secretsmanager/secret_version.go)", async () => {
    versionId = uniqueId(2);
    const put = await secrets.send(new PutSecretValueCommand({ ClientRequestToken: versionId, SecretId: secretArn, SecretString: '{"username":"keystone","password":"correct-horse-27"}' }));
    // The ClientRequestToken becomes the new version's VersionId; AWSCURRENT moves to it.
    expect([put.ARN, put.VersionId, put.VersionStages]).toEqual([secretArn, versionId, ["AWSCURRENT"]]);
    const read = await secrets.send(new GetSecretValueCommand({ SecretId: secretArn, VersionId: versionId }));
    expect(read).toMatchObject({ ARN: secretArn, VersionId: versionId, VersionStages: ["AWSCURRENT"], SecretString: '{"username":"keystone","password":"correct-horse-27"}' });
    expect(read.SecretBinary).toBeUndefined();
  });

  it("data sources: aws_kms_key by alias, aws_secretsmanager_secret_version (AWSCURRENT), aws_ssm_parameter (key_data_source.go, secret_version_data_source.go, parameter_data_source.go)", async () => {
    const { KeyMetadata: key } = await kms.send(new DescribeKeyCommand({ KeyId: aliasName }));
    expect(key).toMatchObject({ KeyId: keyId, Arn: keyArn, AWSAccountId: account, CustomerMasterKeySpec: "SYMMETRIC_DEFAULT", KeyManager: "CUSTOMER", KeyState: "Enabled", Origin: "AWS_KMS" });
    expect(key!.CreationDate).toBeInstanceOf(Date); // formatted with time.RFC3339
    const current = await secrets.send(new GetSecretValueCommand({ SecretId: "keystone/db", VersionStage: "AWSCURRENT" }));
    expect(current).toMatchObject({ ARN: secretArn, VersionId: versionId, VersionStages: ["AWSCURRENT"] });
    expect(current.CreatedDate).toBeInstanceOf(Date); // dereferenced without a nil check: it must be present
    const { Parameter } = await ssm.send(new GetParameterCommand({ Name: parameterName, WithDecryption: true }));
    expect(Parameter).toMatchObject({ Name: parameterName, Type: "SecureString", Value: "correct-horse-27", Version: 1 });
  });
});

describe("a second apply with changes", () => {
  it("aws_kms_key: tags (TagResource, tag waiter), UpdateKeyDescription and its waiter, PutKeyPolicy and its waiter (tags_gen.go updateTags, key.go resourceKeyUpdate)", async () => {
    await kms.send(new TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: "Chapter", TagValue: "28" }] }));
    await waiter(() => kms.send(new ListResourceTagsCommand({ KeyId: keyId })), (page) => expect(tagMap(page.Tags)).toEqual({ Chapter: "28" }));
    await kms.send(new UpdateKeyDescriptionCommand({ KeyId: keyId, Description: "Keystone chapter 28" }));
    await waiter(() => kms.send(new DescribeKeyCommand({ KeyId: keyId })), ({ KeyMetadata }) => expect(KeyMetadata!.Description).toBe("Keystone chapter 28"));
    const policy = {
      Version: "2012-10-17",
      Id: "keystone",
      Statement: [
        { Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "kms:*", Resource: "*" },
        { Sid: "AllowSecretsManager", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: "*", Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${region}.amazonaws.com` } } },
      ],
    };
    // structure.NormalizeJsonString: compact JSON. The waiter compares with awspolicy.PoliciesAreEquivalent.
    await kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: JSON.stringify(policy), PolicyName: defaultPolicyName }));
    await waiter(() => kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: defaultPolicyName })), ({ Policy }) => expect(JSON.parse(Policy!)).toEqual(policy));
  });

  it("aws_kms_alias: UpdateAlias to another key, then the read (kms/alias.go resourceAliasUpdate)", async () => {
    const other = (await kms.send(new CreateKeyCommand({ KeySpec: "SYMMETRIC_DEFAULT", KeyUsage: "ENCRYPT_DECRYPT" }))).KeyMetadata!.KeyId!;
    await kms.send(new UpdateAliasCommand({ AliasName: aliasName, TargetKeyId: other }));
    expect((await findAlias(aliasName))?.TargetKeyId).toBe(other);
    await kms.send(new UpdateAliasCommand({ AliasName: aliasName, TargetKeyId: keyId }));
    expect((await findAlias(aliasName))?.TargetKeyId).toBe(keyId);
  });

  it("aws_ssm_parameter: a new value is PutParameter with Overwrite true and the state's Tier, no Tags (ssm/parameter.go resourceParameterUpdate)", async () => {
    const put = await ssm.send(new PutParameterCommand({ AllowedPattern: "", Name: parameterName, Overwrite: true, Tier: "Standard", Type: "SecureString", Value: "battery-staple-28" }));
    expect(put.Version).toBe(2);
    const { Parameter } = await ssm.send(new GetParameterCommand({ Name: parameterName, WithDecryption: true }));
    expect(Parameter).toMatchObject({ Version: 2, Value: "battery-staple-28" });
    // The provider sends Description only when it changes and reads it back: it must survive the overwrite.
    expect((await findParameterMetadata(parameterName))[0]?.Description).toBe("Keystone database password");
  });
});

describe("terraform destroy, in reverse dependency order", () => {
  it("aws_secretsmanager_secret_version: only AWSCURRENT, so no stage is removed; the delete wait reads the version (secret_version.go resourceSecretVersionDelete)", async () => {
    const read = await secrets.send(new GetSecretValueCommand({ SecretId: secretArn, VersionId: versionId }));
    expect(read.VersionStages).toEqual(["AWSCURRENT"]); // treated as gone by the provider's RetryUntilNotFound
  });

  it("aws_secretsmanager_secret: DeleteSecret with RecoveryWindowInDays 30 (the default), then DescribeSecret shows DeletedDate (secret.go resourceSecretDelete, findSecretByID)", async () => {
    const deleted = await secrets.send(new DeleteSecretCommand({ SecretId: secretArn, RecoveryWindowInDays: 30 }));
    expect(deleted.DeletionDate!.getTime()).toBe(Date.parse("2026-03-03T09:00:00Z")); // now + 30 days
    const described = await secrets.send(new DescribeSecretCommand({ SecretId: secretArn }));
    expect(described.DeletedDate).toBeInstanceOf(Date);
  });

  it("aws_secretsmanager_secret with recovery_window_in_days = 0: ForceDeleteWithoutRecovery, then DescribeSecret is not found", async () => {
    const { ARN } = await secrets.send(new CreateSecretCommand({ ClientRequestToken: uniqueId(3), Description: "", Name: "keystone/scratch" }));
    await secrets.send(new DeleteSecretCommand({ SecretId: ARN, ForceDeleteWithoutRecovery: true }));
    await expect(secrets.send(new DescribeSecretCommand({ SecretId: ARN }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it("aws_ssm_parameter: DeleteParameter by name (parameter.go resourceParameterDelete)", async () => {
    await ssm.send(new DeleteParameterCommand({ Name: parameterName }));
    await expect(ssm.send(new GetParameterCommand({ Name: parameterName, WithDecryption: true }))).rejects.toBeInstanceOf(ParameterNotFound);
  });

  it("aws_kms_alias: DeleteAlias, then the alias is gone from ListAliases (alias.go resourceAliasDelete)", async () => {
    await kms.send(new DeleteAliasCommand({ AliasName: aliasName }));
    expect(await findAlias(aliasName)).toBeUndefined();
  });

  it("aws_kms_key: ScheduleKeyDeletion (deletion_window_in_days 7), then waitKeyDeleted sees PendingDeletion (key.go resourceKeyDelete)", async () => {
    const scheduled = await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    expect([scheduled.KeyId, scheduled.KeyState, scheduled.PendingWindowInDays]).toEqual([keyArn, "PendingDeletion", 7]);
    expect(scheduled.DeletionDate!.getTime()).toBe(Date.parse("2026-02-08T09:00:00Z"));
    const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(KeyMetadata!.KeyState).toBe("PendingDeletion"); // findKeyByID: logically deleted, the waiter's target
  });
});
