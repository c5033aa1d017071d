import type { OperationContext } from "../core/operation";
import { openBlob, parseBlob, sealBlob, type ParsedBlob } from "../crypto/ciphertext-blob";
import type { EncryptionContext } from "../crypto/encryption-context";
import { kmsErrors } from "./errors";
import { currentMaterial, materialSecret } from "./materials";
import type { KeyMaterial, KmsKeyRecord } from "./state";
import { keyArn, kmsState } from "./store";

/**
 * Symmetric encryption under a key's material, with the sandbox's ciphertext
 * blob (crypto/ciphertext-blob.ts): Encrypt uses the current material; the
 * blob names the key and the material version, so Decrypt finds the right
 * version however often the key has rotated since.
 */

export function sealUnder(ctx: OperationContext, key: KmsKeyRecord, plaintext: Uint8Array, context: EncryptionContext | undefined): { blob: Uint8Array; material: KeyMaterial } {
  const material = currentMaterial(key);
  // Keys without material are PendingImport, which the lifecycle machine has already refused.
  if (!material) throw kmsErrors.invalidCiphertext();
  const header = { region: key.region, account: key.accountId, keyId: key.keyId, materialIndex: key.currentMaterial };
  return { blob: sealBlob(header, materialSecret(material), plaintext, context, ctx.random), material };
}

/**
 * The key a ciphertext blob names. A blob the sandbox did not make, or made in
 * another Region, or one naming a key that never existed (tampered), is
 * InvalidCiphertextException (with AWS's empty message).
 * NOTE: a blob whose key has been deleted fails with NotFoundException naming the key.
 */
export function keyOfBlob(ctx: OperationContext, blob: Uint8Array): { parsed: ParsedBlob; key: KmsKeyRecord } {
  const parsed = parseBlob(blob);
  if (!parsed || !ctx.hasAccount(parsed.header.account)) throw kmsErrors.invalidCiphertext();
  const { account, keyId } = parsed.header;
  // A multi-Region key's ciphertext decrypts in any Region that holds a copy of the key (same key id and material).
  const region = keyId.startsWith("mrk-") ? ctx.region : parsed.header.region;
  if (region !== ctx.region) throw kmsErrors.invalidCiphertext();
  const state = kmsState(ctx, account, region);
  const key = state.keys[keyId];
  if (!key) throw keyId in state.deletedKeys ? kmsErrors.keyNotFound(keyArn(region, account, keyId)) : kmsErrors.invalidCiphertext();
  return { parsed, key };
}

/** Opens a blob with the material version it names; a wrong context or any tampering fails authentication. */
export function openWith(key: KmsKeyRecord, parsed: ParsedBlob, context: EncryptionContext | undefined): { plaintext: Uint8Array; material: KeyMaterial } {
  const material = key.materials[parsed.header.materialIndex];
  if (!material) throw kmsErrors.invalidCiphertext();
  const plaintext = openBlob(parsed, materialSecret(material, key.arn), context);
  if (!plaintext) throw kmsErrors.invalidCiphertext();
  return { plaintext, material };
}
