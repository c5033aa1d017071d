import { describe, expect, it } from "vitest";
import { newSession, sh } from "../helpers";

/**
 * /dev/zero and /dev/urandom. What bash and coreutils print for them is in
 * the recorded transcripts (bash-conformance.test.ts); these are the parts
 * only the sandbox has: its random bytes come from the session's seed, and an
 * endless device read to its end is refused with a message instead of never
 * ending.
 */
describe("devices", () => {
  it("/dev/urandom gives the seeded generator's bytes: the same session seed, the same key", () => {
    const key = () => sh("head -c 32 /dev/urandom | xxd -p -c 64", newSession()).stdout;
    expect(key()).toMatch(/^[0-9a-f]{64}\n$/);
    expect(key()).toBe(key());
    const session = newSession();
    expect(sh("head -c 8 /dev/urandom | xxd -p", session).stdout).not.toBe(sh("head -c 8 /dev/urandom | xxd -p", session).stdout);
  });

  it("says why it cannot read an endless device to its end, rather than hanging or inventing an end", () => {
    const result = sh("cat /dev/zero | wc -c", newSession());
    expect(result.stderr).toBe("cat: /dev/zero: endless device: the sandbox reads it only a given number of bytes at a time (head -c N)\n");
    expect(result.stdout).toBe("0\n");
  });

  it("is listed in /dev and takes writes like /dev/null", () => {
    const session = newSession();
    expect(sh("ls /dev | cat", session).stdout).toBe("null\nrandom\nurandom\nzero\n");
    expect(sh("echo x > /dev/urandom && echo ok", session).stdout).toBe("ok\n");
  });
});
