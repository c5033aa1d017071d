import { ecPrivateKeyInfo, ecSubjectPublicKeyInfo, rsaPrivateKeyInfo, rsaSubjectPublicKeyInfo } from "./der";
import { rsaKeyMaterial } from "./rsa-keygen";
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

export function generateDataKeyPair(spec: DataKeyPairSpec, random: (length: number) => Uint8Array): { privateKey: Uint8Array; publicKey: Uint8Array } {
  const bits = RSA_BITS[spec];
  if (bits !== undefined) {
    const key = rsaKeyMaterial(bits, random);
    return { privateKey: rsaPrivateKeyInfo(key), publicKey: rsaSubjectPublicKeyInfo(key.n, key.e) };
  }
  const { curve, oid } = CURVES[spec as keyof typeof CURVES];
  const secretKey = curve.utils.randomSecretKey(random(curve.lengths.seed ?? 48));
  const point = curve.getPublicKey(secretKey, false);
  return { privateKey: ecPrivateKeyInfo(oid, secretKey, point), publicKey: ecSubjectPublicKeyInfo(oid, point) };
}
