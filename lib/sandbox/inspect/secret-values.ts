import { fromBase64, utf8 } from "../core/encoding";
import { openAesGcm } from "../crypto/aes-gcm";
import { openBlob, parseBlob } from "../crypto/ciphertext-blob";
import { encodeEncryptionContext } from "../crypto/encryption-context";
import { materialSecret } from "../kms/materials";
import type { SecretRecord } from "../secrets-manager/state";
import type { SandboxState } from "../state";

/**
 * A visualiser's x-ray: the value of a secret version, opened with the key
 * material in the state rather than through KMS, so looking changes nothing
 * (no Decrypt on the trail, no LastAccessedDate, no key policy in the way).
 * Learners read values with the CLI, where every rule applies.
 */

function locate(state: Readonly<SandboxState>, secretArn: string): SecretRecord | undefined {
  const [, , , region, account] = secretArn.split(":");
  if (!region || !account) return undefined;
  return state.accounts[account]?.regions[region]?.secretsManager.secrets[secretArn];
}

/** The version's value as text (SecretString), or undefined when it has none or cannot be opened. */
export function peekSecretValue(state: Readonly<SandboxState>, secretArn: string, versionId: string): string | undefined {
  const secret = locate(state, secretArn);
  const value = secret?.versions.find((version) => version.versionId === versionId)?.value;
  if (!value || value.type !== "string") return undefined;
  const parsed = parseBlob(fromBase64(value.encryptedDataKey));
  if (!parsed) return undefined;
  const key = state.accounts[parsed.header.account]?.regions[parsed.header.region]?.kms.keys[parsed.header.keyId];
  const material = key?.materials[parsed.header.materialIndex];
  // Imported key material that was deleted or expired opens nothing.
  if (!material?.secret) return undefined;
  const context = { SecretARN: secretArn, SecretVersionId: versionId };
  const dataKey = openBlob(parsed, materialSecret(material), context);
  if (!dataKey) return undefined;
  const plaintext = openAesGcm(dataKey, fromBase64(value.nonce), fromBase64(value.ciphertext), encodeEncryptionContext(context));
  dataKey.fill(0);
  return plaintext ? utf8.decode(plaintext) : undefined;
}
