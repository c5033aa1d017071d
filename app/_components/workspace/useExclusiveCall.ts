"use client";

import { useState } from "react";

/**
 * A pane's calls to the worker, one at a time, with what is being done as
 * `working` (for a status line and aria-busy). A second call while one runs
 * is ignored rather than queued, and the buttons stay focusable (a disabled
 * button would drop focus). `onStart` runs when a call starts; `onError` gets
 * the message of a call that failed, which then answers undefined.
 */
export function useExclusiveCall({ onStart, onError }: { onStart?(): void; onError(message: string): void }) {
  const [working, setWorking] = useState<string>();
  const run = async <T,>(label: string, work: () => Promise<T>): Promise<T | undefined> => {
    if (working) return undefined;
    setWorking(label);
    onStart?.();
    try {
      return await work();
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
      return undefined;
    } finally {
      setWorking(undefined);
    }
  };
  return { working, run };
}
