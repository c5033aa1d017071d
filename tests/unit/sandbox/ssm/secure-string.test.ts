import { describe, expect, it } from "vitest";
import { fromBase64, toBase64, utf8 } from "@/lib/sandbox/core/encoding";
import type { Sandbox } from "@/lib/sandbox/index";
import { ARN_PREFIX, expectError, get, put, sandbox, ssm } from "./helpers";

/**
 * SecureString parameters, encrypted for real through the simulated KMS with
 * the encryption context {"PARAMETER_ARN": <parameter ARN>} (AWS KMS Developer
 * Guide, "How AWS Systems Manager Parameter Store uses AWS KMS").
 */

const KMS_SUFFIX = (code: string) => new RegExp(` \\(Service: AWSKMS; Status Code: 400; Error Code: ${code}; Request ID: [0-9a-f-]{36}; Proxy: null\\)$`);

function createKey(box: Sandbox, description = "app key"): { KeyId: string; Arn: string } {
  const metadata = box.call("kms", "CreateKey", { Description: description }).KeyMetadata as { KeyId: string; Arn: string };
  return metadata;
}

function secure(box: Sandbox, name: string, value: string, extra: Record<string, unknown> = {}) {
  return ssm(box, "PutParameter", { Name: name, Value: value, Type: "SecureString", ...extra } as never);
}

describe("SecureString parameters", () => {
  it("return the KMS ciphertext without WithDecryption and the plaintext with it", () => {
    const box = sandbox();
    expect(secure(box, "/app/db/password", "s3cr3t!")).toEqual({ Version: 1, Tier: "Standard" });
    const stored = get(box, "/app/db/password");
    expect(stored.Type).toBe("SecureString");
    expect(stored.Value).not.toContain("s3cr3t");
    expect(fromBase64(stored.Value as string).length).toBeGreaterThan(16);
    expect(get(box, "/app/db/password", { WithDecryption: true }).Value).toBe("s3cr3t!");
  });

  it("store a ciphertext a learner can decrypt with kms decrypt and the PARAMETER_ARN context (customer managed key)", () => {
    const box = sandbox();
    const key = createKey(box);
    secure(box, "/app/db/password", "s3cr3t!", { KeyId: key.KeyId });
    const { Value, ARN } = get(box, "/app/db/password");
    expect(ARN).toBe(`${ARN_PREFIX}app/db/password`);
    const decrypted = box.call("kms", "Decrypt", { CiphertextBlob: Value as string, EncryptionContext: { PARAMETER_ARN: ARN as string } });
    expect(utf8.decode(fromBase64(decrypted.Plaintext as string))).toBe("s3cr3t!");
    expect(decrypted.KeyId).toBe(key.Arn);
    // Without the context (or with another parameter's) KMS refuses, as AWS does.
    expectError(() => box.call("kms", "Decrypt", { CiphertextBlob: Value as string }), "InvalidCiphertextException");
    expectError(() => box.call("kms", "Decrypt", { CiphertextBlob: Value as string, EncryptionContext: { PARAMETER_ARN: `${ARN_PREFIX}other` } }), "InvalidCiphertextException");
  });

  it("keep aws/ssm ciphertexts for Parameter Store: its key policy allows Decrypt only via ssm.amazonaws.com", () => {
    const box = sandbox();
    secure(box, "/app/db/password", "s3cr3t!");
    const { Value, ARN } = get(box, "/app/db/password");
    expectError(() => box.call("kms", "Decrypt", { CiphertextBlob: Value as string, EncryptionContext: { PARAMETER_ARN: ARN as string } }), "AccessDeniedException");
    expect(get(box, "/app/db/password", { WithDecryption: true }).Value).toBe("s3cr3t!");
  });

  it("use the AWS managed key aws/ssm by default, which KMS creates on first use, and show KeyId alias/aws/ssm", () => {
    const box = sandbox();
    const target = () => (box.call("kms", "ListAliases", {}).Aliases as { AliasName: string; TargetKeyId?: string }[]).find((alias) => alias.AliasName === "alias/aws/ssm")?.TargetKeyId;
    expect(target()).toBeUndefined();
    secure(box, "/app/db/password", "s3cr3t!");
    expect(target()).toMatch(/^[0-9a-f-]{36}$/);
    const [meta] = ssm(box, "DescribeParameters", {}).Parameters as Record<string, unknown>[];
    expect(meta?.KeyId).toBe("alias/aws/ssm");
    const [version] = ssm(box, "GetParameterHistory", { Name: "/app/db/password" }).Parameters as Record<string, unknown>[];
    expect(version?.KeyId).toBe("alias/aws/ssm");
    const managed = box.call("kms", "DescribeKey", { KeyId: "alias/aws/ssm" }).KeyMetadata as { KeyManager: string; Arn: string };
    expect(managed.KeyManager).toBe("AWS");
    const encrypt = box.trail({ eventSource: "kms.amazonaws.com", eventName: "Encrypt" })[0];
    expect(encrypt?.resources.map((resource) => resource.ARN)).toContain(managed.Arn);
  });

  it("encrypt under a customer managed key named by KeyId, shown as given", () => {
    const box = sandbox();
    const key = createKey(box);
    secure(box, "/app/api-key", "k-123", { KeyId: key.KeyId });
    const [meta] = ssm(box, "DescribeParameters", {}).Parameters as Record<string, unknown>[];
    expect(meta?.KeyId).toBe(key.KeyId);
    const decrypted = box.call("kms", "Decrypt", { CiphertextBlob: get(box, "/app/api-key").Value as string, EncryptionContext: { PARAMETER_ARN: `${ARN_PREFIX}app/api-key` } });
    expect(decrypted.KeyId).toBe(key.Arn);
    expect(get(box, "/app/api-key", { WithDecryption: true }).Value).toBe("k-123");
  });

  it("filter by KeyId in DescribeParameters and GetParametersByPath", () => {
    const box = sandbox();
    const key = createKey(box);
    secure(box, "/app/a", "a");
    secure(box, "/app/b", "b", { KeyId: key.KeyId });
    put(box, "/app/c", "c");
    const describeNames = (Values: string[]) =>
      (ssm(box, "DescribeParameters", { ParameterFilters: [{ Key: "KeyId", Values }] }).Parameters as Record<string, unknown>[]).map((p) => p.Name);
    expect(describeNames(["alias/aws/ssm"])).toEqual(["/app/a"]);
    expect(describeNames([key.KeyId])).toEqual(["/app/b"]);
    const byPath = ssm(box, "GetParametersByPath", { Path: "/app", ParameterFilters: [{ Key: "Type", Values: ["SecureString"] }], WithDecryption: true });
    expect((byPath.Parameters as Record<string, unknown>[]).map((p) => [p.Name, p.Value])).toEqual([["/app/a", "a"], ["/app/b", "b"]]);
  });

  it("answer InvalidKeyId with KMS's message for a key that does not exist, and store nothing", () => {
    const box = sandbox();
    const error = expectError(() => secure(box, "/app/x", "v", { KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" }), "InvalidKeyId", KMS_SUFFIX("NotFoundException"));
    expect(error.message).toMatch(/^Key 'arn:aws:kms:us-east-1:123456789012:key\/1234abcd-12ab-34cd-56ef-1234567890ab' does not exist/);
    expectError(() => secure(box, "/app/x", "v", { KeyId: "alias/no-such-alias" }), "InvalidKeyId", KMS_SUFFIX("NotFoundException"));
    expectError(() => get(box, "/app/x"), "ParameterNotFound");
  });

  it("stop decrypting when the key is disabled: GetParameter WithDecryption fails with InvalidKeyId, the ciphertext stays readable", () => {
    const box = sandbox();
    const key = createKey(box);
    secure(box, "/app/db/password", "s3cr3t!", { KeyId: key.KeyId });
    box.call("kms", "DisableKey", { KeyId: key.KeyId });
    const error = expectError(() => get(box, "/app/db/password", { WithDecryption: true }), "InvalidKeyId", KMS_SUFFIX("DisabledException"));
    expect(error.message).toContain(key.Arn);
    expect(get(box, "/app/db/password").Type).toBe("SecureString");
    expectError(() => secure(box, "/app/other", "v", { KeyId: key.KeyId }), "InvalidKeyId", KMS_SUFFIX("DisabledException"));
    expectError(() => ssm(box, "GetParameters", { Names: ["/app/db/password"], WithDecryption: true }), "InvalidKeyId");
    box.call("kms", "EnableKey", { KeyId: key.KeyId });
    expect(get(box, "/app/db/password", { WithDecryption: true }).Value).toBe("s3cr3t!");
  });

  it("use envelope encryption for advanced parameters: a data key from KMS and AES-256-GCM", () => {
    const box = sandbox();
    const large = "x".repeat(6000);
    expect(secure(box, "/app/cert", large, { Tier: "Advanced" })).toEqual({ Version: 1, Tier: "Advanced" });
    const kmsCalls = box.trail({ eventSource: "kms.amazonaws.com" }).map((event) => event.eventName);
    expect(kmsCalls).toContain("GenerateDataKey");
    expect(kmsCalls).not.toContain("Encrypt");
    const stored = get(box, "/app/cert").Value as string;
    expect(utf8.decode(fromBase64(stored).subarray(0, 4))).toBe("KSE1");
    expect(get(box, "/app/cert", { WithDecryption: true }).Value).toBe(large);
  });

  it("keep every version decryptable across a move from Standard to Advanced", () => {
    const box = sandbox();
    secure(box, "/app/token", "small");
    secure(box, "/app/token", "bigger secret", { Tier: "Advanced", Overwrite: true });
    const history = ssm(box, "GetParameterHistory", { Name: "/app/token", WithDecryption: true }).Parameters as Record<string, unknown>[];
    expect(history.map((version) => [version.Version, version.Tier, version.Value])).toEqual([
      [1, "Standard", "small"],
      [2, "Advanced", "bigger secret"],
    ]);
    expect(get(box, "/app/token:1", { WithDecryption: true }).Value).toBe("small");
  });

  it("re-encrypt under aws/ssm when an overwrite leaves KeyId out", () => {
    const box = sandbox();
    const key = createKey(box);
    secure(box, "/app/x", "one", { KeyId: key.KeyId });
    secure(box, "/app/x", "two", { Overwrite: true });
    const history = ssm(box, "GetParameterHistory", { Name: "/app/x" }).Parameters as Record<string, unknown>[];
    expect(history.map((version) => version.KeyId)).toEqual([key.KeyId, "alias/aws/ssm"]);
  });

  it("never put values in the trail; KMS calls appear as made via ssm.amazonaws.com with the context", () => {
    const box = sandbox();
    secure(box, "/app/db/password", "s3cr3t!");
    get(box, "/app/db/password", { WithDecryption: true });
    const everything = JSON.stringify(box.trail());
    expect(everything).not.toContain("s3cr3t!");
    expect(everything).not.toContain(toBase64(utf8.encode("s3cr3t!")));
    const put = box.trail({ eventName: "PutParameter" })[0];
    expect(put?.requestParameters).toEqual({ Name: "/app/db/password", Type: "SecureString" });
    expect(put?.resources).toEqual([{ ARN: `${ARN_PREFIX}app/db/password`, type: "AWS::SSM::Parameter" }]);
    const read = box.trail({ eventName: "GetParameter" })[0];
    expect(read?.responseElements).not.toHaveProperty("Parameter");
    const decrypt = box.trail({ eventSource: "kms.amazonaws.com", eventName: "Decrypt" })[0];
    expect(decrypt?.userIdentity.invokedBy).toBe("ssm.amazonaws.com");
    expect(decrypt?.requestParameters).toMatchObject({ EncryptionContext: { PARAMETER_ARN: `${ARN_PREFIX}app/db/password` } });
  });

  it("need kms permissions for a customer managed key: AccessDeniedException with KMS's message", () => {
    const box = sandbox();
    const key = createKey(box);
    box.putUser("123456789012", "ops", { Ssm: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ssm:*", Resource: "*" }] } });
    box.actAs({ accountId: "123456789012", kind: "user", name: "ops" });
    const error = expectError(() => secure(box, "/app/x", "v", { KeyId: key.KeyId }), "AccessDeniedException", KMS_SUFFIX("AccessDeniedException"));
    expect(error.message).toMatch(/^User: arn:aws:iam::123456789012:user\/ops is not authorized to perform: kms:Encrypt on resource: arn:aws:kms:/);
    // The AWS managed key aws/ssm lets every principal of the account use it through Parameter Store.
    expect(secure(box, "/app/y", "v").Version).toBe(1);
    expect(get(box, "/app/y", { WithDecryption: true }).Value).toBe("v");
  });
});
