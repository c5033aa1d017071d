/**
 * What each step of the envelope encryption explorer looks like in the AWS
 * CLI (runnable in the sandbox's terminal as printed) and in the AWS SDK for
 * JavaScript v3. Pure strings, so the page can show them without the engine,
 * and tests can run the CLI lines in a sandbox.
 */

/** A shell word: quoted only when it needs to be. */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `--encryption-context` in the CLI's shorthand (key=value,key=value), or nothing. */
function contextOption(context: Record<string, string>): string {
  const pairs = Object.entries(context);
  if (pairs.length === 0) return "";
  return ` --encryption-context ${shellWord(pairs.map(([key, value]) => `${key}=${value}`).join(","))}`;
}

function contextMember(context: Record<string, string>, indent: string): string {
  const pairs = Object.entries(context);
  if (pairs.length === 0) return "";
  return `\n${indent}EncryptionContext: { ${pairs.map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(", ")} },`;
}

/** Shorthand values cannot carry every character; a context the CLI line cannot express is given as JSON instead. */
function needsJson(context: Record<string, string>): boolean {
  return Object.entries(context).some(([key, value]) => /[,=\s"'\\[\]{}]/.test(key + value));
}

function contextArgument(context: Record<string, string>): string {
  if (Object.keys(context).length === 0) return "";
  return needsJson(context) ? ` --encryption-context ${shellWord(JSON.stringify(context))}` : contextOption(context);
}

export interface StepCode {
  /** A command for the sandbox's terminal, or undefined when the step happens only in the application. */
  cli?: string;
  /** Why there is no CLI line, when there is none. */
  cliNote?: string;
  sdk: string;
}

export function generateDataKeyCode(keyId: string, context: Record<string, string>): StepCode {
  return {
    cli: `aws kms generate-data-key --key-id ${shellWord(keyId)} --key-spec AES_256${contextArgument(context)}`,
    sdk: `import { KMSClient, GenerateDataKeyCommand } from "@aws-sdk/client-kms";

const kms = new KMSClient({});
const { Plaintext, CiphertextBlob, KeyId } = await kms.send(new GenerateDataKeyCommand({
  KeyId: ${JSON.stringify(keyId)},
  KeySpec: "AES_256",${contextMember(context, "  ")}
}));`,
  };
}

export const encryptLocallyCode: StepCode = {
  cliNote: "No AWS call: your program encrypts the data itself. (OpenSSL's enc command cannot do AES-GCM, so there is no one-line shell equivalent.)",
  sdk: `import { createCipheriv, randomBytes } from "node:crypto";

const nonce = randomBytes(12);
const cipher = createCipheriv("aes-256-gcm", Plaintext, nonce);
const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
const tag = cipher.getAuthTag();`,
};

export const discardKeyCode: StepCode = {
  cliNote: "No AWS call: the program overwrites its copy of the plaintext data key.",
  sdk: `Plaintext.fill(0); // the plaintext data key is gone; only CiphertextBlob remains`,
};

export function storeEnvelopeCode(envelopeFile: string): StepCode {
  return {
    cli: `cat ${shellWord(envelopeFile)}`,
    sdk: `await writeFile(${JSON.stringify(envelopeFile)}, JSON.stringify({
  encryptedDataKey: Buffer.from(CiphertextBlob).toString("base64"),
  encryptionContext, nonce, ciphertext, tag, // base64
}));`,
  };
}

export function decryptDataKeyCode(keyFile: string, context: Record<string, string>): StepCode {
  return {
    cli: `aws kms decrypt --ciphertext-blob fileb://${keyFile}${contextArgument(context)} --query Plaintext --output text`,
    sdk: `import { KMSClient, DecryptCommand } from "@aws-sdk/client-kms";

const { Plaintext } = await new KMSClient({}).send(new DecryptCommand({
  CiphertextBlob: encryptedDataKey,${contextMember(context, "  ")}
}));`,
  };
}

export const decryptLocallyCode: StepCode = {
  cliNote: "No AWS call: your program decrypts the data with the data key KMS returned.",
  sdk: `import { createDecipheriv } from "node:crypto";

const decipher = createDecipheriv("aes-256-gcm", Plaintext, nonce);
decipher.setAuthTag(tag); // a changed byte anywhere makes final() throw
const data = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
Plaintext.fill(0);`,
};

/** Parses "key=value" lines (or comma-separated pairs) into an encryption context; reports the first bad entry. */
export function parseContext(text: string): { ok: true; context: Record<string, string> } | { ok: false; message: string } {
  const context: Record<string, string> = {};
  for (const entry of text.split(/[\n,]/).map((part) => part.trim()).filter(Boolean)) {
    const at = entry.indexOf("=");
    if (at <= 0) return { ok: false, message: `"${entry}" is not key=value.` };
    const key = entry.slice(0, at).trim();
    const value = entry.slice(at + 1).trim();
    if (key in context) return { ok: false, message: `The key "${key}" appears twice; an encryption context has each key once.` };
    context[key] = value;
  }
  return { ok: true, context };
}
