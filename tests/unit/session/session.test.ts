import { describe, expect, it } from "vitest";
import { createSandbox, SCENARIOS } from "@/lib/sandbox";

/** The session: what a terminal and the headless runner drive. */

describe("createSandbox", () => {
  it("starts the chapter-27 scenario by default, in the home directory, with the learner's environment", async () => {
    const session = createSandbox({ seed: 1, now: "2026-01-01T00:00:00Z" });
    expect(session.scenario).toBe("chapter-27");
    expect(session.cwd()).toBe("/home/learner");
    expect(session.home()).toBe("/home/learner");
    const { stdout } = await session.run("env | sort");
    expect(stdout).toContain("AWS_DEFAULT_REGION=us-east-1\n");
    expect(stdout).toContain("HOME=/home/learner\n");
    expect(stdout).toContain("USER=learner\n");
    expect(stdout).toContain("PWD=/home/learner\n");
  });

  it("refuses an unknown scenario", () => {
    expect(() => createSandbox({ scenario: "nope" as never })).toThrow('There is no scenario "nope"');
    expect(SCENARIOS.map((scenario) => scenario.name)).toEqual(["chapter-27", "empty", "broken-app", "parameter-access", "integrations"]);
  });

  it("run() answers stdout, stderr and the exit code as strings (DESIGN's contract)", async () => {
    const session = createSandbox({ scenario: "empty", seed: 1 });
    await expect(session.run("echo out; echo err >&2; false")).resolves.toEqual({ stdout: "out\n", stderr: "err\n", exitCode: 1, output: "out\nerr\n" });
  });

  it("keeps state between command lines: files, variables, directory", async () => {
    const session = createSandbox({ scenario: "empty", seed: 1 });
    await session.run("mkdir work; cd work; X=1; echo data > f");
    expect(await session.run("pwd; echo $X; cat f")).toMatchObject({ stdout: "/home/learner/work\n1\ndata\n" });
    expect(session.cwd()).toBe("/home/learner/work");
  });

  it("is reproducible with a seed and a start time", () => {
    const run = () => createSandbox({ scenario: "empty", seed: 9, now: "2026-05-01T00:00:00Z" }).runSync("aws kms create-key --query KeyMetadata.KeyId --output text").stdout;
    expect(run()).toBe(run());
  });

  it("keeps a history of command lines (not blank ones, not repeats, not lines starting with a space)", () => {
    const session = createSandbox({ scenario: "empty" });
    for (const line of ["echo a", "", "echo a", " secret", "for i in 1; do\necho $i\ndone"]) session.runSync(line);
    expect(session.history()).toEqual(["echo a", "for i in 1; do\necho $i\ndone"]);
  });

  it("tells the terminal when a line needs more input", () => {
    const session = createSandbox({ scenario: "empty" });
    expect(session.needsMoreInput("if true; then")).toBe(true);
    expect(session.needsMoreInput("echo 'open")).toBe(true);
    expect(session.needsMoreInput("echo done")).toBe(false);
  });

  it("keeps binary output intact in runBytes", () => {
    const session = createSandbox({ scenario: "empty" });
    expect(Array.from(session.runBytes("printf '\\xff\\x00'").stdout)).toEqual([0xff, 0]);
  });
});

describe("completion", () => {
  const session = createSandbox({ scenario: "chapter-27", seed: 1 });
  session.runSync("mkdir -p docs/notes; touch docs/a.md 'my file.txt'; MY_VAR=1");

  it("completes command names where a command starts", () => {
    expect(session.complete("ech", 3)).toEqual({ start: 0, end: 3, candidates: ["echo"] });
    expect(session.complete("ls | so", 7)).toEqual({ start: 5, end: 7, candidates: ["sort", "source"] });
  });

  it("completes file names, directories with a slash, and escapes blanks", () => {
    expect(session.complete("cat pla", 7)).toEqual({ start: 4, end: 7, candidates: ["plaintext.txt"] });
    expect(session.complete("cd do", 5)).toEqual({ start: 3, end: 5, candidates: ["docs/"] });
    expect(session.complete("cat docs/", 9)).toEqual({ start: 4, end: 9, candidates: ["docs/a.md", "docs/notes/"] });
    expect(session.complete("cat my", 6)).toEqual({ start: 4, end: 6, candidates: ["my\\ file.txt"] });
    expect(session.complete("echo x > pl", 11)?.candidates).toEqual(["plaintext.txt"]);
  });

  it("completes variables", () => {
    expect(session.complete("echo $MY_", 9)).toEqual({ start: 5, end: 9, candidates: ["$MY_VAR"] });
  });

  it("completes fileb:// and file:// paths", () => {
    expect(session.complete("aws kms encrypt --plaintext fileb://pl", 38)).toEqual({ start: 28, end: 38, candidates: ["fileb://plaintext.txt"] });
  });

  it("asks the CLI for the aws command's words", () => {
    expect(session.complete("aws km", 6)?.candidates).toEqual(["kms"]);
    expect(session.complete("aws kms create-al", 17)?.candidates).toEqual(["create-alias"]);
    expect(session.complete("aws kms list-keys --out", 23)?.candidates).toContain("--output");
  });

  it("completes at the cursor, not at the end of the line", () => {
    expect(session.complete("ech plaintext.txt", 3)).toEqual({ start: 0, end: 3, candidates: ["echo"] });
  });

  it("offers nothing when nothing fits", () => {
    expect(session.complete("zzz", 3)).toBeUndefined();
  });
});
