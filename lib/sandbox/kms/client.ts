import { fromBase64, toBase64 } from "../core/encoding";
import type { OperationContext, WireObject } from "../core/operation";
import type { EncryptionContext } from "../crypto/encryption-context";
import { AWS_MANAGED_KEY_ALIASES } from "./aws-managed";

/**
 * How other services use KMS: through real KMS calls (ctx.call with `via`),
 * so the key's policy and state, kms:ViaService, the trail, and the creation
 * of AWS managed keys on first use all happen as in AWS. Nothing here reads
 * KMS state directly; errors are KMS's AwsServiceErrors, for the caller to
 * pass on or translate as its service does.
 *
 *   const kms = kmsClient(ctx, "ssm.amazonaws.com");
 *   const { ciphertext, keyArn } = kms.encrypt({ keyId: "alias/aws/ssm", plaintext, context: { PARAMETER_ARN: arn } });
 */
export { AWS_MANAGED_KEY_ALIASES };

export interface KmsClient {
  encrypt(request: { keyId: string; plaintext: Uint8Array; context?: EncryptionContext }): { ciphertext: Uint8Array; keyArn: string };
  decrypt(request: { ciphertext: Uint8Array; context?: EncryptionContext; keyId?: string }): { plaintext: Uint8Array; keyArn: string };
  generateDataKey(request: { keyId: string; context?: EncryptionContext; keySpec?: "AES_256" | "AES_128" }): { plaintext: Uint8Array; ciphertext: Uint8Array; keyArn: string };
  /** DescribeKey's KeyMetadata (wire format), e.g. to show a secret's KmsKeyId as AWS does. */
  describeKey(keyId: string): WireObject;
}

const str = (value: unknown): string => (typeof value === "string" ? value : "");

/** A KMS client calling on the current caller's behalf, as `via` (e.g. "secretsmanager.amazonaws.com"). */
export function kmsClient(ctx: OperationContext, via: string): KmsClient {
  const call = (operation: string, input: WireObject) => ctx.call("kms", operation, input, { via });
  const withContext = (context: EncryptionContext | undefined) => (context && Object.keys(context).length > 0 ? { EncryptionContext: context } : {});
  return {
    encrypt({ keyId, plaintext, context }) {
      const out = call("Encrypt", { KeyId: keyId, Plaintext: toBase64(plaintext), ...withContext(context) });
      return { ciphertext: fromBase64(str(out.CiphertextBlob)), keyArn: str(out.KeyId) };
    },
    decrypt({ ciphertext, context, keyId }) {
      const out = call("Decrypt", { CiphertextBlob: toBase64(ciphertext), ...withContext(context), ...(keyId ? { KeyId: keyId } : {}) });
      return { plaintext: fromBase64(str(out.Plaintext)), keyArn: str(out.KeyId) };
    },
    generateDataKey({ keyId, context, keySpec = "AES_256" }) {
      const out = call("GenerateDataKey", { KeyId: keyId, KeySpec: keySpec, ...withContext(context) });
      return { plaintext: fromBase64(str(out.Plaintext)), ciphertext: fromBase64(str(out.CiphertextBlob)), keyArn: str(out.KeyId) };
    },
    describeKey(keyId) {
      const out = call("DescribeKey", { KeyId: keyId });
      return (out.KeyMetadata ?? {}) as WireObject;
    },
  };
}
