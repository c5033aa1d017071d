import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { sha256 } from "@noble/hashes/sha2.js";
import { describe, expect, it } from "vitest";
import { rsaSubjectPublicKeyInfo } from "@/lib/sandbox/crypto/der";
import { rsaKeyMaterial } from "@/lib/sandbox/crypto/rsa-keygen";

/** A counter-mode SHA-256 stream: the same seed gives the same bytes. */
function stream(seed: number): (length: number) => Uint8Array {
  let counter = 0;
  let buffer = new Uint8Array(0);
  return (length) => {
    while (buffer.length < length) {
      const block = sha256(new TextEncoder().encode(`${seed}:${counter++}`));
      const next = new Uint8Array(buffer.length + block.length);
      next.set(buffer);
      next.set(block, buffer.length);
      buffer = next;
    }
    const out = buffer.slice(0, length);
    buffer = buffer.slice(length);
    return out;
  };
}

const bitLength = (value: bigint) => value.toString(2).length;

describe("RSA key pairs from a seeded stream", () => {
  it("are a function of the stream alone", () => {
    expect(rsaKeyMaterial(2048, stream(1))).toEqual(rsaKeyMaterial(2048, stream(1)));
    expect(rsaKeyMaterial(2048, stream(2)).n).not.toBe(rsaKeyMaterial(2048, stream(1)).n);
  });

  it("are valid RSA keys of the asked size, with FIPS 186-5's prime spacing", () => {
    for (const bits of [2048, 3072]) {
      const { n, e, d, p, q } = rsaKeyMaterial(bits, stream(bits));
      expect(bitLength(n)).toBe(bits);
      expect(p * q).toBe(n);
      expect(e).toBe(65537n);
      expect((e * d) % ((p - 1n) * (q - 1n))).toBe(1n);
      expect(p - q > 1n << BigInt(bits / 2 - 100)).toBe(true);
    }
  });

  it("are read by OpenSSL (through Node) as the RSA public keys they claim to be", () => {
    const { n } = rsaKeyMaterial(2048, stream(3));
    const key = createPublicKey({ key: Buffer.from(rsaSubjectPublicKeyInfo(n, 65537n)), format: "der", type: "spki" });
    expect(key.asymmetricKeyDetails).toEqual({ modulusLength: 2048, publicExponent: 65537n });
    // And a key of the same size from OpenSSL itself has the same shape.
    expect(generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });
});
