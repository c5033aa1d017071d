/**
 * Starting the sandbox's Web Worker. A page starts it as early as it knows
 * the sandbox is wanted (the "Run in sandbox" click, before the terminal's
 * code has even loaded), so the worker loads the engine while the page
 * loads the terminal: the two run side by side on separate threads. The
 * first SandboxHost to need a worker takes the one started early.
 */
let started: Worker | undefined;

export function spawnSandboxWorker(): Worker {
  const early = started;
  started = undefined;
  return early ?? new Worker(new URL("./sandbox.worker.ts", import.meta.url), { type: "module", name: "sandbox" });
}

/** Starts a worker now for the sandbox about to open (once; later calls do nothing until it is taken). */
export function prestartSandboxWorker(): void {
  if (started || typeof Worker === "undefined") return;
  started = new Worker(new URL("./sandbox.worker.ts", import.meta.url), { type: "module", name: "sandbox" });
}
