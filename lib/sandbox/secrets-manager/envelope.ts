import { fromBase64, toBase64 } from "../core/encoding";
import { isAwsServiceError } from "../core/errors";
import type { OperationContext } from "../core/operation";
import { openAesGcm, sealAesGcm } from "../crypto/aes-gcm";
import { encodeEncryptionContext } from "../crypto/encryption-context";
import { smErrors } from "./errors";
import type { SealedValue, SecretRecord } from "./state";

/**
 * Envelope encryption of secret values, as Secrets Manager does it: for each
 * new value a fresh 256-bit data key from KMS GenerateDataKey (under the
 * secret's KMS key, with the encryption context {SecretARN, SecretVersionId}),
 * AES-256-GCM locally, and only the encrypted data key kept. Reading calls KMS
 * Decrypt with the same context. Both KMS calls are made for the caller
 * (`via` secretsmanager.amazonaws.com), so key policies, kms:ViaService
 * conditions and key states apply as in AWS.
 *
 * KMS refusals reach the caller as Secrets Manager reports them:
 * AccessDeniedException "Access to KMS is not allowed", or
 * DecryptionFailure / EncryptionFailure carrying KMS's own message.
 */

export const AWS_MANAGED_KEY_ALIAS = "alias/aws/secretsmanager";
const VIA = "secretsmanager.amazonaws.com";

/** The KeyId Secrets Manager asks KMS to use for a secret. */
export function kmsKeyFor(ctx: OperationContext, secret: Pick<SecretRecord, "arn" | "kmsKeyId">, secretAccount: string, region: string): string {
  if (secret.kmsKeyId) return secret.kmsKeyId;
  // The AWS managed key of the secret's own account; named by alias ARN when the caller is in another account.
  return secretAccount === ctx.accountId ? AWS_MANAGED_KEY_ALIAS : `arn:aws:kms:${region}:${secretAccount}:${AWS_MANAGED_KEY_ALIAS}`;
}

function encryptionContext(secretArn: string, versionId: string): Record<string, string> {
  return { SecretARN: secretArn, SecretVersionId: versionId };
}

function kmsFailure(ctx: OperationContext, error: unknown, direction: "encrypt" | "decrypt"): never {
  if (!isAwsServiceError(error)) throw error;
  if (error.code === "AccessDeniedException") throw smErrors.kmsAccessDenied();
  const requestId = ctx.random.uuid();
  throw direction === "encrypt" ? smErrors.encryptionFailure(error.code, error.message, requestId) : smErrors.decryptionFailure(error.code, error.message, requestId);
}

export interface SealRequest {
  secretArn: string;
  versionId: string;
  keyId: string;
  type: SealedValue["type"];
  plaintext: Uint8Array;
}

export function sealValue(ctx: OperationContext, request: SealRequest): SealedValue {
  const context = encryptionContext(request.secretArn, request.versionId);
  let response;
  try {
    response = ctx.call("kms", "GenerateDataKey", { KeyId: request.keyId, KeySpec: "AES_256", EncryptionContext: context }, { via: VIA });
  } catch (error) {
    kmsFailure(ctx, error, "encrypt");
  }
  const dataKey = fromBase64(String(response["Plaintext"]));
  const { nonce, sealed } = sealAesGcm(dataKey, request.plaintext, encodeEncryptionContext(context), ctx.random);
  dataKey.fill(0);
  return {
    type: request.type,
    encryptedDataKey: String(response["CiphertextBlob"]),
    keyArn: String(response["KeyId"]),
    nonce: toBase64(nonce),
    ciphertext: toBase64(sealed),
  };
}

export function openValue(ctx: OperationContext, secretArn: string, versionId: string, value: SealedValue): Uint8Array {
  const context = encryptionContext(secretArn, versionId);
  let response;
  try {
    response = ctx.call("kms", "Decrypt", { CiphertextBlob: value.encryptedDataKey, EncryptionContext: context }, { via: VIA });
  } catch (error) {
    kmsFailure(ctx, error, "decrypt");
  }
  const dataKey = fromBase64(String(response["Plaintext"]));
  const plaintext = openAesGcm(dataKey, fromBase64(value.nonce), fromBase64(value.ciphertext), encodeEncryptionContext(context));
  dataKey.fill(0);
  // The data key decrypted, so the sealed value can only fail to open if the state was tampered with.
  if (!plaintext) throw smErrors.decryptionFailure("InvalidCiphertextException", "", ctx.random.uuid());
  return plaintext;
}
