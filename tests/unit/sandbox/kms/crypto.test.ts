import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBase64, toBase64 } from "@/lib/sandbox/core/encoding";
import { ACCOUNT, allow, awsError, b64, createKey, decrypt, encrypt, expectAwsError, newSandbox, PARTNER, REGION, text } from "./helpers";

describe("Encrypt", () => {
  it("encrypts under the key and answers with the key ARN and the algorithm", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    const out = sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("hello") });
    expect(Object.keys(out)).toEqual(["CiphertextBlob", "KeyId", "EncryptionAlgorithm"]);
    expect(out).toMatchObject({ KeyId: arn, EncryptionAlgorithm: "SYMMETRIC_DEFAULT" });
    expect(fromBase64(String(out.CiphertextBlob)).length).toBeGreaterThan(5 + 28);
  });

  it("accepts every form of key identifier", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    sandbox.call("kms", "CreateAlias", { AliasName: "alias/app", TargetKeyId: keyId });
    for (const id of [keyId, arn, "alias/app", `arn:aws:kms:${REGION}:${ACCOUNT}:alias/app`]) {
      expect(decrypt(sandbox, encrypt(sandbox, id, "x"))).toBe("x");
    }
  });

  it("takes 1 to 4096 bytes of plaintext, with AWS's messages", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    expectAwsError(
      () => sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: "" }),
      "ValidationException",
      "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expectAwsError(
      () => sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: toBase64(new Uint8Array(4097)) }),
      "ValidationException",
      "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096",
    );
    expect(sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: toBase64(new Uint8Array(4096)) }).CiphertextBlob).toBeTypeOf("string");
  });

  it("refuses a signing key and an HMAC key", () => {
    const sandbox = newSandbox();
    const signing = createKey(sandbox, { KeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY" });
    const mac = createKey(sandbox, { KeySpec: "HMAC_256", KeyUsage: "GENERATE_VERIFY_MAC" });
    expectAwsError(() => encrypt(sandbox, signing.keyId, "x"), "InvalidKeyUsageException", `${signing.arn} key usage is SIGN_VERIFY which is not valid for Encrypt.`);
    expectAwsError(() => encrypt(sandbox, mac.keyId, "x"), "InvalidKeyUsageException", `${mac.arn} key usage is GENERATE_VERIFY_MAC which is not valid for Encrypt.`);
  });

  it("refuses an asymmetric encryption algorithm on a symmetric key", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    expectAwsError(
      () => sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("x"), EncryptionAlgorithm: "RSAES_OAEP_SHA_256" }),
      "InvalidKeyUsageException",
      "Algorithm RSAES_OAEP_SHA_256 is incompatible with key spec SYMMETRIC_DEFAULT.",
    );
  });

  it("stops at DryRun", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    expectAwsError(() => sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("x"), DryRun: true }), "DryRunOperationException");
  });

  it("rejects a plaintext that is not base64", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    expectAwsError(() => sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: "Hello world" }), "SerializationException");
  });
});

describe("Decrypt", () => {
  it("decrypts without a KeyId: the blob names its key", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    const blob = encrypt(sandbox, keyId, "secret");
    const out = sandbox.call("kms", "Decrypt", { CiphertextBlob: blob });
    expect(Object.keys(out)).toEqual(["KeyId", "Plaintext", "EncryptionAlgorithm", "KeyMaterialId"]);
    expect(out).toMatchObject({ KeyId: arn, EncryptionAlgorithm: "SYMMETRIC_DEFAULT" });
    expect(text(out.Plaintext)).toBe("secret");
  });

  it("needs exactly the encryption context the data was encrypted with", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    const blob = encrypt(sandbox, keyId, "secret", { purpose: "test", app: "shop" });
    expect(decrypt(sandbox, blob, { app: "shop", purpose: "test" })).toBe("secret");
    const contexts: (Record<string, string> | undefined)[] = [undefined, { purpose: "test" }, { purpose: "Test", app: "shop" }, { purpose: "test", app: "shop", extra: "x" }];
    for (const context of contexts) {
      expectAwsError(() => decrypt(sandbox, blob, context), "InvalidCiphertextException", "");
    }
  });

  it("fails with an empty InvalidCiphertextException for a tampered or foreign blob", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    const bytes = fromBase64(encrypt(sandbox, keyId, "secret"));
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expectAwsError(() => decrypt(sandbox, toBase64(bytes)), "InvalidCiphertextException", "");
    expectAwsError(() => decrypt(sandbox, b64("not a ciphertext at all")), "InvalidCiphertextException", "");
  });

  it("answers IncorrectKeyException when KeyId names another key", () => {
    const sandbox = newSandbox();
    const first = createKey(sandbox);
    const second = createKey(sandbox);
    const blob = encrypt(sandbox, first.keyId, "secret");
    expectAwsError(
      () => sandbox.call("kms", "Decrypt", { CiphertextBlob: blob, KeyId: second.keyId }),
      "IncorrectKeyException",
      "The key ID in the request does not identify a CMK that can perform this operation.",
    );
    expect(text(sandbox.call("kms", "Decrypt", { CiphertextBlob: blob, KeyId: first.arn }).Plaintext)).toBe("secret");
  });

  it("limits the ciphertext to 6144 bytes", () => {
    expectAwsError(
      () => newSandbox().call("kms", "Decrypt", { CiphertextBlob: toBase64(new Uint8Array(6145)) }),
      "ValidationException",
      "1 validation error detected: Value at 'ciphertextBlob' failed to satisfy constraint: Member must have length less than or equal to 6144",
    );
  });

  it("fails once the key is deleted", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    const blob = encrypt(sandbox, keyId, "secret");
    sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: keyId, PendingWindowInDays: 7 });
    sandbox.advanceClock(7 * 24 * 3600 * 1000);
    expectAwsError(() => decrypt(sandbox, blob), "NotFoundException", `Key '${arn}' does not exist`);
  });

  it("fails in another Region", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    const blob = encrypt(sandbox, keyId, "secret");
    expectAwsError(() => sandbox.call("kms", "Decrypt", { CiphertextBlob: blob }, { region: "eu-west-1" }), "InvalidCiphertextException", "");
  });

  it("names 'the resource associated with this ciphertext' when a caller without permission gives no KeyId", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    const blob = encrypt(sandbox, keyId, "secret");
    sandbox.putUser(ACCOUNT, "nobody", { Nothing: allow("s3:GetObject") });
    sandbox.actAs({ accountId: ACCOUNT, kind: "user", name: "nobody" });
    expectAwsError(
      () => decrypt(sandbox, blob),
      "AccessDeniedException",
      `User: arn:aws:iam::${ACCOUNT}:user/nobody is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext because no identity-based policy allows the kms:Decrypt action`,
    );
    expectAwsError(
      () => sandbox.call("kms", "Decrypt", { CiphertextBlob: blob, KeyId: keyId }),
      "AccessDeniedException",
      `User: arn:aws:iam::${ACCOUNT}:user/nobody is not authorized to perform: kms:Decrypt on resource: ${arn} because no identity-based policy allows the kms:Decrypt action`,
    );
  });

  it("lets another account decrypt when the key policy and its IAM policy both allow it", () => {
    const sandbox = newSandbox();
    const policy = {
      Version: "2012-10-17",
      Statement: [
        { Sid: "Owner", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" },
        { Sid: "Partner", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${PARTNER}:root` }, Action: "kms:Decrypt", Resource: "*" },
      ],
    };
    const { keyId } = createKey(sandbox, { Policy: JSON.stringify(policy) });
    const blob = encrypt(sandbox, keyId, "shared");
    sandbox.actAs({ accountId: PARTNER, kind: "user", name: "admin" });
    expect(decrypt(sandbox, blob)).toBe("shared");
    sandbox.putUser(PARTNER, "limited", { Nothing: allow("s3:*") });
    sandbox.actAs({ accountId: PARTNER, kind: "user", name: "limited" });
    expectAwsError(() => decrypt(sandbox, blob), "AccessDeniedException");
  });

  it("puts the encryption context in kms:EncryptionContext condition keys", () => {
    const sandbox = newSandbox();
    const policy = {
      Version: "2012-10-17",
      Statement: [
        { Sid: "Admin", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/admin` }, Action: "kms:*", Resource: "*" },
        {
          Sid: "App",
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/app` },
          Action: ["kms:Encrypt", "kms:Decrypt"],
          Resource: "*",
          Condition: { StringEquals: { "kms:EncryptionContext:app": "shop" } },
        },
      ],
    };
    const { keyId } = createKey(sandbox, { Policy: JSON.stringify(policy) });
    sandbox.putUser(ACCOUNT, "app", {});
    sandbox.actAs({ accountId: ACCOUNT, kind: "user", name: "app" });
    expect(decrypt(sandbox, encrypt(sandbox, keyId, "ok", { app: "shop" }), { app: "shop" })).toBe("ok");
    expectAwsError(() => encrypt(sandbox, keyId, "no", { app: "blog" }), "AccessDeniedException");
  });

  it("round-trips any plaintext and context (property)", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 4096 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 4 }), (plaintext, context) => {
        const blob = sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: toBase64(plaintext), EncryptionContext: context }).CiphertextBlob as string;
        const out = sandbox.call("kms", "Decrypt", { CiphertextBlob: blob, EncryptionContext: context });
        expect(fromBase64(String(out.Plaintext))).toEqual(plaintext);
      }),
      { numRuns: 60 },
    );
  });

  it("never decrypts after any single-bit change to the blob (property)", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    const blob = fromBase64(encrypt(sandbox, keyId, "tamper-proof", { a: "b" }));
    fc.assert(
      fc.property(fc.nat({ max: blob.length * 8 - 1 }), (bit) => {
        const changed = blob.slice();
        changed[bit >> 3] = (changed[bit >> 3] ?? 0) ^ (1 << (bit & 7));
        const error = awsError(() => decrypt(sandbox, toBase64(changed), { a: "b" }));
        // Header bits can name another (unknown) key, account or Region: the blob still never opens.
        expect(["InvalidCiphertextException", "NotFoundException", "IncorrectKeyException"]).toContain(error.code);
      }),
      { numRuns: 150 },
    );
  });

  it("never decrypts a blob under another key (property)", () => {
    const sandbox = newSandbox();
    const keys = [createKey(sandbox), createKey(sandbox), createKey(sandbox)];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.uint8Array({ minLength: 1, maxLength: 64 }), (from, to, plaintext) => {
        fc.pre(from !== to);
        const blob = sandbox.call("kms", "Encrypt", { KeyId: keys[from]?.keyId ?? "", Plaintext: toBase64(plaintext) }).CiphertextBlob as string;
        expectAwsError(() => sandbox.call("kms", "Decrypt", { CiphertextBlob: blob, KeyId: keys[to]?.keyId ?? "" }), "IncorrectKeyException");
        // Even a blob rewritten to name the other key fails authentication under that key's material.
        const forged = fromBase64(blob);
        const target = fromBase64(encrypt(sandbox, keys[to]?.keyId ?? "", "x"));
        const headerLength = 4 + 1 + REGION.length + 12 + 16 + 2;
        forged.set(target.subarray(0, headerLength), 0);
        expectAwsError(() => decrypt(sandbox, toBase64(forged)), "InvalidCiphertextException", "");
      }),
      { numRuns: 30 },
    );
  });
});

describe("ReEncrypt", () => {
  it("moves a ciphertext to another key and context without exposing the plaintext", () => {
    const sandbox = newSandbox();
    const source = createKey(sandbox);
    const destination = createKey(sandbox);
    const blob = encrypt(sandbox, source.keyId, "move me", { v: "1" });
    const out = sandbox.call("kms", "ReEncrypt", {
      CiphertextBlob: blob,
      SourceEncryptionContext: { v: "1" },
      DestinationKeyId: destination.keyId,
      DestinationEncryptionContext: { v: "2" },
    });
    expect(Object.keys(out)).toEqual([
      "CiphertextBlob",
      "SourceKeyId",
      "KeyId",
      "SourceEncryptionAlgorithm",
      "DestinationEncryptionAlgorithm",
      "SourceKeyMaterialId",
      "DestinationKeyMaterialId",
    ]);
    expect(out).toMatchObject({ SourceKeyId: source.arn, KeyId: destination.arn, SourceEncryptionAlgorithm: "SYMMETRIC_DEFAULT", DestinationEncryptionAlgorithm: "SYMMETRIC_DEFAULT" });
    expect(decrypt(sandbox, String(out.CiphertextBlob), { v: "2" })).toBe("move me");
    expect(sandbox.trail({ eventName: "ReEncrypt" })[0]?.authorizations.map((entry) => entry.action)).toEqual(["kms:ReEncryptFrom", "kms:ReEncryptTo"]);
  });

  it("fails like Decrypt for the source and like Encrypt for the destination", () => {
    const sandbox = newSandbox();
    const source = createKey(sandbox);
    const destination = createKey(sandbox);
    const blob = encrypt(sandbox, source.keyId, "x", { v: "1" });
    expectAwsError(() => sandbox.call("kms", "ReEncrypt", { CiphertextBlob: blob, DestinationKeyId: destination.keyId }), "InvalidCiphertextException", "");
    expectAwsError(
      () => sandbox.call("kms", "ReEncrypt", { CiphertextBlob: blob, SourceEncryptionContext: { v: "1" }, SourceKeyId: destination.keyId, DestinationKeyId: destination.keyId }),
      "IncorrectKeyException",
    );
    sandbox.call("kms", "DisableKey", { KeyId: destination.keyId });
    expectAwsError(
      () => sandbox.call("kms", "ReEncrypt", { CiphertextBlob: blob, SourceEncryptionContext: { v: "1" }, DestinationKeyId: destination.keyId }),
      "DisabledException",
      `${destination.arn} is disabled.`,
    );
    expectAwsError(() => sandbox.call("kms", "ReEncrypt", { CiphertextBlob: blob }), "ValidationException", /at 'destinationKeyId'/);
  });
});

describe("GenerateDataKey", () => {
  it("returns a 32-byte key for AES_256, 16 for AES_128, NumberOfBytes otherwise, with its encrypted copy", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    for (const [input, length] of [[{ KeySpec: "AES_256" }, 32], [{ KeySpec: "AES_128" }, 16], [{ NumberOfBytes: 1 }, 1], [{ NumberOfBytes: 1024 }, 1024]] as const) {
      const out = sandbox.call("kms", "GenerateDataKey", { KeyId: keyId, ...input, EncryptionContext: { use: "envelope" } });
      expect(Object.keys(out)).toEqual(["CiphertextBlob", "Plaintext", "KeyId", "KeyMaterialId"]);
      expect(out.KeyId).toBe(arn);
      expect(fromBase64(String(out.Plaintext))).toHaveLength(length);
      // The encrypted copy decrypts to the same key (client-side envelope encryption).
      const copy = sandbox.call("kms", "Decrypt", { CiphertextBlob: out.CiphertextBlob as string, EncryptionContext: { use: "envelope" } });
      expect(copy.Plaintext).toBe(out.Plaintext);
    }
  });

  it("needs exactly one of KeySpec and NumberOfBytes", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    expectAwsError(() => sandbox.call("kms", "GenerateDataKey", { KeyId: keyId }), "ValidationException");
    expectAwsError(() => sandbox.call("kms", "GenerateDataKey", { KeyId: keyId, KeySpec: "AES_256", NumberOfBytes: 32 }), "ValidationException");
  });

  it("checks NumberOfBytes and KeySpec with AWS's messages", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    expectAwsError(
      () => sandbox.call("kms", "GenerateDataKey", { KeyId: keyId, NumberOfBytes: 1025 }),
      "ValidationException",
      "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
    );
    expectAwsError(
      () => sandbox.call("kms", "GenerateDataKey", { KeyId: keyId, KeySpec: "AES_512" }),
      "ValidationException",
      "1 validation error detected: Value 'AES_512' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]",
    );
  });

  it("GenerateDataKeyWithoutPlaintext returns only the encrypted copy", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    const out = sandbox.call("kms", "GenerateDataKeyWithoutPlaintext", { KeyId: keyId, KeySpec: "AES_256" });
    expect(Object.keys(out)).toEqual(["CiphertextBlob", "KeyId", "KeyMaterialId"]);
    expect(out.KeyId).toBe(arn);
    expect(fromBase64(String(sandbox.call("kms", "Decrypt", { CiphertextBlob: out.CiphertextBlob as string }).Plaintext))).toHaveLength(32);
  });

  it("refuses a signing key", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox, { KeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY" });
    expectAwsError(
      () => sandbox.call("kms", "GenerateDataKeyWithoutPlaintext", { KeyId: keyId, KeySpec: "AES_256" }),
      "InvalidKeyUsageException",
      `${arn} key usage is SIGN_VERIFY which is not valid for GenerateDataKeyWithoutPlaintext.`,
    );
  });
});

describe("GenerateRandom", () => {
  it("returns 1 to 1024 random bytes", () => {
    const sandbox = newSandbox();
    expect(fromBase64(String(sandbox.call("kms", "GenerateRandom", { NumberOfBytes: 12 }).Plaintext))).toHaveLength(12);
    expect(fromBase64(String(sandbox.call("kms", "GenerateRandom", { NumberOfBytes: 1024 }).Plaintext))).toHaveLength(1024);
  });

  it("fails with AWS's messages without NumberOfBytes or out of range", () => {
    const sandbox = newSandbox();
    expectAwsError(() => sandbox.call("kms", "GenerateRandom", {}), "ValidationException", "NumberOfBytes is required.");
    expectAwsError(
      () => sandbox.call("kms", "GenerateRandom", { NumberOfBytes: 0 }),
      "ValidationException",
      "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    expectAwsError(
      () => sandbox.call("kms", "GenerateRandom", { NumberOfBytes: 1025 }),
      "ValidationException",
      "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
    );
  });
});

describe("the trail", () => {
  it("never records plaintexts, data keys or ciphertexts", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    const blob = encrypt(sandbox, keyId, "top secret");
    decrypt(sandbox, blob);
    sandbox.call("kms", "GenerateDataKey", { KeyId: keyId, KeySpec: "AES_256" });
    sandbox.call("kms", "GenerateRandom", { NumberOfBytes: 8 });
    for (const event of sandbox.trail({ eventSource: "kms.amazonaws.com" })) {
      const recorded = JSON.stringify([event.requestParameters, event.responseElements]);
      expect(recorded).not.toContain("Plaintext");
      expect(recorded).not.toContain("CiphertextBlob");
    }
    expect(sandbox.trail({ eventName: "Encrypt" })[0]?.requestParameters).toEqual({ KeyId: keyId });
  });
});
