"use client";

import { createContext, useContext, useSyncExternalStore } from "react";
import type { SandboxHost } from "@/lib/terminal/session-host";

/** A resource the learner picked in the Resources pane; other panes (state diagrams, key lifecycle) follow it. */
export type Selection = { kind: "key"; id: string } | { kind: "secret"; id: string } | { kind: "parameter"; id: string };

/**
 * The selection lives outside React state: picking a resource re-renders
 * the panes that show it, not the workspace around them (whose tab contents
 * must stay mounted: the terminal among them).
 */
export class SelectionStore {
  private value: Selection | undefined;
  private readonly listeners = new Set<() => void>();

  get current(): Selection | undefined {
    return this.value;
  }

  set(value: Selection | undefined): void {
    this.value = value;
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export interface WorkspaceApi {
  host: SandboxHost;
  selection: SelectionStore;
  /** Types commands into the workspace's terminal and runs them there, where the learner sees them. */
  runInTerminal(text: string): void;
}

export const WorkspaceContext = createContext<WorkspaceApi | undefined>(undefined);

export function useWorkspace(): WorkspaceApi {
  const api = useContext(WorkspaceContext);
  if (!api) throw new Error("useWorkspace() is used outside a workspace.");
  return api;
}

/** The selected resource, re-rendering when it changes. */
export function useSelection(): [Selection | undefined, (selection: Selection | undefined) => void] {
  const { selection } = useWorkspace();
  const value = useSyncExternalStore(
    (listener) => selection.subscribe(listener),
    () => selection.current,
    () => undefined,
  );
  return [value, (next) => selection.set(next)];
}
