import xterm from "@xterm/headless";
import { describe, expect, it } from "vitest";
import { TerminalController } from "@/lib/terminal/controller";
import { CommandHistory } from "@/lib/terminal/history";
import { sanitizeOutput, toPlainText } from "@/lib/terminal/output";
import { CLEAR_SCREEN } from "@/lib/sandbox/shell";

const { Terminal } = xterm;
type HeadlessTerminal = InstanceType<typeof Terminal>;

/**
 * Program output cannot type into the prompt or leave the terminal in a
 * mode. Each sequence below is first written straight to a headless
 * xterm.js, to show that it does answer or does switch the mode there; then
 * a command prints it through the terminal controller (as `printf` would),
 * with xterm's onData wired to the controller as on the page, and nothing
 * may come back and every mode must be as before.
 */

function setUp() {
  const term = new Terminal({ cols: 80, rows: 24, allowProposedApi: true });
  const answers: string[] = [];
  let next = "";
  const controller = new TerminalController({
    surface: { write: (data, done) => term.write(data, done), get cols() { return term.cols; } },
    run: async () => ({ stdout: next, stderr: "", exitCode: 0 }),
    complete: () => undefined,
    needsMoreInput: () => false,
    history: new CommandHistory([]),
    // A plain prompt: nothing in it resets colours, so output left coloured would colour it.
    prompt: () => "$ ",
  });
  // As on the page: what the terminal sends is what the learner typed.
  term.onData((data) => {
    answers.push(data);
    controller.input(data);
  });
  controller.start();
  const settle = async () => {
    await controller.whenIdle();
    await new Promise<void>((resolve) => term.write("", resolve));
    await controller.whenIdle();
  };
  const print = async (output: string) => {
    next = output;
    controller.input("printf\r");
    await settle();
  };
  const line = (row: number) => term.buffer.active.getLine(row)?.translateToString(true).trimEnd() ?? "";
  return { term, controller, answers, print, settle, line };
}

async function writeRaw(term: HeadlessTerminal, data: string): Promise<void> {
  await new Promise<void>((resolve) => term.write(data, resolve));
}

/** Internals that xterm.js has no public API for (checked here so that the test sees what the screen would). */
function internals(term: HeadlessTerminal): { cursorHidden: boolean; scrollTop: number; scrollBottom: number; cursorStyle: unknown } {
  const core = (term as unknown as { _core: { coreService: { isCursorHidden: boolean; decPrivateModes: { cursorStyle?: unknown } }; buffer: { scrollTop: number; scrollBottom: number } } })._core;
  return { cursorHidden: core.coreService.isCursorHidden, scrollTop: core.buffer.scrollTop, scrollBottom: core.buffer.scrollBottom, cursorStyle: core.coreService.decPrivateModes.cursorStyle };
}

const ANSWERED: [string, string][] = [
  ["device status report, ESC[5n", "\x1b[5n"],
  ["cursor position report, ESC[6n", "\x1b[6n"],
  ["DEC cursor position report, ESC[?6n", "\x1b[?6n"],
  ["primary device attributes, ESC[c", "\x1b[c"],
  ["primary device attributes, ESC[0c", "\x1b[0c"],
  ["secondary device attributes, ESC[>c", "\x1b[>c"],
  ["DEC private mode query (DECRQM), ESC[?1$p", "\x1b[?1$p"],
  ["ANSI mode query (DECRQM), ESC[4$p", "\x1b[4$p"],
  ["setting query (DECRQSS) for SGR", "\x1bP$qm\x1b\\"],
  ["setting query (DECRQSS) for the scroll region", "\x1bP$qr\x1b\\"],
  ["cursor position report with the 8-bit CSI (U+009B)", "\x9b6n"],
];

describe("sequences that make the terminal answer", () => {
  it.each(ANSWERED)("%s: xterm.js answers it, the sandbox terminal never sends it", async (_, sequence) => {
    const raw = new Terminal({ cols: 80, rows: 24, allowProposedApi: true });
    const rawAnswers: string[] = [];
    raw.onData((data) => rawAnswers.push(data));
    await writeRaw(raw, sequence);
    expect(rawAnswers.length).toBeGreaterThan(0);

    const t = setUp();
    await t.print(`before${sequence}after\n`);
    expect(t.answers).toEqual([]);
    expect(t.controller.currentLine).toBe("");
    expect(t.line(1)).toBe("beforeafter");
  });

  it("drops queries xterm.js answers in the browser (colours, window reports, versions) with their text", () => {
    const queries = ["\x1b]10;?\x07", "\x1b]11;?\x1b\\", "\x1b]4;1;?\x07", "\x1b[14t", "\x1b[18t", "\x1b[21t", "\x1b[>q", "\x1b[?u", "\x1bP+q544e\x1b\\", "\x9d11;?\x9c", "\x05", "\x1bZ"];
    for (const query of queries) expect({ query, kept: sanitizeOutput(`a${query}b`) }).toEqual({ query, kept: "ab" });
  });
});

const DEFAULT_MODES = {
  applicationCursorKeysMode: false,
  applicationKeypadMode: false,
  bracketedPasteMode: false,
  insertMode: false,
  mouseTrackingMode: "none",
  originMode: false,
  reverseWraparoundMode: false,
  sendFocusMode: false,
  synchronizedOutputMode: false,
  wraparoundMode: true,
};

const MODES: [string, string, (term: HeadlessTerminal) => boolean][] = [
  ["application cursor keys, ESC[?1h", "\x1b[?1h", (term) => term.modes.applicationCursorKeysMode],
  ["bracketed paste, ESC[?2004h", "\x1b[?2004h", (term) => term.modes.bracketedPasteMode],
  ["mouse reporting, ESC[?1000h", "\x1b[?1000h", (term) => term.modes.mouseTrackingMode !== "none"],
  ["mouse reporting with drags, ESC[?1002h", "\x1b[?1002h", (term) => term.modes.mouseTrackingMode !== "none"],
  ["mouse reporting of every move, ESC[?1003h", "\x1b[?1003h", (term) => term.modes.mouseTrackingMode !== "none"],
  ["X10 mouse reporting, ESC[?9h", "\x1b[?9h", (term) => term.modes.mouseTrackingMode !== "none"],
  ["focus reporting, ESC[?1004h", "\x1b[?1004h", (term) => term.modes.sendFocusMode],
  ["the alternate screen, ESC[?1049h", "\x1b[?1049h", (term) => term.buffer.active.type === "alternate"],
  ["the alternate screen, ESC[?47h", "\x1b[?47h", (term) => term.buffer.active.type === "alternate"],
  ["the alternate screen, ESC[?1047h", "\x1b[?1047h", (term) => term.buffer.active.type === "alternate"],
  ["insert mode, ESC[4h", "\x1b[4h", (term) => term.modes.insertMode],
  ["application keypad, ESC =", "\x1b=", (term) => term.modes.applicationKeypadMode],
  ["origin mode, ESC[?6h", "\x1b[?6h", (term) => term.modes.originMode],
  ["no line wrapping, ESC[?7l", "\x1b[?7l", (term) => !term.modes.wraparoundMode],
  ["reverse wraparound, ESC[?45h", "\x1b[?45h", (term) => term.modes.reverseWraparoundMode],
  ["synchronized output, ESC[?2026h", "\x1b[?2026h", (term) => term.modes.synchronizedOutputMode],
  ["a hidden cursor, ESC[?25l", "\x1b[?25l", (term) => internals(term).cursorHidden],
  ["a scroll region, ESC[3;5r", "\x1b[3;5r", (term) => internals(term).scrollBottom !== term.rows - 1],
  ["a cursor style, ESC[5 q", "\x1b[5 q", (term) => internals(term).cursorStyle !== undefined],
];

describe("sequences that switch on a mode that would outlive the command", () => {
  it.each(MODES)("%s: xterm.js switches it on, the sandbox terminal leaves it off", async (_, sequence, isOn) => {
    const raw = new Terminal({ cols: 80, rows: 24, allowProposedApi: true });
    await writeRaw(raw, sequence);
    expect(isOn(raw)).toBe(true);

    const t = setUp();
    await t.print(`${sequence}text\n`);
    expect(isOn(t.term)).toBe(false);
    expect(t.term.modes).toEqual(DEFAULT_MODES);
    expect(t.term.buffer.active.type).toBe("normal");
    expect(internals(t.term)).toEqual({ cursorHidden: false, scrollTop: 0, scrollBottom: t.term.rows - 1, cursorStyle: undefined });
    expect(t.line(1)).toBe("text");
  });

  it("keeps the character set: line drawing (ESC ( 0) and shift-out (SO) do not turn letters into lines", async () => {
    const raw = new Terminal({ cols: 80, rows: 24, allowProposedApi: true });
    await writeRaw(raw, "\x1b(0q\x1b(B\x1b)0\x0eq");
    expect(raw.buffer.active.getLine(0)?.translateToString(true)).toBe("──");

    const t = setUp();
    await t.print("\x1b(0q\x1b)0\x0eq\n");
    await t.print("qqq\n");
    expect([t.line(1), t.line(3)]).toEqual(["qq", "qqq"]);
  });

  it("keeps the window title and the tab stops", async () => {
    const t = setUp();
    const titles: string[] = [];
    t.term.onTitleChange((title) => titles.push(title));
    await t.print("\x1b]0;owned\x07\x1b]2;owned\x1b\\\x1b[3g\x1b[5G\x1bHa\tb\n");
    await t.print("x\ty\n");
    expect(titles).toEqual([]);
    expect(t.line(3)).toBe("x       y");
  });
});

describe("what output may do", () => {
  it("colours text, and the prompt after it is never coloured", async () => {
    const t = setUp();
    await t.print("\x1b[31mred\x1b[1;38;5;208mbold\x1b[38:2::0:255:0mgreen");
    const row = t.term.buffer.active.getLine(1);
    expect(row?.translateToString(true)).toBe("redboldgreen");
    expect([row?.getCell(0)?.isFgPalette(), row?.getCell(0)?.getFgColor()]).toEqual([true, 1]);
    expect([row?.getCell(3)?.getFgColor(), row?.getCell(3)?.isBold() !== 0]).toEqual([208, true]);
    expect(row?.getCell(7)?.isFgRGB()).toBe(true);
    t.controller.input("x");
    await t.settle();
    const prompt = t.term.buffer.active.getLine(2);
    expect(prompt?.translateToString(true)).toBe("$ x");
    expect([prompt?.getCell(0)?.isFgDefault(), prompt?.getCell(2)?.isFgDefault(), prompt?.getCell(2)?.isBold()]).toEqual([true, true, 0]);
    expect(prompt?.getCell(2)?.isFgRGB()).toBe(false);
  });

  it("moves the cursor and erases: progress lines, cursor keys, erase in line and display", async () => {
    const t = setUp();
    await t.print("10%\r50%\r100%\nabcdef\x1b[3D\x1b[K!\nxyz\x1b[2K\r\x1b[1Gok\x1b[1A\x1b[2C+\n\n");
    expect([t.line(1), t.line(2), t.line(3)]).toEqual(["100%", "abc!+", "ok"]);
    const kept = ["\x1b[2;3H", "\x1b[5;1f", "\x1b[3d", "\x1b[7`", "\x1b[2a", "\x1b[1e", "\x1b[E", "\x1b[F", "\x1b[J", "\x1b[1J", "\x1b[3J", "\x1b[4X"];
    for (const sequence of kept) expect(sanitizeOutput(sequence)).toBe(sequence);
  });

  it("clears the screen with `clear`'s sequence, and a full reset (ESC c) becomes that clear", async () => {
    const t = setUp();
    await t.print("one\n");
    await t.print(CLEAR_SCREEN);
    expect(t.line(0)).toBe("$");
    await t.print("two\n\x1bc");
    expect(t.line(0)).toBe("$");
    expect(t.term.modes).toEqual(DEFAULT_MODES);
  });

  it("keeps text, tabs, backspaces and Unicode, and drops other control characters (BEL, DEL, C1)", () => {
    expect(sanitizeOutput("a\tb\bc\r\nd\x07e\x7ff\x0bg\x0ch\u0085i é 😀")).toBe("a\tb\bc\r\ndefghi é 😀");
    expect(toPlainText("\x1b[31mred\x1b[0m\x1b]0;t\x07\r\n\x1b[?25l")).toBe("red\n");
  });

  it("drops a sequence cut off at the end of the output, or broken by a line end", () => {
    expect(sanitizeOutput("ok\x1b[31")).toBe("ok");
    expect(sanitizeOutput("ok\x1b]0;title")).toBe("ok");
    expect(sanitizeOutput("a\x1b[3\nb")).toBe("a\nb");
    expect(sanitizeOutput("a\x1b")).toBe("a");
  });
});
