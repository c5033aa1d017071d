"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { promptText, splitCommands } from "@/lib/terminal/commands";
import { historyEntry, type TranscriptEntry } from "@/lib/terminal/controller";
import { toPlainText } from "@/lib/terminal/output";
import type { SandboxHost } from "@/lib/terminal/session-host";
import { sharedHistory } from "./hosts";
import type { ViewHandle } from "./XtermView";

/**
 * The sandbox for screen readers and anyone who prefers plain HTML: a
 * labelled command field and a log of commands and their output that
 * announces each new result. Same session and history as the terminal.
 */
export function AccessibleView({ host, greeting, autoFocus, onHandle }: { host: SandboxHost; greeting?: string; autoFocus?: boolean; onHandle(handle: ViewHandle | undefined): void }) {
  const inputId = useId();
  const helpId = useId();
  const input = useRef<HTMLInputElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const [value, setValue] = useState("");
  const [pending, setPending] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const entries = useSyncExternalStore(
    (listener) => host.subscribe(listener),
    () => host.transcript,
    () => host.transcript,
  );
  const queue = useRef<Promise<void>>(Promise.resolve());

  const runAll = (text: string) => {
    queue.current = queue.current.then(async () => {
      setBusy(true);
      try {
        const commands = await splitCommands(text, (candidate) => host.needsMoreInput(candidate));
        for (const command of commands) {
          sharedHistory().add(historyEntry(command));
          await host.run(command, promptText(host.cwd, host.home));
        }
      } finally {
        setBusy(false);
      }
    });
    return queue.current;
  };

  useEffect(() => {
    if (autoFocus) input.current?.focus();
    onHandle({
      typeCommands: (text) => {
        input.current?.focus();
        void runAll(text);
      },
      focus: () => input.current?.focus(),
    });
    return () => onHandle(undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  useEffect(() => {
    const element = log.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [entries]);

  const submit = async () => {
    const line = value;
    const command = [...pending, line].join("\n");
    setValue("");
    sharedHistory().resetCursor();
    if (command.trim() !== "" && (await host.needsMoreInput(command))) {
      setPending([...pending, line]);
      return;
    }
    setPending([]);
    if (command.trim() === "") return;
    void runAll(command);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowUp") {
      const entry = sharedHistory().previous(value);
      if (entry !== undefined) setValue(entry);
      event.preventDefault();
    } else if (event.key === "ArrowDown") {
      const entry = sharedHistory().next();
      if (entry !== undefined) setValue(entry);
      event.preventDefault();
    } else if (event.key === "c" && event.ctrlKey && !window.getSelection()?.toString()) {
      // Stops a running command, as in the terminal; otherwise drops the line being typed.
      if (host.status.busy) host.interrupt();
      setValue("");
      setPending([]);
      event.preventDefault();
    }
  };

  return (
    <div className="flex h-full flex-col bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <div
        ref={log}
        role="log"
        aria-live="polite"
        aria-busy={busy}
        aria-label="Sandbox commands and output"
        tabIndex={0}
        className="min-h-0 flex-1 overflow-auto p-3 font-mono text-sm"
        data-testid="sandbox-log"
      >
        {greeting ? <p className="mb-2 font-sans text-slate-700 dark:text-slate-300">{greeting}</p> : null}
        {entries.map((entry, index) => (
          <LogEntry key={index} entry={entry} />
        ))}
      </div>
      <form
        className="flex flex-wrap items-center gap-2 border-t border-slate-200 p-2 dark:border-slate-700"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label htmlFor={inputId} className="text-sm font-medium">
          {pending.length > 0 ? "Command (continued)" : "Command"}
        </label>
        <input
          ref={input}
          id={inputId}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={helpId}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          className="min-w-0 flex-1 rounded border border-slate-400 bg-white px-2 py-1 font-mono text-sm text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
        />
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1 text-sm font-semibold text-white hover:bg-brand-700">
          Run
        </button>
        <p id={helpId} className="w-full text-xs text-slate-600 dark:text-slate-400">
          Enter runs the command; the result is added to the log above. Up and Down recall earlier commands.
          {pending.length > 0 ? " The command so far is unfinished: type its next line." : ""}
        </p>
      </form>
    </div>
  );
}

function LogEntry({ entry }: { entry: TranscriptEntry }) {
  const output = toPlainText(entry.output);
  return (
    <div className="mb-2" data-testid="log-entry">
      {entry.command ? (
        <p className="whitespace-pre-wrap break-words">
          <span className="text-slate-600 dark:text-slate-400">{entry.prompt}</span>
          <span className="font-semibold">{entry.command}</span>
        </p>
      ) : null}
      {output ? (
        <pre className="whitespace-pre-wrap break-words" data-testid="log-output">
          {output}
        </pre>
      ) : null}
    </div>
  );
}
