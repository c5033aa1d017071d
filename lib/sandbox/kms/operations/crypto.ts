import type * as z from "zod";
import { inputs } from "../../contracts/kms";
import { toBase64 } from "../../core/encoding";
import { AwsServiceError } from "../../core/errors";
import { defineOperation, type OperationContext } from "../../core/operation";
import { authorizeAccountAction, authorizeKey, encryptionContextKeys, type KmsConditionContext } from "../access";
import { keyOfBlob, openWith, sealUnder } from "../envelope";
import { kmsErrors } from "../errors";
import { resolveKey, type ResolvedKey } from "../key-ids";
import { generateDataKeyPair, SIMULATED_PAIR_SPECS } from "../../crypto/data-key-pair";
import type { EncryptionAlgorithm } from "../key-specs";
import type { KeyMaterial, KmsKeyRecord } from "../state";
import { isRsaEncryptionKey, rsaAlgorithm, rsaDecrypt, rsaEncrypt } from "../asymmetric-encryption";
import { requireSymmetricKey, requireUsableKey } from "../usage";
import { dryRunSucceeded, exactlyOne } from "./shapes";

/**
 * Symmetric cryptography: Encrypt, Decrypt, ReEncrypt, data keys, random
 * bytes. Real AES-256-GCM under simulated key material; the encryption
 * context is bound as additional authenticated data, so Decrypt needs the
 * same context (case-sensitive, exact) or fails with InvalidCiphertextException.
 *
 * NOTE: Recipient (a Nitro enclave's attestation document, in Decrypt,
 * GenerateDataKey, GenerateDataKeyPair and GenerateRandom) is validated and
 * ignored: the plaintext comes back as without it, never CiphertextForRecipient.
 */

const KEY_RESOURCE = "AWS::KMS::Key";

/** The condition keys of a cryptographic request. */
function cryptoContext(resolved: ResolvedKey | undefined, context: Record<string, string> | undefined, algorithm?: EncryptionAlgorithm): KmsConditionContext {
  return {
    ...encryptionContextKeys(context),
    ...(algorithm ? { "kms:EncryptionAlgorithm": algorithm } : {}),
    ...(resolved?.alias ? { "kms:RequestAlias": resolved.alias.aliasName } : {}),
  };
}

/** Symmetric keys encrypt with SYMMETRIC_DEFAULT only; RSA keys with one of their RSAES_OAEP algorithms, named in the request. */
function checkAlgorithm(key: KmsKeyRecord, algorithm: EncryptionAlgorithm | undefined): EncryptionAlgorithm {
  if (isRsaEncryptionKey(key)) {
    rsaAlgorithm(key, algorithm);
    return algorithm as EncryptionAlgorithm;
  }
  const chosen = algorithm ?? "SYMMETRIC_DEFAULT";
  if (chosen !== "SYMMETRIC_DEFAULT") throw kmsErrors.incompatibleAlgorithm(chosen, key.keySpec);
  return chosen;
}

/**
 * An encryption context is bound only by symmetric encryption.
 * NOTE: AWS documents that asymmetric keys do not support an encryption context; the refusal's wording is the sandbox's.
 */
function refuseContextOnRsa(key: KmsKeyRecord, context: Record<string, string> | undefined): void {
  if (isRsaEncryptionKey(key) && context !== undefined && Object.keys(context).length > 0) {
    throw kmsErrors.validation("An encryption context is not supported with asymmetric KMS keys.");
  }
}

/** Encrypts under a symmetric key (a KMS ciphertext blob) or an RSA key (a bare RSAES-OAEP ciphertext). */
function encryptUnder(ctx: OperationContext, key: KmsKeyRecord, algorithm: EncryptionAlgorithm, plaintext: Uint8Array, context: Record<string, string> | undefined) {
  if (isRsaEncryptionKey(key)) return { blob: rsaEncrypt(ctx, key, algorithm, plaintext), material: undefined };
  return sealUnder(ctx, key, plaintext, context);
}

export const encrypt = defineOperation({
  name: "Encrypt",
  input: inputs.Encrypt,
  readOnly: true,
  sensitive: { request: ["Plaintext"], response: ["CiphertextBlob"] },
  handler(ctx, input) {
    const resolved = resolveKey(ctx, input.KeyId, { aliases: true });
    const { key } = resolved;
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, { operation: "Encrypt", context: cryptoContext(resolved, input.EncryptionContext, input.EncryptionAlgorithm ?? "SYMMETRIC_DEFAULT") });
    requireUsableKey(key, "ENCRYPT_DECRYPT", "Encrypt");
    const algorithm = checkAlgorithm(key, input.EncryptionAlgorithm);
    refuseContextOnRsa(key, input.EncryptionContext);
    if (input.DryRun) throw dryRunSucceeded();
    const { blob } = encryptUnder(ctx, key, algorithm, input.Plaintext, input.EncryptionContext);
    return { CiphertextBlob: toBase64(blob), KeyId: key.arn, EncryptionAlgorithm: algorithm };
  },
});

/**
 * CiphertextBlob of Decrypt and ReEncrypt: optional in the model, whose documentation says it "is
 * required in all cases except when DryRun is true and DryRunModifiers is set to IGNORE_CIPHERTEXT".
 * NOTE: IGNORE_CIPHERTEXT is not simulated (a dry run still needs and checks the ciphertext), and the
 * message is worded as the front end's check of a required member (AWS's text was not recorded).
 */
function requireCiphertext(blob: Uint8Array | undefined): Uint8Array {
  if (blob === undefined) throw kmsErrors.validation("1 validation error detected: Value null at 'ciphertextBlob' failed to satisfy constraint: Member must not be null");
  return blob;
}

interface DecryptRequest {
  blob: Uint8Array;
  keyId: string | undefined;
  context: Record<string, string> | undefined;
  algorithm: EncryptionAlgorithm | undefined;
}

/**
 * The decrypting half of Decrypt and ReEncrypt: find the key (named by a
 * symmetric blob, or by KeyId for an RSA key, whose ciphertext names
 * nothing), authorise, check usage and algorithm. `open` then decrypts.
 */
function decryptBlob(ctx: OperationContext, request: DecryptRequest, operation: { name: string; action: string }) {
  const named = request.keyId === undefined ? undefined : resolveKey(ctx, request.keyId, { aliases: true });
  const rsa = named !== undefined && isRsaEncryptionKey(named.key);
  const fromBlob = rsa ? undefined : keyOfBlob(ctx, request.blob);
  const key = named?.key ?? fromBlob!.key;
  if (fromBlob && fromBlob.key.arn !== key.arn) throw kmsErrors.incorrectKey();
  ctx.touches(key.arn, KEY_RESOURCE);
  authorizeKey(ctx, key, {
    operation: operation.action,
    context: cryptoContext(named, request.context, request.algorithm ?? "SYMMETRIC_DEFAULT"),
    ciphertext: request.keyId === undefined,
  });
  requireUsableKey(key, "ENCRYPT_DECRYPT", operation.name);
  const algorithm = checkAlgorithm(key, request.algorithm);
  refuseContextOnRsa(key, request.context);
  const open = (): { plaintext: Uint8Array; material: KeyMaterial | undefined } =>
    fromBlob ? openWith(key, fromBlob.parsed, request.context) : { plaintext: rsaDecrypt(key, algorithm, request.blob), material: undefined };
  return { key, algorithm, open };
}

export const decrypt = defineOperation({
  name: "Decrypt",
  input: inputs.Decrypt,
  readOnly: true,
  sensitive: { request: ["CiphertextBlob"], response: ["Plaintext"] },
  handler(ctx, input) {
    const { key, algorithm, open } = decryptBlob(
      ctx,
      { blob: requireCiphertext(input.CiphertextBlob), keyId: input.KeyId, context: input.EncryptionContext, algorithm: input.EncryptionAlgorithm },
      { name: "Decrypt", action: "Decrypt" },
    );
    const { plaintext, material } = open();
    if (input.DryRun) throw dryRunSucceeded();
    return { KeyId: key.arn, Plaintext: toBase64(plaintext), EncryptionAlgorithm: algorithm, ...(material ? { KeyMaterialId: material.id } : {}) };
  },
});

export const reEncrypt = defineOperation({
  name: "ReEncrypt",
  input: inputs.ReEncrypt,
  readOnly: true,
  sensitive: { request: ["CiphertextBlob"], response: ["CiphertextBlob"] },
  handler(ctx, input) {
    const blob = requireCiphertext(input.CiphertextBlob);
    // ReEncrypt is authorised as two actions: kms:ReEncryptFrom on the source key, kms:ReEncryptTo on the destination.
    const source = decryptBlob(
      ctx,
      { blob, keyId: input.SourceKeyId, context: input.SourceEncryptionContext, algorithm: input.SourceEncryptionAlgorithm },
      { name: "ReEncrypt", action: "ReEncryptFrom" },
    );
    const destination = resolveKey(ctx, input.DestinationKeyId, { aliases: true });
    ctx.touches(destination.key.arn, KEY_RESOURCE);
    authorizeKey(ctx, destination.key, {
      operation: "ReEncryptTo",
      context: cryptoContext(destination, input.DestinationEncryptionContext, input.DestinationEncryptionAlgorithm ?? "SYMMETRIC_DEFAULT"),
    });
    requireUsableKey(destination.key, "ENCRYPT_DECRYPT", "ReEncrypt");
    const destinationAlgorithm = checkAlgorithm(destination.key, input.DestinationEncryptionAlgorithm);
    refuseContextOnRsa(destination.key, input.DestinationEncryptionContext);
    const opened = source.open();
    if (input.DryRun) throw dryRunSucceeded();
    const sealed = encryptUnder(ctx, destination.key, destinationAlgorithm, opened.plaintext, input.DestinationEncryptionContext);
    return {
      CiphertextBlob: toBase64(sealed.blob),
      SourceKeyId: source.key.arn,
      KeyId: destination.key.arn,
      SourceEncryptionAlgorithm: source.algorithm,
      DestinationEncryptionAlgorithm: destinationAlgorithm,
      ...(opened.material ? { SourceKeyMaterialId: opened.material.id } : {}),
      ...(sealed.material ? { DestinationKeyMaterialId: sealed.material.id } : {}),
    };
  },
});

/** The members GenerateDataKey and GenerateDataKeyWithoutPlaintext share (GenerateDataKey adds Recipient). */
type DataKeyRequest = z.output<typeof inputs.GenerateDataKeyWithoutPlaintext>;

/** A data key: random bytes from the sandbox's generator, returned with a copy encrypted under the KMS key. */
function generateDataKey(ctx: OperationContext, input: DataKeyRequest, operation: "GenerateDataKey" | "GenerateDataKeyWithoutPlaintext") {
  if (!exactlyOne(input.KeySpec, input.NumberOfBytes)) {
    // "You must specify either the KeySpec or the NumberOfBytes parameter (but not both)" (API reference).
    // NOTE: the message text is not confirmed against AWS.
    throw kmsErrors.validation("Please specify either number of bytes or key spec.");
  }
  const resolved = resolveKey(ctx, input.KeyId, { aliases: true });
  const { key } = resolved;
  ctx.touches(key.arn, KEY_RESOURCE);
  authorizeKey(ctx, key, { operation, context: cryptoContext(resolved, input.EncryptionContext) });
  requireUsableKey(key, "ENCRYPT_DECRYPT", operation);
  requireSymmetricKey(key);
  if (input.DryRun) throw dryRunSucceeded();
  const length = input.NumberOfBytes ?? (input.KeySpec === "AES_128" ? 16 : 32);
  const plaintext = ctx.random.bytes(length);
  const { blob, material } = sealUnder(ctx, key, plaintext, input.EncryptionContext);
  return { plaintext, blob, key, material };
}

export const generateDataKeyOperation = defineOperation({
  name: "GenerateDataKey",
  input: inputs.GenerateDataKey,
  readOnly: true,
  sensitive: { response: ["Plaintext", "CiphertextBlob"] },
  handler(ctx, input) {
    const { plaintext, blob, key, material } = generateDataKey(ctx, input, "GenerateDataKey");
    return { CiphertextBlob: toBase64(blob), Plaintext: toBase64(plaintext), KeyId: key.arn, KeyMaterialId: material.id };
  },
});

export const generateDataKeyWithoutPlaintext = defineOperation({
  name: "GenerateDataKeyWithoutPlaintext",
  input: inputs.GenerateDataKeyWithoutPlaintext,
  readOnly: true,
  sensitive: { response: ["CiphertextBlob"] },
  handler(ctx, input) {
    const { blob, key, material } = generateDataKey(ctx, input, "GenerateDataKeyWithoutPlaintext");
    return { CiphertextBlob: toBase64(blob), KeyId: key.arn, KeyMaterialId: material.id };
  },
});

export const generateRandom = defineOperation({
  name: "GenerateRandom",
  input: inputs.GenerateRandom,
  readOnly: true,
  sensitive: { response: ["Plaintext"] },
  handler(ctx, input) {
    authorizeAccountAction(ctx, "GenerateRandom");
    // The model makes NumberOfBytes optional; the service requires it (the model's documentation: "This
    // parameter is required"; AWS's message from LocalStack snapshot test_generate_random_invalid_number_of_bytes[None]).
    if (input.NumberOfBytes === undefined) throw kmsErrors.validation("NumberOfBytes is required.");
    if (input.CustomKeyStoreId !== undefined) throw new AwsServiceError("UnsupportedOperationException", "The sandbox does not simulate custom key stores.");
    return { Plaintext: toBase64(ctx.random.bytes(input.NumberOfBytes)) };
  },
});

/** The members GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext share (GenerateDataKeyPair adds Recipient). */
type DataKeyPairRequest = z.output<typeof inputs.GenerateDataKeyPairWithoutPlaintext>;

/**
 * A data key pair: a fresh asymmetric key pair (crypto/data-key-pair.ts),
 * the private key returned in plaintext (PKCS #8 DER) and encrypted under
 * the symmetric KMS key, the public key as DER SubjectPublicKeyInfo.
 *
 * NOTE: SM2 and ECC_NIST_EDWARDS25519 pairs and the Recipient parameter
 * (Nitro Enclaves attestation) are not simulated; RSA pairs take a moment
 * to generate, as they do in KMS.
 */
function generatePair(ctx: OperationContext, input: DataKeyPairRequest, operation: "GenerateDataKeyPair" | "GenerateDataKeyPairWithoutPlaintext") {
  const resolved = resolveKey(ctx, input.KeyId, { aliases: true });
  const { key } = resolved;
  ctx.touches(key.arn, KEY_RESOURCE);
  authorizeKey(ctx, key, { operation, context: { ...cryptoContext(resolved, input.EncryptionContext), "kms:DataKeyPairSpec": input.KeyPairSpec } });
  requireUsableKey(key, "ENCRYPT_DECRYPT", operation);
  requireSymmetricKey(key);
  if (!SIMULATED_PAIR_SPECS.has(input.KeyPairSpec)) throw new AwsServiceError("UnsupportedOperationException", `The sandbox does not simulate ${input.KeyPairSpec} data key pairs.`);
  if (input.DryRun) throw dryRunSucceeded();
  const pair = generateDataKeyPair(input.KeyPairSpec, (length) => ctx.random.bytes(length));
  const { blob, material } = sealUnder(ctx, key, pair.privateKey, input.EncryptionContext);
  return { pair, blob, key, material };
}

export const generateDataKeyPairOperation = defineOperation({
  name: "GenerateDataKeyPair",
  input: inputs.GenerateDataKeyPair,
  readOnly: true,
  sensitive: { response: ["PrivateKeyPlaintext", "PrivateKeyCiphertextBlob", "PublicKey"] },
  handler(ctx, input) {
    const { pair, blob, key, material } = generatePair(ctx, input, "GenerateDataKeyPair");
    return {
      PrivateKeyCiphertextBlob: toBase64(blob),
      PrivateKeyPlaintext: toBase64(pair.privateKey),
      PublicKey: toBase64(pair.publicKey),
      KeyId: key.arn,
      KeyPairSpec: input.KeyPairSpec,
      KeyMaterialId: material.id,
    };
  },
});

export const generateDataKeyPairWithoutPlaintext = defineOperation({
  name: "GenerateDataKeyPairWithoutPlaintext",
  input: inputs.GenerateDataKeyPairWithoutPlaintext,
  readOnly: true,
  sensitive: { response: ["PrivateKeyCiphertextBlob", "PublicKey"] },
  handler(ctx, input) {
    const { pair, blob, key, material } = generatePair(ctx, input, "GenerateDataKeyPairWithoutPlaintext");
    return { PrivateKeyCiphertextBlob: toBase64(blob), PublicKey: toBase64(pair.publicKey), KeyId: key.arn, KeyPairSpec: input.KeyPairSpec, KeyMaterialId: material.id };
  },
});
