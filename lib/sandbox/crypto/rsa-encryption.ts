import { pow } from "@noble/curves/abstract/modular.js";
import { sha1 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import type { CHash } from "@noble/hashes/utils.js";
import { mgf1, OAEP } from "micro-rsa-dsa-dh/rsa.js";
import { concatBytes } from "../core/encoding";
import { byteLength, toBytes, toInteger } from "./integers";

/**
 * RSA encryption. RSAES-OAEP (RFC 8017 §7.1), as KMS uses it for RSA encryption keys
 * (RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256) and for the wrapping keys of
 * imported key material: the hash is both the OAEP digest and MGF1's, and
 * the label is empty.
 *
 * Encryption is written here because the library draws the OAEP seed from
 * the platform's random source, and sandbox sessions must replay: the seed
 * comes from the caller's seeded generator. Decryption has no randomness and
 * is the library's.
 */

export type OaepHash = "SHA_1" | "SHA_256";

const HASHES: Record<OaepHash, CHash> = { SHA_1: sha1, SHA_256: sha256 };

export interface RsaKey {
  n: bigint;
  e: bigint;
  d: bigint;
}

/** The longest plaintext OAEP can carry under this modulus and hash: k - 2·hLen - 2 bytes. */
export function oaepCapacity(n: bigint, hash: OaepHash): number {
  return byteLength(n) - 2 * HASHES[hash].outputLen - 2;
}

/** Encrypts at most `oaepCapacity` bytes; the caller checks the length first (KMS answers a ValidationException). */
export function oaepEncrypt(key: { n: bigint; e: bigint }, hash: OaepHash, plaintext: Uint8Array, random: (length: number) => Uint8Array): Uint8Array {
  const h = HASHES[hash];
  const k = byteLength(key.n);
  if (plaintext.length > oaepCapacity(key.n, hash)) throw new RangeError("message too long for RSAES-OAEP");
  const mgf = mgf1(h);
  const lHash = h(new Uint8Array(0));
  const db = concatBytes(lHash, new Uint8Array(k - plaintext.length - 2 * h.outputLen - 2), new Uint8Array([1]), plaintext);
  const seed = random(h.outputLen);
  const dbMask = mgf(seed, { dkLen: k - h.outputLen - 1 });
  const maskedDb = db.map((byte, index) => byte ^ dbMask[index]!);
  const seedMask = mgf(maskedDb, { dkLen: h.outputLen });
  const maskedSeed = seed.map((byte, index) => byte ^ seedMask[index]!);
  const encoded = concatBytes(new Uint8Array([0]), maskedSeed, maskedDb);
  return toBytes(pow(toInteger(encoded), key.e, key.n), k);
}

/** The plaintext, or undefined when the ciphertext was not made for this key and hash. */
export function oaepDecrypt(key: RsaKey, hash: OaepHash, ciphertext: Uint8Array): Uint8Array | undefined {
  const h = HASHES[hash];
  try {
    return OAEP(h, mgf1(h)).decrypt({ n: key.n, d: key.d }, ciphertext);
  } catch {
    return undefined;
  }
}

/** The longest plaintext RSAES-PKCS1-v1_5 can carry: k - 11 bytes. */
export const pkcs1Capacity = (n: bigint): number => byteLength(n) - 11;

/**
 * RSAES-PKCS1-v1_5 encryption (RFC 8017 §7.2.1), what `openssl pkeyutl
 * -encrypt` does without a padding option: EM = 00 02 PS 00 M, PS at least
 * eight non-zero random bytes.
 */
export function pkcs1Encrypt(key: { n: bigint; e: bigint }, plaintext: Uint8Array, random: (length: number) => Uint8Array): Uint8Array {
  const k = byteLength(key.n);
  if (plaintext.length > pkcs1Capacity(key.n)) throw new RangeError("message too long for RSAES-PKCS1-v1_5");
  const padding = new Uint8Array(k - plaintext.length - 3);
  for (let index = 0; index < padding.length; index++) {
    let byte = 0;
    while (byte === 0) byte = random(1)[0]!;
    padding[index] = byte;
  }
  const encoded = concatBytes(new Uint8Array([0, 2]), padding, new Uint8Array([0]), plaintext);
  return toBytes(pow(toInteger(encoded), key.e, key.n), k);
}
