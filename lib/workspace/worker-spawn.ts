/**
 * Starting the sandbox's Web Worker. A page starts it, and asks it to open
 * the sandbox, as early as it knows the sandbox is wanted (the "Run in
 * sandbox" click, before the terminal's code has even loaded): the worker
 * loads the engine and restores the learner's sandbox while the page loads
 * the terminal, on two threads at once. The page's SandboxHost then adopts
 * that worker instead of starting one (SandboxWorkerClient's `adopt`).
 */
import { proxy, wrap, type Remote } from "comlink";
import { legacyStorageKey } from "./legacy-save";
import type { OpenOptions, OpenResult, SandboxWorkerApi, WorkerEvent } from "./protocol";

export function spawnSandboxWorker(): Worker {
  return new Worker(new URL("./sandbox.worker.ts", import.meta.url), { type: "module", name: "sandbox" });
}

export interface PrestartedSandbox {
  worker: Worker;
  remote: Remote<SandboxWorkerApi>;
  options: OpenOptions;
  opened: Promise<OpenResult>;
  /** Hands the worker's events (and those that came before) to their reader. */
  listen(listener: (event: WorkerEvent) => void): void;
}

let early: PrestartedSandbox | undefined;

/** What a page's sandbox opens with: the scenario, the first version's save if any, and new-sandbox settings. */
export function openOptionsFor(scenario: string, settings: Omit<OpenOptions, "scenario" | "legacySave"> = {}): OpenOptions {
  let legacySave: string | undefined;
  try {
    legacySave = window.localStorage.getItem(legacyStorageKey(scenario)) ?? undefined;
  } catch {
    // No storage: nothing to move.
  }
  return { scenario, ...settings, ...(legacySave === undefined ? {} : { legacySave }) };
}

/** Starts a worker and opens the sandbox in it now (once; later calls do nothing until it is adopted). */
export function prestartSandbox(options: OpenOptions): void {
  if (early || typeof Worker === "undefined") return;
  const worker = spawnSandboxWorker();
  const remote = wrap<SandboxWorkerApi>(worker);
  const waiting: WorkerEvent[] = [];
  let reader: ((event: WorkerEvent) => void) | undefined;
  const opened = remote.open(
    options,
    proxy((event: WorkerEvent) => (reader ? reader(event) : waiting.push(event))),
  );
  // Nobody may adopt it (the learner leaves): its failure then has no reader, and that is fine.
  opened.catch(() => undefined);
  early = {
    worker,
    remote,
    options,
    opened,
    listen(listener) {
      reader = listener;
      for (const event of waiting.splice(0)) listener(event);
    },
  };
}

/** The sandbox started early, when it was opened with exactly these options; anything else is stopped. */
export function adoptPrestarted(options: OpenOptions): PrestartedSandbox | undefined {
  const found = early;
  early = undefined;
  if (!found) return undefined;
  if (canonical(found.options) === canonical(options)) return found;
  found.worker.terminate();
  return undefined;
}

function canonical(options: OpenOptions): string {
  return JSON.stringify(Object.entries(options).filter(([, value]) => value !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
}
