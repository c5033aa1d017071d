import { pow } from "@noble/curves/abstract/modular.js";
import { p256, p384, p521 } from "@noble/curves/nist.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { hmac } from "@noble/hashes/hmac.js";
import type { CHash } from "@noble/hashes/utils.js";
import { sha224, sha256, sha384, sha512 } from "@noble/hashes/sha2.js";
import { mgf1 } from "micro-rsa-dsa-dh/rsa.js";
import { bytesEqual, concatBytes, utf8 } from "../core/encoding";
import { ecSubjectPublicKeyInfo, rsaSubjectPublicKeyInfo } from "./der";
import { toBytes, toInteger } from "./integers";
import { rsaKeyMaterial } from "./rsa-keygen";

/**
 * Asymmetric signing and HMAC for the simulated KMS, with well-kept
 * libraries: @noble/curves for ECDSA (signatures DER-encoded, as KMS returns
 * them), micro-rsa-dsa-dh for RSA key generation, @noble/hashes for digests
 * and HMAC.
 *
 * Key pairs are derived from a 32-byte seed (the key "material" the sandbox
 * stores), so a key's pair is reproducible and a snapshot stays small; a
 * derived pair is cached per seed because RSA key generation is slow.
 *
 * RSA signatures are computed here from the message digest (EMSA-PKCS1-v1_5
 * and EMSA-PSS, RFC 8017 §9) because KMS signs DIGEST messages as well as
 * RAW ones, and the library's signers always hash the message themselves.
 * The PSS salt (as long as the digest, as KMS uses) comes from the caller's
 * random source so sandbox sessions stay reproducible.
 */

export type RsaKeySpec = "RSA_2048" | "RSA_3072" | "RSA_4096";
export type EccKeySpec = "ECC_NIST_P256" | "ECC_NIST_P384" | "ECC_NIST_P521" | "ECC_SECG_P256K1";
export type SigningKeySpec = RsaKeySpec | EccKeySpec;

export type SigningAlgorithmName =
  | "RSASSA_PSS_SHA_256"
  | "RSASSA_PSS_SHA_384"
  | "RSASSA_PSS_SHA_512"
  | "RSASSA_PKCS1_V1_5_SHA_256"
  | "RSASSA_PKCS1_V1_5_SHA_384"
  | "RSASSA_PKCS1_V1_5_SHA_512"
  | "ECDSA_SHA_256"
  | "ECDSA_SHA_384"
  | "ECDSA_SHA_512";

type Hash = CHash;

interface HashInfo {
  hash: Hash;
  /** DER DigestInfo prefix for EMSA-PKCS1-v1_5 (RFC 8017 §9.2, note 1). */
  digestInfo: Uint8Array;
}

const hex = (text: string) => new Uint8Array(text.match(/../g)?.map((pair) => parseInt(pair, 16)) ?? []);

const HASHES: Record<"SHA_256" | "SHA_384" | "SHA_512", HashInfo> = {
  SHA_256: { hash: sha256, digestInfo: hex("3031300d060960864801650304020105000420") },
  SHA_384: { hash: sha384, digestInfo: hex("3041300d060960864801650304020205000430") },
  SHA_512: { hash: sha512, digestInfo: hex("3051300d060960864801650304020305000440") },
};

function hashOf(algorithm: SigningAlgorithmName): HashInfo {
  const name = algorithm.slice(-7) as keyof typeof HASHES;
  return HASHES[name];
}

/** The digest length an algorithm signs, for MessageType DIGEST. */
export function digestLength(algorithm: SigningAlgorithmName): number {
  return hashOf(algorithm).hash.outputLen;
}

// --- deterministic key derivation -----------------------------------------------

/** An unbounded byte stream from a seed: SHA-256(seed | label | counter) blocks. */
function seededStream(seed: Uint8Array, label: string): (length: number) => Uint8Array {
  let counter = 0;
  let buffer: Uint8Array = new Uint8Array(0);
  const labelBytes = utf8.encode(label);
  return (length) => {
    while (buffer.length < length) {
      const block = sha256(concatBytes(seed, labelBytes, new Uint8Array([counter >>> 24, (counter >>> 16) & 0xff, (counter >>> 8) & 0xff, counter & 0xff])));
      counter += 1;
      buffer = concatBytes(buffer, block);
    }
    const out: Uint8Array = buffer.slice(0, length);
    buffer = buffer.slice(length);
    return out;
  };
}

export const CURVES = {
  ECC_NIST_P256: { curve: p256, oid: "1.2.840.10045.3.1.7" },
  ECC_NIST_P384: { curve: p384, oid: "1.3.132.0.34" },
  ECC_NIST_P521: { curve: p521, oid: "1.3.132.0.35" },
  ECC_SECG_P256K1: { curve: secp256k1, oid: "1.3.132.0.10" },
} as const;

const RSA_BITS: Record<RsaKeySpec, number> = { RSA_2048: 2048, RSA_3072: 3072, RSA_4096: 4096 };

interface RsaPair {
  kind: "rsa";
  n: bigint;
  e: bigint;
  d: bigint;
}
interface EcPair {
  kind: "ec";
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}
type KeyPair = RsaPair | EcPair;

const cache = new Map<string, KeyPair>();
const CACHE_LIMIT = 256;

function derive(spec: SigningKeySpec, seed: Uint8Array): KeyPair {
  const cacheKey = `${spec}:${Array.from(seed, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  let pair: KeyPair;
  if (spec in CURVES) {
    const { curve } = CURVES[spec as EccKeySpec];
    const secretKey = curve.utils.randomSecretKey(seededStream(seed, `kms-ecc:${spec}`)(curve.lengths.seed ?? 48));
    pair = { kind: "ec", secretKey, publicKey: curve.getPublicKey(secretKey, false) };
  } else {
    const { n, e, d } = rsaKeyMaterial(RSA_BITS[spec as RsaKeySpec], seededStream(seed, `kms-rsa:${spec}`));
    pair = { kind: "rsa", n, e, d };
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(cacheKey, pair);
  return pair;
}

/** The DER SubjectPublicKeyInfo of the key pair derived from `seed`, as GetPublicKey returns it. */
export function publicKeyDer(spec: SigningKeySpec, seed: Uint8Array): Uint8Array {
  const pair = derive(spec, seed);
  if (pair.kind === "rsa") return rsaSubjectPublicKeyInfo(pair.n, pair.e);
  return ecSubjectPublicKeyInfo(CURVES[spec as EccKeySpec].oid, pair.publicKey);
}

/** The RSA public key (for tests and interop checks). */
export function rsaPublicKey(spec: RsaKeySpec, seed: Uint8Array): { n: bigint; e: bigint } {
  const pair = derive(spec, seed) as RsaPair;
  return { n: pair.n, e: pair.e };
}

/** The RSA key pair derived from `seed` (RSA encryption keys and import wrapping keys use it too). */
export function rsaKeyPair(spec: RsaKeySpec, seed: Uint8Array): { n: bigint; e: bigint; d: bigint } {
  const pair = derive(spec, seed) as RsaPair;
  return { n: pair.n, e: pair.e, d: pair.d };
}

// --- RSA (RFC 8017) -------------------------------------------------------------

const bitLength = (n: bigint) => n.toString(2).length;

function emsaPkcs1v15(digest: Uint8Array, info: HashInfo, emLen: number): Uint8Array {
  const t = concatBytes(info.digestInfo, digest);
  if (emLen < t.length + 11) throw new Error("intended encoded message length too short");
  const ps = new Uint8Array(emLen - t.length - 3).fill(0xff);
  return concatBytes(new Uint8Array([0x00, 0x01]), ps, new Uint8Array([0x00]), t);
}

function emsaPssEncode(digest: Uint8Array, hash: Hash, emBits: number, salt: Uint8Array): Uint8Array {
  const hLen = hash.outputLen;
  const emLen = Math.ceil(emBits / 8);
  const h = hash(concatBytes(new Uint8Array(8), digest, salt));
  const db = concatBytes(new Uint8Array(emLen - salt.length - hLen - 2), new Uint8Array([0x01]), salt);
  const mask = mgf1(hash)(h, { dkLen: emLen - hLen - 1 });
  const maskedDb = db.map((byte, index) => byte ^ (mask[index] ?? 0));
  maskedDb[0] = (maskedDb[0] ?? 0) & (0xff >> (8 * emLen - emBits));
  return concatBytes(maskedDb, h, new Uint8Array([0xbc]));
}

function emsaPssVerify(digest: Uint8Array, em: Uint8Array, emBits: number, hash: Hash): boolean {
  const hLen = hash.outputLen;
  const sLen = hLen;
  const emLen = Math.ceil(emBits / 8);
  if (em.length !== emLen || emLen < hLen + sLen + 2 || em[emLen - 1] !== 0xbc) return false;
  const maskedDb = em.subarray(0, emLen - hLen - 1);
  const h = em.subarray(emLen - hLen - 1, emLen - 1);
  const topBits = 8 * emLen - emBits;
  if (((maskedDb[0] ?? 0) & (0xff << (8 - topBits)) & 0xff) !== 0) return false;
  const mask = mgf1(hash)(h, { dkLen: emLen - hLen - 1 });
  const db = maskedDb.map((byte, index) => byte ^ (mask[index] ?? 0));
  db[0] = (db[0] ?? 0) & (0xff >> topBits);
  const psLength = emLen - hLen - sLen - 2;
  for (let index = 0; index < psLength; index++) if (db[index] !== 0) return false;
  if (db[psLength] !== 0x01) return false;
  const salt = db.subarray(db.length - sLen);
  return bytesEqual(hash(concatBytes(new Uint8Array(8), digest, salt)), h);
}

// --- the operations --------------------------------------------------------------

export interface SignRequest {
  spec: SigningKeySpec;
  seed: Uint8Array;
  algorithm: SigningAlgorithmName;
  /** The message digest (hash it first for MessageType RAW). */
  digest: Uint8Array;
  /** Randomness for the PSS salt. */
  random: (length: number) => Uint8Array;
}

/** Hashes a RAW message with the algorithm's hash. */
export function digestMessage(algorithm: SigningAlgorithmName, message: Uint8Array): Uint8Array {
  return hashOf(algorithm).hash(message);
}

export function sign({ spec, seed, algorithm, digest, random }: SignRequest): Uint8Array {
  const pair = derive(spec, seed);
  if (pair.kind === "ec") {
    const { curve } = CURVES[spec as EccKeySpec];
    return curve.sign(digest, pair.secretKey, { prehash: false, format: "der" });
  }
  const info = hashOf(algorithm);
  const modBits = bitLength(pair.n);
  const k = Math.ceil(modBits / 8);
  const em = algorithm.startsWith("RSASSA_PSS")
    ? emsaPssEncode(digest, info.hash, modBits - 1, random(info.hash.outputLen))
    : emsaPkcs1v15(digest, info, k);
  return toBytes(pow(toInteger(em), pair.d, pair.n), k);
}

export function verify({ spec, seed, algorithm, digest, signature }: Omit<SignRequest, "random"> & { signature: Uint8Array }): boolean {
  const pair = derive(spec, seed);
  if (pair.kind === "ec") {
    const { curve } = CURVES[spec as EccKeySpec];
    try {
      return curve.verify(signature, digest, pair.publicKey, { prehash: false, format: "der", lowS: false });
    } catch {
      return false;
    }
  }
  const info = hashOf(algorithm);
  const modBits = bitLength(pair.n);
  const k = Math.ceil(modBits / 8);
  if (signature.length !== k) return false;
  const s = toInteger(signature);
  if (s >= pair.n) return false;
  const m = pow(s, pair.e, pair.n);
  if (algorithm.startsWith("RSASSA_PSS")) {
    const emLen = Math.ceil((modBits - 1) / 8);
    return emsaPssVerify(digest, toBytes(m, emLen), modBits - 1, info.hash);
  }
  return bytesEqual(toBytes(m, k), emsaPkcs1v15(digest, info, k));
}

// --- HMAC ------------------------------------------------------------------------

export type MacAlgorithmName = "HMAC_SHA_224" | "HMAC_SHA_256" | "HMAC_SHA_384" | "HMAC_SHA_512";

const MAC_HASHES: Record<MacAlgorithmName, Hash> = {
  HMAC_SHA_224: sha224,
  HMAC_SHA_256: sha256,
  HMAC_SHA_384: sha384,
  HMAC_SHA_512: sha512,
};

export function computeMac(algorithm: MacAlgorithmName, key: Uint8Array, message: Uint8Array): Uint8Array {
  return hmac(MAC_HASHES[algorithm], key, message);
}
