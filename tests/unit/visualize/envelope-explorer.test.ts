import { createDecipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSandbox } from "@/lib/sandbox";
import { openEnvelope, sealEnvelope, type OpenInput, type SealedEnvelope } from "@/lib/visualize/envelope/explorer";

/**
 * The envelope encryption explorer over the real engine. Its local
 * encryption is checked with Node's own AES-256-GCM (OpenSSL), not with the
 * code under test, and its data key with the sandbox's CLI.
 */

const KEY = "1234abcd-12ab-34cd-56ef-1234567890ab";
const REPORT = new TextEncoder().encode("region,total\nus-east-1,42\n");

async function sealed() {
  const session = createSandbox({ scenario: "chapter-27", seed: 5, now: "2026-02-01T00:00:00Z" });
  await session.run(`aws kms create-alias --alias-name alias/app-key --target-key-id ${KEY}`);
  const result = sealEnvelope(session.engine, session.fs, { keyId: "alias/app-key", context: { dept: "finance" }, data: REPORT, name: "report.csv" });
  if (!result.ok) throw new Error(result.failure.message);
  return { session, envelope: result.envelope };
}

function opensslDecrypt(envelope: SealedEnvelope): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", Buffer.from(envelope.plaintextKey, "base64"), Buffer.from(envelope.nonce, "base64"));
  decipher.setAuthTag(Buffer.from(envelope.tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(envelope.ciphertext, "base64")), decipher.final()]);
}

describe("the envelope encryption explorer", () => {
  it("encrypts locally with AES-256-GCM under a fresh data key that OpenSSL can use too", async () => {
    const { envelope } = await sealed();
    expect(Buffer.from(envelope.plaintextKey, "base64")).toHaveLength(32);
    expect(Buffer.from(envelope.nonce, "base64")).toHaveLength(12);
    expect(Buffer.from(envelope.tag, "base64")).toHaveLength(16);
    expect(envelope.keyArn).toBe(`arn:aws:kms:us-east-1:123456789012:key/${KEY}`);
    expect(opensslDecrypt(envelope).toString()).toBe(new TextDecoder().decode(REPORT));
  });

  it("stores the envelope in the learner's files, and the CLI decrypts the stored data key to the same bytes", async () => {
    const { session, envelope } = await sealed();
    const stored = JSON.parse((await session.run(`cat ${envelope.envelopeFile}`)).stdout) as Record<string, unknown>;
    expect(stored).toEqual({ encryptedDataKey: envelope.encryptedKey, keyId: envelope.keyArn, encryptionContext: { dept: "finance" }, algorithm: "AES-256-GCM", nonce: envelope.nonce, ciphertext: envelope.ciphertext, tag: envelope.tag });
    const cli = await session.run(`aws kms decrypt --ciphertext-blob fileb://${envelope.keyFile} --encryption-context dept=finance --query Plaintext --output text`);
    expect(cli.stdout.trim()).toBe(envelope.plaintextKey);
    const trail = session.engine.trail().map((event) => event.eventName);
    expect(trail).toContain("GenerateDataKey");
  });

  it("labels every byte of the encrypted data key", async () => {
    const { envelope } = await sealed();
    const layout = envelope.encryptedKeyLayout;
    expect(layout[0]!.start).toBe(0);
    for (let index = 1; index < layout.length; index++) expect(layout[index]!.start).toBe(layout[index - 1]!.end);
    expect(layout.at(-1)!.end).toBe(Buffer.from(envelope.encryptedKey, "base64").length);
    expect(layout.map((segment) => segment.label)).toEqual(["format marker (KSB1)", "Region", "account", "KMS key id", "key material version", "nonce", "ciphertext", "authentication tag"]);
  });

  it("opens the envelope: KMS gives back the data key, local decryption the data", async () => {
    const { session, envelope } = await sealed();
    const opened = openEnvelope(session.engine, { envelope, context: { dept: "finance" } });
    expect(opened.dataKey).toEqual({ ok: true, plaintextKey: envelope.plaintextKey, keyArn: envelope.keyArn });
    expect(opened.data).toEqual({ ok: true, plaintext: Buffer.from(REPORT).toString("base64") });
  });

  it("a different encryption context, or a flipped byte of the encrypted key, and KMS refuses with InvalidCiphertextException", async () => {
    const { session, envelope } = await sealed();
    const attempts: Omit<OpenInput, "envelope">[] = [{ context: { dept: "sales" } }, { context: {} }, { context: { dept: "finance" }, tamper: { part: "encrypted-key", index: 60 } }];
    for (const attempt of attempts) {
      const opened = openEnvelope(session.engine, { envelope, ...attempt });
      expect(opened.dataKey).toMatchObject({ ok: false, failure: { code: "InvalidCiphertextException" } });
      expect(opened.data).toBeUndefined();
    }
  });

  it("a flipped byte of the nonce, the ciphertext or the tag, and AES-GCM refuses the data", async () => {
    const { session, envelope } = await sealed();
    for (const part of ["nonce", "ciphertext", "tag"] as const) {
      const opened = openEnvelope(session.engine, { envelope, context: { dept: "finance" }, tamper: { part, index: 3 } });
      expect(opened.dataKey.ok, part).toBe(true);
      expect(opened.data, part).toMatchObject({ ok: false });
    }
  });

  it("a disabled key stops both halves: no new data key, no decryption", async () => {
    const { session, envelope } = await sealed();
    await session.run(`aws kms disable-key --key-id ${KEY}`);
    expect(openEnvelope(session.engine, { envelope, context: { dept: "finance" } }).dataKey).toMatchObject({ ok: false, failure: { code: "DisabledException" } });
    const refused = sealEnvelope(session.engine, session.fs, { keyId: "alias/app-key", context: {}, data: REPORT, name: "again" });
    expect(refused).toEqual({ ok: false, failure: { code: "DisabledException", message: `arn:aws:kms:us-east-1:123456789012:key/${KEY} is disabled.` } });
  });
});
