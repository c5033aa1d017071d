import { describe, expect, it } from "vitest";
import { encoder, newSession, sh, stubAws, type AwsCall } from "./helpers";

/** Where output goes and where input comes from: bytes end to end. */

describe("redirects", () => {
  it("writes with >, appends with >>, reads with <", () => {
    const session = newSession();
    expect(sh("echo one > f; echo two >> f; cat < f; echo three > f; cat f", session).stdout).toBe("one\ntwo\nthree\n");
  });

  it("creates an empty file for a redirect of nothing", () => {
    const session = newSession();
    sh("> empty.txt", session);
    expect(session.fs.stat("empty.txt")).toMatchObject({ type: "file", size: 0 });
  });

  it("sends stderr to a file with 2>, to stdout with 2>&1, both with &>", () => {
    const session = newSession();
    const result = sh("cat nope 2> err.txt; cat err.txt; cat nope 2>&1 | tr a-z A-Z; cat nope plaintext.txt &> both.txt; cat both.txt", session);
    expect(result.stdout).toBe("cat: nope: No such file or directory\nCAT: NOPE: NO SUCH FILE OR DIRECTORY\ncat: nope: No such file or directory\nHello, KMS!\n");
    expect(result.stderr).toBe("");
  });

  it("applies redirects from left to right", () => {
    expect(sh("{ echo out; echo err >&2; } 2>&1 >/dev/null | cat").stdout).toBe("err\n");
  });

  it("discards into /dev/null and reads nothing from it", () => {
    expect(sh("echo gone > /dev/null; cat /dev/null; wc -c < /dev/null").stdout).toBe("0\n");
  });

  it("feeds here-documents and here-strings", () => {
    expect(sh("x=5\ncat <<EOF\nx=$x $((x+1))\nEOF\ncat <<'EOF'\n$x stays\nEOF\ncat <<-EOF\n\ttabs go\n\tEOF\ntr a-z A-Z <<< \"here $x\"").stdout).toBe("x=5 6\n$x stays\ntabs go\nHERE 5\n");
  });

  it("reports files it cannot open, in bash's words, and skips the command", () => {
    expect(sh("echo x > /nope/f; echo $?")).toMatchObject({ stdout: "1\n", stderr: "bash: /nope/f: No such file or directory\n" });
    expect(sh("echo x > /tmp").stderr).toBe("bash: /tmp: Is a directory\n");
    expect(sh("cat < nope").stderr).toBe("bash: nope: No such file or directory\n");
    expect(sh("echo a 1>&3").stderr).toBe("bash: 3: Bad file descriptor\n");
    expect(sh("x='a b'; echo hi > $x").stderr).toBe("bash: $x: ambiguous redirect\n");
  });
});

describe("pipes", () => {
  it("connect stdout to stdin, left to right", () => {
    expect(sh("printf 'b\\na\\nb\\n' | sort | uniq -c | sort -rn").stdout).toBe("      2 b\n      1 a\n");
  });

  it("run each part in a subshell", () => {
    expect(sh("x=1; echo 2 | read x; echo $x").stdout).toBe("1\n");
  });

  it("take stderr too with |&", () => {
    expect(sh("cat nope |& wc -l").stdout).toBe("1\n");
  });

  it("carry bytes: binary data survives pipes and redirects", () => {
    const session = newSession();
    const result = sh("printf '\\x00\\xff\\xfe\\x80' > bin; base64 bin; base64 bin | base64 -d > copy; cmp_out=$(xxd -p copy); echo $cmp_out; cat bin | sha256sum", session);
    expect(result.stdout.split("\n").slice(0, 2)).toEqual(["AP/+gA==", "00fffe80"]);
    expect(Array.from(session.fs.readFile("copy"))).toEqual([0x00, 0xff, 0xfe, 0x80]);
  });
});

describe("the aws command in pipes", () => {
  it("receives its arguments, the exported environment and standard input; its bytes go on unchanged", () => {
    const calls: AwsCall[] = [];
    const blob = Uint8Array.from([1, 2, 250, 251, 0, 10]);
    const session = newSession({
      runAwsCli: stubAws(calls, (argv) =>
        argv[1] === "encrypt"
          ? { stdout: encoder.encode(Buffer.from(blob).toString("base64") + "\n"), stderr: new Uint8Array(0), exitCode: 0 }
          : { stdout: encoder.encode("{}\n"), stderr: new Uint8Array(0), exitCode: 0 },
      ),
    });
    sh("aws kms encrypt --key-id alias/my-key --plaintext fileb://plaintext.txt --output text --query CiphertextBlob | base64 --decode > encrypted.txt", session);
    expect(Array.from(session.fs.readFile("encrypted.txt"))).toEqual(Array.from(blob));
    expect(calls[0]?.argv).toEqual(["kms", "encrypt", "--key-id", "alias/my-key", "--plaintext", "fileb://plaintext.txt", "--output", "text", "--query", "CiphertextBlob"]);
    expect(calls[0]?.env["AWS_DEFAULT_REGION"]).toBe("us-east-1");
    sh("echo '{}' | AWS_DEFAULT_OUTPUT=text aws sts get-caller-identity --cli-input-json file:///dev/stdin", session);
    expect(calls[1]?.env["AWS_DEFAULT_OUTPUT"]).toBe("text");
    expect(new TextDecoder().decode(calls[1]?.stdin)).toBe("{}\n");
  });

  it("passes on the CLI's exit status and error text", () => {
    const session = newSession({ runAwsCli: stubAws([], () => ({ stdout: new Uint8Array(0), stderr: encoder.encode("\naws: error: the following arguments are required: --key-id\n"), exitCode: 252 })) });
    expect(sh("aws kms describe-key", session)).toMatchObject({ exitCode: 252, stderr: "\naws: error: the following arguments are required: --key-id\n" });
  });
});
