"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { registerSandboxTarget } from "@/lib/terminal/bridge";
import { scenarioLabel } from "@/lib/terminal/scenarios";
import type { PaneRequests } from "../workspace/pane-requests";
import { WorkspaceLayout } from "../workspace/WorkspaceLayout";
import { SelectionStore, WorkspaceContext, type WorkspaceApi } from "../workspace/workspace-context";
import { hostFor } from "./hosts";
import { SandboxConsole, type ConsoleHandle } from "./SandboxConsole";

/**
 * The sandbox docked at the bottom of a chapter page, opened by a "Run in
 * sandbox" button. While it is open the page gets bottom padding, so the
 * end of the page is never hidden under it, and later buttons type here.
 * It lives in its own React root (see dock.tsx), so it uses plain links.
 */
export function DockedSandbox({ scenario, inbox, paneRequests, onClose }: { scenario: string; inbox: string[]; paneRequests: PaneRequests; onClose(): void }) {
  const panel = useRef<HTMLDivElement>(null);
  const handle = useRef<ConsoleHandle | undefined>(undefined);
  const [selection] = useState(() => new SelectionStore());
  const host = hostFor(scenario);
  const api = useMemo<WorkspaceApi>(() => ({ host, selection, runInTerminal: (text) => handle.current?.typeCommands(text) }), [host, selection]);

  const onHandle = useCallback(
    (next: ConsoleHandle | undefined) => {
      handle.current = next;
      if (next) for (const text of inbox.splice(0)) next.typeCommands(text);
    },
    [inbox],
  );

  useEffect(
    () =>
      registerSandboxTarget({
        typeCommands: (text) => {
          if (handle.current) handle.current.typeCommands(text);
          else inbox.push(text);
        },
        showPane: (pane) => paneRequests.request(pane),
      }),
    [inbox, paneRequests],
  );

  // One element for the life of the panel: the workspace keeps the terminal mounted as long as it is the same.
  const terminal = useMemo(
    () => (
      <SandboxConsole
        scenario={scenario}
        title={`Sandbox · ${scenarioLabel(scenario)}`}
        autoFocus
        onHandle={onHandle}
        controls={
          <>
            <a href="/sandbox" className="rounded px-2 py-0.5 text-xs font-medium text-slate-100 underline underline-offset-2 hover:no-underline">
              Open the full sandbox
            </a>
            <button type="button" onClick={onClose} className="rounded px-2 py-0.5 text-xs font-medium ring-1 ring-slate-500 hover:bg-slate-800">
              Close
            </button>
          </>
        }
      />
    ),
    [scenario, onHandle, onClose],
  );

  useEffect(() => {
    const previous = document.body.style.paddingBottom;
    document.body.style.paddingBottom = `${panel.current?.offsetHeight ?? 0}px`;
    return () => {
      document.body.style.paddingBottom = previous;
    };
  }, []);

  return (
    <div
      ref={panel}
      role="region"
      aria-label="Sandbox panel"
      className="fixed inset-x-0 bottom-0 z-40 h-[45vh] min-h-64 border-t border-slate-300 bg-white p-2 shadow-2xl dark:border-slate-700 dark:bg-slate-950"
      data-testid="sandbox-dock"
    >
      <WorkspaceContext.Provider value={api}>
        <WorkspaceLayout mode="dock" storageKey="keystone.workspace.dock" terminal={terminal} paneRequests={paneRequests} />
      </WorkspaceContext.Provider>
    </div>
  );
}
