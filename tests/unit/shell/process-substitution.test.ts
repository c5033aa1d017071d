import { describe, expect, it } from "vitest";
import { newSession } from "./helpers";

/**
 * `<(...)` beyond what the bash transcripts show (bash-transcripts/cases.json
 * holds the recorded behaviour: /dev/fd/63 and 62, diff and cmp of two
 * commands, `done < <(...)`, nesting): the files live only while the command
 * that made them runs, `>(...)` is refused in words the learner can act on,
 * and the aws command reads a substitution like any file.
 */
describe("process substitution", () => {
  it("leaves no file behind once the command has run", () => {
    const session = newSession();
    expect(session.runSync("cat <(echo one) <(echo two)").stdout).toBe("one\ntwo\n");
    expect(session.runSync("ls /dev").stdout).toBe("null  random  urandom  zero\n");
    expect(session.runSync("[ -e /dev/fd/63 ] && echo left || echo gone").stdout).toBe("gone\n");
    expect(session.fs.stat("/dev/fd")).toBeUndefined();
  });

  it("keeps the file for the whole compound command that expanded it", () => {
    const session = newSession();
    const result = session.runSync("while read -r n; do [ -e /dev/fd/63 ] && echo \"$n open\"; done < <(printf '1\\n2\\n')");
    expect(result.stdout).toBe("1 open\n2 open\n");
    expect(session.fs.stat("/dev/fd")).toBeUndefined();
  });

  it("refuses >(...) with a message and status 1, as an expansion error ends the line, running nothing of it", () => {
    const session = newSession();
    const result = session.runSync("echo ran >(cat); echo after");
    expect([result.stdout, result.stderr]).toEqual(["", "bash: process substitution >(...) is not supported in the sandbox (<(...) is)\n"]);
    expect(session.runSync("echo \"status $?\"").stdout).toBe("status 1\n");
  });

  it("stops the line with a message, not an internal error, when the file cannot be made (/dev/fd is a file)", () => {
    const session = newSession();
    session.runSync("echo x > /dev/fd");
    const result = session.runSync("cat <(echo hi); echo after");
    expect([result.stdout, result.stderr]).toEqual(["", "bash: /dev/fd/63: File exists\n"]);
  });

  it("gives the aws command a file to read: fileb://<(...)", () => {
    const session = newSession({ realCli: true });
    const key = session.runSync("aws kms create-key --query KeyMetadata.KeyId --output text").stdout.trim();
    const result = session.runSync(`aws kms decrypt --ciphertext-blob fileb://<(aws kms encrypt --key-id ${key} --plaintext fileb://<(printf secret) --query CiphertextBlob --output text | base64 -d) --query Plaintext --output text | base64 -d`);
    expect([result.stdout, result.stderr]).toEqual(["secret", ""]);
  });
});
