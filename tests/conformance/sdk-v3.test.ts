import { CreateAliasCommand, CreateKeyCommand, DecryptCommand, DescribeKeyCommand, DisableKeyCommand, EncryptCommand, GenerateDataKeyCommand, KMSClient, KMSInvalidStateException, NotFoundException, paginateListAliases, paginateListKeys, ScheduleKeyDeletionCommand } from "@aws-sdk/client-kms";
import { CreateSecretCommand, GetSecretValueCommand, paginateListSecrets, PutSecretValueCommand, ResourceExistsException, ResourceNotFoundException, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { GetParameterCommand, ParameterAlreadyExists, ParameterNotFound, paginateGetParametersByPath, PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEndpoint, type RunningEndpoint } from "@/lib/endpoint";
import { createEngine } from "@/lib/sandbox";

/**
 * The AWS SDK for JavaScript v3 (the real clients, from npm) against the
 * sandbox's endpoint: requests serialized, answers deserialized and errors
 * raised as the SDK does against AWS, through its own middleware (endpoint
 * resolution, SigV4 signing, retries, paginators). What is checked comes from
 * AWS's API models as the SDK ships them: the typed output members, the
 * modeled exception classes and their HTTP statuses, the paginators' tokens.
 */
let endpoint: RunningEndpoint;
const engine = createEngine({ seed: 14, now: "2026-02-01T09:00:00Z" });
const config = () => ({ endpoint: endpoint.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
let kms: KMSClient;
let secrets: SecretsManagerClient;
let ssm: SSMClient;

beforeAll(async () => {
  endpoint = await startEndpoint({ engine });
  kms = new KMSClient(config());
  secrets = new SecretsManagerClient(config());
  ssm = new SSMClient(config());
});
afterAll(async () => {
  for (const client of [kms, secrets, ssm]) client.destroy();
  await endpoint.close();
});

/** The error the SDK raised for a command, with what it deserialized. */
async function failure(promise: Promise<unknown>): Promise<Error & { name: string; $metadata: { httpStatusCode?: number }; $fault: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { name: string; $metadata: { httpStatusCode?: number }; $fault: string };
  }
  throw new Error("the command succeeded");
}

describe("KMS through @aws-sdk/client-kms", () => {
  it("creates a key, encrypts and decrypts with it, and makes a data key (envelope encryption)", async () => {
    const created = await kms.send(new CreateKeyCommand({ Description: "sdk" }));
    const keyId = created.KeyMetadata!.KeyId!;
    expect(created.KeyMetadata!.CreationDate).toBeInstanceOf(Date);
    expect(created.KeyMetadata!.KeySpec).toBe("SYMMETRIC_DEFAULT");
    const plaintext = new TextEncoder().encode("Hello, KMS!\n");
    const encrypted = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext, EncryptionContext: { purpose: "sdk" } }));
    expect(encrypted.CiphertextBlob).toBeInstanceOf(Uint8Array);
    const decrypted = await kms.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob, EncryptionContext: { purpose: "sdk" } }));
    expect(new TextDecoder().decode(decrypted.Plaintext)).toBe("Hello, KMS!\n");
    expect(decrypted.KeyId).toBe(created.KeyMetadata!.Arn);
    const dataKey = await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: "AES_256" }));
    expect(dataKey.Plaintext).toHaveLength(32);
    const opened = await kms.send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob }));
    expect(opened.Plaintext).toEqual(dataKey.Plaintext);
  });

  it("raises the modeled exceptions: NotFoundException, KMSInvalidStateException, a failed Decrypt", async () => {
    const missing = await failure(kms.send(new DescribeKeyCommand({ KeyId: "alias/nope" })));
    expect(missing).toBeInstanceOf(NotFoundException);
    expect([missing.$metadata.httpStatusCode, missing.$fault]).toEqual([400, "client"]);
    const keyId = (await kms.send(new CreateKeyCommand({}))).KeyMetadata!.KeyId!;
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    const disabled = await failure(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array([1]) })));
    expect(disabled.name).toBe("DisabledException");
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    expect(await failure(kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 })))).toBeInstanceOf(KMSInvalidStateException);
    const tampered = await failure(kms.send(new DecryptCommand({ CiphertextBlob: new Uint8Array(64) })));
    expect(tampered.name).toBe("InvalidCiphertextException");
  });

  it("pages through ListKeys and ListAliases with the SDK's paginators", async () => {
    for (let index = 0; index < 12; index++) {
      const keyId = (await kms.send(new CreateKeyCommand({}))).KeyMetadata!.KeyId!;
      await kms.send(new CreateAliasCommand({ AliasName: `alias/sdk-${index}`, TargetKeyId: keyId }));
    }
    const keys: string[] = [];
    let pages = 0;
    for await (const page of paginateListKeys({ client: kms, pageSize: 5 }, {})) {
      pages += 1;
      keys.push(...(page.Keys ?? []).map((key) => key.KeyId!));
    }
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThanOrEqual(14);
    expect(pages).toBe(Math.ceil(keys.length / 5));
    const aliases: string[] = [];
    for await (const page of paginateListAliases({ client: kms, pageSize: 4 }, {})) aliases.push(...(page.Aliases ?? []).map((alias) => alias.AliasName!));
    expect(aliases.filter((name) => name.startsWith("alias/sdk-"))).toHaveLength(12);
  });
});

describe("Secrets Manager through @aws-sdk/client-secrets-manager", () => {
  it("creates, reads and updates a secret, with version stages", async () => {
    const created = await secrets.send(new CreateSecretCommand({ Name: "sdk/db", SecretString: '{"user":"admin"}' }));
    expect(created.ARN).toMatch(/^arn:aws:secretsmanager:us-east-1:\d{12}:secret:sdk\/db-[A-Za-z0-9]{6}$/);
    const read = await secrets.send(new GetSecretValueCommand({ SecretId: "sdk/db" }));
    expect([read.SecretString, read.VersionStages, read.CreatedDate instanceof Date]).toEqual(['{"user":"admin"}', ["AWSCURRENT"], true]);
    const put = await secrets.send(new PutSecretValueCommand({ SecretId: "sdk/db", SecretString: '{"user":"admin2"}' }));
    const previous = await secrets.send(new GetSecretValueCommand({ SecretId: "sdk/db", VersionStage: "AWSPREVIOUS" }));
    expect(previous.SecretString).toBe('{"user":"admin"}');
    expect((await secrets.send(new GetSecretValueCommand({ SecretId: "sdk/db" }))).VersionId).toBe(put.VersionId);
  });

  it("raises ResourceNotFoundException and ResourceExistsException", async () => {
    const missing = await failure(secrets.send(new GetSecretValueCommand({ SecretId: "sdk/none" })));
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect(missing.message).toBe("Secrets Manager can't find the specified secret.");
    await secrets.send(new CreateSecretCommand({ Name: "sdk/twice", SecretString: "x" }));
    expect(await failure(secrets.send(new CreateSecretCommand({ Name: "sdk/twice", SecretString: "x" })))).toBeInstanceOf(ResourceExistsException);
  });

  it("pages through ListSecrets", async () => {
    for (let index = 0; index < 7; index++) await secrets.send(new CreateSecretCommand({ Name: `sdk/page-${index}`, SecretString: "x" }));
    const names: string[] = [];
    for await (const page of paginateListSecrets({ client: secrets, pageSize: 3 }, {})) names.push(...(page.SecretList ?? []).map((secret) => secret.Name!));
    expect(names.filter((name) => name.startsWith("sdk/page-")).sort()).toEqual(Array.from({ length: 7 }, (_, index) => `sdk/page-${index}`));
  });
});

describe("Parameter Store through @aws-sdk/client-ssm", () => {
  it("stores a SecureString and reads it back decrypted, with versions", async () => {
    const put = await ssm.send(new PutParameterCommand({ Name: "/sdk/db/password", Value: "s3cret", Type: "SecureString" }));
    expect([put.Version, put.Tier]).toEqual([1, "Standard"]);
    const hidden = await ssm.send(new GetParameterCommand({ Name: "/sdk/db/password" }));
    expect(hidden.Parameter!.Value).not.toBe("s3cret");
    const shown = await ssm.send(new GetParameterCommand({ Name: "/sdk/db/password", WithDecryption: true }));
    expect([shown.Parameter!.Value, shown.Parameter!.Type, shown.Parameter!.LastModifiedDate instanceof Date]).toEqual(["s3cret", "SecureString", true]);
    const again = await ssm.send(new PutParameterCommand({ Name: "/sdk/db/password", Value: "n3w", Type: "SecureString", Overwrite: true }));
    expect(again.Version).toBe(2);
  });

  it("raises ParameterNotFound and ParameterAlreadyExists", async () => {
    expect(await failure(ssm.send(new GetParameterCommand({ Name: "/sdk/none" })))).toBeInstanceOf(ParameterNotFound);
    await ssm.send(new PutParameterCommand({ Name: "/sdk/once", Value: "x", Type: "String" }));
    expect(await failure(ssm.send(new PutParameterCommand({ Name: "/sdk/once", Value: "y", Type: "String" })))).toBeInstanceOf(ParameterAlreadyExists);
  });

  it("follows GetParametersByPath's pages (at most 10 a call) with the paginator", async () => {
    for (let index = 0; index < 25; index++) await ssm.send(new PutParameterCommand({ Name: `/sdk/tree/p${index}`, Value: `v${index}`, Type: "String" }));
    let pages = 0;
    const names: string[] = [];
    for await (const page of paginateGetParametersByPath({ client: ssm }, { Path: "/sdk/tree", Recursive: true })) {
      pages += 1;
      names.push(...(page.Parameters ?? []).map((parameter) => parameter.Name!));
    }
    expect(names).toHaveLength(25);
    expect(pages).toBe(3);
  });
});
