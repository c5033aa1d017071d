import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** The headless runner: `npm run --silent sandbox -- [--scenario NAME] [--json] FILE`. */

const SCRIPT = ["echo hello", "for i in 1 2; do", "  echo $i", "done", "", "cat nope", "echo one \\", "  two", "printf 'no newline'", "aws kms describe-key --key-id 1234abcd-12ab-34cd-56ef-1234567890ab --query KeyMetadata.KeyState --output text", ""].join("\n");

function runner(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/sandbox-runner.ts", ...args], { encoding: "utf8", input, cwd: process.cwd(), timeout: 60_000 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

function scriptFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "runner-")), "commands.sh");
  writeFileSync(file, text);
  return file;
}

describe("the headless runner", () => {
  it("prints what the terminal shows: the prompt and command, then its output", () => {
    const result = runner(["--seed", "1", scriptFile(SCRIPT)]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        "$ echo hello",
        "hello",
        "$ for i in 1 2; do",
        ">   echo $i",
        "> done",
        "1",
        "2",
        "$ cat nope",
        "cat: nope: No such file or directory",
        "$ echo one \\",
        ">   two",
        "one two",
        "$ printf 'no newline'",
        "no newline",
        "$ aws kms describe-key --key-id 1234abcd-12ab-34cd-56ef-1234567890ab --query KeyMetadata.KeyState --output text",
        "Enabled",
        "",
      ].join("\n"),
    );
  });

  it("prints one JSON object per command line with --json, and reads standard input for -", () => {
    const result = runner(["--json", "--scenario", "empty", "-"], SCRIPT);
    const lines = result.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines.map((line) => Object.keys(line))).toEqual(lines.map(() => ["command", "exitCode", "stdout", "stderr"]));
    expect(lines[1]).toEqual({ command: "for i in 1 2; do\n  echo $i\ndone", exitCode: 0, stdout: "1\n2\n", stderr: "" });
    expect(lines[2]).toEqual({ command: "cat nope", exitCode: 1, stdout: "", stderr: "cat: nope: No such file or directory\n" });
    // The empty scenario has no key 1234abcd-...: the CLI's error, status 254.
    expect(lines[5]).toMatchObject({ exitCode: 254, stderr: expect.stringContaining("NotFoundException") });
  });

  it("runs all lines in one session and reports an unfinished last command as bash does", () => {
    const result = runner(["--json", "--scenario", "empty", scriptFile("X=1\ncd /tmp\necho $X $PWD\necho 'open\n")]);
    const lines = result.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines[2].stdout).toBe("1 /tmp\n");
    expect(lines[3]).toMatchObject({ exitCode: 2, stderr: "bash: unexpected EOF while looking for matching `''\n" });
  });

  it("explains its usage errors", () => {
    expect(runner(["--scenario", "nope", "x"])).toMatchObject({ status: 2, stderr: expect.stringContaining("unknown scenario nope") });
    expect(runner([])).toMatchObject({ status: 2, stderr: expect.stringContaining("FILE is missing") });
    expect(runner(["/no/such/file"])).toMatchObject({ status: 2, stderr: expect.stringContaining("cannot read /no/such/file") });
  });
});
