import { describe, expect, it } from "vitest";
import { sh } from "../helpers";

const out = (text: string) => sh(text).stdout;

describe("head and tail", () => {
  it("take the first or last 10 lines, N lines, N bytes", () => {
    expect(out("seq 12 | head | tr '\\n' ' '; echo; seq 12 | tail -3 | tr '\\n' ' '; echo")).toBe("1 2 3 4 5 6 7 8 9 10 \n10 11 12 \n");
    expect(out("seq 5 | head -n 2; seq 5 | tail -n 1; head -c 5 plaintext.txt; echo; tail -c 4 plaintext.txt")).toBe("1\n2\n5\nHello\nMS!\n");
  });

  it("take all but the last N (head -n -N) and from line N on (tail -n +N)", () => {
    expect(out("seq 5 | head -n -3; seq 5 | tail -n +4")).toBe("1\n2\n4\n5\n");
  });

  it("put headers between several files", () => {
    expect(out("head -n 1 plaintext.txt plaintext.txt")).toBe("==> plaintext.txt <==\nHello, KMS!\n\n==> plaintext.txt <==\nHello, KMS!\n");
  });

  it("report bad counts and files", () => {
    expect(sh("head -n x plaintext.txt; tail nope").stderr).toBe("head: invalid number of lines: ‘x’\ntail: cannot open 'nope' for reading: No such file or directory\n");
  });
});

describe("grep", () => {
  const lines = "printf 'Hello\\nworld\\nhello again\\nfoo42\\n' > g; ";

  it("prints matching lines; -i ignores case; -v inverts; -c counts; -n numbers", () => {
    expect(out(`${lines}grep ello g; grep -i hello g; grep -v ello g; grep -c o g; grep -n world g`)).toBe("Hello\nhello again\nHello\nhello again\nworld\nfoo42\n4\n2:world\n");
  });

  it("prints only the matches with -o, reads extended expressions with -E", () => {
    expect(out(`${lines}grep -o '[0-9][0-9]*' g; grep -E 'wor|42' g; grep 'l\\{2\\}o a' g`)).toBe("42\nworld\nfoo42\nhello again\n");
  });

  it("matches whole words (-w) and whole lines (-x), fixed text (-F)", () => {
    expect(out(`${lines}grep -w hello g; grep -x world g; echo 'a.b' | grep -F .`)).toBe("hello again\nworld\na.b\n");
  });

  it("names files when there are several, lists names with -l, stays quiet with -q", () => {
    expect(out(`${lines}grep -c o g plaintext.txt; grep -l KMS g plaintext.txt; grep -q zzz g || echo none`)).toBe("g:4\nplaintext.txt:1\nplaintext.txt\nnone\n");
  });

  it("shows context with -A, -B and -C", () => {
    expect(out("seq 10 | grep -A1 -B1 5")).toBe("4\n5\n6\n");
  });

  it("exits 0 on a match, 1 on none, 2 on trouble", () => {
    expect(sh("grep Hello plaintext.txt").exitCode).toBe(0);
    expect(sh("grep nothing plaintext.txt").exitCode).toBe(1);
    expect(sh("grep x nope")).toMatchObject({ stderr: "grep: nope: No such file or directory\n", exitCode: 2 });
    expect(sh("grep -E '(' plaintext.txt")).toMatchObject({ stderr: "grep: Unmatched ( or \\(\n", exitCode: 2 });
    expect(sh("grep")).toMatchObject({ stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exitCode: 2 });
  });

  it("searches directories with -r", () => {
    expect(out("mkdir -p d/e; echo needle > d/e/f; echo hay > d/g; grep -r needle d")).toBe("d/e/f:needle\n");
  });
});

describe("cut", () => {
  it("cuts fields by a delimiter, characters and bytes", () => {
    expect(out("echo 'a:b:c:d' | cut -d: -f2; echo 'a:b:c:d' | cut -d: -f1,3-; printf 'x\\ty\\n' | cut -f2; echo abcdef | cut -c2-4; echo abcdef | cut -b -2")).toBe("b\na:c:d\ny\nbcd\nab\n");
  });

  it("prints lines without the delimiter unless -s", () => {
    expect(out("printf 'a,b\\nnone\\n' | cut -d, -f2; printf 'a,b\\nnone\\n' | cut -d, -f2 -s")).toBe("b\nnone\nb\n");
  });

  it("reports a missing or bad list", () => {
    expect(sh("cut plaintext.txt").stderr).toBe("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    expect(sh("echo x | cut -f 0").stderr).toBe("cut: fields are numbered from 1\nTry 'cut --help' for more information.\n");
    expect(sh("echo x | cut -d ab -f1").stderr).toBe("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n");
  });
});

describe("tr", () => {
  it("translates, deletes and squeezes characters", () => {
    expect(out("echo hello | tr a-z A-Z; echo hello | tr -d l; echo 'a   b' | tr -s ' '; echo hello | tr '[:lower:]' '[:upper:]'; echo 'a1b2' | tr -dc '0-9'; echo")).toBe("HELLO\nheo\na b\nHELLO\n12\n");
  });

  it("reports missing operands", () => {
    expect(sh("tr a").stderr).toBe("tr: missing operand after ‘a’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n");
  });
});

describe("sort and uniq", () => {
  it("sorts by text, numbers, in reverse, by key, without duplicates", () => {
    expect(out("printf 'b\\nC\\na\\n' | sort | tr '\\n' ' '; printf '10\\n9\\n100\\n' | sort -n | tr '\\n' ' '; printf '1\\n3\\n2\\n' | sort -rn | tr '\\n' ' '; echo")).toBe("C a b 9 10 100 3 2 1 \n");
    expect(out("printf 'x 3\\ny 1\\nz 2\\n' | sort -k2 -n; printf 'b,2\\na,1\\n' | sort -t, -k2,2; printf 'a\\nb\\na\\n' | sort -u")).toBe("y 1\nz 2\nx 3\na,1\nb,2\na\nb\n");
  });

  it("uniq drops repeated neighbours, counts them, keeps only repeated (-d) or unique (-u) ones", () => {
    expect(out("printf 'a\\na\\nb\\na\\n' | uniq; printf 'a\\na\\nb\\n' | uniq -c; printf 'a\\na\\nb\\n' | uniq -d; printf 'a\\na\\nb\\n' | uniq -u")).toBe("a\nb\na\n      2 a\n      1 b\na\nb\n");
  });
});

describe("seq and wc", () => {
  it("seq counts up, down, by steps, with separators and padding", () => {
    expect(out("seq 3 | tr '\\n' ' '; seq 2 4 | tr '\\n' ' '; seq 1 3 10 | tr '\\n' ' '; seq 3 -1 1 | tr '\\n' ' '; echo; seq -s, 3; seq -w 9 10 | tr '\\n' ' '; seq 1 0.5 2 | tr '\\n' ' '; echo")).toBe("1 2 3 2 3 4 1 4 7 10 3 2 1 \n1,2,3\n09 10 1.0 1.5 2.0 \n");
    expect(sh("seq a").stderr).toBe("seq: invalid floating point argument: ‘a’\nTry 'seq --help' for more information.\n");
  });

  it("wc counts lines, words and bytes with GNU's column widths", () => {
    expect(out("wc plaintext.txt; wc -l plaintext.txt; printf 'one two\\nthree\\n' | wc; echo hi | wc -c; wc -l plaintext.txt plaintext.txt")).toBe(
      " 1  2 12 plaintext.txt\n1 plaintext.txt\n      2       3      14\n3\n 1 plaintext.txt\n 1 plaintext.txt\n 2 total\n",
    );
  });
});
