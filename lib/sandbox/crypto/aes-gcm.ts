import { gcm } from "@noble/ciphers/aes.js";
import type { SeededRandom } from "../core/random";

export const AES_KEY_BYTES = 32;
export const GCM_NONCE_BYTES = 12;
export const GCM_TAG_BYTES = 16;

/** AES-256-GCM under a simulated key: real ciphertext, nonce from the sandbox's seeded generator. */
export function sealAesGcm(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array, random: SeededRandom): { nonce: Uint8Array; sealed: Uint8Array } {
  const nonce = random.bytes(GCM_NONCE_BYTES);
  return { nonce, sealed: gcm(key, nonce, aad).encrypt(plaintext) };
}

/** Opens AES-256-GCM; returns undefined when the tag does not verify (wrong key, context or tampering). */
export function openAesGcm(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array | undefined {
  try {
    return gcm(key, nonce, aad).decrypt(sealed);
  } catch {
    return undefined;
  }
}
