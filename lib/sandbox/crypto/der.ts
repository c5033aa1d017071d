import { invert } from "@noble/curves/abstract/modular.js";
import { concatBytes } from "../core/encoding";
import { toInteger } from "./integers";

/**
 * Just enough DER (ITU-T X.690) to write a SubjectPublicKeyInfo (RFC 5280
 * §4.1, RFC 3279, RFC 5480), which is what KMS GetPublicKey returns, and a
 * PKCS #8 PrivateKeyInfo, which GenerateDataKeyPair returns.
 */

function length(n: number): Uint8Array {
  if (n < 0x80) return new Uint8Array([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return new Uint8Array([0x80 | bytes.length, ...bytes]);
}

const tlv = (tag: number, content: Uint8Array): Uint8Array => concatBytes(new Uint8Array([tag]), length(content.length), content);

export const derSequence = (...items: Uint8Array[]): Uint8Array => tlv(0x30, concatBytes(...items));

export const derNull = (): Uint8Array => new Uint8Array([0x05, 0x00]);

/** A non-negative INTEGER: big-endian, with a leading zero byte when the top bit is set. */
export function derInteger(value: bigint): Uint8Array {
  if (value < 0n) throw new RangeError("negative INTEGER");
  let hex = value.toString(16);
  if (hex.length % 2) hex = "0" + hex;
  const bytes = hex.match(/../g)?.map((pair) => parseInt(pair, 16)) ?? [0];
  if ((bytes[0] ?? 0) & 0x80) bytes.unshift(0);
  return tlv(0x02, new Uint8Array(bytes));
}

/** An OBJECT IDENTIFIER from its dotted form, e.g. "1.2.840.10045.2.1". */
export function derOid(dotted: string): Uint8Array {
  const arcs = dotted.split(".").map(Number);
  const [first = 0, second = 0, ...rest] = arcs;
  const out: number[] = [first * 40 + second];
  for (const arc of rest) {
    const chunk: number[] = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) chunk.unshift((value & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, new Uint8Array(out));
}

/** A BIT STRING of whole bytes (no unused bits). */
export const derBitString = (bytes: Uint8Array): Uint8Array => tlv(0x03, concatBytes(new Uint8Array([0]), bytes));

const RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
const EC_PUBLIC_KEY = "1.2.840.10045.2.1";

/** SubjectPublicKeyInfo of an RSA public key (RFC 3279 §2.3.1). */
export function rsaSubjectPublicKeyInfo(n: bigint, e: bigint): Uint8Array {
  return derSequence(derSequence(derOid(RSA_ENCRYPTION), derNull()), derBitString(derSequence(derInteger(n), derInteger(e))));
}

/** SubjectPublicKeyInfo of an EC public key: the curve's OID and the uncompressed point (RFC 5480 §2). */
export function ecSubjectPublicKeyInfo(curveOid: string, uncompressedPoint: Uint8Array): Uint8Array {
  return derSequence(derSequence(derOid(EC_PUBLIC_KEY), derOid(curveOid)), derBitString(uncompressedPoint));
}

/** An OCTET STRING. */
export const derOctetString = (content: Uint8Array): Uint8Array => tlv(0x04, content);

/** A context-specific constructed tag [n] around `content`. */
export const derExplicit = (n: number, content: Uint8Array): Uint8Array => tlv(0xa0 + n, content);

/**
 * An RSA private key as PKCS #8 PrivateKeyInfo (RFC 5208) holding a PKCS #1
 * RSAPrivateKey (RFC 8017 A.1.2), what KMS returns in PrivateKeyPlaintext.
 */
export function rsaPrivateKeyInfo(key: { n: bigint; e: bigint; d: bigint; p: bigint; q: bigint }): Uint8Array {
  const { n, e, d, p, q } = key;
  const rsaPrivateKey = derSequence(derInteger(0n), derInteger(n), derInteger(e), derInteger(d), derInteger(p), derInteger(q), derInteger(d % (p - 1n)), derInteger(d % (q - 1n)), derInteger(invert(q, p)));
  return derSequence(derInteger(0n), derSequence(derOid(RSA_ENCRYPTION), derNull()), derOctetString(rsaPrivateKey));
}

/**
 * An EC private key as PKCS #8 PrivateKeyInfo holding an ECPrivateKey
 * (RFC 5915) with its public key, the curve named in the AlgorithmIdentifier.
 */
export function ecPrivateKeyInfo(curveOid: string, secretKey: Uint8Array, uncompressedPoint: Uint8Array): Uint8Array {
  const ecPrivateKey = derSequence(derInteger(1n), derOctetString(secretKey), derExplicit(1, derBitString(uncompressedPoint)));
  return derSequence(derInteger(0n), derSequence(derOid(EC_PUBLIC_KEY), derOid(curveOid)), derOctetString(ecPrivateKey));
}

// --- reading -------------------------------------------------------------------

interface Tlv {
  tag: number;
  content: Uint8Array;
  /** Offset just past this element. */
  end: number;
}

function readTlv(bytes: Uint8Array, offset: number): Tlv | undefined {
  const tag = bytes[offset];
  let lengthByte = bytes[offset + 1];
  if (tag === undefined || lengthByte === undefined) return undefined;
  let position = offset + 2;
  let size = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) return undefined;
    size = 0;
    for (let index = 0; index < count; index++) {
      lengthByte = bytes[position++];
      if (lengthByte === undefined) return undefined;
      size = size * 256 + lengthByte;
    }
  }
  if (position + size > bytes.length) return undefined;
  return { tag, content: bytes.subarray(position, position + size), end: position + size };
}

function readChildren(content: Uint8Array): Tlv[] | undefined {
  const children: Tlv[] = [];
  for (let offset = 0; offset < content.length; ) {
    const child = readTlv(content, offset);
    if (!child) return undefined;
    children.push(child);
    offset = child.end;
  }
  return children;
}


/** The RSA public key in a DER SubjectPublicKeyInfo (what GetParametersForImport returns), or undefined for anything else. */
export function readRsaSubjectPublicKeyInfo(der: Uint8Array): { n: bigint; e: bigint } | undefined {
  const outer = readTlv(der, 0);
  if (!outer || outer.tag !== 0x30 || outer.end !== der.length) return undefined;
  const [algorithm, key] = readChildren(outer.content) ?? [];
  if (!algorithm || algorithm.tag !== 0x30 || !key || key.tag !== 0x03) return undefined;
  const oid = readTlv(algorithm.content, 0);
  if (!oid || oid.tag !== 0x06 || concatBytes(new Uint8Array([0x06, oid.content.length]), oid.content).join() !== derOid(RSA_ENCRYPTION).join()) return undefined;
  const sequence = readTlv(key.content.subarray(1), 0);
  if (!sequence || sequence.tag !== 0x30) return undefined;
  const [modulus, exponent] = readChildren(sequence.content) ?? [];
  if (!modulus || modulus.tag !== 0x02 || !exponent || exponent.tag !== 0x02) return undefined;
  return { n: toInteger(modulus.content), e: toInteger(exponent.content) };
}
