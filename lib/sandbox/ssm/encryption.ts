import { AwsServiceError, isAwsServiceError } from "../core/errors";
import { concatBytes, fromBase64, toBase64, utf8 } from "../core/encoding";
import type { OperationContext } from "../core/operation";
import { GCM_NONCE_BYTES, openAesGcm, sealAesGcm } from "../crypto/aes-gcm";
import { kmsClient, type KmsClient } from "../kms/client";
import type { EncryptionScheme, StoredTier } from "./state";

/**
 * SecureString values, encrypted for real through the simulated KMS (AWS KMS
 * Developer Guide, "How AWS Systems Manager Parameter Store uses AWS KMS"):
 *
 * - Standard parameters: Parameter Store calls KMS Encrypt with the key and the
 *   encryption context {"PARAMETER_ARN": <parameter ARN>} and stores the
 *   CiphertextBlob. GetParameter without WithDecryption returns that blob in
 *   base64, so a learner can decrypt it with `aws kms decrypt` and the same
 *   context.
 * - Advanced parameters: envelope encryption. Parameter Store asks KMS for a
 *   data key (GenerateDataKey, same context), encrypts the value locally with
 *   it and stores a message holding the encrypted data key, the context and
 *   the ciphertext. Reading decrypts the data key with KMS Decrypt.
 *
 * Every KMS call is made as the caller, via ssm.amazonaws.com, so key policies,
 * kms:ViaService conditions, key states and the trail behave as in AWS.
 */

export const DEFAULT_KEY = "alias/aws/ssm";
const VIA = "ssm.amazonaws.com";

/**
 * NOTE: AWS uses the AWS Encryption SDK message format for advanced
 * parameters. The sandbox keeps its idea (encrypted data key + context +
 * AES-256-GCM ciphertext, all authenticated) in a simpler layout:
 *
 *   "KSE1" | context length (2, big-endian) | context (JSON, UTF-8)
 *   | data key blob length (2) | data key blob | nonce (12) | ciphertext and tag
 *
 * with everything before the nonce as additional authenticated data.
 */
const MESSAGE_MAGIC = utf8.encode("KSE1");

export const parameterContext = (arn: string): Record<string, string> => ({ PARAMETER_ARN: arn });

/**
 * How Parameter Store reports a failed KMS call: AccessDeniedException stays
 * what it is, any other KMS error (a missing, disabled or pending-deletion key)
 * becomes InvalidKeyId; the message is KMS's with the service suffix AWS's
 * Java SDK appends, e.g. (GitHub binxio/aws-ssm-copy#10, segmentio/chamber#355):
 *
 *   Key 'arn:aws:kms:...' does not exist (Service: AWSKMS; Status Code: 400;
 *   Error Code: NotFoundException; Request ID: ...; Proxy: null)
 */
export function kmsFailure(ctx: OperationContext, error: unknown): AwsServiceError {
  if (!isAwsServiceError(error) || error.status >= 500) throw error;
  const suffix = ` (Service: AWSKMS; Status Code: ${error.status}; Error Code: ${error.code}; Request ID: ${ctx.random.uuid()}; Proxy: null)`;
  return new AwsServiceError(error.code === "AccessDeniedException" ? "AccessDeniedException" : "InvalidKeyId", `${error.message}${suffix}`);
}

/** Runs KMS calls as the caller via ssm.amazonaws.com, translating their failures as Parameter Store does. */
function withKms<T>(ctx: OperationContext, use: (kms: KmsClient) => T): T {
  try {
    return use(kmsClient(ctx, VIA));
  } catch (error) {
    throw kmsFailure(ctx, error);
  }
}

export interface Sealed {
  value: string;
  encryption: EncryptionScheme;
}

/** Encrypts a SecureString value for the tier it is stored in. */
export function sealValue(ctx: OperationContext, plaintext: string, keyId: string, arn: string, tier: StoredTier): Sealed {
  const context = parameterContext(arn);
  if (tier === "Standard") {
    const { ciphertext } = withKms(ctx, (kms) => kms.encrypt({ keyId, plaintext: utf8.encode(plaintext), context }));
    return { value: toBase64(ciphertext), encryption: "kms" };
  }
  const { plaintext: dataKey, ciphertext: encryptedKey } = withKms(ctx, (kms) => kms.generateDataKey({ keyId, context, keySpec: "AES_256" }));
  const contextBytes = utf8.encode(JSON.stringify(context));
  const header = concatBytes(MESSAGE_MAGIC, u16(contextBytes.length), contextBytes, u16(encryptedKey.length), encryptedKey);
  const { nonce, sealed } = sealAesGcm(dataKey, utf8.encode(plaintext), header, ctx.random);
  dataKey.fill(0);
  return { value: toBase64(concatBytes(header, nonce, sealed)), encryption: "envelope" };
}

/** Decrypts a stored SecureString value (the caller must be allowed kms:Decrypt on its key). */
export function openValue(ctx: OperationContext, stored: string, encryption: EncryptionScheme, arn: string): string {
  if (encryption === "kms") {
    const { plaintext } = withKms(ctx, (kms) => kms.decrypt({ ciphertext: fromBase64(stored), context: parameterContext(arn) }));
    return utf8.decode(plaintext);
  }
  const message = parseMessage(fromBase64(stored));
  // Parameter Store checks that the message was made for this parameter (KMS Developer Guide).
  if (!message || message.context["PARAMETER_ARN"] !== arn) {
    throw new AwsServiceError("InvalidKeyId", "The encrypted parameter value was not made for this parameter.");
  }
  const { plaintext: dataKey } = withKms(ctx, (kms) => kms.decrypt({ ciphertext: message.encryptedKey, context: message.context }));
  const plaintext = openAesGcm(dataKey, message.nonce, message.sealed, message.header);
  dataKey.fill(0);
  if (!plaintext) throw new AwsServiceError("InvalidKeyId", "The encrypted parameter value could not be authenticated.");
  return utf8.decode(plaintext);
}

function u16(value: number): Uint8Array {
  return new Uint8Array([(value >> 8) & 0xff, value & 0xff]);
}

interface EnvelopeMessage {
  context: Record<string, string>;
  encryptedKey: Uint8Array;
  header: Uint8Array;
  nonce: Uint8Array;
  sealed: Uint8Array;
}

function parseMessage(bytes: Uint8Array): EnvelopeMessage | undefined {
  if (bytes.length < MESSAGE_MAGIC.length + 4) return undefined;
  for (let index = 0; index < MESSAGE_MAGIC.length; index++) if (bytes[index] !== MESSAGE_MAGIC[index]) return undefined;
  let offset = MESSAGE_MAGIC.length;
  const read16 = () => {
    const value = ((bytes[offset] ?? 0) << 8) | (bytes[offset + 1] ?? 0);
    offset += 2;
    return value;
  };
  const contextLength = read16();
  const contextBytes = bytes.subarray(offset, offset + contextLength);
  offset += contextLength;
  const keyLength = read16();
  const encryptedKey = bytes.subarray(offset, offset + keyLength);
  offset += keyLength;
  if (bytes.length < offset + GCM_NONCE_BYTES + 16) return undefined;
  let context: unknown;
  try {
    context = JSON.parse(utf8.decode(contextBytes));
  } catch {
    return undefined;
  }
  if (typeof context !== "object" || context === null || Object.values(context).some((value) => typeof value !== "string")) return undefined;
  return {
    context: context as Record<string, string>,
    encryptedKey,
    header: bytes.subarray(0, offset),
    nonce: bytes.subarray(offset, offset + GCM_NONCE_BYTES),
    sealed: bytes.subarray(offset + GCM_NONCE_BYTES),
  };
}
