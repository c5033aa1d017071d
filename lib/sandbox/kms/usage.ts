import { AwsServiceError } from "../core/errors";
import { kmsErrors } from "./errors";
import type { KeyUsage } from "./key-specs";
import { stepKey } from "./key.machine";
import type { KmsKeyRecord } from "./state";

/**
 * What every cryptographic operation checks before it touches key material,
 * in this order: the key's state allows use (the lifecycle machine), and the
 * key's usage is the one the operation needs.
 */
export function requireUsableKey(key: KmsKeyRecord, usage: KeyUsage, operation: string): void {
  stepKey(key, "key.use");
  if (key.keyUsage !== usage) throw kmsErrors.invalidKeyUsage(key.arn, key.keyUsage, operation);
}

/**
 * Data keys and data key pairs are encrypted under a symmetric key only: an
 * RSA encryption key cannot generate them ("you cannot use an asymmetric KMS
 * key", GenerateDataKey API reference).
 * NOTE: the error code and message are the sandbox's; no recording of AWS's answer is known.
 */
export function requireSymmetricKey(key: KmsKeyRecord): void {
  if (key.keySpec !== "SYMMETRIC_DEFAULT") throw new AwsServiceError("InvalidKeyUsageException", `${key.arn} key spec ${key.keySpec} is not valid for this operation.`);
}
