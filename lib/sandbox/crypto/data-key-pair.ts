import { pow } from "@noble/curves/abstract/modular.js";
import { keygen as rsaKeygen } from "micro-rsa-dsa-dh/rsa.js";
import { ecPrivateKeyInfo, ecSubjectPublicKeyInfo, rsaPrivateKeyInfo, rsaSubjectPublicKeyInfo } from "./der";
import { CURVES } from "./signing";

/**
 * Data key pairs (GenerateDataKeyPair): a fresh asymmetric key pair from the
 * sandbox's seeded generator, as DER: the private key as PKCS #8
 * PrivateKeyInfo, the public key as SubjectPublicKeyInfo, which is what KMS
 * returns ("openssl pkey -inform DER" reads both).
 */
export const DATA_KEY_PAIR_SPECS = ["RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SM2", "ECC_NIST_EDWARDS25519"] as const;
export type DataKeyPairSpec = (typeof DATA_KEY_PAIR_SPECS)[number];
/** NOTE: SM2 (China Regions only) and ECC_NIST_EDWARDS25519 pairs are not simulated. */
export const SIMULATED_PAIR_SPECS: ReadonlySet<DataKeyPairSpec> = new Set(["RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1"]);

const RSA_BITS: Partial<Record<DataKeyPairSpec, number>> = { RSA_2048: 2048, RSA_3072: 3072, RSA_4096: 4096 };

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The primes of n from (n, e, d) (NIST SP 800-56B, Appendix C): the key generator keeps only d. */
function recoverPrimes(n: bigint, e: bigint, d: bigint): { p: bigint; q: bigint } {
  const k = d * e - 1n;
  let r = k;
  let t = 0;
  while ((r & 1n) === 0n) {
    r >>= 1n;
    t += 1;
  }
  for (const g of [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 41n, 43n, 47n, 53n]) {
    let y = pow(g, r, n);
    if (y === 1n || y === n - 1n) continue;
    for (let i = 1; i <= t; i++) {
      const x = (y * y) % n;
      if (x === 1n) {
        const p = gcd(y - 1n, n);
        const q = n / p;
        return p > q ? { p, q } : { p: q, q: p };
      }
      if (x === n - 1n) break;
      y = x;
    }
  }
  throw new Error("could not factor the RSA modulus");
}

export function generateDataKeyPair(spec: DataKeyPairSpec, random: (length: number) => Uint8Array): { privateKey: Uint8Array; publicKey: Uint8Array } {
  const bits = RSA_BITS[spec];
  if (bits !== undefined) {
    const { publicKey, privateKey } = rsaKeygen(bits, 65537n, random);
    const { p, q } = recoverPrimes(publicKey.n, publicKey.e, privateKey.d);
    return { privateKey: rsaPrivateKeyInfo({ n: publicKey.n, e: publicKey.e, d: privateKey.d, p, q }), publicKey: rsaSubjectPublicKeyInfo(publicKey.n, publicKey.e) };
  }
  const { curve, oid } = CURVES[spec as keyof typeof CURVES];
  const secretKey = curve.utils.randomSecretKey(random(curve.lengths.seed ?? 48));
  const point = curve.getPublicKey(secretKey, false);
  return { privateKey: ecPrivateKeyInfo(oid, secretKey, point), publicKey: ecSubjectPublicKeyInfo(oid, point) };
}
