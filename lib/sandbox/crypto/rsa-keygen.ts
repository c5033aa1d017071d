import { invert } from "@noble/curves/abstract/modular.js";
import { isProbablePrimeRSA } from "micro-rsa-dsa-dh/primality.js";
import { toInteger } from "./integers";

export interface RsaKeyMaterial {
  n: bigint;
  e: bigint;
  d: bigint;
  p: bigint;
  q: bigint;
}

const E = 65537n;

/**
 * An RSA key pair drawn entirely from `random`, so that the same seed gives
 * the same key in every process: a restored session, the server's replay of a
 * lab and a reloaded page all see the key the learner first saw.
 *
 * micro-rsa-dsa-dh's keygen draws its prime candidates from the system's
 * random source whatever generator it is given (only the Miller-Rabin bases
 * use it), and gives up after 5 x nlen candidates, which fails about once in
 * 4,500 keys. Here each prime is searched for until found; the checks are
 * those of FIPS 186-5 appendix A.1.3: both top bits set (so p, q >= sqrt(2)
 * x 2^(nlen/2 - 1) and n has exactly nlen bits), gcd(p - 1, e) = 1 (e is
 * prime, so e must not divide p - 1), the library's Miller-Rabin and Lucas
 * tests, and |p - q| > 2^(nlen/2 - 100).
 */
export function rsaKeyMaterial(bits: number, random: (length: number) => Uint8Array): RsaKeyMaterial {
  const half = bits / 2;
  const p = probablePrime(half, random);
  let q = probablePrime(half, random);
  const distance = 1n << BigInt(half - 100);
  while ((p > q ? p - q : q - p) <= distance) q = probablePrime(half, random);
  const d = invert(E, (p - 1n) * (q - 1n));
  return { n: p * q, e: E, d, p: p > q ? p : q, q: p > q ? q : p };
}

function probablePrime(bits: number, random: (length: number) => Uint8Array): bigint {
  for (;;) {
    const bytes = random(bits / 8);
    bytes[0]! |= 0xc0;
    bytes[bytes.length - 1]! |= 1;
    const candidate = toInteger(bytes);
    if ((candidate - 1n) % E !== 0n && isProbablePrimeRSA(candidate, random)) return candidate;
  }
}
