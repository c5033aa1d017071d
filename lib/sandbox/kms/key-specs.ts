import type * as z from "zod";
import type { inputs } from "../contracts/kms";
/**
 * The key types the sandbox's KMS supports, and what each can do. The lists
 * follow the AWS KMS API model; enum orders are the ones AWS prints in its
 * ValidationException messages (captured from real AWS in LocalStack's
 * @aws_validated snapshots, tests/aws/services/kms/test_kms.snapshot.json).
 */

/** CreateKey KeySpec, in the order AWS lists them in the enum validation message. */
export const KEY_SPECS = [
  "RSA_2048",
  "ECC_NIST_P384",
  "ECC_NIST_P256",
  "ECC_NIST_P521",
  "HMAC_384",
  "RSA_3072",
  "ECC_SECG_P256K1",
  "RSA_4096",
  "SYMMETRIC_DEFAULT",
  "HMAC_256",
  "HMAC_224",
  "HMAC_512",
] as const;
export type KeySpec = (typeof KEY_SPECS)[number];

/** NOTE: KEY_AGREEMENT keys (ECDH) are not simulated; the enum is the pre-2024 one AWS printed. */
export const KEY_USAGES = ["ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC"] as const;
export type KeyUsage = (typeof KEY_USAGES)[number];

export const ORIGINS = ["AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE"] as const;
export type Origin = (typeof ORIGINS)[number];

/** Algorithm and data key names, as the contract (botocore's model) has them. */
export type SigningAlgorithm = z.output<typeof inputs.Sign>["SigningAlgorithm"];
export type EncryptionAlgorithm = NonNullable<z.output<typeof inputs.Encrypt>["EncryptionAlgorithm"]>;
export type DataKeySpec = NonNullable<z.output<typeof inputs.GenerateDataKey>["KeySpec"]>;

/** MacAlgorithm, in AWS's message order. */
export const MAC_ALGORITHMS = ["HMAC_SHA_384", "HMAC_SHA_256", "HMAC_SHA_224", "HMAC_SHA_512"] as const;
export type MacAlgorithm = (typeof MAC_ALGORITHMS)[number];

export type RsaSpec = "RSA_2048" | "RSA_3072" | "RSA_4096";
export type EccSpec = "ECC_NIST_P256" | "ECC_NIST_P384" | "ECC_NIST_P521" | "ECC_SECG_P256K1";
export type HmacSpec = "HMAC_224" | "HMAC_256" | "HMAC_384" | "HMAC_512";

export const isRsaSpec = (spec: KeySpec): spec is RsaSpec => spec.startsWith("RSA_");
export const isEccSpec = (spec: KeySpec): spec is EccSpec => spec.startsWith("ECC_");
export const isHmacSpec = (spec: KeySpec): spec is HmacSpec => spec.startsWith("HMAC_");
export const isAsymmetricSpec = (spec: KeySpec): spec is RsaSpec | EccSpec => isRsaSpec(spec) || isEccSpec(spec);

/** The key usages AWS allows for each key spec (CreateKey API reference), restricted to what the sandbox simulates. */
export function usagesFor(spec: KeySpec): readonly KeyUsage[] {
  if (spec === "SYMMETRIC_DEFAULT") return ["ENCRYPT_DECRYPT"];
  if (isHmacSpec(spec)) return ["GENERATE_VERIFY_MAC"];
  if (isRsaSpec(spec)) return ["ENCRYPT_DECRYPT", "SIGN_VERIFY"];
  // NOTE: AWS also allows ECC NIST keys for KEY_AGREEMENT (DeriveSharedSecret), which the sandbox does not simulate.
  return ["SIGN_VERIFY"];
}

/** EncryptionAlgorithms as DescribeKey and GetPublicKey list them for an ENCRYPT_DECRYPT key. */
export function encryptionAlgorithmsFor(spec: KeySpec): EncryptionAlgorithm[] {
  if (spec === "SYMMETRIC_DEFAULT") return ["SYMMETRIC_DEFAULT"];
  return isRsaSpec(spec) ? ["RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"] : [];
}

/** SigningAlgorithms as DescribeKey lists them for a SIGN_VERIFY key. */
export function signingAlgorithmsFor(spec: KeySpec): SigningAlgorithm[] {
  switch (spec) {
    case "RSA_2048":
    case "RSA_3072":
    case "RSA_4096":
      return [
        "RSASSA_PKCS1_V1_5_SHA_256",
        "RSASSA_PKCS1_V1_5_SHA_384",
        "RSASSA_PKCS1_V1_5_SHA_512",
        "RSASSA_PSS_SHA_256",
        "RSASSA_PSS_SHA_384",
        "RSASSA_PSS_SHA_512",
      ];
    case "ECC_NIST_P256":
    case "ECC_SECG_P256K1":
      return ["ECDSA_SHA_256"];
    case "ECC_NIST_P384":
      return ["ECDSA_SHA_384"];
    case "ECC_NIST_P521":
      return ["ECDSA_SHA_512"];
    default:
      return [];
  }
}

const HMAC_ALGORITHM: Record<HmacSpec, MacAlgorithm> = {
  HMAC_224: "HMAC_SHA_224",
  HMAC_256: "HMAC_SHA_256",
  HMAC_384: "HMAC_SHA_384",
  HMAC_512: "HMAC_SHA_512",
};

export function macAlgorithmsFor(spec: KeySpec): MacAlgorithm[] {
  return isHmacSpec(spec) ? [HMAC_ALGORITHM[spec]] : [];
}

/** HMAC key material length in bytes (the sandbox uses the digest size). */
export const HMAC_KEY_BYTES: Record<HmacSpec, number> = { HMAC_224: 28, HMAC_256: 32, HMAC_384: 48, HMAC_512: 64 };

/** Symmetric keys with AWS_KMS origin are the only ones whose key material rotates automatically (EnableKeyRotation API reference). */
export function supportsRotation(spec: KeySpec, origin: Origin): boolean {
  return spec === "SYMMETRIC_DEFAULT" && origin === "AWS_KMS";
}

/** On demand, symmetric keys with imported material rotate too, to material imported for it (RotateKeyOnDemand API reference). */
export function supportsOnDemandRotation(spec: KeySpec, origin: Origin): boolean {
  return spec === "SYMMETRIC_DEFAULT" && (origin === "AWS_KMS" || origin === "EXTERNAL");
}
