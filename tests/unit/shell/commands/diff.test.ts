import { describe, expect, it } from "vitest";
import { newSession, sh } from "../helpers";

/**
 * diff. Its output formats, options and messages are in the recorded
 * transcripts (bash-conformance.test.ts). Here: what the transcripts cannot
 * show (the -u headers carry the sandbox's simulated times), and cases
 * where several edit scripts are equally short and the expected output was
 * taken from GNU diff 3.8, so that the sandbox keeps choosing as GNU does.
 */

const lines = (...items: string[]) => `printf '%s\\n' ${items.map((item) => `'${item}'`).join(" ")}`;

describe("diff", () => {
  it("dates the -u headers with the files' simulated modification times, and standard input with the time now", () => {
    const session = newSession();
    expect(sh("echo a > a; clock advance 1h > /dev/null; echo b > b; diff -u a b", session).stdout).toBe(
      "--- a\t2026-01-01 00:00:00.000000000 +0000\n+++ b\t2026-01-01 01:00:00.000000000 +0000\n@@ -1 +1 @@\n-a\n+b\n",
    );
    expect(sh("echo c | diff -u a - | head -2", session).stdout).toBe("--- a\t2026-01-01 00:00:00.000000000 +0000\n+++ -\t2026-01-01 01:00:00.000000000 +0000\n");
    expect(sh("diff -u --label old --label new a b | head -2", session).stdout).toBe("--- old\n+++ new\n");
  });

  it("picks among equally short edit scripts as GNU diff does", () => {
    const session = newSession();
    // The example of Myers' paper.
    sh(`${lines("a", "b", "c", "a", "b", "b", "a")} > m1; ${lines("c", "b", "a", "b", "a", "c")} > m2`, session);
    expect(sh("diff m1 m2", session).stdout).toBe("1,2d0\n< a\n< b\n4d1\n< a\n5a3\n> a\n7a6\n> c\n");
    expect(sh("diff -u --label A --label B m1 m2", session).stdout).toBe("--- A\n+++ B\n@@ -1,7 +1,6 @@\n-a\n-b\n c\n-a\n b\n+a\n b\n a\n+c\n");
    // An insertion slides down over equal lines as far as it can.
    sh(`${lines("{", '  "a": 1,', '  "b": 2', "}", "{", '  "a": 1,', '  "b": 2', "}")} > j1; ${lines("{", '  "a": 1,', '  "b": 3', "}", "{", '  "a": 1,', '  "b": 2', "}", "{", "}")} > j2`, session);
    expect(sh("diff j1 j2", session).stdout).toBe('3c3\n<   "b": 2\n---\n>   "b": 3\n7a8,9\n> }\n> {\n');
    expect(sh("diff -U1 --label A --label B j1 j2", session).stdout).toBe('--- A\n+++ B\n@@ -2,3 +2,3 @@\n   "a": 1,\n-  "b": 2\n+  "b": 3\n }\n@@ -8 +8,3 @@\n }\n+{\n+}\n');
    // A line very common in the other file, amid lines found nowhere else, is left out of the matching.
    sh(`${lines("u1", "u2", "u3", "x", "u4", "u5", "u6")} > p1; ${lines("x", "x", "x", "x", "x", "x", "x", "y", "z")} > p2`, session);
    expect(sh("diff p1 p2", session).stdout).toBe(`1,7c1,9\n${["u1", "u2", "u3", "x", "u4", "u5", "u6"].map((line) => `< ${line}\n`).join("")}---\n${["x", "x", "x", "x", "x", "x", "x", "y", "z"].map((line) => `> ${line}\n`).join("")}`);
  });

  it("gives up on the shortest script where GNU does, for files that differ almost everywhere", () => {
    // The digest of GNU diff 3.8's output for the same files.
    expect(sh("seq 1 16000 > a; seq 1 16000 | sort > b; diff a b | sha256sum").stdout).toBe("fe75ac67fa37485faa030d58d893fdac07df492f81ed684e06c22cb6f325728d  -\n");
  });

  it("compares standard input with itself, but not two directories", () => {
    expect(sh("echo x | diff - /dev/stdin; echo $?").stdout).toBe("0\n");
    expect(sh("mkdir d e; diff d e; echo $?; diff d d; echo $?")).toMatchObject({
      stdout: "2\n0\n",
      stderr: "diff: comparing two directories is not supported in the sandbox: compare their files one by one\n",
    });
  });
});
