import { describe, expect, it } from "vitest";
import { sh } from "./helpers";

/** Lists, conditions, loops, functions and the shell options that change the flow. */

const out = (text: string) => sh(text).stdout;

describe("lists", () => {
  it("runs ; in order, && on success, || on failure", () => {
    expect(out("echo a; false && echo no; true && echo yes; false || echo fallback; true || echo no")).toBe("a\nyes\nfallback\n");
  });

  it("negates a status with !", () => {
    expect(out("! true; echo $?; ! false; echo $?")).toBe("1\n0\n");
  });

  it("groups with { } in the same shell and ( ) in a subshell", () => {
    expect(out("x=1; { x=2; }; echo $x; (x=3; cd /tmp); echo $x $PWD")).toBe("2\n2 /home/learner\n");
  });

  it("runs a command ended with & at once (no job control)", () => {
    expect(out("echo bg & echo fg")).toBe("bg\nfg\n");
  });
});

describe("if, test and [[ ]]", () => {
  it("takes the first branch whose condition succeeds", () => {
    expect(out("for n in 1 2 3; do if [ $n -eq 1 ]; then echo one; elif [ $n -eq 2 ]; then echo two; else echo many; fi; done")).toBe("one\ntwo\nmany\n");
  });

  it("tests files, strings and integers", () => {
    expect(out("mkdir d; [ -f plaintext.txt ] && [ -d d ] && [ -e d ] && [ ! -e nope ] && [ -s plaintext.txt ] && echo files")).toBe("files\n");
    expect(out("[ -z '' ] && [ -n x ] && [ a = a ] && [ a != b ] && [ 2 -lt 10 ] && [ 3 -ge 3 ] && test 1 -ne 2 && echo ok")).toBe("ok\n");
    expect(out("[ 1 -eq 1 -a 2 -eq 3 ] || echo and; [ 1 -eq 2 -o 2 -eq 2 ] && echo or; [ \\( 1 -eq 1 \\) ] && echo paren")).toBe("and\nor\nparen\n");
  });

  it("explains a broken test with status 2", () => {
    expect(sh("[ 1 -eq a ]")).toMatchObject({ stderr: "bash: [: a: integer expression expected\n", exitCode: 2 });
    expect(sh("[ a b ]")).toMatchObject({ stderr: "bash: [: a: unary operator expected\n", exitCode: 2 });
    expect(sh("[ a")).toMatchObject({ stderr: "bash: [: missing `]'\n", exitCode: 2 });
    expect(sh("[ a b c d e ]")).toMatchObject({ stderr: "bash: [: too many arguments\n", exitCode: 2 });
  });

  it("matches patterns and regular expressions in [[ ]], without splitting words", () => {
    expect(out("x='a b'; [[ $x == a* ]] && echo glob; [[ $x == 'a*' ]] || echo literal; [[ abc =~ ^a.c$ ]] && echo regex; [[ -f plaintext.txt && ! -d plaintext.txt ]] && echo file; [[ 10 -gt 9 ]] && echo num")).toBe("glob\nliteral\nregex\nfile\nnum\n");
  });
});

describe("loops", () => {
  it("runs for over words, $@ and the arithmetic form", () => {
    expect(out("for x in a 'b c'; do echo $x; done; set -- p q; for y; do echo $y; done; for ((i=0; i<2; i++)); do echo $i; done")).toBe("a\nb c\np\nq\n0\n1\n");
  });

  it("runs while and until", () => {
    expect(out("i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done; until [ $i -eq 0 ]; do i=$((i-1)); done; echo $i")).toBe("0\n1\n2\n0\n");
  });

  it("leaves loops with break and skips with continue, also by levels", () => {
    expect(out("for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done")).toBe("1\n3\n");
    expect(out("for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done")).toBe("1a\n2a\n");
  });

  it("reads a file line by line with while read (a last line without newline ends the loop, as in bash)", () => {
    expect(out("printf 'one\\ntwo words\\nlast' > f; while read -r first rest; do echo \"<$first|$rest>\"; done < f; echo \"after: $first\"")).toBe("<one|>\n<two|words>\nafter: last\n");
  });

  it("says break and continue mean nothing outside a loop", () => {
    expect(sh("break")).toMatchObject({ stderr: "bash: break: only meaningful in a `for', `while', or `until' loop\n", exitCode: 0 });
  });
});

describe("case", () => {
  it("runs the first matching pattern's commands", () => {
    expect(out("for f in a.txt b.md c; do case $f in *.txt) echo text;; *.md|*.markdown) echo markdown;; *) echo other;; esac; done")).toBe("text\nmarkdown\nother\n");
  });

  it("falls through with ;&", () => {
    expect(out("case a in a) echo one;& b) echo two;; c) echo three;; esac")).toBe("one\ntwo\n");
  });
});

describe("functions", () => {
  it("take arguments, return a status and share the shell's variables", () => {
    expect(out("greet() { echo \"hello $1 ($#)\"; seen=yes; return 3; }; greet you; echo $? $seen")).toBe("hello you (1)\n3 yes\n");
  });

  it("keep local variables to themselves", () => {
    expect(out("f() { local x=inner; echo $x; }; x=outer; f; echo $x")).toBe("inner\nouter\n");
  });

  it("can be defined with the function keyword and recurse", () => {
    expect(out("function count { [ $1 -le 0 ] && return; echo $1; count $(($1 - 1)); }; count 3")).toBe("3\n2\n1\n");
  });

  it("refuses return outside a function", () => {
    expect(sh("return")).toMatchObject({ stderr: "bash: return: can only `return' from a function or sourced script\n", exitCode: 2 });
  });
});

describe("exit and the shell options", () => {
  it("exit stops the command line with its status; the session stays", () => {
    const result = sh("echo before; exit 3; echo after\necho next line");
    expect(result.stdout).toBe("before\nnext line\n");
  });

  it("exit in a subshell ends only the subshell", () => {
    expect(out("(exit 4); echo $?")).toBe("4\n");
  });

  it("set -e stops at the first failing command (not in conditions)", () => {
    expect(sh("set -e; if false; then :; fi; false || true; echo still; false; echo not")).toMatchObject({ stdout: "still\n", exitCode: 1 });
  });

  it("set -u makes unset variables an error", () => {
    expect(sh("set -u; echo $NOPE; echo not")).toMatchObject({ stdout: "", stderr: "bash: NOPE: unbound variable\n", exitCode: 1 });
  });

  it("set -o pipefail makes a pipeline fail when any command fails", () => {
    expect(out("false | true; echo $?; set -o pipefail; false | true; echo $?")).toBe("0\n1\n");
  });

  it("set -x prints each command", () => {
    expect(sh("set -x; echo 'a b'").stderr).toBe("+ echo 'a b'\n");
  });
});

describe("eval, source and scripts", () => {
  it("eval runs its arguments as a command line", () => {
    expect(out("cmd='echo evaluated'; eval $cmd; eval 'x=7'; echo $x")).toBe("evaluated\n7\n");
  });

  it("source runs a file in this shell; bash and ./script run it in a new one", () => {
    expect(out("echo 'y=9; echo \"arg=$1\"' > s.sh; source s.sh one; echo $y; bash s.sh two; ./s.sh three")).toBe("arg=one\n9\narg=two\narg=three\n");
    expect(out("z=1; bash -c 'echo \"[$z] $0 $1\"' name first")).toBe("[] name first\n");
  });

  it("runs a script from standard input", () => {
    expect(out("echo 'echo from stdin' | bash")).toBe("from stdin\n");
  });
});
