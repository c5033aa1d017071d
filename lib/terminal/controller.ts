/**
 * The shell's front end in the terminal: reads keys, edits the line, keeps
 * history, completes with Tab, runs each finished command through the
 * session and writes its output. It knows the terminal only as something
 * to write VT text to and a width, so it runs the same under xterm.js in
 * the browser and under a stand-in in unit tests.
 *
 * Input arriving while a command runs waits in a queue and is handled after
 * it, as type-ahead in a real terminal.
 */

import { applyCompletion, formatColumns, type Completion } from "./completion";
import type { CommandHistory } from "./history";
import { parseKeys, type Key } from "./keys";
import * as edit from "./line-editor";
import { sanitizeOutput, toTerminalText } from "./output";
import { displayWidth, drawLine, moveToLineEnd, stripAnsi } from "./render";
import type { CommandOutput } from "./session-port";

export interface TerminalSurface {
  /** Writes VT text; `done` runs once the terminal has processed it. */
  write(data: string, done?: () => void): void;
  readonly cols: number;
}

export interface TranscriptEntry {
  prompt: string;
  command: string;
  output: string;
}

export interface CommandTiming {
  command: string;
  /** From Enter to the output written to the terminal. */
  milliseconds: number;
}

export interface ControllerOptions {
  surface: TerminalSurface;
  run(command: string): Promise<CommandOutput>;
  complete(line: string, cursor: number): Completion | undefined | Promise<Completion | undefined>;
  needsMoreInput(text: string): boolean | Promise<boolean>;
  /**
   * Ctrl-C while a command runs: stop it. The pending `run` then resolves
   * with what to show after the ^C (the session has already said why).
   */
  interrupt?(): void;
  history: CommandHistory;
  /** The prompt (may contain colour sequences), asked again before each line. */
  prompt(): string;
  onTiming?(timing: CommandTiming): void;
  /** A clock in milliseconds; performance.now in the browser. */
  now?(): number;
}

export const CONTINUATION_PROMPT = "> ";
/** Output that ends by clearing the screen (`clear`) leaves the cursor at the top left already. */
const ENDS_WITH_CLEAR = /(?:\x1b\[[23]J|\x1bc)$/;
/** SGR 0: default colours and attributes. */
const RESET_ATTRIBUTES = "\x1b[0m";
/** Candidates listed at most by one Tab (bash asks first past its limit; a list this long helps nobody). */
const MAX_LISTED = 200;

/** The history entry for a command typed over several lines: backslash-newlines joined, as bash records them. */
export function historyEntry(command: string): string {
  return command.replace(/\\\n/g, "").replace(/\n/g, " ");
}

/** What the terminal shows for a finished command: both streams as they were written, else stdout then stderr. */
export function commandOutput(result: CommandOutput): string {
  return result.output ?? result.stdout + result.stderr;
}

export class TerminalController {
  private line: edit.LineState = edit.emptyLine;
  /** Earlier lines of a command that needs more input. */
  private earlierLines: string[] = [];
  private currentPrompt = "";
  private cursorRow = 0;
  private queue: Key[] = [];
  private draining = false;
  /** A command is running (its Enter was handled, its output not yet written). */
  private running = false;
  private dirty = false;
  private disposed = false;
  private idleWaiters: (() => void)[] = [];
  /** Screen updates not yet written (see emit). */
  private unwritten = "";

  constructor(private readonly options: ControllerOptions) {}

  /** Shows the greeting, earlier commands (after a view switch) and the first prompt. */
  start(options: { replay?: readonly TranscriptEntry[]; greeting?: string } = {}): void {
    // The greeting goes first: a view opened again (screen reader mode off) shows the session as it began, not a second greeting under it.
    let text = options.greeting ? toTerminalText(options.greeting.endsWith("\n") ? options.greeting : `${options.greeting}\n`) : "";
    for (const entry of options.replay ?? []) {
      text += `${entry.prompt}${entry.command.replace(/\n/g, `\r\n${CONTINUATION_PROMPT}`)}\r\n${this.outputText(entry.output)}`;
    }
    if (text) this.emit(text);
    this.showPrompt();
    this.flush();
  }

  /** Data typed or pasted into the terminal (xterm's onData). */
  input(data: string): void {
    if (this.disposed) return;
    if (this.running && this.options.interrupt && data.includes("\x03")) {
      // As a terminal's line discipline does on INTR: echo ^C, drop the type-ahead, signal the command.
      this.queue = [];
      this.options.surface.write("^C");
      this.options.interrupt();
      return;
    }
    this.queue.push(...parseKeys(data));
    void this.drain();
  }

  /** Types text as if pasted and presses Enter after every line: "Run in sandbox". */
  typeCommands(text: string): void {
    const lines = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "");
    this.input(`${lines.replace(/\n/g, "\r")}\r`);
  }

  /** Resolves when every queued key has been handled and no command runs. */
  whenIdle(): Promise<void> {
    if (!this.draining && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The terminal changed width and reflowed: find the cursor's row again. */
  resized(): void {
    this.cursorRow = Math.floor((displayWidth(this.currentPrompt) + displayWidth(this.line.text.slice(0, this.line.cursor))) / Math.max(1, this.options.surface.cols));
  }

  /** Clears the screen (Ctrl-L, or a button) and redraws the line being typed at the top. */
  clearScreen(): void {
    this.emit("\x1b[H\x1b[2J");
    this.cursorRow = 0;
    this.redraw();
    if (!this.draining) this.flush();
  }

  dispose(): void {
    this.disposed = true;
    this.queue = [];
  }

  get currentLine(): string {
    return this.line.text;
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0 && !this.disposed) {
        const key = this.queue.shift()!;
        await this.handle(key);
      }
      if (this.dirty) this.redraw();
      this.flush();
    } finally {
      this.draining = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private setLine(next: edit.LineState): void {
    if (next.text === this.line.text && next.cursor === this.line.cursor) {
      this.line = next;
      return;
    }
    this.line = next;
    this.dirty = true;
  }

  private async handle(key: Key): Promise<void> {
    const line = this.line;
    switch (key.kind) {
      case "text":
        return this.setLine(edit.insert(line, key.text));
      case "backspace":
        return this.setLine(edit.backspace(line));
      case "delete":
        return this.setLine(edit.deleteForward(line));
      case "eof":
        // bash leaves on Ctrl-D at an empty prompt; there is nowhere to leave to here.
        return this.setLine(edit.deleteForward(line));
      case "left":
        return this.setLine(edit.moveLeft(line));
      case "right":
        return this.setLine(edit.moveRight(line));
      case "wordLeft":
        return this.setLine(edit.moveWordLeft(line));
      case "wordRight":
        return this.setLine(edit.moveWordRight(line));
      case "home":
        return this.setLine(edit.moveHome(line));
      case "end":
        return this.setLine(edit.moveEnd(line));
      case "killToStart":
        return this.setLine(edit.killToStart(line));
      case "killToEnd":
        return this.setLine(edit.killToEnd(line));
      case "killWordBack":
        return this.setLine(edit.killWordBack(line));
      case "yank":
        return this.setLine(edit.yank(line));
      case "up": {
        const entry = this.options.history.previous(line.text);
        if (entry !== undefined) this.setLine({ ...edit.lineOf(entry), killed: line.killed });
        return;
      }
      case "down": {
        const entry = this.options.history.next();
        if (entry !== undefined) this.setLine({ ...edit.lineOf(entry), killed: line.killed });
        return;
      }
      case "interrupt":
        return this.interrupt();
      case "clearScreen":
        return this.clearScreen();
      case "tab":
        return this.completeWord();
      case "enter":
        return this.enter();
      case "escape":
        return;
    }
  }

  /**
   * Screen updates wait in `unwritten` and go to the terminal in one write.
   * xterm.js parses the first write after a keystroke at once and delays
   * later ones to its next task, so a command's line break, output and new
   * prompt written together appear without that delay.
   */
  private emit(sequence: string): void {
    this.unwritten += sequence;
  }

  private flush(done?: () => void): void {
    const data = this.unwritten;
    this.unwritten = "";
    if (data) this.options.surface.write(data, done);
    else done?.();
  }

  private redraw(): void {
    const drawn = drawLine(this.currentPrompt, this.line.text, this.line.cursor, this.options.surface.cols, this.cursorRow);
    this.emit(drawn.sequence);
    this.cursorRow = drawn.cursorRow;
    this.dirty = false;
  }

  private showPrompt(): void {
    this.currentPrompt = this.earlierLines.length > 0 ? CONTINUATION_PROMPT : this.options.prompt();
    this.line = { ...edit.emptyLine, killed: this.line.killed };
    this.cursorRow = 0;
    this.redraw();
  }

  /** Leaves the cursor on a fresh row under the line being edited. */
  private leaveLine(suffix = ""): void {
    if (this.dirty) this.redraw();
    this.emit(`${moveToLineEnd(this.currentPrompt, this.line.text, this.options.surface.cols, this.cursorRow)}${suffix}\r\n`);
    this.cursorRow = 0;
  }

  private interrupt(): void {
    this.leaveLine("^C");
    this.earlierLines = [];
    this.options.history.resetCursor();
    this.showPrompt();
  }

  private async completeWord(): Promise<void> {
    const outcome = applyCompletion(this.line, await this.options.complete(this.line.text, this.line.cursor));
    if (outcome.kind === "completed") return this.setLine(outcome.line);
    if (outcome.kind === "list") {
      this.leaveLine();
      const shown = outcome.candidates.slice(0, MAX_LISTED);
      // Candidates are file names too: a name may hold escape sequences, which must not reach the terminal as such.
      const rows = formatColumns(shown.map((candidate) => sanitizeOutput(candidate)), this.options.surface.cols);
      if (outcome.candidates.length > shown.length) rows.push(`(${outcome.candidates.length - shown.length} more: type a few more letters)`);
      this.emit(`${rows.join("\r\n")}\r\n`);
      this.redraw();
    }
  }

  private async enter(): Promise<void> {
    const text = this.line.text;
    this.leaveLine();
    const command = [...this.earlierLines, text].join("\n");
    if (command.trim() !== "" && (await this.options.needsMoreInput(command))) {
      this.earlierLines.push(text);
      this.showPrompt();
      return;
    }
    this.earlierLines = [];
    this.options.history.add(historyEntry(command));
    this.options.history.resetCursor();
    if (command.trim() === "") return this.showPrompt();

    const now = this.options.now ?? (() => Date.now());
    const started = now();
    let output: string;
    this.running = true;
    try {
      output = commandOutput(await this.options.run(command));
    } catch (error) {
      // The session promises never to throw; if it does, say so instead of freezing the prompt.
      output = `sandbox: internal error: ${error instanceof Error ? error.message : String(error)}\n`;
    } finally {
      this.running = false;
    }
    if (this.disposed) return;
    this.emit(this.outputText(output));
    this.showPrompt();
    this.flush(() => this.options.onTiming?.({ command, milliseconds: now() - started }));
  }

  /**
   * Output as the terminal writes it (only text, colours, cursor moves and
   * erasing: see output.ts). A last line without "\n" is ended, so that the
   * prompt starts at the left edge (where bash would put the prompt right
   * after it, as `echo -n hi` shows), and colours are reset, so that output
   * cannot colour the prompt or what is typed after it.
   */
  private outputText(output: string): string {
    if (!output) return "";
    const visible = toTerminalText(output);
    if (stripAnsi(visible) === "") return visible === "" ? "" : `${visible}${RESET_ATTRIBUTES}`;
    return `${visible.endsWith("\n") || ENDS_WITH_CLEAR.test(visible) ? visible : `${visible}\r\n`}${RESET_ATTRIBUTES}`;
  }
}
