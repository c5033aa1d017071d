/**
 * The envelope encryption explorer: the learner's own data encrypted the way
 * the chapter describes, with the sandbox's real KMS keys. GenerateDataKey
 * (a real call, on the trail), AES-256-GCM locally, the plaintext data key
 * wiped, the envelope stored in the learner's files; later KMS Decrypt of the
 * data key and local decryption of the data. Any byte can be flipped and the
 * encryption context changed, to see what fails and why.
 */
import { gcm } from "@noble/ciphers/aes.js";
import { isAwsServiceError } from "@/lib/sandbox/core/errors";
import type { Sandbox } from "@/lib/sandbox/sandbox";
import { fromBase64, toBase64 } from "@/lib/sandbox/core/encoding";
import { blobLayout, type BlobSegment } from "@/lib/sandbox/crypto/ciphertext-blob";
import type { MemoryFileSystem } from "@/lib/sandbox/vfs/memory";

export const ENVELOPE_DIRECTORY = "envelope";
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
/** The largest input the explorer takes (a dropped file): envelope encryption has no size limit, a browser tab does. */
export const MAX_DATA_BYTES = 8 * 1024 * 1024;

export interface SealInput {
  keyId: string;
  context: Record<string, string>;
  data: Uint8Array;
  /** A name for the stored files, e.g. "report.csv". */
  name: string;
}

export interface AwsFailure {
  code: string;
  message: string;
}

export interface SealedEnvelope {
  keyId: string;
  /** The KMS key's ARN, as GenerateDataKey reported it. */
  keyArn: string;
  context: Record<string, string>;
  /** Both copies of the data key that GenerateDataKey returned (base64). */
  plaintextKey: string;
  encryptedKey: string;
  /** The encrypted key's bytes, labelled. */
  encryptedKeyLayout: BlobSegment[];
  /** Local AES-256-GCM. */
  nonce: string;
  ciphertext: string;
  tag: string;
  dataBytes: number;
  /** Where the envelope is stored in the learner's files (JSON), and the encrypted data key on its own (binary, for `aws kms decrypt`). */
  envelopeFile: string;
  keyFile: string;
  /** The stored envelope, as the file holds it. */
  envelopeJson: string;
}

export type SealResult = { ok: true; envelope: SealedEnvelope } | { ok: false; failure: AwsFailure };

export type TamperPart = "encrypted-key" | "nonce" | "ciphertext" | "tag";

export interface OpenInput {
  envelope: Pick<SealedEnvelope, "encryptedKey" | "nonce" | "ciphertext" | "tag">;
  /** The encryption context given to Decrypt (change it to see KMS refuse). */
  context: Record<string, string>;
  /** Flip one byte (all its bits) before decrypting. */
  tamper?: { part: TamperPart; index: number };
}

export interface OpenResult {
  /** KMS Decrypt of the data key. */
  dataKey: { ok: true; plaintextKey: string; keyArn: string } | { ok: false; failure: AwsFailure; why: string };
  /** Local AES-256-GCM decryption of the data (only when the data key came back). */
  data?: { ok: true; plaintext: string } | { ok: false; why: string };
}

function sanitizeName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "");
  return cleaned.slice(0, 80) || "data";
}

/** Step 1 to 4: GenerateDataKey, local encryption, the plaintext key wiped, the envelope stored. */
export function sealEnvelope(sandbox: Sandbox, fs: MemoryFileSystem, input: SealInput): SealResult {
  if (input.data.length > MAX_DATA_BYTES) return { ok: false, failure: { code: "TooLarge", message: `The explorer takes up to ${MAX_DATA_BYTES / 1024 / 1024} MiB.` } };
  let response: Record<string, unknown>;
  try {
    response = sandbox.call("kms", "GenerateDataKey", {
      KeyId: input.keyId,
      KeySpec: "AES_256",
      ...(Object.keys(input.context).length > 0 ? { EncryptionContext: input.context } : {}),
    });
  } catch (error) {
    if (isAwsServiceError(error)) return { ok: false, failure: { code: error.code, message: error.message } };
    throw error;
  }
  const plaintextKey = String(response["Plaintext"]);
  const encryptedKey = String(response["CiphertextBlob"]);
  const keyArn = String(response["KeyId"]);
  const key = fromBase64(plaintextKey);
  const nonce = globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const sealed = gcm(key, nonce).encrypt(input.data);
  // What an application does next: forget the plaintext key.
  key.fill(0);
  const ciphertext = sealed.subarray(0, sealed.length - TAG_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const name = sanitizeName(input.name);
  const envelopeFile = `${ENVELOPE_DIRECTORY}/${name}.envelope.json`;
  const keyFile = `${ENVELOPE_DIRECTORY}/${name}.key.enc`;
  const envelopeJson = `${JSON.stringify(
    { encryptedDataKey: encryptedKey, keyId: keyArn, encryptionContext: input.context, algorithm: "AES-256-GCM", nonce: toBase64(nonce), ciphertext: toBase64(ciphertext), tag: toBase64(tag) },
    null,
    2,
  )}\n`;
  fs.mkdir(`${fs.home}/${ENVELOPE_DIRECTORY}`, { parents: true });
  fs.writeFile(`${fs.home}/${envelopeFile}`, new TextEncoder().encode(envelopeJson));
  fs.writeFile(`${fs.home}/${keyFile}`, fromBase64(encryptedKey));
  return {
    ok: true,
    envelope: {
      keyId: input.keyId,
      keyArn,
      context: { ...input.context },
      plaintextKey,
      encryptedKey,
      encryptedKeyLayout: blobLayout(fromBase64(encryptedKey)) ?? [],
      nonce: toBase64(nonce),
      ciphertext: toBase64(ciphertext),
      tag: toBase64(tag),
      dataBytes: input.data.length,
      envelopeFile,
      keyFile,
      envelopeJson,
    },
  };
}

function flipped(base64: string, index: number): string {
  const bytes = fromBase64(base64);
  if (bytes.length === 0) return base64;
  const at = Math.min(Math.max(0, index), bytes.length - 1);
  bytes[at] = (bytes[at] ?? 0) ^ 0xff;
  return toBase64(bytes);
}

const WHY_KEY_FAILS: Record<string, string> = {
  InvalidCiphertextException:
    "KMS authenticates the whole encrypted data key together with the encryption context. A changed byte, or a context that differs in any key or value, makes the check fail, and KMS returns nothing.",
  AccessDeniedException: "The caller may not use this KMS key for Decrypt: the key policy (and IAM) decide, as the Activity pane's trace shows.",
  DisabledException: "The KMS key is disabled: nothing encrypted under it can be decrypted until it is enabled again.",
  KMSInvalidStateException: "The KMS key is pending deletion (or import): it cannot be used until that changes.",
  NotFoundException: "The KMS key that encrypted this data key no longer exists: the data is lost for good.",
};

/** Steps 5 and 6: KMS Decrypt of the data key, then local decryption of the data. */
export function openEnvelope(sandbox: Sandbox, input: OpenInput): OpenResult {
  const part = input.tamper?.part;
  const at = input.tamper?.index ?? 0;
  const encryptedKey = part === "encrypted-key" ? flipped(input.envelope.encryptedKey, at) : input.envelope.encryptedKey;
  let response: Record<string, unknown>;
  try {
    response = sandbox.call("kms", "Decrypt", { CiphertextBlob: encryptedKey, ...(Object.keys(input.context).length > 0 ? { EncryptionContext: input.context } : {}) });
  } catch (error) {
    if (!isAwsServiceError(error)) throw error;
    return { dataKey: { ok: false, failure: { code: error.code, message: error.message }, why: WHY_KEY_FAILS[error.code] ?? "KMS refused the request." } };
  }
  const plaintextKey = String(response["Plaintext"]);
  const nonce = fromBase64(part === "nonce" ? flipped(input.envelope.nonce, at) : input.envelope.nonce);
  const ciphertext = fromBase64(part === "ciphertext" ? flipped(input.envelope.ciphertext, at) : input.envelope.ciphertext);
  const tag = fromBase64(part === "tag" ? flipped(input.envelope.tag, at) : input.envelope.tag);
  const key = fromBase64(plaintextKey);
  const sealed = new Uint8Array(ciphertext.length + tag.length);
  sealed.set(ciphertext);
  sealed.set(tag, ciphertext.length);
  let data: OpenResult["data"];
  try {
    data = { ok: true, plaintext: toBase64(gcm(key, nonce).decrypt(sealed)) };
  } catch {
    data = {
      ok: false,
      why: "AES-GCM checks the authentication tag before it returns anything: a changed byte in the nonce, the ciphertext or the tag makes decryption fail, so tampered data is never mistaken for real data.",
    };
  } finally {
    key.fill(0);
  }
  return { dataKey: { ok: true, plaintextKey, keyArn: String(response["KeyId"]) }, data };
}
