"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { SandboxHost } from "@/lib/terminal/session-host";
import type { SandboxWorkerClient } from "@/lib/workspace/worker-client";

export interface SandboxData<T> {
  data: T | undefined;
  error: string | undefined;
  /** A newer answer is on its way (a command changed the sandbox). */
  stale: boolean;
}

/** The host's change counter, as React state. */
export function useRevision(host: SandboxHost): number {
  return useSyncExternalStore(
    (listener) => host.subscribe(listener),
    () => host.revision,
    () => 0,
  );
}

/**
 * Asks the sandbox's worker for something a pane shows, and asks again
 * whenever the sandbox changes (after each command) or `key` changes. At
 * most one question is in flight; changes meanwhile are folded into one
 * more question afterwards, so a pasted script does not queue hundreds.
 */
export function useSandboxData<T>(host: SandboxHost, key: string, fetch: (client: SandboxWorkerClient) => Promise<T>): SandboxData<T> {
  const revision = useRevision(host);
  const [state, setState] = useState<SandboxData<T>>({ data: undefined, error: undefined, stale: true });
  const running = useRef(false);
  const wanted = useRef(false);
  const mounted = useRef(true);
  const latest = useRef(fetch);
  latest.current = fetch;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    wanted.current = true;
    if (running.current) return;
    running.current = true;
    void (async () => {
      try {
        while (wanted.current && mounted.current) {
          wanted.current = false;
          setState((previous) => (previous.stale ? previous : { ...previous, stale: true }));
          try {
            const data = await latest.current(host.client);
            if (mounted.current) setState({ data, error: undefined, stale: wanted.current });
          } catch (error) {
            // A stopped command restarts the worker: ask again once it is back.
            if (error instanceof Error && error.name === "InterruptedError") wanted.current = true;
            else if (mounted.current) setState((previous) => ({ ...previous, error: error instanceof Error ? error.message : String(error), stale: false }));
          }
        }
      } finally {
        running.current = false;
      }
    })();
  }, [host, key, revision]);

  return state;
}
