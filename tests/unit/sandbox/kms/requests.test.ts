import { describe, expect, it } from "vitest";
import { b64, createKey, encrypt, expectAwsError, newSandbox } from "./helpers";

/**
 * KMS requests are validated by the generated contract (lib/sandbox/contracts/kms.ts, from
 * botocore's model); the rules the service applies beyond the model are the handlers'.
 */

describe("CreateKey: what the model accepts and the sandbox does not simulate", () => {
  it("accepts the model's newer key specs and says the sandbox does not simulate them", () => {
    for (const KeySpec of ["ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "ECC_NIST_EDWARDS25519", "SM2"]) {
      expectAwsError(() => newSandbox().call("kms", "CreateKey", { KeySpec, KeyUsage: "SIGN_VERIFY" }), "UnsupportedOperationException", `The sandbox does not simulate ${KeySpec} keys.`);
    }
    // CustomerMasterKeySpec, the deprecated name, has SM2 in the model too.
    expectAwsError(() => newSandbox().call("kms", "CreateKey", { CustomerMasterKeySpec: "SM2", KeyUsage: "SIGN_VERIFY" }), "UnsupportedOperationException");
  });

  it("still asks for KeyUsage first, as for any key that is not symmetric", () => {
    expectAwsError(
      () => newSandbox().call("kms", "CreateKey", { KeySpec: "ML_DSA_44" }),
      "ValidationException",
      "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.",
    );
  });

  it("accepts KeyUsage KEY_AGREEMENT (model): not simulated on ECC NIST keys, incompatible with the others", () => {
    expectAwsError(() => newSandbox().call("kms", "CreateKey", { KeySpec: "ECC_NIST_P256", KeyUsage: "KEY_AGREEMENT" }), "UnsupportedOperationException", "The sandbox does not simulate KEY_AGREEMENT keys.");
    // AWS answers "KeyUsage KEY_AGREEMENT is not compatible with KeySpec RSA_2048" (LocalStack snapshot
    // test_derive_shared_secret, 2024); the sandbox's text ends with a period.
    expectAwsError(() => newSandbox().call("kms", "CreateKey", { KeySpec: "RSA_2048", KeyUsage: "KEY_AGREEMENT" }), "ValidationException", /^KeyUsage KEY_AGREEMENT is not compatible with KeySpec RSA_2048/);
  });

  it("checks Policy and XksKeyId against the model's patterns", () => {
    expectAwsError(
      () => newSandbox().call("kms", "CreateKey", { Policy: "{\"Statement\": \"\u2603\"}" }),
      "ValidationException",
      /^1 validation error detected: Value '.*' at 'policy' failed to satisfy constraint: Member must satisfy regular expression pattern: \[\\u0009\\u000A\\u000D\\u0020-\\u00FF\]\+$/,
    );
    expectAwsError(
      () => newSandbox().call("kms", "CreateKey", { XksKeyId: "bad id" }),
      "ValidationException",
      "1 validation error detected: Value 'bad id' at 'xksKeyId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9-_.]+$",
    );
  });
});

describe("Limit: the model allows 1-1000, some listings less (their API reference)", () => {
  it("refuses more than 100 aliases or grants, more than 50 tags", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    const over = (max: number) => `1 validation error detected: Value '${max + 1}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${max}`;
    expectAwsError(() => sandbox.call("kms", "ListAliases", { Limit: 101 }), "ValidationException", over(100));
    expectAwsError(() => sandbox.call("kms", "ListGrants", { KeyId: keyId, Limit: 101 }), "ValidationException", over(100));
    expectAwsError(() => sandbox.call("kms", "ListRetirableGrants", { RetiringPrincipal: "arn:aws:iam::123456789012:root", Limit: 101 }), "ValidationException", over(100));
    expectAwsError(() => sandbox.call("kms", "ListResourceTags", { KeyId: keyId, Limit: 51 }), "ValidationException", over(50));
    expectAwsError(() => sandbox.call("kms", "ListKeys", { Limit: 1001 }), "ValidationException", over(1000));
    expect(sandbox.call("kms", "ListKeys", { Limit: 1000 }).Keys).toHaveLength(1);
    expect(sandbox.call("kms", "ListAliases", { Limit: 100 }).Truncated).toBe(false);
  });

  it("quotes the model's Marker pattern", () => {
    expectAwsError(
      () => newSandbox().call("kms", "ListKeys", { Marker: "\u0100" }),
      "ValidationException",
      "1 validation error detected: Value '\u0100' at 'marker' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0020-\\u00FF]*",
    );
  });
});

describe("members the model made optional or added", () => {
  it("still needs CiphertextBlob for Decrypt and ReEncrypt (IGNORE_CIPHERTEXT dry runs are not simulated)", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    const missing = "1 validation error detected: Value null at 'ciphertextBlob' failed to satisfy constraint: Member must not be null";
    expectAwsError(() => sandbox.call("kms", "Decrypt", { KeyId: keyId }), "ValidationException", missing);
    expectAwsError(() => sandbox.call("kms", "ReEncrypt", { DestinationKeyId: keyId }), "ValidationException", missing);
    expectAwsError(() => sandbox.call("kms", "Decrypt", { KeyId: keyId, DryRun: true, DryRunModifiers: ["IGNORE_CIPHERTEXT"] }), "ValidationException", missing);
    expectAwsError(
      () => sandbox.call("kms", "Decrypt", { CiphertextBlob: encrypt(sandbox, keyId, "x"), DryRunModifiers: ["NOPE"] }),
      "ValidationException",
      "1 validation error detected: Value 'NOPE' at 'dryRunModifiers.1.member' failed to satisfy constraint: Member must satisfy enum value set: [IGNORE_CIPHERTEXT]",
    );
  });

  it("answers the model's signing algorithms of key specs it does not simulate as incompatible with the key", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox, { KeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY" });
    expectAwsError(
      () => sandbox.call("kms", "Sign", { KeyId: keyId, Message: b64("m"), SigningAlgorithm: "ED25519_SHA_512" }),
      "InvalidKeyUsageException",
      "Algorithm ED25519_SHA_512 is incompatible with key spec ECC_NIST_P256.",
    );
  });

  it("checks KeyMaterialDescription against the model's pattern", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox, { Origin: "EXTERNAL" });
    expectAwsError(
      () => sandbox.call("kms", "ImportKeyMaterial", { KeyId: keyId, ImportToken: b64("t"), EncryptedKeyMaterial: b64("m"), KeyMaterialDescription: "no!" }),
      "ValidationException",
      "1 validation error detected: Value 'no!' at 'keyMaterialDescription' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_\\s.-]+$",
    );
  });
});
