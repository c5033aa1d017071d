"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import type { SandboxHost } from "@/lib/terminal/session-host";
import { SandboxConsole, type ConsoleHandle } from "../terminal/SandboxConsole";
import { WorkspaceLayout } from "../workspace/WorkspaceLayout";
import { SelectionStore, WorkspaceContext, type WorkspaceApi } from "../workspace/workspace-context";

/**
 * The lab's side of the page: its terminal, with the panes that only look
 * (Resources, Activity with every call and why one was denied, Clock) in the
 * workspace's tab groups. Loaded lazily with the terminal.
 */
export default function LabWorkspace({ labKey, title, host, onHandle }: { labKey: string; title: string; host: SandboxHost; onHandle(handle: ConsoleHandle | undefined): void }) {
  const [selection] = useState(() => new SelectionStore());
  const handle = useRef<ConsoleHandle | undefined>(undefined);
  const keep = useCallback(
    (next: ConsoleHandle | undefined) => {
      handle.current = next;
      onHandle(next);
    },
    [onHandle],
  );
  const api = useMemo<WorkspaceApi>(() => ({ host, selection, runInTerminal: (text) => handle.current?.typeCommands(text) }), [host, selection]);
  const terminal = useMemo(() => <SandboxConsole scenario={labKey} title={`Lab sandbox · ${title}`} autoFocus onHandle={keep} />, [labKey, title, keep]);
  return (
    <WorkspaceContext.Provider value={api}>
      <WorkspaceLayout mode="lab" storageKey="keystone.workspace.lab" terminal={terminal} />
    </WorkspaceContext.Provider>
  );
}
