import { constants, createCipheriv, createPublicKey, publicEncrypt, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fromBase64 } from "@/lib/sandbox/core/encoding";
import { DAY, HOUR } from "@/lib/sandbox/core/time";
import type { Sandbox } from "@/lib/sandbox";
import { awsError, b64, createKey, describe_, newSandbox, START_MS, text } from "./helpers";

/**
 * Imported key material (BYOK). Expected shapes and messages come from real
 * AWS, recorded in LocalStack's @aws_validated snapshots
 * (tests/aws/services/kms/test_kms.snapshot.json): test_import_key_symmetric,
 * test_get_parameters_for_import_raises_for_non_external_kms_keys,
 * test_rotate_key_on_demand_updates_current_key_material_for_external_keys,
 * test_import_key_material_raises_if_there_is_already_key_material_pending,
 * test_rotate_key_on_demand_raises_for_no_pending_key_material,
 * test_rotate_key_on_demand_on_external_key_with_no_key_material; and from the
 * ImportKeyMaterial / GetParametersForImport API references (24-hour
 * parameters, ValidTo at most 365 days ahead). The key material is wrapped
 * here by Node's crypto (OpenSSL), as the developer guide does with openssl.
 */

const HASH = { RSAES_OAEP_SHA_1: "sha1", RSAES_OAEP_SHA_256: "sha256", RSA_AES_KEY_WRAP_SHA_1: "sha1", RSA_AES_KEY_WRAP_SHA_256: "sha256" } as const;
type Wrapping = keyof typeof HASH;

interface Parameters {
  token: string;
  publicKey: Buffer;
  algorithm: Wrapping;
}

function parameters(sandbox: Sandbox, keyId: string, algorithm: Wrapping = "RSAES_OAEP_SHA_256", spec = "RSA_2048"): Parameters {
  const answer = sandbox.call("kms", "GetParametersForImport", { KeyId: keyId, WrappingAlgorithm: algorithm, WrappingKeySpec: spec });
  return { token: String(answer.ImportToken), publicKey: Buffer.from(fromBase64(String(answer.PublicKey))), algorithm };
}

/** Encrypts key material as the developer guide's openssl commands do. */
function wrap({ publicKey, algorithm }: Parameters, material: Buffer): string {
  const key = createPublicKey({ key: publicKey, format: "der", type: "spki" });
  const oaep = (data: Buffer) => publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: HASH[algorithm] }, data);
  if (algorithm.startsWith("RSAES_OAEP")) return oaep(material).toString("base64");
  // RSA_AES_KEY_WRAP: an ephemeral AES key under RSA-OAEP, then the material under AES key wrap with padding (RFC 5649).
  const aesKey = randomBytes(32);
  const kwp = createCipheriv("id-aes256-wrap-pad", aesKey, Buffer.from("A65959A6", "hex"));
  return Buffer.concat([oaep(aesKey), kwp.update(material), kwp.final()]).toString("base64");
}

function importMaterial(sandbox: Sandbox, keyId: string, material: Buffer, extra: Record<string, unknown> = { ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" }) {
  const issued = parameters(sandbox, keyId);
  return sandbox.call("kms", "ImportKeyMaterial", { KeyId: keyId, ImportToken: issued.token, EncryptedKeyMaterial: wrap(issued, material), ...extra });
}

const externalKey = (sandbox: Sandbox) => createKey(sandbox, { Origin: "EXTERNAL", Description: "test-key" });

describe("importing key material", () => {
  it("takes a key from PendingImport to Enabled, and back when the material is deleted (test_import_key_symmetric)", () => {
    const sandbox = newSandbox(51);
    const { keyId, arn, metadata } = externalKey(sandbox);
    expect(metadata).toMatchObject({ Enabled: false, KeyState: "PendingImport", Origin: "EXTERNAL", EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"] });
    expect(metadata.CurrentKeyMaterialId).toBeUndefined();
    expect(awsError(() => sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("x") }))).toEqual({ code: "KMSInvalidStateException", message: `${arn} is pending import.` });

    const issued = sandbox.call("kms", "GetParametersForImport", { KeyId: keyId, WrappingAlgorithm: "RSAES_OAEP_SHA_256", WrappingKeySpec: "RSA_2048" });
    expect(Object.keys(issued)).toEqual(["KeyId", "ImportToken", "PublicKey", "ParametersValidTo"]);
    expect(issued.KeyId).toBe(arn);
    expect(issued.ParametersValidTo).toBe((START_MS + 24 * HOUR) / 1000);

    const material = randomBytes(32);
    const params: Parameters = { token: String(issued.ImportToken), publicKey: Buffer.from(fromBase64(String(issued.PublicKey))), algorithm: "RSAES_OAEP_SHA_256" };
    const encrypted = wrap(params, material);
    // The default ExpirationModel is KEY_MATERIAL_EXPIRES, which needs ValidTo (recorded message).
    expect(awsError(() => sandbox.call("kms", "ImportKeyMaterial", { KeyId: keyId, ImportToken: params.token, EncryptedKeyMaterial: encrypted }))).toEqual({
      code: "ValidationException",
      message: "A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES",
    });
    const imported = sandbox.call("kms", "ImportKeyMaterial", { KeyId: keyId, ImportToken: params.token, EncryptedKeyMaterial: encrypted, ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" });
    expect(imported).toEqual({ KeyId: arn, KeyMaterialId: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(describe_(sandbox, keyId)).toMatchObject({ Enabled: true, KeyState: "Enabled", ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE", CurrentKeyMaterialId: imported.KeyMaterialId });

    const { CiphertextBlob } = sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("test content 123 !#") });
    expect(text(sandbox.call("kms", "Decrypt", { CiphertextBlob, KeyId: keyId }).Plaintext)).toBe("test content 123 !#");

    expect(sandbox.call("kms", "DeleteImportedKeyMaterial", { KeyId: keyId })).toEqual({ KeyId: arn, KeyMaterialId: imported.KeyMaterialId });
    const after = describe_(sandbox, keyId);
    expect(after).toMatchObject({ Enabled: false, KeyState: "PendingImport", CurrentKeyMaterialId: imported.KeyMaterialId });
    expect(after.ExpirationModel).toBeUndefined();
    expect(awsError(() => sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("x") }))).toEqual({ code: "KMSInvalidStateException", message: `${arn} is pending import.` });
    expect(awsError(() => sandbox.call("kms", "Decrypt", { CiphertextBlob })).code).toBe("KMSInvalidStateException");

    // The same material comes back, and with it every ciphertext; different material is refused.
    expect(awsError(() => importMaterial(sandbox, keyId, randomBytes(32))).code).toBe("IncorrectKeyMaterialException");
    expect(importMaterial(sandbox, keyId, material).KeyMaterialId).toBe(imported.KeyMaterialId);
    expect(text(sandbox.call("kms", "Decrypt", { CiphertextBlob }).Plaintext)).toBe("test content 123 !#");
  });

  it.each([
    ["RSAES_OAEP_SHA_1", "RSA_2048"],
    ["RSA_AES_KEY_WRAP_SHA_1", "RSA_2048"],
    ["RSA_AES_KEY_WRAP_SHA_256", "RSA_3072"],
  ] as const)("unwraps material wrapped with %s under an %s wrapping key", (algorithm, spec) => {
    const sandbox = newSandbox(52);
    const { keyId } = externalKey(sandbox);
    const issued = parameters(sandbox, keyId, algorithm, spec);
    sandbox.call("kms", "ImportKeyMaterial", { KeyId: keyId, ImportToken: issued.token, EncryptedKeyMaterial: wrap(issued, randomBytes(32)), ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" });
    expect(describe_(sandbox, keyId).KeyState).toBe("Enabled");
  });

  it("expires at ValidTo: KMS deletes the material by itself and CloudTrail records DeleteExpiredKeyMaterial", () => {
    const sandbox = newSandbox(53);
    const { keyId } = externalKey(sandbox);
    const validTo = (START_MS + 2 * DAY) / 1000;
    importMaterial(sandbox, keyId, randomBytes(32), { ExpirationModel: "KEY_MATERIAL_EXPIRES", ValidTo: validTo });
    expect(describe_(sandbox, keyId)).toMatchObject({ KeyState: "Enabled", ExpirationModel: "KEY_MATERIAL_EXPIRES", ValidTo: validTo });
    sandbox.advanceClock(DAY);
    expect(describe_(sandbox, keyId).KeyState).toBe("Enabled");
    sandbox.advanceClock(2 * DAY);
    expect(describe_(sandbox, keyId).KeyState).toBe("PendingImport");
    expect(sandbox.trail({ eventName: "DeleteExpiredKeyMaterial" })).toHaveLength(1);
  });

  it("checks ValidTo: in the future and at most 365 days ahead", () => {
    const sandbox = newSandbox(54);
    const { keyId } = externalKey(sandbox);
    const tooLate = (START_MS + 366 * DAY) / 1000;
    expect(awsError(() => importMaterial(sandbox, keyId, randomBytes(32), { ExpirationModel: "KEY_MATERIAL_EXPIRES", ValidTo: tooLate })).code).toBe("ValidationException");
    expect(awsError(() => importMaterial(sandbox, keyId, randomBytes(32), { ExpirationModel: "KEY_MATERIAL_EXPIRES", ValidTo: START_MS / 1000 - 1 })).code).toBe("ValidationException");
    expect(describe_(sandbox, keyId).KeyState).toBe("PendingImport");
  });

  it("refuses keys not created for import, with AWS's message (test_get_parameters_for_import_raises_for_non_external_kms_keys)", () => {
    const sandbox = newSandbox(55);
    const { keyId, arn } = createKey(sandbox);
    expect(awsError(() => parameters(sandbox, keyId))).toEqual({ code: "UnsupportedOperationException", message: `${arn} origin is AWS_KMS which is not valid for this operation.` });
    expect(awsError(() => sandbox.call("kms", "DeleteImportedKeyMaterial", { KeyId: keyId })).code).toBe("UnsupportedOperationException");
  });

  it("accepts only a live token issued for this key, and only material wrapped with its public key", () => {
    const sandbox = newSandbox(56);
    const first = externalKey(sandbox);
    const second = externalKey(sandbox);
    const material = randomBytes(32);
    const forSecond = parameters(sandbox, second.keyId);
    const call = (keyId: string, issued: Parameters, encrypted = wrap(issued, material)) =>
      sandbox.call("kms", "ImportKeyMaterial", { KeyId: keyId, ImportToken: issued.token, EncryptedKeyMaterial: encrypted, ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" });
    expect(awsError(() => call(first.keyId, forSecond)).code).toBe("InvalidImportTokenException");
    const forFirst = parameters(sandbox, first.keyId);
    expect(awsError(() => call(first.keyId, forFirst, wrap(forSecond, material))).code).toBe("InvalidCiphertextException");
    expect(awsError(() => call(first.keyId, forFirst, wrap(forFirst, randomBytes(16)))).code).toBe("IncorrectKeyMaterialException");
    sandbox.advanceClock(25 * HOUR);
    expect(awsError(() => call(first.keyId, forFirst)).code).toBe("ExpiredImportTokenException");
    expect(describe_(sandbox, first.keyId).KeyState).toBe("PendingImport");
  });

  it("rotates on demand to material imported as NEW_KEY_MATERIAL; older ciphertexts still decrypt (recorded flows)", () => {
    const sandbox = newSandbox(57);
    const { keyId, arn } = externalKey(sandbox);
    // Nothing imported yet: the key is pending import (test_rotate_key_on_demand_on_external_key_with_no_key_material).
    expect(awsError(() => sandbox.call("kms", "RotateKeyOnDemand", { KeyId: keyId }))).toEqual({ code: "KMSInvalidStateException", message: `${arn} is pending import.` });
    const first = importMaterial(sandbox, keyId, randomBytes(32));
    // Material but none pending rotation (test_rotate_key_on_demand_raises_for_no_pending_key_material).
    expect(awsError(() => sandbox.call("kms", "RotateKeyOnDemand", { KeyId: keyId }))).toEqual({ code: "KMSInvalidStateException", message: `No available key material pending rotation for the key: ${arn}.` });
    const before = sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("before rotation") });

    const second = importMaterial(sandbox, keyId, randomBytes(32), { ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE", ImportType: "NEW_KEY_MATERIAL" });
    expect(describe_(sandbox, keyId).CurrentKeyMaterialId).toBe(first.KeyMaterialId);
    // A second pending material is refused with AWS's message (test_import_key_material_raises_if_there_is_already_key_material_pending).
    const third = randomBytes(32);
    const issued = parameters(sandbox, keyId);
    const refused = awsError(() =>
      sandbox.call("kms", "ImportKeyMaterial", { KeyId: keyId, ImportToken: issued.token, EncryptedKeyMaterial: wrap(issued, third), ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE", ImportType: "NEW_KEY_MATERIAL" }),
    );
    expect(refused.code).toBe("KMSInvalidStateException");
    expect(refused.message).toMatch(new RegExp(`^New key material \\(id: [0-9a-f]{64}\\) cannot be imported into KMS key ${keyId}, because another key material \\(id: ${second.KeyMaterialId}\\) is pending rotation\\.$`));

    const listed = sandbox.call("kms", "ListKeyRotations", { KeyId: keyId, IncludeKeyMaterial: "ALL_KEY_MATERIAL" }).Rotations as Record<string, unknown>[];
    expect(listed.map((entry) => [entry.KeyMaterialId, entry.ImportState, entry.KeyMaterialState])).toEqual([
      [first.KeyMaterialId, "IMPORTED", "CURRENT"],
      [second.KeyMaterialId, "IMPORTED", "PENDING_ROTATION"],
    ]);

    expect(sandbox.call("kms", "RotateKeyOnDemand", { KeyId: keyId })).toEqual({ KeyId: arn });
    expect(describe_(sandbox, keyId).CurrentKeyMaterialId).toBe(second.KeyMaterialId);
    const after = sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("after rotation") });
    expect(text(sandbox.call("kms", "Decrypt", { CiphertextBlob: before.CiphertextBlob }).Plaintext)).toBe("before rotation");
    expect(sandbox.call("kms", "Decrypt", { CiphertextBlob: after.CiphertextBlob }).KeyMaterialId).toBe(second.KeyMaterialId);
    const rotations = sandbox.call("kms", "ListKeyRotations", { KeyId: keyId }).Rotations as Record<string, unknown>[];
    expect(rotations).toEqual([{ KeyId: keyId, KeyMaterialId: second.KeyMaterialId, ImportState: "IMPORTED", KeyMaterialState: "CURRENT", ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE", RotationDate: START_MS / 1000, RotationType: "ON_DEMAND" }]);

    // Deleting the old (non-current) material keeps the key usable but its ciphertexts wait for a reimport.
    sandbox.call("kms", "DeleteImportedKeyMaterial", { KeyId: keyId, KeyMaterialId: first.KeyMaterialId });
    expect(describe_(sandbox, keyId).KeyState).toBe("Enabled");
    expect(awsError(() => sandbox.call("kms", "Decrypt", { CiphertextBlob: before.CiphertextBlob })).code).toBe("KMSInvalidStateException");
  });

  it("survives a snapshot and restore with material deleted", () => {
    const sandbox = newSandbox(58);
    const { keyId } = externalKey(sandbox);
    importMaterial(sandbox, keyId, randomBytes(32));
    sandbox.call("kms", "DeleteImportedKeyMaterial", { KeyId: keyId });
    const copy = newSandbox(1);
    copy.restore(JSON.parse(JSON.stringify(sandbox.snapshot())));
    expect(describe_(copy, keyId).KeyState).toBe("PendingImport");
  });
});

