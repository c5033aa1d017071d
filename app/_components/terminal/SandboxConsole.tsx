"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { scenarioShortName } from "@/lib/terminal/scenarios";
import type { SandboxHost } from "@/lib/terminal/session-host";
import { AccessibleView } from "./AccessibleView";
import { browserStorage, flushAll, hostFor } from "./hosts";
import { XtermView, type ViewHandle } from "./XtermView";

const ACCESSIBLE_KEY = "keystone.terminal.accessible";

export interface ConsoleHandle {
  host: SandboxHost;
  typeCommands(text: string): void;
  focus(): void;
}

function greetingFor(host: SandboxHost): string {
  const scenario = `the ${scenarioShortName(host.scenario)} scenario`;
  switch (host.origin) {
    case "restored":
      return `Your sandbox (${scenario}) is as you left it${host.restoredFrom ? `, saved ${new Date(host.restoredFrom).toLocaleString("en-GB")}` : ""}.`;
    case "reset":
      return `The sandbox is back at the start of ${scenario}.`;
    case "imported":
      return `The sandbox now holds what your file saved.`;
    default:
      return `Sandbox ready: ${scenario}. Type help or aws help to begin; Tab completes.`;
  }
}

/** True once a command has been running for a moment (short commands never flash the notice). */
function useBusyForAWhile(busy: boolean): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!busy) {
      setShown(false);
      return;
    }
    const timer = window.setTimeout(() => setShown(true), 400);
    return () => window.clearTimeout(timer);
  }, [busy]);
  return shown;
}

function readAccessible(): boolean {
  try {
    return browserStorage()?.getItem(ACCESSIBLE_KEY) === "true";
  } catch {
    return false;
  }
}

/**
 * A sandbox session on screen: the xterm.js terminal or, switched by the
 * learner, the plain accessible view, over one shared session. Used by the
 * /sandbox page, the docked panel and the terminal embedded in a section.
 */
export function SandboxConsole({
  scenario,
  title,
  controls,
  autoFocus = false,
  onHandle,
}: {
  scenario: string;
  title: ReactNode;
  /** Extra buttons for the header (the docked panel's Close). */
  controls?: ReactNode;
  autoFocus?: boolean;
  onHandle?(handle: ConsoleHandle | undefined): void;
}) {
  const host = hostFor(scenario);
  const generation = useSyncExternalStore(
    (listener) => host.subscribe(listener),
    () => host.generation,
    () => 0,
  );
  const status = useSyncExternalStore(
    (listener) => host.subscribe(listener),
    () => host.status,
    () => host.status,
  );
  const busy = useBusyForAWhile(status.busy);
  const [accessible, setAccessible] = useState(readAccessible);
  const view = useRef<ViewHandle | undefined>(undefined);
  const waiting = useRef<string[]>([]);
  const focusNext = useRef(autoFocus);

  const onView = useCallback((handle: ViewHandle | undefined) => {
    view.current = handle;
    if (handle) for (const text of waiting.current.splice(0)) handle.typeCommands(text);
  }, []);

  useEffect(() => {
    onHandle?.({
      host,
      typeCommands: (text) => (view.current ? view.current.typeCommands(text) : waiting.current.push(text)),
      focus: () => view.current?.focus(),
    });
    return () => onHandle?.(undefined);
  }, [host, onHandle]);

  useEffect(() => {
    const save = () => flushAll();
    const onVisibility = () => document.visibilityState === "hidden" && flushAll();
    window.addEventListener("pagehide", save);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", save);
      document.removeEventListener("visibilitychange", onVisibility);
      flushAll();
    };
  }, []);

  const toggle = () => {
    const next = !accessible;
    setAccessible(next);
    focusNext.current = true;
    try {
      browserStorage()?.setItem(ACCESSIBLE_KEY, String(next));
    } catch {
      // The choice holds for this page.
    }
  };

  const greeting = greetingFor(host);
  return (
    <section
      className="flex h-full min-h-0 flex-col overflow-hidden rounded-lg border border-slate-300 bg-[#0b1120] dark:border-slate-700"
      aria-label="Sandbox"
      aria-busy={status.busy || !status.ready}
      data-testid="sandbox-console"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-700 bg-slate-900 px-3 py-1.5 text-sm text-slate-100">
        <h2 className="mr-auto truncate font-semibold">{title}</h2>
        {busy ? (
          <span role="status" className="flex items-center gap-2 text-xs text-amber-200">
            Running… Ctrl-C stops it
            <button type="button" onClick={() => host.interrupt()} className="rounded px-2 py-0.5 text-xs font-medium ring-1 ring-amber-300 hover:bg-slate-800">
              Stop
            </button>
          </span>
        ) : null}
        <button
          type="button"
          aria-pressed={accessible}
          onClick={toggle}
          className="rounded px-2 py-0.5 text-xs font-medium ring-1 ring-slate-500 hover:bg-slate-800"
        >
          Screen reader mode
        </button>
        {controls}
      </div>
      {status.notice || status.saveError ? (
        <p role="status" className="border-b border-amber-700 bg-amber-50 px-3 py-1.5 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          {status.saveError ?? status.notice}
        </p>
      ) : null}
      <div className="min-h-0 flex-1 p-1 focus-within:outline focus-within:outline-3 focus-within:-outline-offset-3 focus-within:outline-brand-400">
        {!accessible ? (
          // The terminal shows itself at once and starts its prompt when the worker answers.
          <XtermView key={`${generation}-terminal`} host={host} greeting={() => greetingFor(host)} autoFocus={focusNext.current} onHandle={onView} />
        ) : status.ready ? (
          <AccessibleView key={`${generation}-accessible`} host={host} greeting={greeting} autoFocus={focusNext.current} onHandle={onView} />
        ) : (
          // The worker is starting (or restoring a saved sandbox): the views start once they know how it began.
          <p role="status" className="p-3 font-mono text-sm text-slate-300">
            Starting the sandbox…
          </p>
        )}
      </div>
    </section>
  );
}
