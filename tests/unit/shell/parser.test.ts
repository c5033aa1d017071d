import { describe, expect, it } from "vitest";
import type { Command, SimpleCommand, WordPart } from "@/lib/sandbox/shell/ast";
import { needsMoreInput, parse } from "@/lib/sandbox/shell/parser";

function program(text: string) {
  const result = parse(text, { final: true });
  if (result.status !== "ok") throw new Error(`expected a program, got ${JSON.stringify(result)}`);
  return result.program;
}

function firstCommand(text: string): Command {
  const command = program(text).body[0]?.first.commands[0];
  if (!command) throw new Error("no command");
  return command;
}

function simple(text: string): SimpleCommand {
  const command = firstCommand(text);
  if (command.kind !== "simple") throw new Error(`not a simple command: ${command.kind}`);
  return command;
}

function parts(text: string): WordPart[][] {
  return simple(text).words.map((word) => word.parts);
}

const error = (text: string) => parse(text, { final: true });

describe("words and quoting", () => {
  it("splits a line into words at blanks", () => {
    expect(simple("echo  hello   world").words.map((word) => word.text)).toEqual(["echo", "hello", "world"]);
  });

  it("keeps single-quoted text literal and marks it quoted", () => {
    expect(parts("echo 'a $b \\c'")[1]).toEqual([{ kind: "literal", text: "a $b \\c", quoted: true }]);
  });

  it("expands inside double quotes but keeps the result quoted", () => {
    expect(parts('echo "x $HOME y"')[1]).toEqual([
      { kind: "literal", text: "x ", quoted: true },
      { kind: "param", name: "HOME", quoted: true },
      { kind: "literal", text: " y", quoted: true },
    ]);
  });

  it("makes a backslash quote the next character, and only $ ` \" \\ inside double quotes", () => {
    expect(parts("echo a\\ b")[1]).toEqual([
      { kind: "literal", text: "a", quoted: false },
      { kind: "literal", text: " ", quoted: true },
      { kind: "literal", text: "b", quoted: false },
    ]);
    expect(parts('echo "\\$x \\n"')[1]).toEqual([{ kind: "literal", text: "$x \\n", quoted: true }]);
  });

  it("decodes $'...' escapes", () => {
    expect(parts("echo $'a\\tb\\x41\\n'")[1]).toEqual([{ kind: "literal", text: "a\tbA\n", quoted: true }]);
  });

  it("keeps an empty quoted word as a word", () => {
    expect(parts("echo '' \"\"")).toEqual([[{ kind: "literal", text: "echo", quoted: false }], [{ kind: "literal", text: "", quoted: true }], [{ kind: "literal", text: "", quoted: true }]]);
  });

  it("reads $VAR, ${VAR}, special parameters and ${VAR<op>word}", () => {
    expect(parts("echo $A ${B} $? $1 ${C:-d}")[1]).toEqual([{ kind: "param", name: "A", quoted: false }]);
    expect(parts("echo ${B}")[1]).toEqual([{ kind: "param", name: "B", quoted: false }]);
    expect(parts("echo $?")[1]).toEqual([{ kind: "param", name: "?", quoted: false }]);
    expect(parts("echo ${C:-d}")[1]?.[0]).toMatchObject({ kind: "param", name: "C", op: { operator: ":-", arg: { text: "d" } } });
    expect(parts("echo ${#C}")[1]).toEqual([{ kind: "length", name: "C", quoted: false }]);
  });

  it("leaves ${foo bar} to fail when expanded, as bash does", () => {
    expect(parts("echo ${foo bar}")[1]).toEqual([{ kind: "bad", text: "${foo bar}", quoted: false }]);
  });

  it("parses $(...) and backquotes as nested programs, to any depth", () => {
    const [part] = parts("echo $(echo $(echo deep))")[1] ?? [];
    expect(part?.kind).toBe("command");
    expect(parts("echo `date`")[1]?.[0]?.kind).toBe("command");
  });

  it("parses $((...)) as arithmetic", () => {
    expect(parts("echo $((1 + $x))")[1]?.[0]).toMatchObject({ kind: "arith", expression: { text: "1 + $x" } });
  });

  it("treats a leading ~ as the home directory", () => {
    expect(parts("ls ~/x ~")).toEqual([[{ kind: "literal", text: "ls", quoted: false }], [{ kind: "tilde" }, { kind: "literal", text: "/x", quoted: false }], [{ kind: "tilde" }]]);
  });

  it("separates assignments before the command name", () => {
    const command = simple("A=1 B+=2 env");
    expect(command.assignments.map((assignment) => [assignment.name, assignment.append, assignment.value.text])).toEqual([
      ["A", false, "1"],
      ["B", true, "2"],
    ]);
    expect(command.words.map((word) => word.text)).toEqual(["env"]);
  });

  it("drops comments", () => {
    expect(simple("echo a # b c").words.map((word) => word.text)).toEqual(["echo", "a"]);
    expect(simple("echo a#b").words.map((word) => word.text)).toEqual(["echo", "a#b"]);
  });
});

describe("redirects, pipes and lists", () => {
  it("reads redirects with file descriptors", () => {
    expect(simple("cmd > out 2>&1 < in >> log 2> err &> all").redirects.map((redirect) => [redirect.fd, redirect.operator, redirect.target.text])).toEqual([
      [undefined, ">", "out"],
      [2, ">&", "1"],
      [undefined, "<", "in"],
      [undefined, ">>", "log"],
      [2, ">", "err"],
      [undefined, "&>", "all"],
    ]);
  });

  it("reads a here-document body after the line that opens it", () => {
    const command = simple("cat <<EOF\nline $x\nEOF");
    expect(command.redirects[0]?.operator).toBe("<<");
    expect(command.redirects[0]?.target.parts.map((part) => part.kind)).toEqual(["literal", "param", "literal"]);
    const quoted = simple("cat <<'EOF'\nline $x\nEOF");
    expect(quoted.redirects[0]?.target.parts).toEqual([{ kind: "literal", text: "line $x\n", quoted: true }]);
  });

  it("builds pipelines, && and || lists, and sequences", () => {
    const body = program("a | b | c && d || e; f").body;
    expect(body).toHaveLength(2);
    expect(body[0]?.first.commands).toHaveLength(3);
    expect(body[0]?.rest.map((item) => item.operator)).toEqual(["&&", "||"]);
  });

  it("negates a pipeline with !", () => {
    expect(program("! false").body[0]?.first.negated).toBe(true);
  });
});

describe("compound commands", () => {
  it("parses if/elif/else", () => {
    const command = firstCommand("if a; then b; elif c; then d; else e; fi");
    expect(command.kind).toBe("if");
    if (command.kind === "if") {
      expect(command.clauses).toHaveLength(2);
      expect(command.elseBody).toHaveLength(1);
    }
  });

  it("parses for, C-style for, while, until, case, groups, subshells and functions", () => {
    expect(firstCommand("for x in a b; do echo $x; done").kind).toBe("for");
    expect(firstCommand("for ((i=0; i<3; i++)); do echo; done").kind).toBe("arith-for");
    expect(firstCommand("while true; do break; done")).toMatchObject({ kind: "while", until: false });
    expect(firstCommand("until false; do break; done")).toMatchObject({ kind: "while", until: true });
    expect(firstCommand("case $x in a|b) echo;; *) echo;; esac").kind).toBe("case");
    expect(firstCommand("{ echo; }")).toMatchObject({ kind: "group", subshell: false });
    expect(firstCommand("(echo)")).toMatchObject({ kind: "group", subshell: true });
    expect(firstCommand("f() { echo; }")).toMatchObject({ kind: "function", name: "f", source: "f() { echo; }" });
    expect(firstCommand("function g { echo; }")).toMatchObject({ kind: "function", name: "g" });
    expect(firstCommand("(( x > 1 ))").kind).toBe("arith");
    expect(firstCommand("[[ -f x && $y == a* ]]").kind).toBe("cond");
  });

  it("accepts the same commands spread over lines", () => {
    expect(firstCommand("if true\nthen\n  echo yes\nfi").kind).toBe("if");
    expect(firstCommand("for x in a b\ndo\n  echo $x\ndone").kind).toBe("for");
  });
});

describe("syntax errors, in bash's words", () => {
  it.each([
    ["fi", "syntax error near unexpected token `fi'"],
    ["then", "syntax error near unexpected token `then'"],
    ["done", "syntax error near unexpected token `done'"],
    [")", "syntax error near unexpected token `)'"],
    ["; echo", "syntax error near unexpected token `;'"],
    ["echo a && ; echo b", "syntax error near unexpected token `;'"],
    ["if true; then; fi", "syntax error near unexpected token `;'"],
    ["if true; then fi", "syntax error near unexpected token `fi'"],
    ["echo >", "syntax error near unexpected token `newline'"],
    ["echo (", "syntax error near unexpected token `newline'"],
    ["echo a;; echo b", "syntax error near unexpected token `;;'"],
    ["{ echo; } x", "syntax error near unexpected token `x'"],
  ])("%s", (text, message) => {
    expect(error(text)).toEqual({ status: "error", message });
  });

  it("reports an unfinished command at the end of the input", () => {
    expect(error('echo "abc')).toEqual({ status: "error", message: "unexpected EOF while looking for matching `\"'" });
    expect(error("echo 'abc")).toEqual({ status: "error", message: "unexpected EOF while looking for matching `''" });
    expect(error("if true; then echo")).toEqual({ status: "error", message: "syntax error: unexpected end of file" });
    expect(error("echo a |")).toEqual({ status: "error", message: "syntax error: unexpected end of file" });
  });

  it("warns about a here-document without its end, and still runs it", () => {
    const result = error("cat <<EOF\nhello");
    expect(result.status).toBe("ok");
    if (result.status === "ok") expect(result.warnings).toEqual(["warning: here-document at line 1 delimited by end-of-file (wanted `EOF')"]);
  });

  it("refuses nesting deeper than the sandbox allows instead of overflowing", () => {
    const deep = "echo " + "$(".repeat(200) + "x" + ")".repeat(200);
    expect(error(deep)).toMatchObject({ status: "error", message: expect.stringContaining("sandbox limit") });
  });
});

describe("needsMoreInput: when bash would show its > prompt", () => {
  it.each([
    ["echo 'open", true],
    ['echo "open', true],
    ["echo a \\", true],
    ["echo a |", true],
    ["echo a &&", true],
    ["echo a ||", true],
    ["if true; then", true],
    ["for x in a b; do", true],
    ["while true; do echo", true],
    ["case x in", true],
    ["f() {", true],
    ["echo $(echo", true],
    ["echo ${x", true],
    ["cat <<EOF", true],
    ["cat <<EOF\nbody", true],
    ["echo done", false],
    ["cat <<EOF\nbody\nEOF", false],
    ["if true; then echo; fi", false],
    ["fi", false],
    ["", false],
  ])("%j -> %s", (text, expected) => {
    expect(needsMoreInput(text)).toBe(expected);
  });
});
