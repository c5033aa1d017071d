import { utf8 } from "../core/encoding";

export type EncryptionContext = Record<string, string>;

/**
 * The bytes of an encryption context as additional authenticated data:
 * pairs sorted by key, so the same context always binds the same way and
 * any difference (a key, a value, case) makes decryption fail.
 */
export function encodeEncryptionContext(context: EncryptionContext | undefined): Uint8Array {
  const pairs = Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return utf8.encode(JSON.stringify(pairs));
}
