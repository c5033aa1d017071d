import { constants, createPrivateKey, privateDecrypt } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSandbox } from "@/lib/sandbox/create-sandbox";

/**
 * The sandbox's `openssl` against what Debian's OpenSSL 3.0 printed for the
 * same arguments and input (scripts/record-openssl-fixtures.sh; keys, IVs and salts fixed so that
 * every byte is comparable; files openssl encrypted with a random salt are
 * decrypted here). OpenSSL's error lines carry a thread id, compared as X.
 */
interface Case {
  name: string;
  input: string;
  args: string[];
  stdout: string;
  stderr: string;
  status: number;
  /** Random output (rand, pkeyutl's padding): compared by length; pkeyutl's is then decrypted with the recorded private key. */
  random?: boolean;
  /** A file the command wrote (-out), and what it held. */
  file?: { name: string; content: string } | null;
}
const recorded = JSON.parse(readFileSync(new URL("./fixtures.json", import.meta.url), "utf8")) as { openssl: string; files: Record<string, string>; cases: Case[] };
const threadless = (text: string) => text.replace(/^[0-9A-F]{16}:error:/gm, "X:error:");
const bytes = (base64: string) => Uint8Array.from(Buffer.from(base64, "base64"));

describe(`openssl, as ${recorded.openssl} prints it`, () => {
  for (const example of recorded.cases) {
    it(example.name, () => {
      const session = createSandbox({ scenario: "empty", seed: 9 });
      for (const [name, content] of Object.entries(recorded.files)) session.fs.writeFile(`${session.home()}/${name}`, bytes(content));
      session.fs.writeFile(`${session.home()}/input`, bytes(example.input));
      const quoted = example.args.map((arg) => `'${arg.replace(/'/g, "'\\''")}'`).join(" ");
      // The recorder exports OPENSSL_TEST_PASS for the -pass env: case.
      const result = session.runBytes(`OPENSSL_TEST_PASS=correct-horse openssl ${quoted} < input`);
      const written = example.file ? Buffer.from(session.fs.readFile(`${session.home()}/${example.file.name}`)) : undefined;
      const stdout = Buffer.from(result.stdout);
      const stderr = Buffer.from(result.stderr).toString("utf8");
      const expected = { status: example.status, stdout: example.stdout, stderr: threadless(Buffer.from(example.stderr, "base64").toString("utf8")) };
      if (example.file && !example.random) expect(written!.toString("base64")).toBe(example.file.content);
      if (example.file && example.random) expect(written!.length).toBe(Buffer.from(example.file.content, "base64").length);
      if (!example.random) {
        expect({ status: result.exitCode, stdout: stdout.toString("base64"), stderr: threadless(stderr) }).toEqual(expected);
        return;
      }
      expect({ status: result.exitCode, length: stdout.length, stderr: threadless(stderr) }).toEqual({ status: expected.status, length: Buffer.from(example.stdout, "base64").length, stderr: expected.stderr });
      if (example.args[0] === "rand") {
        // Random bytes in the recorded shape: lowercase hex, or base64 in 64-column lines.
        const bytes = (written ?? stdout).toString();
        if (example.args.includes("-hex")) expect(bytes).toMatch(/^[0-9a-f]*\n$/);
        if (example.args.includes("-base64")) expect(bytes).toMatch(/^([A-Za-z0-9+/=]{1,64}\n)+$/);
        return;
      }
      // OpenSSL (Node's crypto) opens what the sandbox encrypted, with the padding the arguments chose.
      const oaep = example.args.includes("rsa_padding_mode:oaep");
      const key = createPrivateKey(Buffer.from(recorded.files["wrapping.pem"]!, "base64"));
      const opened = oaep
        ? privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: example.args.includes("rsa_oaep_md:sha256") ? "sha256" : "sha1" }, stdout)
        : openPkcs1(key.export({ format: "jwk" }), stdout);
      expect(opened.equals(Buffer.from(example.input, "base64"))).toBe(true);
    });
  }
});

describe("openssl in the envelope-encryption round trip", () => {
  it("decrypts what it encrypted with a random salt, and the same seed gives the same bytes", () => {
    const run = () => {
      const session = createSandbox({ scenario: "empty", seed: 5 });
      session.runSync("openssl rand 32 > data.key && echo 'card 4111' > data.txt");
      session.runSync("openssl enc -aes-256-cbc -pbkdf2 -pass file:data.key -in data.txt -out data.enc");
      return { session, encrypted: Buffer.from(session.fs.readFile(`${session.home()}/data.enc`)).toString("hex") };
    };
    const first = run();
    expect(first.encrypted.startsWith(Buffer.from("Salted__").toString("hex"))).toBe(true);
    expect(run().encrypted).toBe(first.encrypted);
    expect(first.session.runSync("openssl enc -d -aes-256-cbc -pbkdf2 -pass file:data.key -in data.enc").stdout).toBe("card 4111\n");
    expect(first.session.runSync("openssl rand -hex 16").stdout).toMatch(/^[0-9a-f]{32}\n$/);
    expect(first.session.runSync("openssl rand -base64 48").stdout).toMatch(/^[A-Za-z0-9+/]{64}\n$/);
  });
});

/**
 * RSAES-PKCS1-v1_5 decryption (RFC 8017 §7.2.2) with the private exponent
 * Node exports, because Node no longer decrypts PKCS #1 v1.5 (CVE-2023-46809).
 */
function openPkcs1(jwk: { n?: string; d?: string }, ciphertext: Buffer): Buffer {
  const big = (text: string) => BigInt(`0x${Buffer.from(text, "base64url").toString("hex")}`);
  const n = big(jwk.n!);
  let m = 1n;
  let base = BigInt(`0x${ciphertext.toString("hex")}`) % n;
  for (let exponent = big(jwk.d!); exponent > 0n; exponent >>= 1n) {
    if (exponent & 1n) m = (m * base) % n;
    base = (base * base) % n;
  }
  const encoded = Buffer.from(m.toString(16).padStart(ciphertext.length * 2, "0"), "hex");
  const separator = encoded.indexOf(0, 2);
  expect([encoded[0], encoded[1]]).toEqual([0, 2]);
  expect(separator).toBeGreaterThanOrEqual(10);
  return encoded.subarray(separator + 1);
}
