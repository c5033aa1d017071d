import { sha256, sha384, sha512 } from "@noble/hashes/sha2.js";
import { describe, expect, it } from "vitest";
import { fromBase64, toBase64, utf8 } from "@/lib/sandbox/core/encoding";
import { b64, createKey, expectAwsError, newSandbox } from "./helpers";

/**
 * Signatures are checked with WebCrypto as well as with Verify, so the
 * sandbox's public keys (DER SubjectPublicKeyInfo) and signatures are the
 * standard encodings a client library would receive from AWS.
 */
const subtle = globalThis.crypto.subtle;
const message = utf8.encode("sign me, please");
/** WebCrypto wants ArrayBuffer-backed views. */
const buffer = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/** DER ECDSA signature → the raw r||s WebCrypto verifies. */
function derToRaw(der: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size * 2);
  let offset = 2 + (der[1] === 0x81 ? 1 : 0);
  for (let part = 0; part < 2; part++) {
    const length = der[offset + 1] ?? 0;
    const bytes = der.subarray(offset + 2, offset + 2 + length);
    const trimmed = bytes.length > size ? bytes.subarray(bytes.length - size) : bytes;
    out.set(trimmed, part * size + size - trimmed.length);
    offset += 2 + length;
  }
  return out;
}

describe("Sign, Verify and GetPublicKey with ECC keys", () => {
  const curves = [
    { spec: "ECC_NIST_P256", algorithm: "ECDSA_SHA_256", namedCurve: "P-256", hash: "SHA-256", size: 32, digest: sha256 },
    { spec: "ECC_NIST_P384", algorithm: "ECDSA_SHA_384", namedCurve: "P-384", hash: "SHA-384", size: 48, digest: sha384 },
    { spec: "ECC_NIST_P521", algorithm: "ECDSA_SHA_512", namedCurve: "P-521", hash: "SHA-512", size: 66, digest: sha512 },
  ] as const;

  for (const curve of curves) {
    it(`${curve.spec}: signs RAW and DIGEST messages with DER signatures that Verify and WebCrypto accept`, async () => {
      const sandbox = newSandbox();
      const { keyId, arn } = createKey(sandbox, { KeySpec: curve.spec, KeyUsage: "SIGN_VERIFY" });
      const signed = sandbox.call("kms", "Sign", { KeyId: keyId, Message: toBase64(message), SigningAlgorithm: curve.algorithm });
      expect(Object.keys(signed)).toEqual(["KeyId", "Signature", "SigningAlgorithm"]);
      expect(signed).toMatchObject({ KeyId: arn, SigningAlgorithm: curve.algorithm });
      const signature = fromBase64(String(signed.Signature));
      expect(signature[0]).toBe(0x30);

      expect(sandbox.call("kms", "Verify", { KeyId: keyId, Message: toBase64(message), Signature: signed.Signature as string, SigningAlgorithm: curve.algorithm })).toEqual({
        KeyId: arn,
        SignatureValid: true,
        SigningAlgorithm: curve.algorithm,
      });
      const digest = toBase64(curve.digest(message));
      expect(
        sandbox.call("kms", "Verify", { KeyId: keyId, Message: digest, MessageType: "DIGEST", Signature: signed.Signature as string, SigningAlgorithm: curve.algorithm }).SignatureValid,
      ).toBe(true);

      const publicKey = sandbox.call("kms", "GetPublicKey", { KeyId: keyId });
      expect(publicKey).toEqual({
        KeyId: arn,
        PublicKey: publicKey.PublicKey,
        CustomerMasterKeySpec: curve.spec,
        KeySpec: curve.spec,
        KeyUsage: "SIGN_VERIFY",
        SigningAlgorithms: [curve.algorithm],
      });
      const key = await subtle.importKey("spki", buffer(fromBase64(String(publicKey.PublicKey))), { name: "ECDSA", namedCurve: curve.namedCurve }, false, ["verify"]);
      expect(await subtle.verify({ name: "ECDSA", hash: curve.hash }, key, buffer(derToRaw(signature, curve.size)), buffer(message))).toBe(true);
    });
  }

  it("ECC_SECG_P256K1 signs and verifies", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox, { KeySpec: "ECC_SECG_P256K1", KeyUsage: "SIGN_VERIFY" });
    const signed = sandbox.call("kms", "Sign", { KeyId: keyId, Message: toBase64(message), SigningAlgorithm: "ECDSA_SHA_256" });
    expect(sandbox.call("kms", "Verify", { KeyId: keyId, Message: toBase64(message), Signature: signed.Signature as string, SigningAlgorithm: "ECDSA_SHA_256" }).SignatureValid).toBe(true);
    expect(fromBase64(String(sandbox.call("kms", "GetPublicKey", { KeyId: keyId }).PublicKey))[0]).toBe(0x30);
  });
});

describe("Sign and Verify with an RSA key", () => {
  const sandbox = newSandbox();
  const { keyId } = createKey(sandbox, { KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" });
  const spki = fromBase64(String(sandbox.call("kms", "GetPublicKey", { KeyId: keyId }).PublicKey));

  const cases = [
    ["RSASSA_PKCS1_V1_5_SHA_256", { name: "RSASSA-PKCS1-v1_5" }, "SHA-256", sha256],
    ["RSASSA_PKCS1_V1_5_SHA_384", { name: "RSASSA-PKCS1-v1_5" }, "SHA-384", sha384],
    ["RSASSA_PKCS1_V1_5_SHA_512", { name: "RSASSA-PKCS1-v1_5" }, "SHA-512", sha512],
    ["RSASSA_PSS_SHA_256", { name: "RSA-PSS", saltLength: 32 }, "SHA-256", sha256],
    ["RSASSA_PSS_SHA_384", { name: "RSA-PSS", saltLength: 48 }, "SHA-384", sha384],
    ["RSASSA_PSS_SHA_512", { name: "RSA-PSS", saltLength: 64 }, "SHA-512", sha512],
  ] as const;

  for (const [algorithm, webAlgorithm, hash, digest] of cases) {
    it(`${algorithm}: RAW and DIGEST signatures verify in KMS and in WebCrypto`, async () => {
      const raw = sandbox.call("kms", "Sign", { KeyId: keyId, Message: toBase64(message), SigningAlgorithm: algorithm });
      const fromDigest = sandbox.call("kms", "Sign", { KeyId: keyId, Message: toBase64(digest(message)), MessageType: "DIGEST", SigningAlgorithm: algorithm });
      const key = await subtle.importKey("spki", buffer(spki), { name: webAlgorithm.name, hash }, false, ["verify"]);
      for (const signed of [raw, fromDigest]) {
        const signature = fromBase64(String(signed.Signature));
        expect(signature).toHaveLength(256);
        expect(await subtle.verify(webAlgorithm, key, buffer(signature), buffer(message))).toBe(true);
        expect(sandbox.call("kms", "Verify", { KeyId: keyId, Message: toBase64(message), Signature: signed.Signature as string, SigningAlgorithm: algorithm }).SignatureValid).toBe(true);
      }
    });
  }

  it("fails Verify with KMSInvalidSignatureException (empty message), never SignatureValid false", () => {
    const signed = sandbox.call("kms", "Sign", { KeyId: keyId, Message: toBase64(message), SigningAlgorithm: "RSASSA_PSS_SHA_256" });
    expectAwsError(
      () => sandbox.call("kms", "Verify", { KeyId: keyId, Message: b64("another message"), Signature: signed.Signature as string, SigningAlgorithm: "RSASSA_PSS_SHA_256" }),
      "KMSInvalidSignatureException",
      "",
    );
    expectAwsError(
      () => sandbox.call("kms", "Verify", { KeyId: keyId, Message: toBase64(message), Signature: signed.Signature as string, SigningAlgorithm: "RSASSA_PKCS1_V1_5_SHA_256" }),
      "KMSInvalidSignatureException",
      "",
    );
  });

  it("checks the digest length for MessageType DIGEST", () => {
    expectAwsError(
      () => sandbox.call("kms", "Sign", { KeyId: keyId, Message: b64("too short"), MessageType: "DIGEST", SigningAlgorithm: "RSASSA_PSS_SHA_256" }),
      "ValidationException",
      "Digest is invalid length for algorithm RSASSA_PSS_SHA_256.",
    );
  });

  it("refuses an algorithm the key does not support", () => {
    expectAwsError(
      () => sandbox.call("kms", "Sign", { KeyId: keyId, Message: b64("m"), SigningAlgorithm: "ECDSA_SHA_256" }),
      "InvalidKeyUsageException",
      "Algorithm ECDSA_SHA_256 is incompatible with key spec RSA_2048.",
    );
  });
});

describe("signing errors", () => {
  it("Sign with an encryption key or an HMAC key is InvalidKeyUsageException", () => {
    const sandbox = newSandbox();
    const encryption = createKey(sandbox);
    const mac = createKey(sandbox, { KeySpec: "HMAC_256", KeyUsage: "GENERATE_VERIFY_MAC" });
    expectAwsError(
      () => sandbox.call("kms", "Sign", { KeyId: mac.keyId, Message: b64("m"), SigningAlgorithm: "ECDSA_SHA_256" }),
      "InvalidKeyUsageException",
      `${mac.arn} key usage is GENERATE_VERIFY_MAC which is not valid for Sign.`,
    );
    expectAwsError(
      () => sandbox.call("kms", "Verify", { KeyId: encryption.keyId, Message: b64("m"), Signature: b64("s"), SigningAlgorithm: "ECDSA_SHA_256" }),
      "InvalidKeyUsageException",
      `${encryption.arn} key usage is ENCRYPT_DECRYPT which is not valid for Verify.`,
    );
  });

  it("GetPublicKey of a symmetric key is UnsupportedOperationException", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    expectAwsError(() => sandbox.call("kms", "GetPublicKey", { KeyId: keyId }), "UnsupportedOperationException");
  });

  it("requires SigningAlgorithm and a 1-4096 byte message", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox, { KeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY" });
    expectAwsError(() => sandbox.call("kms", "Sign", { KeyId: keyId, Message: b64("m") }), "ValidationException", /at 'signingAlgorithm' failed to satisfy constraint: Member must not be null/);
    expectAwsError(
      () => sandbox.call("kms", "Sign", { KeyId: keyId, Message: toBase64(new Uint8Array(4097)), SigningAlgorithm: "ECDSA_SHA_256" }),
      "ValidationException",
      "1 validation error detected: Value at 'message' failed to satisfy constraint: Member must have length less than or equal to 4096",
    );
  });

  it("works through an alias", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox, { KeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY" });
    sandbox.call("kms", "CreateAlias", { AliasName: "alias/signer", TargetKeyId: keyId });
    const signed = sandbox.call("kms", "Sign", { KeyId: "alias/signer", Message: b64("m"), SigningAlgorithm: "ECDSA_SHA_256" });
    expect(sandbox.call("kms", "Verify", { KeyId: keyId, Message: b64("m"), Signature: signed.Signature as string, SigningAlgorithm: "ECDSA_SHA_256" }).SignatureValid).toBe(true);
  });
});

describe("GenerateMac and VerifyMac", () => {
  const specs = [
    ["HMAC_224", "HMAC_SHA_224", 28],
    ["HMAC_256", "HMAC_SHA_256", 32],
    ["HMAC_384", "HMAC_SHA_384", 48],
    ["HMAC_512", "HMAC_SHA_512", 64],
  ] as const;

  for (const [spec, algorithm, length] of specs) {
    it(`${spec}: generates a ${length}-byte MAC that VerifyMac accepts`, () => {
      const sandbox = newSandbox();
      const { keyId, arn } = createKey(sandbox, { KeySpec: spec, KeyUsage: "GENERATE_VERIFY_MAC" });
      const out = sandbox.call("kms", "GenerateMac", { KeyId: keyId, Message: b64("important"), MacAlgorithm: algorithm });
      expect(Object.keys(out)).toEqual(["Mac", "MacAlgorithm", "KeyId"]);
      expect(out).toMatchObject({ MacAlgorithm: algorithm, KeyId: arn });
      expect(fromBase64(String(out.Mac))).toHaveLength(length);
      expect(sandbox.call("kms", "VerifyMac", { KeyId: keyId, Message: b64("important"), MacAlgorithm: algorithm, Mac: out.Mac as string })).toEqual({
        KeyId: arn,
        MacValid: true,
        MacAlgorithm: algorithm,
      });
      expectAwsError(() => sandbox.call("kms", "VerifyMac", { KeyId: keyId, Message: b64("tampered"), MacAlgorithm: algorithm, Mac: out.Mac as string }), "KMSInvalidMacException", "");
    });
  }

  it("refuses an algorithm of another size, and a key that is not an HMAC key", () => {
    const sandbox = newSandbox();
    const mac = createKey(sandbox, { KeySpec: "HMAC_224", KeyUsage: "GENERATE_VERIFY_MAC" });
    const encryption = createKey(sandbox);
    expectAwsError(
      () => sandbox.call("kms", "GenerateMac", { KeyId: mac.keyId, Message: b64("m"), MacAlgorithm: "HMAC_SHA_256" }),
      "InvalidKeyUsageException",
      "Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224.",
    );
    expectAwsError(
      () => sandbox.call("kms", "GenerateMac", { KeyId: encryption.keyId, Message: b64("m"), MacAlgorithm: "HMAC_SHA_256" }),
      "InvalidKeyUsageException",
      `${encryption.arn} key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac.`,
    );
    expectAwsError(
      () => sandbox.call("kms", "GenerateMac", { KeyId: mac.keyId, Message: b64("m"), MacAlgorithm: "INVALID" }),
      "ValidationException",
      "1 validation error detected: Value 'INVALID' at 'macAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [HMAC_SHA_384, HMAC_SHA_256, HMAC_SHA_224, HMAC_SHA_512]",
    );
  });
});
