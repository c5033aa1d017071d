import { constants, createPrivateKey, createPublicKey, privateDecrypt, publicEncrypt, type KeyObject } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fromBase64, toBase64 } from "@/lib/sandbox/core/encoding";
import { awsError, createKey, newSandbox } from "./helpers";

/**
 * RSA keys for ENCRYPT_DECRYPT (RSAES_OAEP_SHA_1 / RSAES_OAEP_SHA_256).
 * Expected behaviour: AWS's, as recorded in LocalStack's @aws_validated
 * snapshots (tests/aws/services/kms/test_kms.snapshot.json: key metadata,
 * test_encrypt_validate_plaintext_size_per_key_type, test_re_encrypt) and
 * floci-io/floci#3024 (measured on AWS: the ciphertext is bare RSA, as long
 * as the modulus, and a ciphertext made locally with the public key from
 * GetPublicKey decrypts). Interoperability is checked by Node's crypto
 * (OpenSSL), never by the sandbox's own code.
 */

const der = (value: unknown) => Buffer.from(fromBase64(String(value)));
const OAEP = { SHA_1: "sha1", SHA_256: "sha256" } as const;

function publicKeyOf(sandbox: ReturnType<typeof newSandbox>, keyId: string): KeyObject {
  return createPublicKey({ key: der(sandbox.call("kms", "GetPublicKey", { KeyId: keyId }).PublicKey), format: "der", type: "spki" });
}

describe("RSA encryption keys", () => {
  it("DescribeKey and GetPublicKey list the two OAEP algorithms (as recorded from AWS)", () => {
    const sandbox = newSandbox(41);
    const { keyId, metadata } = createKey(sandbox, { KeySpec: "RSA_2048", KeyUsage: "ENCRYPT_DECRYPT" });
    expect(metadata.EncryptionAlgorithms).toEqual(["RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"]);
    expect(metadata.SigningAlgorithms).toBeUndefined();
    const publicKey = sandbox.call("kms", "GetPublicKey", { KeyId: keyId });
    expect(publicKey.EncryptionAlgorithms).toEqual(["RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"]);
    expect(publicKey.SigningAlgorithms).toBeUndefined();
    expect(publicKey.KeyUsage).toBe("ENCRYPT_DECRYPT");
  });

  it.each(["SHA_1", "SHA_256"] as const)("RSAES_OAEP_%s: KMS's ciphertext opens with OpenSSL, and OpenSSL's opens with KMS", (hash) => {
    const sandbox = newSandbox(42);
    const { keyId, arn } = createKey(sandbox, { KeySpec: "RSA_2048", KeyUsage: "ENCRYPT_DECRYPT" });
    const algorithm = `RSAES_OAEP_${hash}`;
    const secret = Buffer.from("a data key for a laptop that is offline");
    const encrypted = sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: toBase64(secret), EncryptionAlgorithm: algorithm });
    expect(encrypted).toEqual({ CiphertextBlob: expect.any(String), KeyId: arn, EncryptionAlgorithm: algorithm });
    expect(der(encrypted.CiphertextBlob).length).toBe(256);

    // OpenSSL encrypts with the public key alone (offline); KMS decrypts.
    const local = publicEncrypt({ key: publicKeyOf(sandbox, keyId), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: OAEP[hash] }, secret);
    const decrypted = sandbox.call("kms", "Decrypt", { CiphertextBlob: toBase64(local), KeyId: keyId, EncryptionAlgorithm: algorithm });
    expect(Buffer.from(fromBase64(String(decrypted.Plaintext))).equals(secret)).toBe(true);
    expect(decrypted).toEqual({ KeyId: arn, Plaintext: expect.any(String), EncryptionAlgorithm: algorithm });
    expect(Buffer.from(fromBase64(String(sandbox.call("kms", "Decrypt", { CiphertextBlob: encrypted.CiphertextBlob, KeyId: keyId, EncryptionAlgorithm: algorithm }).Plaintext))).equals(secret)).toBe(true);
  });

  it("KMS's ciphertext is standard OAEP: OpenSSL decrypts it with the private key", async () => {
    // The private key is not exportable from KMS; the test recovers it from the sandbox's key derivation.
    const { rsaKeyPair } = await import("@/lib/sandbox/crypto/signing");
    const sandbox = newSandbox(43);
    const { keyId } = createKey(sandbox, { KeySpec: "RSA_2048", KeyUsage: "ENCRYPT_DECRYPT" });
    const state = sandbox.peek().accounts["123456789012"]!.regions["us-east-1"]!.kms.keys[keyId]!;
    const pair = rsaKeyPair("RSA_2048", fromBase64(state.materials[0]!.secret!));
    const privateKey = createPrivateKey({ key: jwk(pair), format: "jwk" });
    const encrypted = sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: toBase64(Buffer.from("opened by OpenSSL")), EncryptionAlgorithm: "RSAES_OAEP_SHA_256" });
    const opened = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, der(encrypted.CiphertextBlob));
    expect(opened.toString()).toBe("opened by OpenSSL");
  });

  it.each([
    ["RSA_2048", "RSAES_OAEP_SHA_1", 214],
    ["RSA_2048", "RSAES_OAEP_SHA_256", 190],
    ["RSA_3072", "RSAES_OAEP_SHA_256", 318],
  ] as const)("%s with %s encrypts at most %i bytes, with AWS's message beyond", (spec, algorithm, limit) => {
    const sandbox = newSandbox(44);
    const { keyId } = createKey(sandbox, { KeySpec: spec, KeyUsage: "ENCRYPT_DECRYPT" });
    expect(sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: toBase64(new Uint8Array(limit)), EncryptionAlgorithm: algorithm }).EncryptionAlgorithm).toBe(algorithm);
    const error = awsError(() => sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: toBase64(new Uint8Array(limit + 1)), EncryptionAlgorithm: algorithm }));
    expect([error.code, error.message]).toEqual(["ValidationException", `Algorithm ${algorithm} and key spec ${spec} cannot encrypt data larger than ${limit} bytes.`]);
  });

  it("needs the algorithm named: the default SYMMETRIC_DEFAULT is incompatible (message seen from AWS in SOPS and Spring Cloud reports)", () => {
    const sandbox = newSandbox(45);
    const { keyId } = createKey(sandbox, { KeySpec: "RSA_2048", KeyUsage: "ENCRYPT_DECRYPT" });
    const error = awsError(() => sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: toBase64(new Uint8Array(4)) }));
    expect([error.code, error.message]).toEqual(["InvalidKeyUsageException", "Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048."]);
  });

  it("decrypts only with the KeyId (the ciphertext names no key) and the algorithm it was made with", () => {
    const sandbox = newSandbox(46);
    const { keyId } = createKey(sandbox, { KeySpec: "RSA_2048", KeyUsage: "ENCRYPT_DECRYPT" });
    const { CiphertextBlob } = sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: toBase64(new Uint8Array([1, 2, 3])), EncryptionAlgorithm: "RSAES_OAEP_SHA_256" });
    expect(awsError(() => sandbox.call("kms", "Decrypt", { CiphertextBlob })).code).toBe("InvalidCiphertextException");
    expect(awsError(() => sandbox.call("kms", "Decrypt", { CiphertextBlob, KeyId: keyId, EncryptionAlgorithm: "RSAES_OAEP_SHA_1" })).code).toBe("InvalidCiphertextException");
  });

  it("ReEncrypt moves a ciphertext from an RSA key to a symmetric key and back (test_re_encrypt: no key material ids for RSA)", () => {
    const sandbox = newSandbox(47);
    const rsa = createKey(sandbox, { KeySpec: "RSA_2048", KeyUsage: "ENCRYPT_DECRYPT" });
    const symmetric = createKey(sandbox);
    const { CiphertextBlob } = sandbox.call("kms", "Encrypt", { KeyId: rsa.keyId, Plaintext: toBase64(Buffer.from("moved")), EncryptionAlgorithm: "RSAES_OAEP_SHA_256" });
    const moved = sandbox.call("kms", "ReEncrypt", { CiphertextBlob, SourceKeyId: rsa.keyId, SourceEncryptionAlgorithm: "RSAES_OAEP_SHA_256", DestinationKeyId: symmetric.keyId });
    expect(moved.SourceKeyMaterialId).toBeUndefined();
    expect(moved.DestinationKeyMaterialId).toEqual(expect.any(String));
    const back = sandbox.call("kms", "ReEncrypt", { CiphertextBlob: moved.CiphertextBlob, DestinationKeyId: rsa.keyId, DestinationEncryptionAlgorithm: "RSAES_OAEP_SHA_1" });
    expect(Object.keys(back)).toEqual(["CiphertextBlob", "SourceKeyId", "KeyId", "SourceEncryptionAlgorithm", "DestinationEncryptionAlgorithm", "SourceKeyMaterialId"]);
    const plain = sandbox.call("kms", "Decrypt", { CiphertextBlob: back.CiphertextBlob, KeyId: rsa.keyId, EncryptionAlgorithm: "RSAES_OAEP_SHA_1" });
    expect(Buffer.from(fromBase64(String(plain.Plaintext))).toString()).toBe("moved");
  });

  it("cannot sign, generate data keys or take an encryption context", () => {
    const sandbox = newSandbox(48);
    const { keyId, arn } = createKey(sandbox, { KeySpec: "RSA_2048", KeyUsage: "ENCRYPT_DECRYPT" });
    const sign = awsError(() => sandbox.call("kms", "Sign", { KeyId: keyId, Message: toBase64(new Uint8Array(3)), SigningAlgorithm: "RSASSA_PSS_SHA_256" }));
    expect([sign.code, sign.message]).toEqual(["InvalidKeyUsageException", `${arn} key usage is ENCRYPT_DECRYPT which is not valid for Sign.`]);
    expect(awsError(() => sandbox.call("kms", "GenerateDataKey", { KeyId: keyId, KeySpec: "AES_256" })).code).toBe("InvalidKeyUsageException");
    expect(awsError(() => sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: "AAAA", EncryptionAlgorithm: "RSAES_OAEP_SHA_256", EncryptionContext: { a: "b" } })).code).toBe("ValidationException");
  });
});

/** A JWK for Node from n, e, d: p and q recovered from d (RFC 8017 does not need them; JWK import does). */
function jwk({ n, e, d }: { n: bigint; e: bigint; d: bigint }) {
  const modPow = (base: bigint, exponent: bigint, modulus: bigint) => {
    let result = 1n;
    let b = base % modulus;
    for (let x = exponent; x > 0n; x >>= 1n) {
      if (x & 1n) result = (result * b) % modulus;
      b = (b * b) % modulus;
    }
    return result;
  };
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  let k = d * e - 1n;
  let t = 0n;
  while (k % 2n === 0n) {
    k /= 2n;
    t += 1n;
  }
  for (let g = 2n; ; g += 1n) {
    let x = modPow(g, k, n);
    for (let i = 0n; i < t; i++) {
      const y = (x * x) % n;
      if (y === 1n && x !== 1n && x !== n - 1n) {
        const p = gcd(x - 1n, n);
        const q = n / p;
        const inverse = (a: bigint, m: bigint) => modPow(a, m - 2n, m);
        const b64url = (value: bigint) => Buffer.from(value.toString(16).padStart(Math.ceil(value.toString(16).length / 2) * 2, "0"), "hex").toString("base64url");
        return { kty: "RSA", n: b64url(n), e: b64url(e), d: b64url(d), p: b64url(p), q: b64url(q), dp: b64url(d % (p - 1n)), dq: b64url(d % (q - 1n)), qi: b64url(inverse(q, p)) };
      }
      x = y;
    }
  }
}
