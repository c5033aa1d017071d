import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSandbox } from "@/lib/sandbox/create-sandbox";

/**
 * The sandbox's `openssl` against what Debian's OpenSSL 3.0 printed for the
 * same arguments and input (record.sh; keys, IVs and salts fixed so that
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
      const result = session.runBytes(`openssl ${quoted} < input`);
      const stdout = Buffer.from(result.stdout);
      const stderr = Buffer.from(result.stderr).toString("utf8");
      expect({ status: result.exitCode, stdout: stdout.toString("base64"), stderr: threadless(stderr) }).toEqual({ status: example.status, stdout: example.stdout, stderr: threadless(Buffer.from(example.stderr, "base64").toString("utf8")) });
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
