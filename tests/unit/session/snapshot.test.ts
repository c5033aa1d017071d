import { describe, expect, it } from "vitest";
import { createSandbox, SESSION_FORMAT, SESSION_VERSION } from "@/lib/sandbox";

/** Export, import, reload: the whole session as JSON, and nothing changes on a bad import. */

function busySession() {
  const session = createSandbox({ scenario: "chapter-27", seed: 4, now: "2026-01-01T00:00:00Z" });
  session.runSync("aws kms encrypt --key-id 1234abcd-12ab-34cd-56ef-1234567890ab --plaintext fileb://plaintext.txt --output text --query CiphertextBlob | base64 -d > encrypted.txt");
  session.runSync("mkdir -p work/sub; cd work; export STAGE=test; COLOR=blue; greet() { echo \"hi $1\"; }; set -o pipefail");
  session.runSync("clock advance 2h");
  return session;
}

describe("session snapshots", () => {
  it("are versioned plain JSON holding engine, files, variables, functions, history and scenario", () => {
    const snapshot = busySession().snapshot();
    expect(snapshot).toMatchObject({ format: SESSION_FORMAT, version: SESSION_VERSION, scenario: "chapter-27" });
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot.shell.functions).toEqual(['greet() { echo "hi $1"; }']);
    expect(snapshot.shell.history).toHaveLength(3);
  });

  it("round-trip: a restored session carries on exactly where the saved one was", () => {
    const original = busySession();
    const copy = createSandbox({ scenario: "empty", seed: 99 });
    copy.restore(JSON.parse(JSON.stringify(original.snapshot())));
    expect(copy.scenario).toBe("chapter-27");
    const probe = "pwd; echo $STAGE $COLOR; greet you; clock; false | true; echo $?; env | grep -c COLOR; history | wc -l";
    expect(copy.runSync(probe)).toEqual(original.runSync(probe));
    const decrypt = "cd; aws kms decrypt --ciphertext-blob fileb://encrypted.txt --output text --query Plaintext | base64 -d";
    expect(copy.runSync(decrypt).stdout).toBe("Hello, KMS!\n");
    expect(original.runSync(decrypt).stdout).toBe("Hello, KMS!\n");
    const json = (value: unknown) => JSON.parse(JSON.stringify(value));
    expect(json(copy.snapshot())).toEqual(json(original.snapshot()));
  });

  it("continue the same random sequence after a restore", () => {
    const original = busySession();
    const copy = createSandbox({ scenario: "empty" });
    copy.restore(original.snapshot());
    const next = "aws kms create-key --query KeyMetadata.KeyId --output text";
    expect(copy.runSync(next).stdout).toBe(original.runSync(next).stdout);
  });

  it.each([
    ["not an object", "hello", "This is not a sandbox session export"],
    ["null", null, "This is not a sandbox session export"],
    ["another format", { format: "keystone-sandbox", version: 1 }, 'it has no "format": "keystone-session"'],
    ["a future version", { format: SESSION_FORMAT, version: 2 }, "This export has format version 2; this sandbox reads version 1."],
  ])("refuse %s with a clear message", (_, value, message) => {
    const session = createSandbox({ scenario: "empty" });
    expect(() => session.restore(value)).toThrow(message);
  });

  it("refuse a damaged export and leave the session exactly as it was", () => {
    const session = busySession();
    const before = session.snapshot();
    const damage = (change: (snapshot: ReturnType<typeof session.snapshot>) => void) => {
      const copy = structuredClone(before);
      change(copy);
      return copy;
    };
    const broken = [
      damage((snapshot) => void ((snapshot.shell as { history: unknown }).history = "oops")),
      damage((snapshot) => void (snapshot.files.entries[0] = { path: "/x/y/z", type: "file", modifiedAt: 0, base64: "" })),
      damage((snapshot) => void snapshot.files.entries.push({ path: "/home/learner/bad", type: "file", modifiedAt: 0, base64: "%%%" })),
      damage((snapshot) => void ((snapshot.engine as { now: unknown }).now = "yesterday")),
      damage((snapshot) => void (snapshot.shell.functions = ["echo not a function"])),
    ];
    for (const snapshot of broken) {
      expect(() => session.restore(snapshot)).toThrow(/^The export is damaged: /);
      expect(session.snapshot()).toEqual(before);
    }
  });
});
