import { describe, expect, it } from "vitest";
import { newSession, sh } from "../helpers";

const out = (text: string) => sh(text).stdout;

describe("base64", () => {
  it("encodes, wrapping at 76 characters like GNU (-w 0: one line)", () => {
    const long = "x".repeat(100);
    expect(out(`printf '${long}' | base64`)).toBe(`${"eHh4".repeat(19)}\n${"eHh4".repeat(14)}eA==\n`);
    expect(out(`printf '${long}' | base64 -w 0`)).toBe(`${"eHh4".repeat(33)}eA==\n`);
    expect(out("printf hello | base64 -w 4")).toBe("aGVs\nbG8=\n");
  });

  it("decodes with -d and --decode, across lines", () => {
    expect(out("echo SGVsbG8s | base64 -d; printf 'S0\\n1T\\nIQ==\\n' | base64 --decode; echo")).toBe("Hello,KMS!\n");
  });

  it("reports invalid input after writing what it could decode", () => {
    expect(sh("echo aGk | base64 -d")).toMatchObject({ stdout: "hi", stderr: "base64: invalid input\n", exitCode: 1 });
    expect(sh("echo 'a b' | base64 -d")).toMatchObject({ stdout: "", exitCode: 1 });
  });

  it("round-trips binary files", () => {
    const session = newSession();
    session.fs.writeFile("bin", Uint8Array.from({ length: 256 }, (_, index) => index));
    sh("base64 bin > bin.b64; base64 -d bin.b64 > back", session);
    expect(Array.from(session.fs.readFile("back"))).toEqual(Array.from({ length: 256 }, (_, index) => index));
  });
});

describe("xxd and hexdump", () => {
  it("xxd shows offsets, hex pairs and text; -p plain hex; -r -p back to bytes", () => {
    expect(out("xxd plaintext.txt; xxd -p plaintext.txt; echo 48690a | xxd -r -p")).toBe("00000000: 4865 6c6c 6f2c 204b 4d53 210a            Hello, KMS!.\n48656c6c6f2c204b4d53210a\nHi\n");
  });

  it("hexdump -C shows the canonical layout, collapsing repeated lines", () => {
    expect(out("hexdump -C plaintext.txt")).toBe("00000000  48 65 6c 6c 6f 2c 20 4b  4d 53 21 0a              |Hello, KMS!.|\n0000000c\n");
    expect(out("printf 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' | hexdump -C")).toBe(
      "00000000  41 41 41 41 41 41 41 41  41 41 41 41 41 41 41 41  |AAAAAAAAAAAAAAAA|\n*\n00000020  41 41 41 41 41 41 41 41                           |AAAAAAAA|\n00000028\n",
    );
  });
});

describe("checksums", () => {
  it("sha256sum prints the digest and the name, - for standard input", () => {
    expect(out("sha256sum plaintext.txt; printf 'hi\\n' | sha256sum")).toBe(
      "55497b3e58c279e38b819515472e85d3a61b5330de7aa16e50df085fa502df68  plaintext.txt\n98ea6e4f216f2fb4b69fff9b3a44842c38686ca685f3f55dc48c5d3fb1107be4  -\n",
    );
  });

  it("checks digests with -c", () => {
    expect(out("sha256sum plaintext.txt > sums; sha256sum -c sums; echo changed > plaintext.txt; sha256sum -c sums")).toBe("plaintext.txt: OK\nplaintext.txt: FAILED\n");
  });
});
