import type { OperationContext } from "../core/operation";
import { oaepCapacity, oaepDecrypt, oaepEncrypt, type OaepHash } from "../crypto/rsa-encryption";
import { rsaKeyPair, type RsaKeySpec } from "../crypto/signing";
import { kmsErrors } from "./errors";
import { encryptionAlgorithmsFor, isRsaSpec, type EncryptionAlgorithm } from "./key-specs";
import { currentMaterial, materialSecret } from "./materials";
import type { KmsKeyRecord } from "./state";

/**
 * Encryption under an RSA key (KeyUsage ENCRYPT_DECRYPT): plain RSAES-OAEP,
 * no KMS ciphertext blob around it, so Decrypt must be told the key
 * (KeyId) and the algorithm, as on AWS. The key pair is derived from the
 * key's material seed, as for signing keys.
 */

export const isRsaEncryptionKey = (key: KmsKeyRecord): boolean => key.keyUsage === "ENCRYPT_DECRYPT" && isRsaSpec(key.keySpec);

function rsaKeyOf(key: KmsKeyRecord) {
  const material = currentMaterial(key);
  // A key without material is PendingImport, which the lifecycle machine has refused before.
  if (!material) throw kmsErrors.invalidCiphertext();
  return rsaKeyPair(key.keySpec as RsaKeySpec, materialSecret(material));
}

/** The algorithm of a request on an RSA encryption key: one of the key's, and given (the default SYMMETRIC_DEFAULT is not). */
export function rsaAlgorithm(key: KmsKeyRecord, algorithm: EncryptionAlgorithm | undefined): OaepHash {
  const chosen = algorithm ?? "SYMMETRIC_DEFAULT";
  if (!encryptionAlgorithmsFor(key.keySpec).includes(chosen) || chosen === "SYMMETRIC_DEFAULT") throw kmsErrors.incompatibleAlgorithm(chosen, key.keySpec);
  return chosen === "RSAES_OAEP_SHA_1" ? "SHA_1" : "SHA_256";
}

/** The plaintext limit is the padding's: "Algorithm X and key spec Y cannot encrypt data larger than N bytes." (AWS, LocalStack snapshot test_encrypt_validate_plaintext_size_per_key_type). */
export function rsaEncrypt(ctx: OperationContext, key: KmsKeyRecord, algorithm: EncryptionAlgorithm, plaintext: Uint8Array): Uint8Array {
  const hash = rsaAlgorithm(key, algorithm);
  const pair = rsaKeyOf(key);
  const capacity = oaepCapacity(pair.n, hash);
  if (plaintext.length > capacity) throw kmsErrors.validation(`Algorithm ${algorithm} and key spec ${key.keySpec} cannot encrypt data larger than ${capacity} bytes.`);
  return oaepEncrypt(pair, hash, plaintext, (length) => ctx.random.bytes(length));
}

/** A ciphertext not made under this key with this algorithm is InvalidCiphertextException, as for symmetric keys. */
export function rsaDecrypt(key: KmsKeyRecord, algorithm: EncryptionAlgorithm | undefined, ciphertext: Uint8Array): Uint8Array {
  const hash = rsaAlgorithm(key, algorithm);
  const plaintext = oaepDecrypt(rsaKeyOf(key), hash, ciphertext);
  if (!plaintext) throw kmsErrors.invalidCiphertext();
  return plaintext;
}
