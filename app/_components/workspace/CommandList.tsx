"use client";

import { buttonClass } from "./ui";

/** Commands shown as text, each with a button that types it into the workspace's terminal and runs it there. */
export function CommandList({ commands, runInTerminal }: { commands: { command: string; note?: string }[]; runInTerminal(command: string): void }) {
  return (
    <ul className="mt-1 space-y-1.5">
      {commands.map(({ command, note }) => (
        <li key={command} className="text-xs">
          <div className="flex flex-wrap items-start gap-1.5">
            <code className="min-w-0 flex-1 basis-48 break-all rounded bg-slate-100 px-1.5 py-1 font-mono text-[0.72rem] text-slate-900 dark:bg-slate-900 dark:text-slate-100">{command}</code>
            <button type="button" className={buttonClass} onClick={() => runInTerminal(command)} aria-label={`Run in terminal: ${command}`}>
              Run in terminal
            </button>
          </div>
          {note ? <p className="mt-0.5 text-slate-600 dark:text-slate-400">{note}</p> : null}
        </li>
      ))}
    </ul>
  );
}
