import { describe, expect, it } from "vitest";
import { createSandbox } from "@/lib/sandbox/create-sandbox";
import type { SandboxSession } from "@/lib/sandbox/session";
import { DEFAULT_QUOTA, FsError, MemoryFileSystem, NAME_MAX, PATH_MAX } from "@/lib/sandbox/vfs";

/**
 * The learner's files cannot grow past what a session can save: Linux's
 * NAME_MAX (255 bytes) and PATH_MAX (4096 bytes with its NUL) hold, and a
 * quota of 64 MiB and 20,000 files and directories, like a small tmpfs.
 * (The messages themselves are checked against bash and coreutils in
 * tests/unit/shell/bash-transcripts and full-disk-transcripts.)
 */

const bytes = (text: string) => new TextEncoder().encode(text);

function fresh(): SandboxSession {
  return createSandbox({ scenario: "empty", seed: 1, now: "2026-01-01T00:00:00Z" });
}

/** The session saves to JSON and loads into another session, which carries on in the same place. */
function expectSavesAndLoads(session: SandboxSession): void {
  const json = JSON.stringify(session.snapshot());
  const copy = fresh();
  copy.restore(JSON.parse(json));
  expect(copy.runSync("pwd").stdout).toBe(session.runSync("pwd").stdout);
  expect(copy.fs.usage()).toMatchObject({ bytes: session.fs.usage().bytes, entries: session.fs.usage().entries });
}

function fsError(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof FsError) return `${error.code} ${error.path}`;
    throw error;
  }
  return "no error";
}

describe("deep and long paths", () => {
  it("a loop that makes 8,000 nested folders stops at PATH_MAX with mkdir's message, and the session still saves", () => {
    const session = fresh();
    const result = session.runSync("for i in $(seq 8000); do mkdir a && cd a || break; done; echo \"stopped at $i\"; pwd | wc -c");
    expect(result.stderr).toBe("mkdir: cannot create directory ‘a’: File name too long\n");
    const [stopped, pwdLength] = result.stdout.trim().split("\n");
    // /home/learner plus "/a" for each level, below 4096 bytes with the NUL.
    expect(stopped).toBe("stopped at 2042");
    expect(Number(pwdLength) - 1).toBe(13 + 2 * 2041);
    expect(Number(pwdLength) - 1).toBeLessThan(PATH_MAX);
    expectSavesAndLoads(session);
    expect(session.runSync("cd; echo ok").stdout).toBe("ok\n");
  });

  it("mkdir -p of an 8,000-level path makes what fits and names the part that does not", () => {
    const session = fresh();
    const result = session.runSync("mkdir -p $(printf 'a/%.0s' {1..8000}); echo $?");
    expect(result.stdout).toBe("1\n");
    const named = /^mkdir: cannot create directory ‘(.*)’: File name too long\n$/.exec(result.stderr)?.[1] ?? "";
    // The first prefix whose absolute path (/home/learner/...) reaches PATH_MAX bytes.
    expect(named).toBe(Array(2042).fill("a").join("/"));
    expect(`/home/learner/${named}`.length).toBeGreaterThanOrEqual(PATH_MAX);
    expect(session.fs.stat(named.slice(0, -2))?.type).toBe("directory");
    expectSavesAndLoads(session);
  });

  it("refuses names over NAME_MAX bytes (UTF-8) and paths of PATH_MAX bytes, whatever the call", () => {
    const fs = new MemoryFileSystem();
    const long = "x".repeat(NAME_MAX + 1);
    const wide = "é".repeat(128);
    fs.mkdir("x".repeat(NAME_MAX));
    expect(fsError(() => fs.mkdir(long))).toBe(`ENAMETOOLONG ${long}`);
    expect(fsError(() => fs.writeFile(wide, bytes("")))).toBe(`ENAMETOOLONG ${wide}`);
    expect(fsError(() => fs.readFile(`/tmp/${long}`))).toBe(`ENAMETOOLONG /tmp/${long}`);
    const deep = "d/".repeat(PATH_MAX / 2);
    expect(fsError(() => fs.mkdir(deep))).toBe(`ENAMETOOLONG ${deep}`);
    fs.mkdir("/tmp/one");
    fs.writeFile("/tmp/one/f", bytes("x"));
    expect(fsError(() => fs.rename("/tmp/one", `/tmp/${"y".repeat(250)}/${"z".repeat(250)}`))).toBe(`ENOENT /tmp/${"y".repeat(250)}/${"z".repeat(250)}`);
  });

  it("refuses to move a directory where something inside it would get a path too long to save", () => {
    const fs = new MemoryFileSystem();
    let path = "/tmp/tree";
    fs.mkdir(path);
    for (let level = 0; level < 30; level++) {
      path += `/${"n".repeat(100)}`;
      fs.mkdir(path);
    }
    fs.mkdir("/tmp/deep", { parents: true });
    let target = "/tmp/deep";
    for (let level = 0; level < 11; level++) {
      target += `/${"m".repeat(100)}`;
      fs.mkdir(target);
    }
    expect(fsError(() => fs.rename("/tmp/tree", `${target}/tree`))).toBe(`ENAMETOOLONG ${target}/tree`);
    expect(fs.stat("/tmp/tree")?.type).toBe("directory");
    fs.rename("/tmp/tree", "/tmp/deep/tree");
    expect(fs.stat(`/tmp/deep/tree/${"n".repeat(100)}`)?.type).toBe("directory");
  });
});

describe("the quota", () => {
  it("is 64 MiB and 20,000 files and directories by default", () => {
    expect(DEFAULT_QUOTA).toEqual({ bytes: 64 * 1024 * 1024, entries: 20_000 });
    expect(fresh().fs.usage().quota).toEqual(DEFAULT_QUOTA);
  });

  it("stops the 20,001st file with ENOSPC, and frees what is removed", () => {
    const session = fresh();
    const before = session.fs.usage().entries;
    expect(session.runSync("touch f{1..10000}").exitCode).toBe(0);
    const result = session.runSync("touch g{1..10000}");
    const refused = 10_000 - (20_000 - before - 10_000);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.split("\n").filter(Boolean)).toEqual(Array.from({ length: refused }, (_, index) => `touch: cannot touch 'g${10_001 - refused + index}': No space left on device`));
    expect(session.fs.usage().entries).toBe(20_000);
    expect(session.runSync("mkdir d; echo > e; echo $?").stderr).toBe("mkdir: cannot create directory ‘d’: No space left on device\nbash: e: No space left on device\n");
    expectSavesAndLoads(session);
    expect(session.runSync("rm f*; mkdir d && echo made").stdout).toBe("made\n");
  });

  it("keeps what fits of a write that fills it, and the shell and the session go on", () => {
    const session = createSandbox({ scenario: "empty", seed: 1, quota: { bytes: 1000, entries: 100 } });
    const result = session.runSync("printf '%600s' x > a; printf '%600s' y > b; echo $?; wc -c < a; wc -c < b");
    expect(result.stderr).toBe("bash: printf: write error: No space left on device\n");
    expect(result.stdout).toBe("1\n600\n400\n");
    expectSavesAndLoads(session);
    expect(session.runSync("rm a; printf '%600s' z > c && echo written").stdout).toBe("written\n");
  });

  it("loads a session saved with more files than the quota, which then cannot grow", () => {
    const big = createSandbox({ scenario: "empty", seed: 1 });
    big.runSync("touch f{1..300}");
    const small = createSandbox({ scenario: "empty", seed: 1, quota: { bytes: 1_000_000, entries: 100 } });
    small.restore(JSON.parse(JSON.stringify(big.snapshot())));
    expect(small.runSync("ls | wc -l").stdout).toBe("300\n");
    expect(small.runSync("touch more").stderr).toBe("touch: cannot touch 'more': No space left on device\n");
  });
});

describe("files held open by a redirection", () => {
  it("are written as the command writes, into the same file even when it is truncated again", () => {
    const session = fresh();
    expect(session.runSync("{ echo one; echo two > f; echo three; } > f; cat f").stdout).toBe("two\nthree\n");
  });

  it("send the rest of the output nowhere once the command removes them", () => {
    const session = fresh();
    expect(session.runSync("{ echo before; rm out.txt; echo after; } > out.txt; ls -1; echo done").stdout).toBe("done\n");
    expect(session.fs.usage().bytes).toBe(0);
  });
});
