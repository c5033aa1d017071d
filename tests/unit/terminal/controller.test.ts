import { Terminal } from "@xterm/headless";
import { describe, expect, it } from "vitest";
import type { Completion } from "@/lib/terminal/completion";
import { TerminalController, historyEntry, type CommandTiming } from "@/lib/terminal/controller";
import { CommandHistory } from "@/lib/terminal/history";
import type { CommandOutput } from "@/lib/terminal/session-port";

/**
 * The controller drives a real (headless) xterm.js, and the tests read the
 * screen back, so they check what a learner would see.
 */
function setUp(options: { cols?: number; run?: (command: string) => CommandOutput; complete?: (line: string, cursor: number) => Completion | undefined; history?: string[]; start?: boolean } = {}) {
  const term = new Terminal({ cols: options.cols ?? 60, rows: 20, allowProposedApi: true });
  const ran: string[] = [];
  const timings: CommandTiming[] = [];
  const history = new CommandHistory(options.history ?? []);
  const controller = new TerminalController({
    surface: { write: (data, done) => term.write(data, done), get cols() { return term.cols; } },
    run: async (command) => {
      ran.push(command);
      return options.run?.(command) ?? { stdout: "", stderr: "", exitCode: 0 };
    },
    complete: options.complete ?? (() => undefined),
    needsMoreInput: (text) => /\\$/.test(text) || (text.split("'").length - 1) % 2 === 1,
    history,
    prompt: () => "\x1b[32m$\x1b[0m ",
    onTiming: (timing) => timings.push(timing),
  });
  if (options.start !== false) controller.start();
  const settle = async () => {
    await controller.whenIdle();
    await new Promise<void>((resolve) => term.write("", resolve));
  };
  const screen = () => {
    const lines: string[] = [];
    const buffer = term.buffer.active;
    for (let row = 0; row < buffer.length; row++) lines.push(buffer.getLine(row)!.translateToString(true).trimEnd());
    while (lines.length > 0 && lines.at(-1) === "") lines.pop();
    return lines;
  };
  const cursor = () => ({ row: term.buffer.active.cursorY + term.buffer.active.baseY, column: term.buffer.active.cursorX });
  const type = async (data: string) => {
    controller.input(data);
    await settle();
  };
  return { term, controller, ran, timings, history, screen, cursor, type, settle };
}

const echo = (command: string): CommandOutput => ({ stdout: command.startsWith("echo ") ? `${command.slice(5)}\n` : "", stderr: "", exitCode: 0 });

describe("the terminal's line editor and shell front end", () => {
  it("shows the prompt, echoes typing and runs the line on Enter", async () => {
    const t = setUp({ run: echo });
    await t.type("echo hello\r");
    expect(t.ran).toEqual(["echo hello"]);
    expect(t.screen()).toEqual(["$ echo hello", "hello", "$"]);
  });

  it("edits in the middle of the line with the arrow keys, Home, End, Backspace and Delete", async () => {
    const t = setUp({ run: echo });
    await t.type("echo wrld");
    await t.type("\x1b[D\x1b[D\x1b[D"); // left x3: before "rld"
    await t.type("o");
    await t.type("\x1b[H\x1b[3~\x1b[3~\x1b[3~\x1b[3~\x1b[3~"); // Home, delete "echo "
    await t.type("printf_\x1b[F"); // End
    expect(t.screen()).toEqual(["$ printf_world"]);
    await t.type("\x7f\x7f\x7f\x7f\x7f\x7f\x01\x0b"); // Backspace x6, Ctrl-A, Ctrl-K
    expect(t.screen()).toEqual(["$"]);
    expect(t.cursor()).toEqual({ row: 0, column: 2 });
  });

  it("deletes a word with Ctrl-W and the line with Ctrl-U", async () => {
    const t = setUp();
    await t.type("aws kms list-keys\x17");
    expect(t.screen()).toEqual(["$ aws kms"]);
    await t.type("\x15");
    expect(t.screen()).toEqual(["$"]);
  });

  it("recalls earlier commands with Up and Down, and keeps the line being typed", async () => {
    const t = setUp({ run: echo });
    await t.type("echo one\r");
    await t.type("echo two\r");
    await t.type("ec\x1b[A");
    expect(t.controller.currentLine).toBe("echo two");
    await t.type("\x1b[A");
    expect(t.controller.currentLine).toBe("echo one");
    await t.type("\x1b[B\x1b[B");
    expect(t.controller.currentLine).toBe("ec");
    await t.type("\x15\x1b[A\r");
    expect(t.ran).toEqual(["echo one", "echo two", "echo two"]);
    expect(t.history.list()).toEqual(["echo one", "echo two"]);
  });

  it("cancels the line with Ctrl-C, printing ^C", async () => {
    const t = setUp();
    await t.type("aws kms decrypt\x03");
    expect(t.screen()).toEqual(["$ aws kms decrypt^C", "$"]);
    expect(t.ran).toEqual([]);
  });

  it("clears the screen with Ctrl-L and keeps the line being typed", async () => {
    const t = setUp({ run: echo });
    await t.type("echo a\r");
    await t.type("echo b\x0c");
    const visible = t.screen().slice(t.term.buffer.active.baseY);
    expect(visible).toEqual(["$ echo b"]);
    expect(t.cursor().row - t.term.buffer.active.baseY).toBe(0);
  });

  it("lets `clear` clear the screen with the sequences it prints", async () => {
    const t = setUp({ run: (command) => (command === "clear" ? { stdout: "\x1b[H\x1b[2J\x1b[3J", stderr: "", exitCode: 0 } : echo(command)) });
    await t.type("echo a\r");
    await t.type("clear\r");
    expect(t.screen()).toEqual(["$"]);
  });

  it("completes a single candidate and lists several below the line", async () => {
    const complete = (line: string, cursor: number): Completion | undefined => {
      const start = line.lastIndexOf(" ", cursor - 1) + 1;
      const word = line.slice(start, cursor);
      const words = line.startsWith("aws ") && start === 4 ? ["kms", "secretsmanager", "ssm", "sts"] : [];
      return { start, end: cursor, candidates: words.filter((candidate) => candidate.startsWith(word)) };
    };
    const t = setUp({ complete });
    await t.type("aws km\t");
    expect(t.controller.currentLine).toBe("aws kms ");
    await t.type("\x15aws s\t");
    expect(t.screen()).toEqual(["$ aws s", "secretsmanager  ssm             sts", "$ aws s"]);
    await t.type("s\t");
    expect(t.controller.currentLine).toBe("aws ssm ");
  });

  it("runs a multi-line paste line by line", async () => {
    const t = setUp({ run: echo });
    await t.type("echo one\r\necho two\n");
    expect(t.ran).toEqual(["echo one", "echo two"]);
    expect(t.screen()).toEqual(["$ echo one", "one", "$ echo two", "two", "$"]);
  });

  it("continues a command ending in a backslash on a > prompt and runs it whole", async () => {
    const t = setUp({ run: echo });
    t.controller.typeCommands("echo a \\\n  b");
    await t.settle();
    expect(t.ran).toEqual(["echo a \\\n  b"]);
    expect(t.screen().slice(0, 2)).toEqual(["$ echo a \\", ">   b"]);
    expect(t.history.list()).toEqual(["echo a   b"]);
  });

  it("discards an unfinished multi-line command on Ctrl-C", async () => {
    const t = setUp({ run: echo });
    await t.type("echo 'open\r");
    await t.type("more\x03");
    await t.type("echo ok\r");
    expect(t.ran).toEqual(["echo ok"]);
  });

  it("wraps a line longer than the terminal and edits across the wrap", async () => {
    const t = setUp({ cols: 20 });
    const long = "aws kms describe-key --key-id 1234abcd";
    await t.type(long);
    expect(t.screen()).toEqual(["$ aws kms describe-k", "ey --key-id 1234abcd", ""].slice(0, 2).concat(t.screen().slice(2)));
    await t.type("\x01");
    expect(t.cursor()).toEqual({ row: 0, column: 2 });
    await t.type("X\x05");
    expect(t.screen()[0]).toBe("$ Xaws kms describe-");
    expect(t.screen()[2]).toBe("d");
    expect(t.cursor()).toEqual({ row: 2, column: 1 });
  });

  it("keeps a line that exactly fills the rows as one line (wrapped, not broken)", async () => {
    const t = setUp({ cols: 20, run: echo });
    const word = "x".repeat(33); // "$ echo " + 33 characters: two full rows
    await t.type(`echo ${word}`);
    expect(t.cursor()).toEqual({ row: 2, column: 0 });
    expect([1, 2].map((row) => t.term.buffer.active.getLine(row)!.isWrapped)).toEqual([true, true]);
    await t.type("\r");
    expect(t.screen()).toEqual([`$ echo ${"x".repeat(13)}`, "x".repeat(20), "", "x".repeat(20), "x".repeat(13), "$"]);
    expect([3, 4].map((row) => t.term.buffer.active.getLine(row)!.isWrapped)).toEqual([false, true]);
  });

  it("ends output without a final newline so the prompt starts at the left", async () => {
    const t = setUp({ run: () => ({ stdout: "no newline", stderr: "", exitCode: 0 }) });
    await t.type("printf x\r");
    expect(t.screen()).toEqual(["$ printf x", "no newline", "$"]);
  });

  it("shows stderr after stdout", async () => {
    const t = setUp({ run: () => ({ stdout: "out\n", stderr: "aws: error\n", exitCode: 252 }) });
    await t.type("aws x\r");
    expect(t.screen()).toEqual(["$ aws x", "out", "aws: error", "$"]);
  });

  it("handles type-ahead while a command runs, in order", async () => {
    const t = setUp({ run: echo });
    t.controller.input("echo 1\r");
    t.controller.input("echo 2\r");
    await t.settle();
    expect(t.ran).toEqual(["echo 1", "echo 2"]);
  });

  it("reports the time from Enter to the output written", async () => {
    const t = setUp({ run: echo });
    await t.type("echo timed\r");
    await t.settle();
    expect(t.timings).toHaveLength(1);
    expect(t.timings[0]!.command).toBe("echo timed");
    expect(t.timings[0]!.milliseconds).toBeGreaterThanOrEqual(0);
  });

  it("replays earlier commands and output under the greeting when a view opens again", async () => {
    const t = setUp({ start: false });
    t.controller.start({ replay: [{ prompt: "$ ", command: "echo hi", output: "hi\n" }], greeting: "Welcome back." });
    await t.settle();
    expect(t.screen()).toEqual(["Welcome back.", "$ echo hi", "hi", "$"]);
  });

  it("records multi-line commands in history as one line", () => {
    expect(historyEntry("aws kms encrypt \\\n    --key-id k")).toBe("aws kms encrypt     --key-id k");
  });
});
