import { describe, expect, it } from "vitest";
import { CLEAR_SCREEN } from "@/lib/sandbox/shell";
import { newSession, sh } from "../helpers";

const out = (text: string) => sh(text).stdout;

describe("export, unset, readonly, declare, local, set", () => {
  it("export lists and marks variables; -n takes the mark off", () => {
    expect(out("B=2; export A=1 B; export -p | grep -E ' (A|B)='; export -n A; env | grep -c ^A=")).toBe('declare -x A="1"\ndeclare -x B="2"\n0\n');
    expect(sh("export 1x=2")).toMatchObject({ stderr: "bash: export: `1x=2': not a valid identifier\n", exitCode: 1 });
  });

  it("unset removes variables and functions", () => {
    expect(out("x=1; f() { :; }; unset x; unset -f f; echo \"[$x]\"; type f 2>&1")).toBe("[]\nbash: type: f: not found\n");
  });

  it("readonly refuses later assignments", () => {
    expect(sh("readonly R=1; R=2; echo not")).toMatchObject({ stdout: "", stderr: "bash: R: readonly variable\n", exitCode: 1 });
  });

  it("local only works in functions", () => {
    expect(sh("local x=1")).toMatchObject({ stderr: "bash: local: can only be used in a function\n", exitCode: 1 });
  });

  it("set -- sets the positional parameters; set lists variables", () => {
    expect(out("set -- a b c; echo $# $2; shift 2; echo $1")).toBe("3 b\nc\n");
    expect(out("set | grep ^HOME=")).toBe("HOME=/home/learner\n");
    expect(sh("set -q").stderr).toBe("bash: set: -q: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n");
  });
});

describe("read", () => {
  it("splits a line into names, the last one taking the rest", () => {
    expect(out("read a b <<< 'one two three'; echo \"$a|$b\"; read <<< 'whole line'; echo $REPLY")).toBe("one|two three\nwhole line\n");
  });

  it("keeps backslashes with -r and joins continued lines without it", () => {
    expect(out("printf 'a\\\\\\\\b\\n' | { read x; echo \"$x\"; }; printf 'a\\\\\\\\b\\n' | { read -r x; echo \"$x\"; }")).toBe("a\\b\na\\\\b\n");
  });

  it("fails at the end of input", () => {
    expect(sh("read x < /dev/null").exitCode).toBe(1);
  });
});

describe("type, command, which", () => {
  it("tell keywords, builtins, programs and functions apart", () => {
    expect(out("f() { :; }; type if cd cat aws f; command -v cd cat; which cat aws; which cd; echo $?")).toBe(
      "if is a shell keyword\ncd is a shell builtin\ncat is /usr/bin/cat\naws is /usr/local/bin/aws\nf is a function\ncd\n/usr/bin/cat\n/usr/bin/cat\n/usr/local/bin/aws\n1\n",
    );
  });

  it("command runs the builtin or program, not the function", () => {
    expect(out("echo() { printf 'function\\n'; }; echo x; command echo y")).toBe("function\ny\n");
  });
});

describe("env, printenv, history, help, clear, date, sleep, whoami", () => {
  it("env prints the environment and runs a command with additions", () => {
    expect(out("env | grep ^HOME=; env X=1 printenv X; printenv HOME")).toBe("HOME=/home/learner\n1\n/home/learner\n");
    expect(sh("env nope")).toMatchObject({ stderr: "env: ‘nope’: No such file or directory\n", exitCode: 127 });
  });

  it("history lists this session's command lines, numbered", () => {
    const session = newSession();
    sh("echo one\necho two", session);
    expect(sh("history", session).stdout).toBe("    1  echo one\n    2  echo two\n    3  history\n");
    expect(sh("history 1", session).stdout).toBe("    4  history 1\n");
  });

  it("help lists the commands and explains each, in the project's words", () => {
    const all = out("help");
    expect(all).toContain("This is the sandbox's shell");
    for (const name of ["aws", "base64", "cat", "cd", "clock", "cut", "echo", "grep", "head", "history", "jq", "ls", "printf", "sha256sum", "sort", "tail", "tr", "uniq", "wc", "xxd", "hexdump", "seq"]) expect(all).toMatch(new RegExp(`^  ${name.replace(/[[\]]/g, "\\$&")} `, "m"));
    expect(out("help base64")).toContain("--decode");
    expect(out("help if")).toContain("then");
    expect(sh("help nope")).toMatchObject({ stderr: "bash: help: no help topics match `nope'.  Try `help help' or `man -k nope' or `info nope'.\n", exitCode: 1 });
  });

  it("clear writes the escape sequence that clears the terminal", () => {
    expect(out("clear")).toBe(CLEAR_SCREEN);
    expect(CLEAR_SCREEN).toBe("\x1b[H\x1b[2J\x1b[3J");
  });

  it("date shows the simulated time in UTC", () => {
    expect(out("date; date +%Y-%m-%dT%H:%M:%S; date -u +%s; date -d @86400 +%F; date -I; date -d 2026-02-03 '+%a %d %b'")).toBe("Thu Jan  1 00:00:00 UTC 2026\n2026-01-01T00:00:00\n1767225600\n1970-01-02\n2026-01-01\nTue 03 Feb\n");
  });

  it("sleep returns at once; whoami is the learner; true and false", () => {
    expect(sh("sleep 5; whoami; true && false")).toMatchObject({ stdout: "learner\n", exitCode: 1 });
  });
});
