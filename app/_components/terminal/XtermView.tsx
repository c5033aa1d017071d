"use client";

import { FitAddon } from "@xterm/addon-fit";
import { Terminal } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import { useEffect, useRef } from "react";
import { colouredPrompt, promptText } from "@/lib/terminal/commands";
import { TerminalController } from "@/lib/terminal/controller";
import type { SandboxHost } from "@/lib/terminal/session-host";
import { sharedHistory } from "./hosts";

/**
 * Performance entries the benchmark reads: from Enter to the command's
 * output written into xterm.js, and to the next frame xterm.js drew.
 */
export const COMMAND_START_MARK = "sandbox-command-start";
export const COMMAND_MEASURE = "sandbox-command";
export const COMMAND_RENDERED_MEASURE = "sandbox-command-rendered";

const theme = {
  background: "#0b1120",
  foreground: "#e2e8f0",
  cursor: "#e2e8f0",
  cursorAccent: "#0b1120",
  selectionBackground: "#334155",
  black: "#1e293b",
  red: "#f87171",
  green: "#4ade80",
  yellow: "#facc15",
  blue: "#60a5fa",
  magenta: "#e879f9",
  cyan: "#22d3ee",
  white: "#e2e8f0",
  brightBlack: "#94a3b8",
  brightRed: "#fca5a5",
  brightGreen: "#86efac",
  brightYellow: "#fde047",
  brightBlue: "#93c5fd",
  brightMagenta: "#f0abfc",
  brightCyan: "#67e8f9",
  brightWhite: "#f8fafc",
};

export interface ViewHandle {
  typeCommands(text: string): void;
  focus(): void;
}

/**
 * The sandbox in xterm.js: the terminal fills its box and follows its
 * size; the controller (lib/terminal) does the shell's line editing.
 *
 * Keys the page needs back: Shift-Tab, and Tab right after Escape, move
 * focus out (Tab alone completes); Ctrl-C with a selection, and
 * Ctrl-Shift-C, copy; Ctrl-V pastes through the browser's paste event.
 */
export function XtermView({ host, greeting, autoFocus, onHandle }: { host: SandboxHost; greeting?: string | (() => string); autoFocus?: boolean; onHandle(handle: ViewHandle | undefined): void }) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const term = new Terminal({
      cursorBlink: true,
      fontFamily: 'ui-monospace, "SF Mono", "Cascadia Code", "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 14,
      lineHeight: 1.15,
      scrollback: 5000,
      theme,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(element);
    const textarea = element.querySelector("textarea");
    textarea?.setAttribute("aria-label", "Sandbox terminal input. Tab completes; press Escape then Tab to leave the terminal.");
    const refit = () => {
      try {
        fit.fit();
      } catch {
        // The box is hidden (zero size): keep the last size.
      }
    };
    refit();

    let started = 0;
    const prompt = () => promptText(host.cwd, host.home);
    const controller = new TerminalController({
      surface: { write: (data, done) => term.write(data, done), get cols() { return term.cols; } },
      run: (command) => {
        started = performance.mark(COMMAND_START_MARK).startTime;
        return host.run(command, prompt());
      },
      complete: (line, cursor) => host.complete(line, cursor),
      needsMoreInput: (text) => host.needsMoreInput(text),
      interrupt: () => host.interrupt(),
      history: sharedHistory(),
      prompt: () => colouredPrompt(host.cwd, host.home),
      now: () => performance.now(),
      onTiming: ({ command }) => {
        const start = started;
        performance.measure(COMMAND_MEASURE, { start, detail: { command } });
        const rendered = term.onRender(() => {
          rendered.dispose();
          performance.measure(COMMAND_RENDERED_MEASURE, { start, detail: { command } });
        });
      },
    });

    let tabLeaves = false;
    term.attachCustomKeyEventHandler((event) => {
      if (event.type !== "keydown") return true;
      const key = event.key.toLowerCase();
      if (event.key === "Tab") {
        const leave = tabLeaves || event.shiftKey;
        tabLeaves = false;
        return !leave; // false: xterm ignores the key and the browser moves focus
      }
      tabLeaves = event.key === "Escape";
      const modifier = event.ctrlKey || event.metaKey;
      if (modifier && key === "c" && (event.shiftKey || term.hasSelection())) return false;
      if (modifier && key === "v") return false;
      return true;
    });
    const resize = term.onResize(() => controller.resized());
    const observer = new ResizeObserver(() => refit());
    observer.observe(element);
    if (autoFocus) term.focus();

    // The terminal is up before the sandbox's worker is: say so, and start the prompt once it answers.
    let disposed = false;
    let data: { dispose(): void } | undefined;
    const begin = () => {
      if (disposed) return;
      const text = typeof greeting === "function" ? greeting() : greeting;
      controller.start({ replay: host.transcript, ...(text ? { greeting: text } : {}) });
      data = term.onData((input) => controller.input(input));
      onHandle({
        typeCommands: (text) => {
          term.focus();
          controller.typeCommands(text);
        },
        focus: () => term.focus(),
      });
    };
    if (host.status.ready) begin();
    else {
      term.write("\x1b[2mStarting the sandbox…\x1b[0m");
      void host.ready.then(
        () => {
          if (disposed) return;
          term.write("\r\x1b[2K");
          begin();
        },
        () => undefined,
      );
    }
    return () => {
      disposed = true;
      onHandle(undefined);
      observer.disconnect();
      data?.dispose();
      resize.dispose();
      controller.dispose();
      term.dispose();
    };
    // The view is rebuilt (by key) when the sandbox is reset or imported; greeting and focus apply at mount only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  return <div ref={box} className="sandbox-xterm h-full w-full" data-testid="sandbox-terminal" />;
}
