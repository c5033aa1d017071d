import { describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/sandbox/shell";
import { rangeErrorMessage } from "@/lib/sandbox/shell/messages";
import { newSession, sh } from "./helpers";

/** Every input gets an answer and a status; nothing can hang or crash the page. */

describe("bash's messages and statuses", () => {
  it("unknown commands: 127", () => {
    expect(sh("foo --bar")).toMatchObject({ stderr: "bash: foo: command not found\n", exitCode: 127 });
  });

  it("syntax errors: 2", () => {
    expect(sh("fi")).toMatchObject({ stderr: "bash: syntax error near unexpected token `fi'\n", exitCode: 2 });
    expect(sh("echo $?\nfi\necho $?").stdout).toBe("0\n2\n");
  });

  it("missing files: coreutils' wording, 1", () => {
    expect(sh("cat nope.txt")).toMatchObject({ stderr: "cat: nope.txt: No such file or directory\n", exitCode: 1 });
  });

  it("a script path that does not exist: 127; a directory: 126", () => {
    expect(sh("./nope.sh")).toMatchObject({ stderr: "bash: ./nope.sh: No such file or directory\n", exitCode: 127 });
    expect(sh("mkdir d; ./d")).toMatchObject({ stderr: "bash: ./d: Is a directory\n", exitCode: 126 });
  });

  it("programs by their full path", () => {
    expect(sh("/bin/echo hi; /usr/bin/printf 'x\\n'").stdout).toBe("hi\nx\n");
  });
});

describe("sandbox limits", () => {
  it("stops an endless loop with a clear message", () => {
    const result = sh("while true; do :; done; echo after");
    expect(result.stderr).toBe(`bash: loop stopped after ${LIMITS.maxIterations} iterations (sandbox limit)\n`);
    expect(result.stdout).toBe("");
    expect(result.exitCode).toBe(1);
  });

  it("stops runaway output", () => {
    const result = sh("seq 1 100000000");
    expect(result.stderr).toContain("sandbox limit");
    expect(result.exitCode).toBe(1);
  });

  it("stops endless recursion", () => {
    expect(sh("f() { f; }; f").stderr).toBe("bash: f: maximum function nesting level exceeded (100)\n");
  });

  it("stops a hex dump where the output limit would, before building all of it", () => {
    const result = sh("head -c 6000000 /dev/zero > big.bin; xxd big.bin | tail -1");
    expect(result.stderr).toBe("bash: output stopped after 16 MiB (sandbox limit)\n");
    expect(result.stdout).toBe("");
  });

  it("stops a variable that doubles forever", () => {
    const result = sh("x=ab; while true; do x=$x$x; done");
    expect(result.stderr).toContain("sandbox limit");
  });

  it("stops a script that sources itself", () => {
    expect(sh("echo 'source me.sh' > me.sh; source me.sh").stderr).toContain("sandbox limit");
  });

  it("keeps working after a limit", () => {
    const session = newSession();
    sh("while :; do :; done", session);
    expect(sh("echo fine", session)).toMatchObject({ stdout: "fine\n", exitCode: 0 });
  });
});

describe("names that are also JavaScript object members", () => {
  it("are ordinary unknown names, never internals", async () => {
    const session = newSession();
    for (const [line, expected] of [
      ["help constructor", "bash: help: no help topics match `constructor'."],
      ["echo abc | tr '[:constructor:]' x", ""],
      ["echo abc | grep '[[:toString:]]'", ""],
    ] as const) {
      const result = await session.run(line);
      expect(result.stdout + result.stderr).not.toContain("[native code]");
      if (expected) expect(result.stderr).toContain(expected);
    }
  });
});

describe("JavaScript's RangeErrors", () => {
  it("are called recursion only when the call stack ran out", () => {
    const overflow = (() => {
      try {
        const f = (): number => f() + 1;
        return f();
      } catch (error) {
        return error as RangeError;
      }
    })() as RangeError;
    expect(rangeErrorMessage(overflow)).toBe("maximum recursion depth exceeded (sandbox limit)");
    expect(rangeErrorMessage(new RangeError("Invalid string length"))).toMatch(/^out of memory: .*\(sandbox limit\)$/);
    expect(rangeErrorMessage(new RangeError("Invalid time value"))).toBeUndefined();
    expect(rangeErrorMessage(new RangeError("toString() radix must be between 2 and 36"))).toBeUndefined();
  });
});
