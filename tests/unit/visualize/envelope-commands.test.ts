import { describe, expect, it } from "vitest";
import { createSandbox } from "@/lib/sandbox";
import { decryptDataKeyCode, generateDataKeyCode, parseContext, storeEnvelopeCode } from "@/lib/visualize/envelope/commands";
import { sealEnvelope } from "@/lib/visualize/envelope/explorer";

/** The explorer's CLI lines run verbatim in the sandbox and do what the step says. */

const KEY = "1234abcd-12ab-34cd-56ef-1234567890ab";

describe("the envelope explorer's commands", () => {
  it("generate-data-key runs as printed and returns a 32-byte data key", async () => {
    const session = createSandbox({ scenario: "chapter-27", seed: 1, now: "2026-02-01T00:00:00Z" });
    const contexts: Record<string, string>[] = [{}, { dept: "finance" }, { dept: "finance", "project id": "a=b, c" }];
    for (const context of contexts) {
      const { cli } = generateDataKeyCode(KEY, context);
      const result = await session.run(`${cli!} --query Plaintext --output text | base64 --decode | wc -c`);
      expect(result.stderr, cli).toBe("");
      expect(result.stdout.trim(), cli).toBe("32");
    }
  });

  it("decrypt gives back the data key of the stored envelope, and cat shows the envelope", async () => {
    const session = createSandbox({ scenario: "chapter-27", seed: 1, now: "2026-02-01T00:00:00Z" });
    const contexts: Record<string, string>[] = [{ dept: "finance" }, { "odd key": "x,y=z" }];
    for (const context of contexts) {
      const sealed = sealEnvelope(session.engine, session.fs, { keyId: KEY, context, data: new Uint8Array([1, 2, 3]), name: "odd name.bin" });
      if (!sealed.ok) throw new Error(sealed.failure.message);
      const decrypted = await session.run(decryptDataKeyCode(sealed.envelope.keyFile, context).cli!);
      expect(decrypted.stdout.trim()).toBe(sealed.envelope.plaintextKey);
      expect((await session.run(storeEnvelopeCode(sealed.envelope.envelopeFile).cli!)).stdout).toBe(sealed.envelope.envelopeJson);
    }
  });

  it("reads an encryption context from key=value lines and says what is wrong with a bad one", () => {
    expect(parseContext("dept=finance\n project = q4 ")).toEqual({ ok: true, context: { dept: "finance", project: "q4" } });
    expect(parseContext("dept=finance, team=ops")).toEqual({ ok: true, context: { dept: "finance", team: "ops" } });
    expect(parseContext("")).toEqual({ ok: true, context: {} });
    expect(parseContext("dept")).toEqual({ ok: false, message: '"dept" is not key=value.' });
    expect(parseContext("a=1\na=2")).toMatchObject({ ok: false });
  });
});
