import { describe, expect, it } from "vitest";
import { sh } from "./helpers";

/** Variables and the expansions bash performs on words, in its order. */

const out = (text: string) => sh(text).stdout;

describe("variables", () => {
  it("assigns, reads, appends and unsets", () => {
    expect(out("x=1; x+=2; echo $x ${x}; unset x; echo \"[$x]\"")).toBe("12 12\n[]\n");
  });

  it("keeps shell variables out of the environment until exported", () => {
    expect(out("A=1; env | grep ^A=; export A; env | grep ^A=")).toBe("A=1\n");
  });

  it("gives VAR=value before a command to that command only", () => {
    expect(out("A=2 env | grep ^A=; echo \"[$A]\"")).toBe("A=2\n[]\n");
  });

  it("exports with a value, keeping spaces from a command substitution", () => {
    expect(out("export P=$(echo 'a  b'); echo \"$P\"")).toBe("a  b\n");
  });

  it("knows $?, $#, $0, $1..., $@ and $$", () => {
    expect(out("false; echo $?; set -- a 'b c'; echo $# $1 \"$2\" $0; for x in \"$@\"; do echo \"<$x>\"; done; echo $$")).toBe("1\n2 a b c bash\n<a>\n<b c>\n4242\n");
  });

  it("starts with the learner's environment", () => {
    expect(out("echo $HOME $USER $PWD $AWS_DEFAULT_REGION $SHELL")).toBe("/home/learner learner /home/learner us-east-1 /bin/bash\n");
  });
});

describe("parameter expansion", () => {
  it.each([
    ["${UNSET:-default}", "default"],
    ["${EMPTY-unset only}", ""],
    ["${UNSET:+alt}${V:+alt}", "alt"],
    ["${#V}", "14"],
    ["${V%.*} ${V%%.*}", "archive.tar archive"],
    ["${V#*.} ${V##*.}", "tar.gz gz"],
    ["${V/a/A} ${V//a/A}", "Archive.tar.gz Archive.tAr.gz"],
    ["${V/#arc/ARC} ${V/%gz/GZ}", "ARChive.tar.gz archive.tar.GZ"],
    ["${V^^} ${V^}", "ARCHIVE.TAR.GZ Archive.tar.gz"],
    ["${V:0:7} ${V:8} ${V: -2}", "archive tar.gz gz"],
    ["${REF} ${!REF}", "V archive.tar.gz"],
  ])("%s", (expression, expected) => {
    expect(out(`V=archive.tar.gz; EMPTY=; REF=V; echo ${expression}`)).toBe(`${expected}\n`);
  });

  it("assigns a default with :=", () => {
    expect(out("echo ${N:=5}; echo $N")).toBe("5\n5\n");
  });

  it("fails the command line with ${VAR:?message}", () => {
    expect(sh("echo ${N:?is required}; echo after")).toMatchObject({ stdout: "", stderr: "bash: N: is required\n", exitCode: 1 });
    expect(sh("echo ${N:?}")).toMatchObject({ stderr: "bash: N: parameter null or not set\n", exitCode: 1 });
  });

  it("reports a bad substitution when it expands it", () => {
    expect(sh("echo ${x y}")).toMatchObject({ stderr: "bash: ${x y}: bad substitution\n", exitCode: 1 });
  });
});

describe("word splitting and quoting", () => {
  it("splits unquoted expansions on blanks and keeps quoted ones whole", () => {
    expect(out("x='a  b   c'; printf '<%s>' $x; echo; printf '<%s>' \"$x\"; echo")).toBe("<a><b><c>\n<a  b   c>\n");
  });

  it("drops an empty unquoted expansion but keeps an empty quoted one", () => {
    expect(out("e=; printf '<%s>' $e \"$e\" ''; echo")).toBe("<><>\n");
  });

  it("splits on IFS", () => {
    expect(out("IFS=,; x=a,b,,c; for i in $x; do printf '[%s]' \"$i\"; done; echo")).toBe("[a][b][][c]\n");
  });

  it("does not split the text written in the command itself", () => {
    expect(out("IFS=a; echo banana")).toBe("banana\n");
  });
});

describe("command substitution", () => {
  it("replaces $(...) and backquotes by the output without trailing newlines", () => {
    expect(out("echo \"[$(printf 'a\\n\\n')]\" `echo b`")).toBe("[a] b\n");
  });

  it("nests", () => {
    expect(out("echo $(echo a $(echo b $(echo c)))")).toBe("a b c\n");
  });

  it("runs in a subshell: variables and the directory do not change", () => {
    expect(out("x=1; y=$(x=2; cd /tmp; echo $x); echo $x $y $PWD")).toBe("1 2 /home/learner\n");
  });

  it("sets $? for an assignment", () => {
    expect(out("x=$(false); echo $?; x=$(true); echo $?")).toBe("1\n0\n");
  });
});

describe("arithmetic", () => {
  it("evaluates with C's operators on 64-bit integers", () => {
    expect(out("echo $((1+2*3)) $((7/2)) $((-7/2)) $((7%3)) $((2**10)) $((1<<4)) $((6&3)) $((6|1)) $((6^3)) $((!0)) $((~0)) $((3>2 && 1)) $((0 ? 1 : 2))")).toBe("7 3 -3 1 1024 16 2 7 5 1 -1 1 2\n");
    expect(out("echo $((9223372036854775807 + 1)) $((0x1f)) $((010)) $((2#101)) $((64#_))")).toBe("-9223372036854775808 31 8 5 63\n");
  });

  it("reads and assigns variables", () => {
    expect(out("x=5; echo $((x + 1)) $((x++)) $x $((++x)) $((x += 10)) $x; y='x * 2'; echo $((y))")).toBe("6 5 6 7 17 17\n34\n");
  });

  it("supports (( )) as a command", () => {
    expect(sh("(( 2 > 1 )) && echo yes; (( 0 ))").exitCode).toBe(1);
  });

  it("reports errors as bash does and stops the command line", () => {
    expect(sh("echo $((1/0)); echo after")).toMatchObject({ stdout: "", stderr: 'bash: 1/0: division by 0 (error token is "0")\n', exitCode: 1 });
    expect(sh("echo $((1 +* 2))").stderr).toBe('bash: 1 +* 2: syntax error: operand expected (error token is "* 2")\n');
    expect(sh("echo $((08))").stderr).toBe('bash: 08: value too great for base (error token is "08")\n');
  });
});

describe("file names, braces and the home directory", () => {
  it("expands globs to sorted matching names, and keeps a pattern that matches nothing", () => {
    expect(out("touch b.txt a.txt c.md; echo *.txt; echo *.none; echo '*.txt'")).toBe("a.txt b.txt plaintext.txt\n*.none\n*.txt\n");
  });

  it("matches ? and [...] and walks directories", () => {
    expect(out("mkdir -p d/e; touch d/e/f1 d/e/f2 d/x; echo d/*/f? d/[x]")).toBe("d/e/f1 d/e/f2 d/x\n");
  });

  it("hides dot files from * unless the pattern starts with a dot", () => {
    expect(out("touch .hidden; echo * .h*")).toBe("plaintext.txt .hidden\n");
  });

  it("expands braces: lists, sequences and steps", () => {
    expect(out("echo a{b,c}d {1..3} {3..1} {a..e..2} {01..03} x{}y {a}")).toBe("abd acd 1 2 3 3 2 1 a c e 01 02 03 x{}y {a}\n");
  });

  it("expands ~ at the start of a word and after = in assignments", () => {
    expect(out("echo ~ ~/x \"~\"; P=~/bin; echo $P")).toBe("/home/learner /home/learner/x ~\n/home/learner/bin\n");
  });
});
