import { createPrivateKey, createPublicKey, sign, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fromBase64 } from "@/lib/sandbox/core/encoding";
import { awsError, createKey, newSandbox } from "./helpers";

/**
 * GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext (API
 * reference): a fresh key pair whose private key comes as PKCS #8 DER in
 * plaintext and encrypted under the symmetric KMS key (with the encryption
 * context bound), whose public key comes as DER SubjectPublicKeyInfo.
 * The keys are checked here by Node's crypto (OpenSSL), not by the sandbox.
 */
const bytes = (value: unknown) => Buffer.from(fromBase64(String(value)));

describe("data key pairs", () => {
  it.each(["ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "RSA_2048"])("%s: a private key OpenSSL reads, whose public key is the one returned and whose signatures verify", (spec) => {
    const sandbox = newSandbox(31);
    const { keyId, arn } = createKey(sandbox);
    const pair = sandbox.call("kms", "GenerateDataKeyPair", { KeyId: keyId, KeyPairSpec: spec });
    expect(Object.keys(pair)).toEqual(["PrivateKeyCiphertextBlob", "PrivateKeyPlaintext", "PublicKey", "KeyId", "KeyPairSpec", "KeyMaterialId"]);
    expect(pair.KeyId).toBe(arn);
    expect(pair.KeyPairSpec).toBe(spec);
    const privateKey = createPrivateKey({ key: bytes(pair.PrivateKeyPlaintext), format: "der", type: "pkcs8" });
    const publicKey = createPublicKey({ key: bytes(pair.PublicKey), format: "der", type: "spki" });
    expect(createPublicKey(privateKey).export({ format: "der", type: "spki" }).equals(bytes(pair.PublicKey))).toBe(true);
    const message = Buffer.from("signed with a data key pair");
    expect(verify("sha256", message, publicKey, sign("sha256", message, privateKey))).toBe(true);
    // The encrypted copy decrypts to the same private key.
    expect(sandbox.call("kms", "Decrypt", { CiphertextBlob: pair.PrivateKeyCiphertextBlob }).Plaintext).toBe(pair.PrivateKeyPlaintext);
  });

  it("without plaintext returns the encrypted private key and the public key only; the encryption context is bound", () => {
    const sandbox = newSandbox(32);
    const { keyId } = createKey(sandbox);
    const pair = sandbox.call("kms", "GenerateDataKeyPairWithoutPlaintext", { KeyId: keyId, KeyPairSpec: "ECC_NIST_P256", EncryptionContext: { purpose: "signing" } });
    expect(Object.keys(pair)).toEqual(["PrivateKeyCiphertextBlob", "PublicKey", "KeyId", "KeyPairSpec", "KeyMaterialId"]);
    expect(awsError(() => sandbox.call("kms", "Decrypt", { CiphertextBlob: pair.PrivateKeyCiphertextBlob })).code).toBe("InvalidCiphertextException");
    const { Plaintext } = sandbox.call("kms", "Decrypt", { CiphertextBlob: pair.PrivateKeyCiphertextBlob, EncryptionContext: { purpose: "signing" } });
    const privateKey = createPrivateKey({ key: bytes(Plaintext), format: "der", type: "pkcs8" });
    expect(createPublicKey(privateKey).export({ format: "der", type: "spki" }).equals(bytes(pair.PublicKey))).toBe(true);
  });

  it("needs a symmetric encryption key, and says which pair specs it does not simulate", () => {
    const sandbox = newSandbox(33);
    const signing = createKey(sandbox, { KeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY" });
    expect(awsError(() => sandbox.call("kms", "GenerateDataKeyPair", { KeyId: signing.keyId, KeyPairSpec: "ECC_NIST_P256" })).code).toBe("InvalidKeyUsageException");
    const { keyId } = createKey(sandbox);
    expect(awsError(() => sandbox.call("kms", "GenerateDataKeyPair", { KeyId: keyId, KeyPairSpec: "SM2" })).code).toBe("UnsupportedOperationException");
    expect(awsError(() => sandbox.call("kms", "GenerateDataKeyPair", { KeyId: keyId, KeyPairSpec: "RSA_1024" })).message).toContain("Member must satisfy enum value set");
  });
});
