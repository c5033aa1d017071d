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
