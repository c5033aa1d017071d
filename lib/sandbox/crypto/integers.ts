/**
 * Big-endian conversions between byte strings and integers (RFC 8017's OS2IP
 * and I2OSP), for RSA and DER.
 */

export function toInteger(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

/** The `length` low-order bytes of `value`, big-endian (callers pass values that fit). */
export function toBytes(value: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let rest = value;
  for (let index = length - 1; index >= 0; index--) {
    out[index] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
}

/** How many bytes an integer takes (an RSA modulus: k in RFC 8017). */
export const byteLength = (n: bigint): number => Math.ceil(n.toString(16).length / 2);
