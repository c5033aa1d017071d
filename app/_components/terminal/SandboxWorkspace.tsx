"use client";

import { useCallback, useId, useMemo, useRef, useState } from "react";
import { scenarioLabel, scenarios } from "@/lib/terminal/scenarios";
import { WorkspaceLayout } from "../workspace/WorkspaceLayout";
import { SelectionStore, WorkspaceContext, type WorkspaceApi } from "../workspace/workspace-context";
import { hostFor, setNewSandboxOptions, type NewSandboxOptions } from "./hosts";
import { AccountSaves } from "./AccountSaves";
import { SandboxConsole, type ConsoleHandle } from "./SandboxConsole";

/**
 * The /sandbox page's working area: the scenario picker, reset, export and
 * import above the workspace (the terminal and the panes beside it, all over
 * one sandbox). Loaded lazily by SandboxPageClient.
 */
export default function SandboxWorkspace({ initialScenario, newSandbox, onScenario }: { initialScenario: string; newSandbox: NewSandboxOptions; onScenario(name: string): void }) {
  // Before the first sandbox is made (render below creates it).
  setNewSandboxOptions(newSandbox);
  const [scenario, setScenario] = useState(initialScenario);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | undefined>();
  const [selection] = useState(() => new SelectionStore());
  const handle = useRef<ConsoleHandle | undefined>(undefined);
  const resetLayout = useRef<(() => void) | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);
  const pickerId = useId();
  const importId = useId();
  const host = hostFor(scenario);

  const onHandle = useCallback((next: ConsoleHandle | undefined) => {
    handle.current = next;
  }, []);

  const api = useMemo<WorkspaceApi>(
    () => ({ host, selection, runInTerminal: (text) => handle.current?.typeCommands(text) }),
    [host, selection],
  );

  const choose = (name: string) => {
    setScenario(name);
    selection.set(undefined);
    setMessage(undefined);
    onScenario(name);
  };

  const reset = async () => {
    if (!window.confirm(`Reset the sandbox to the start of the scenario "${scenarioLabel(scenario)}"? Your files, keys, secrets and parameters in it are lost (export first to keep them).`)) return;
    await host.reset();
    selection.set(undefined);
    setMessage({ kind: "ok", text: "The sandbox was reset to the start of the scenario." });
    handle.current?.focus();
  };

  const exportSandbox = async () => {
    const blob = new Blob([await host.exportJson()], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = `sandbox-${scenario}-${new Date().toISOString().slice(0, 19).replace(/:/g, "-")}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    setMessage({ kind: "ok", text: `Exported the sandbox to ${link.download}.` });
  };

  const importSandbox = async (file: File | undefined) => {
    if (!file) return;
    const outcome = await host.importJson(await file.text());
    setMessage(outcome.ok ? { kind: "ok", text: `Imported ${file.name}.` } : { kind: "error", text: outcome.message });
    if (fileInput.current) fileInput.current.value = "";
  };

  const button = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-100 dark:ring-slate-600 dark:hover:bg-slate-800";
  // Stable elements and callbacks: the workspace below re-renders only when they change.
  const terminal = useMemo(() => <SandboxConsole key={scenario} scenario={scenario} title={`Sandbox · ${scenarioLabel(scenario)}`} autoFocus onHandle={onHandle} />, [scenario, onHandle]);
  const onLayoutReset = useCallback((reset: () => void) => {
    resetLayout.current = reset;
  }, []);
  return (
    <WorkspaceContext.Provider value={api}>
      <div className="flex h-full flex-col gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor={pickerId} className="text-sm font-medium">
            Scenario
          </label>
          <select
            id={pickerId}
            value={scenario}
            onChange={(event) => choose(event.target.value)}
            className="min-w-0 max-w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm dark:border-slate-500 dark:bg-slate-900"
          >
            {scenarios.map((option) => (
              <option key={option.name} value={option.name}>
                {option.label}
              </option>
            ))}
          </select>
          <button type="button" className={button} onClick={() => void reset()}>
            Reset
          </button>
          <button type="button" className={button} onClick={() => void exportSandbox()}>
            Export
          </button>
          <label htmlFor={importId} className={`${button} cursor-pointer focus-within:outline focus-within:outline-3 focus-within:outline-brand-600`}>
            Import…
            <input
              ref={fileInput}
              id={importId}
              type="file"
              accept="application/json,.json"
              className="sr-only"
              onChange={(event) => void importSandbox(event.target.files?.[0])}
            />
          </label>
          <button type="button" className={button} onClick={() => resetLayout.current?.()}>
            Default layout
          </button>
          <AccountSaves scenario={scenario} exportJson={() => host.exportJson()} importJson={(text) => host.importJson(text)} onMessage={setMessage} />
        </div>
        <div role="status" aria-live="polite" className="min-h-5 text-sm" data-testid="sandbox-message">
          {message ? <span className={message.kind === "error" ? "font-medium text-rose-700 dark:text-rose-300" : "text-emerald-800 dark:text-emerald-300"}>{message.text}</span> : null}
        </div>
        <div className="min-h-0 flex-1">
          <WorkspaceLayout mode="page" storageKey="keystone.workspace.page" terminal={terminal} onReset={onLayoutReset} />
        </div>
      </div>
    </WorkspaceContext.Provider>
  );
}
