import { aeskwp } from "@noble/ciphers/aes.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { concatBytes, fromBase64, toBase64, toHex, utf8 } from "../core/encoding";
import { AwsServiceError } from "../core/errors";
import type { OperationContext } from "../core/operation";
import { HOUR } from "../core/time";
import { byteLength } from "../crypto/integers";
import { oaepDecrypt, type OaepHash } from "../crypto/rsa-encryption";
import { publicKeyDer, rsaKeyPair, type RsaKeySpec } from "../crypto/signing";
import { kmsErrors } from "./errors";
import { nextKeyState } from "./key.machine";
import type { ImportParameters, KeyMaterial, KmsKeyRecord, WrappingAlgorithm, WrappingKeySpec } from "./state";

/**
 * Imported key material (BYOK): the wrapping key and import token that
 * GetParametersForImport hands out, unwrapping what the learner encrypted
 * with it, and the identity of a material version across reimports.
 *
 * Sources: ImportKeyMaterial, GetParametersForImport and
 * DeleteImportedKeyMaterial API references; "Importing key material",
 * developer guide; real-AWS responses recorded in LocalStack's snapshots
 * (tests/aws/services/kms/test_kms.snapshot.json: test_import_key_symmetric,
 * test_rotate_key_on_demand_updates_current_key_material_for_external_keys,
 * test_import_key_material_raises_if_there_is_already_key_material_pending,
 * test_get_parameters_for_import_raises_for_non_external_kms_keys).
 */

export const EXPIRE_MATERIAL_EVENT = "kms.expireKeyMaterial";
/** "The public key and import token ... are valid for 24 hours." (GetParametersForImport API reference) */
export const IMPORT_PARAMETERS_VALIDITY = 24 * HOUR;
/** Keep the latest answers only; a learner who asks again and again needs no more. */
const KEPT_PARAMETERS = 10;

/** A key ARN and one of its material versions, as the resource of a scheduled expiry. */
export const materialResource = (key: KmsKeyRecord, materialId: string): string => `${key.arn}#${materialId}`;

/** Only keys created for imported material (Origin EXTERNAL) take it; the message is AWS's (recorded). */
export function requireExternalOrigin(key: KmsKeyRecord): void {
  if (key.origin !== "EXTERNAL") throw new AwsServiceError("UnsupportedOperationException", `${key.arn} origin is ${key.origin} which is not valid for this operation.`);
}

/** NOTE: AWS imports material into asymmetric and HMAC keys too; the sandbox imports into symmetric encryption keys only. */
export function requireSymmetricImport(key: KmsKeyRecord): void {
  if (key.keySpec !== "SYMMETRIC_DEFAULT") throw new AwsServiceError("UnsupportedOperationException", `The sandbox imports key material into SYMMETRIC_DEFAULT keys only, not ${key.keySpec}.`);
}

/**
 * The wrapping algorithms the sandbox offers.
 * NOTE: RSAES_PKCS1_V1_5 is no longer accepted by AWS (deprecated in 2023) and SM2PKE / SM2 exist
 * only in China Regions; both are refused with the sandbox's wording.
 */
export function checkWrapping(algorithm: WrappingAlgorithm, spec: WrappingKeySpec): void {
  if (algorithm === "RSAES_PKCS1_V1_5") throw kmsErrors.validation("The RSAES_PKCS1_V1_5 wrapping algorithm is no longer supported; use RSAES_OAEP_SHA_256 or RSA_AES_KEY_WRAP_SHA_256.");
  if (algorithm === "SM2PKE" || spec === "SM2") throw new AwsServiceError("UnsupportedOperationException", "SM2 wrapping is available only in China Regions and is not simulated.");
}

/** A new wrapping key pair and import token for a key; the answer GetParametersForImport gives. */
export function issueImportParameters(ctx: OperationContext, key: KmsKeyRecord, algorithm: WrappingAlgorithm, spec: WrappingKeySpec): { parameters: ImportParameters; publicKey: Uint8Array } {
  const seed = ctx.random.bytes(32);
  // The token is opaque to the learner; it names these parameters (and the key, so another key's token is refused).
  const token = concatBytes(utf8.encode(`kms-import:${key.keyId}:`), ctx.random.bytes(48));
  const parameters: ImportParameters = { token: toBase64(token), wrappingAlgorithm: algorithm, wrappingKeySpec: spec, seed: toBase64(seed), validTo: ctx.now + IMPORT_PARAMETERS_VALIDITY };
  const kept = (key.importParameters ?? []).filter((issued) => issued.validTo > ctx.now);
  key.importParameters = [...kept, parameters].slice(-KEPT_PARAMETERS);
  return { parameters, publicKey: publicKeyDer(spec as RsaKeySpec, seed) };
}

/**
 * The parameters a token names.
 * NOTE: the exception names are AWS's (API model); the messages are the sandbox's.
 */
export function parametersOfToken(ctx: OperationContext, key: KmsKeyRecord, token: Uint8Array): ImportParameters {
  const text = toBase64(token);
  const found = (key.importParameters ?? []).find((issued) => issued.token === text);
  if (!found) throw new AwsServiceError("InvalidImportTokenException", "The import token is not valid for this KMS key.");
  if (found.validTo <= ctx.now) throw new AwsServiceError("ExpiredImportTokenException", "The import token has expired. Call GetParametersForImport again.");
  return found;
}

const hashOf = (algorithm: WrappingAlgorithm): OaepHash => (algorithm.endsWith("SHA_1") ? "SHA_1" : "SHA_256");

/**
 * Unwraps EncryptedKeyMaterial. RSAES_OAEP_*: the material under the public
 * key directly. RSA_AES_KEY_WRAP_*: an ephemeral AES key under the public key
 * (OAEP, a modulus long), followed by the material wrapped with that AES key
 * (AES key wrap with padding, RFC 5649), as "Encrypt key material" in the
 * developer guide builds it with OpenSSL.
 * Anything else fails as AWS says it: InvalidCiphertextException.
 */
export function unwrapMaterial(parameters: ImportParameters, encrypted: Uint8Array): Uint8Array {
  const pair = rsaKeyPair(parameters.wrappingKeySpec as RsaKeySpec, fromBase64(parameters.seed));
  const hash = hashOf(parameters.wrappingAlgorithm);
  let material: Uint8Array | undefined;
  if (parameters.wrappingAlgorithm.startsWith("RSAES_OAEP")) {
    material = oaepDecrypt(pair, hash, encrypted);
  } else {
    const modulusLength = byteLength(pair.n);
    const aesKey = oaepDecrypt(pair, hash, encrypted.subarray(0, modulusLength));
    if (aesKey && [16, 24, 32].includes(aesKey.length)) {
      try {
        material = aeskwp(aesKey).decrypt(encrypted.subarray(modulusLength));
      } catch {
        material = undefined;
      }
    }
  }
  if (!material) throw kmsErrors.invalidCiphertext();
  return material;
}

/**
 * The KeyMaterialId of imported material: derived from the material and the
 * key, so that a reimport can be recognised as the same material (AWS allows
 * reimporting only the same material) without keeping deleted material.
 * NOTE: AWS does not document how it derives imported KeyMaterialIds; the format (64 hex digits) is AWS's.
 */
export function importedMaterialId(key: KmsKeyRecord, material: Uint8Array): string {
  return toHex(sha256(concatBytes(utf8.encode(`sandbox-kms-imported-material:${key.arn}:`), material)));
}

/** Symmetric keys take exactly 256 bits of material. NOTE: the message is the sandbox's. */
export function checkMaterialLength(material: Uint8Array): void {
  if (material.length !== 32) throw new AwsServiceError("IncorrectKeyMaterialException", `Key material for a SYMMETRIC_DEFAULT key must be 256 bits (32 bytes), not ${material.length} bytes.`);
}

/** The material pending an on-demand rotation (imported as NEW_KEY_MATERIAL into a key that has material). */
export const pendingMaterial = (key: KmsKeyRecord): KeyMaterial | undefined => key.materials.find((material) => material.imported?.pendingRotation);

/** Forgets a material version's bytes. */
function forgetMaterial(material: KeyMaterial): void {
  delete material.secret;
  if (material.imported) {
    material.imported.importState = "PENDING_IMPORT";
    delete material.imported.validTo;
  }
}

/**
 * Deletes imported material (DeleteImportedKeyMaterial, expiry). Material pending rotation
 * is not yet part of the key and goes entirely ("you can delete this key material and
 * import different key material in its place", RotationsListEntry); the current material's
 * loss puts the key back to waiting for material.
 */
export function removeMaterial(key: KmsKeyRecord, material: KeyMaterial): void {
  if (material.imported?.pendingRotation) {
    key.materials.splice(key.materials.indexOf(material), 1);
    return;
  }
  if (material.secret === undefined) return;
  if (key.materials[key.currentMaterial] === material) key.state = nextKeyState(key, "key.removeMaterial");
  forgetMaterial(material);
}
