import type * as z from "zod";
import { inputs } from "../../contracts/kms";
import { toBase64 } from "../../core/encoding";
import { defineOperation, type OperationContext } from "../../core/operation";
import { digestLength, digestMessage, publicKeyDer, sign, verify, type SigningAlgorithmName, type SigningKeySpec } from "../../crypto/signing";
import { authorizeKey } from "../access";
import { kmsErrors } from "../errors";
import { resolveKey } from "../key-ids";
import { encryptionAlgorithmsFor, isAsymmetricSpec, signingAlgorithmsFor } from "../key-specs";
import { currentMaterial, materialSecret } from "../materials";
import type { KmsKeyRecord } from "../state";
import { stepKey } from "../key.machine";
import { requireUsableKey } from "../usage";
import { dryRunSucceeded } from "./shapes";

/**
 * Asymmetric signing: Sign, Verify, GetPublicKey (crypto/signing.ts does the
 * mathematics). Signatures are DER-encoded for ECDSA, raw for RSA, as KMS
 * returns them; a signature that does not verify is
 * KMSInvalidSignatureException, never SignatureValid false.
 */

const KEY_RESOURCE = "AWS::KMS::Key";
/** What Sign and Verify have in common (the model's members). */
type SigningRequest = Pick<z.output<typeof inputs.Sign>, "KeyId" | "Message" | "MessageType" | "SigningAlgorithm">;

/** Resolves, authorises and checks a Sign/Verify request; returns the key, its seed and the digest to sign. */
function prepare(ctx: OperationContext, input: SigningRequest, operation: "Sign" | "Verify") {
  const resolved = resolveKey(ctx, input.KeyId, { aliases: true });
  const { key } = resolved;
  ctx.touches(key.arn, KEY_RESOURCE);
  const messageType = input.MessageType ?? "RAW";
  authorizeKey(ctx, key, {
    operation,
    context: {
      "kms:SigningAlgorithm": input.SigningAlgorithm,
      "kms:MessageType": messageType,
      ...(resolved.alias ? { "kms:RequestAlias": resolved.alias.aliasName } : {}),
    },
  });
  requireUsableKey(key, "SIGN_VERIFY", operation);
  // The model's other algorithms (SM2DSA, ML-DSA, Ed25519) belong to key specs the sandbox does not simulate.
  const algorithm: SigningAlgorithmName | undefined = signingAlgorithmsFor(key.keySpec).find(
    (candidate): candidate is SigningAlgorithmName => candidate !== "SM2DSA" && candidate === input.SigningAlgorithm,
  );
  if (algorithm === undefined) throw kmsErrors.incompatibleAlgorithm(input.SigningAlgorithm, key.keySpec);
  // EXTERNAL_MU is for ML-DSA keys, which the sandbox does not simulate.
  if (messageType === "EXTERNAL_MU") throw kmsErrors.incompatibleAlgorithm(input.SigningAlgorithm, key.keySpec);
  if (messageType === "DIGEST" && input.Message.length !== digestLength(algorithm)) {
    throw kmsErrors.validation(`Digest is invalid length for algorithm ${algorithm}.`);
  }
  const digest = messageType === "DIGEST" ? input.Message : digestMessage(algorithm, input.Message);
  return { key, algorithm, digest, spec: key.keySpec as SigningKeySpec, seed: signingSeed(key) };
}

function signingSeed(key: KmsKeyRecord): Uint8Array {
  const material = currentMaterial(key);
  // A signing key without material is PendingImport, which requireUsableKey has refused.
  if (!material) throw kmsErrors.invalidKeyUsage(key.arn, key.keyUsage, "Sign");
  return materialSecret(material);
}

export const signOperation = defineOperation({
  name: "Sign",
  input: inputs.Sign,
  readOnly: true,
  sensitive: { request: ["Message"], response: ["Signature"] },
  handler(ctx, input) {
    const { key, algorithm, digest, spec, seed } = prepare(ctx, input, "Sign");
    if (input.DryRun) throw dryRunSucceeded();
    const signature = sign({ spec, seed, algorithm, digest, random: (length) => ctx.random.bytes(length) });
    return { KeyId: key.arn, Signature: toBase64(signature), SigningAlgorithm: algorithm };
  },
});

export const verifyOperation = defineOperation({
  name: "Verify",
  input: inputs.Verify,
  readOnly: true,
  sensitive: { request: ["Message", "Signature"] },
  handler(ctx, input) {
    const { key, algorithm, digest, spec, seed } = prepare(ctx, input, "Verify");
    if (input.DryRun) throw dryRunSucceeded();
    if (!verify({ spec, seed, algorithm, digest, signature: input.Signature })) throw kmsErrors.invalidSignature();
    return { KeyId: key.arn, SignatureValid: true, SigningAlgorithm: algorithm };
  },
});

export const getPublicKey = defineOperation({
  name: "GetPublicKey",
  input: inputs.GetPublicKey,
  readOnly: true,
  handler(ctx, input) {
    const resolved = resolveKey(ctx, input.KeyId, { aliases: true });
    const { key } = resolved;
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, { operation: "GetPublicKey", context: resolved.alias ? { "kms:RequestAlias": resolved.alias.aliasName } : {} });
    stepKey(key, "key.use");
    if (!isAsymmetricSpec(key.keySpec)) throw kmsErrors.noPublicKey(key.arn, key.keySpec);
    const der = publicKeyDer(key.keySpec, signingSeed(key));
    return {
      KeyId: key.arn,
      PublicKey: toBase64(der),
      CustomerMasterKeySpec: key.keySpec,
      KeySpec: key.keySpec,
      KeyUsage: key.keyUsage,
      ...(key.keyUsage === "ENCRYPT_DECRYPT" ? { EncryptionAlgorithms: encryptionAlgorithmsFor(key.keySpec) } : { SigningAlgorithms: signingAlgorithmsFor(key.keySpec) }),
    };
  },
});
