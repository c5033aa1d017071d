/**
 * The page's handle on the sandbox worker. It starts the worker, opens the
 * sandbox in it, forwards calls (Comlink), and can stop a runaway command the
 * only way JavaScript allows: terminate the worker, start a new one and
 * reopen the sandbox from its last save, which is the state before that
 * command (see sandbox-service.ts).
 */
import { proxy, releaseProxy, wrap, type Endpoint, type Remote } from "comlink";
import type { ActivityQuery, ResourceScope } from "@/lib/sandbox/inspect";
import type { CallReply, ImportReply, OpenOptions, OpenResult, RunReply, SandboxWorkerApi, WorkerEvent } from "./protocol";

export const WORKER_START_MARK = "sandbox-worker-start";
export const WORKER_READY_MEASURE = "sandbox-worker-ready";

/** A worker, or anything that speaks like one (a MessagePort in tests). */
export interface WorkerHandle extends Endpoint {
  terminate(): void;
}

/** A call that was cut short because the learner stopped the command (Ctrl-C). */
export class InterruptedError extends Error {
  override readonly name = "InterruptedError";
  constructor() {
    super("The command was stopped.");
  }
}

export type ClientEvent = WorkerEvent | { type: "restarted"; result: OpenResult } | { type: "busy"; busy: boolean };

interface Pending {
  reject(error: Error): void;
}

export class SandboxWorkerClient {
  private worker: WorkerHandle | undefined;
  private remote: Remote<SandboxWorkerApi> | undefined;
  private ready: Promise<OpenResult> | undefined;
  private readonly pending = new Set<Pending>();
  private readonly listeners = new Set<(event: ClientEvent) => void>();
  private running = 0;
  private disposed = false;
  /** The last answer of open (or of the reopen after an interrupt). */
  lastOpen: OpenResult | undefined;

  constructor(
    private readonly spawn: () => WorkerHandle,
    private options: OpenOptions,
    /** A worker already started and opening this sandbox (see worker-spawn.ts), to use instead of starting one. */
    private readonly adopt?: (options: OpenOptions) => { worker: WorkerHandle; remote: Remote<SandboxWorkerApi>; opened: Promise<OpenResult>; listen(listener: (event: WorkerEvent) => void): void } | undefined,
  ) {}

  /** Starts the worker and opens the sandbox (once; later calls share the answer). */
  open(): Promise<OpenResult> {
    this.ready ??= this.start();
    return this.ready;
  }

  /** Whether a command is running (Ctrl-C would stop it). */
  get busy(): boolean {
    return this.running > 0;
  }

  subscribe(listener: (event: ClientEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  run(commandLine: string): Promise<RunReply> {
    return this.track(async (remote) => {
      this.setRunning(+1);
      try {
        return await remote.run(commandLine);
      } finally {
        this.setRunning(-1);
      }
    });
  }

  complete(line: string, cursor: number) {
    return this.track((remote) => remote.complete(line, cursor));
  }

  needsMoreInput(text: string) {
    return this.track((remote) => remote.needsMoreInput(text));
  }

  resources(scope?: Partial<ResourceScope>) {
    return this.track((remote) => remote.resources(scope));
  }

  activity(query?: ActivityQuery) {
    return this.track((remote) => remote.activity(query));
  }

  clock() {
    return this.track((remote) => remote.clock());
  }

  call(service: string, operation: string, input: Record<string, unknown>): Promise<CallReply> {
    return this.track((remote) => remote.call(service, operation, input) as Promise<CallReply>);
  }

  checkTask(check: string) {
    return this.track((remote) => remote.checkTask(check));
  }

  exportSnapshot() {
    return this.track((remote) => remote.exportSnapshot());
  }

  importSnapshot(text: string): Promise<ImportReply> {
    return this.track((remote) => remote.importSnapshot(text) as Promise<ImportReply>);
  }

  reset() {
    return this.track((remote) => remote.reset());
  }

  flush() {
    return this.track((remote) => remote.flush());
  }

  /** The visualisers' calls (see SandboxWorkerApi), each tracked like any other. */
  readonly visualize = {
    envelopeSeal: (...args: Parameters<SandboxWorkerApi["envelopeSeal"]>) => this.track((remote) => remote.envelopeSeal(...args) as ReturnType<SandboxWorkerApi["envelopeSeal"]>),
    envelopeOpen: (...args: Parameters<SandboxWorkerApi["envelopeOpen"]>) => this.track((remote) => remote.envelopeOpen(...args) as ReturnType<SandboxWorkerApi["envelopeOpen"]>),
    walkthroughState: () => this.track((remote) => remote.walkthroughState() as ReturnType<SandboxWorkerApi["walkthroughState"]>),
    walkthroughPrepare: () => this.track((remote) => remote.walkthroughPrepare() as ReturnType<SandboxWorkerApi["walkthroughPrepare"]>),
    walkthroughInject: (...args: Parameters<SandboxWorkerApi["walkthroughInject"]>) => this.track((remote) => remote.walkthroughInject(...args) as ReturnType<SandboxWorkerApi["walkthroughInject"]>),
    walkthroughRotate: (...args: Parameters<SandboxWorkerApi["walkthroughRotate"]>) => this.track((remote) => remote.walkthroughRotate(...args) as ReturnType<SandboxWorkerApi["walkthroughRotate"]>),
    walkthroughSchedule: (...args: Parameters<SandboxWorkerApi["walkthroughSchedule"]>) => this.track((remote) => remote.walkthroughSchedule(...args) as ReturnType<SandboxWorkerApi["walkthroughSchedule"]>),
    walkthroughAdvance: () => this.track((remote) => remote.walkthroughAdvance() as ReturnType<SandboxWorkerApi["walkthroughAdvance"]>),
    keyTimeline: (...args: Parameters<SandboxWorkerApi["keyTimeline"]>) => this.track((remote) => remote.keyTimeline(...args) as ReturnType<SandboxWorkerApi["keyTimeline"]>),
    keySamples: (...args: Parameters<SandboxWorkerApi["keySamples"]>) => this.track((remote) => remote.keySamples(...args) as ReturnType<SandboxWorkerApi["keySamples"]>),
    keyEncryptSample: (...args: Parameters<SandboxWorkerApi["keyEncryptSample"]>) => this.track((remote) => remote.keyEncryptSample(...args) as ReturnType<SandboxWorkerApi["keyEncryptSample"]>),
    keyCheckSamples: (...args: Parameters<SandboxWorkerApi["keyCheckSamples"]>) => this.track((remote) => remote.keyCheckSamples(...args) as ReturnType<SandboxWorkerApi["keyCheckSamples"]>),
  };

  /**
   * Stops whatever the worker is doing: every call in flight rejects with
   * InterruptedError, and the sandbox is reopened from its last save in a new
   * worker. Resolves with the reopened sandbox.
   */
  interrupt(): Promise<OpenResult> {
    this.stopWorker();
    for (const call of [...this.pending]) call.reject(new InterruptedError());
    this.pending.clear();
    this.running = 0;
    this.emit({ type: "busy", busy: false });
    // Reopening must not create a sandbox afresh from the legacy save or a seed: the store has it (and never adopts an early worker).
    const { legacySave: _legacy, ...rest } = this.options;
    this.options = rest;
    this.ready = this.start().then((result) => {
      this.emit({ type: "restarted", result });
      return result;
    });
    return this.ready;
  }

  dispose(): void {
    this.disposed = true;
    this.stopWorker();
    for (const call of [...this.pending]) call.reject(new InterruptedError());
    this.pending.clear();
  }

  // ---------------------------------------------------------------------------

  private async start(): Promise<OpenResult> {
    // User Timing marks (read by the workspace benchmark): from starting the worker to the sandbox open in it.
    globalThis.performance?.mark?.(WORKER_START_MARK);
    const early = this.adopt?.(this.options);
    let opening: Promise<OpenResult>;
    if (early) {
      this.worker = early.worker;
      this.remote = early.remote;
      early.listen((event) => this.emit(event));
      opening = early.opened;
    } else {
      const worker = this.spawn();
      const remote = wrap<SandboxWorkerApi>(worker);
      this.worker = worker;
      this.remote = remote;
      opening = remote.open(this.options, proxy((event: WorkerEvent) => this.emit(event)));
    }
    const result = await this.guard(opening);
    globalThis.performance?.measure?.(WORKER_READY_MEASURE, { start: WORKER_START_MARK, detail: result.timings });
    this.lastOpen = result;
    return result;
  }

  private stopWorker(): void {
    this.remote?.[releaseProxy]();
    this.worker?.terminate();
    this.worker = undefined;
    this.remote = undefined;
  }

  /** Runs a call against the open sandbox; it rejects with InterruptedError if the worker is stopped meanwhile. */
  private async track<T>(call: (remote: Remote<SandboxWorkerApi>) => Promise<T>): Promise<T> {
    if (this.disposed) throw new InterruptedError();
    await this.open();
    const remote = this.remote;
    if (!remote) throw new InterruptedError();
    return this.guard(call(remote));
  }

  private guard<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const entry: Pending = { reject };
      this.pending.add(entry);
      promise.then(
        (value) => {
          if (!this.pending.delete(entry)) return; // already rejected by an interrupt
          resolve(value);
        },
        (error: unknown) => {
          if (!this.pending.delete(entry)) return;
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  private setRunning(delta: number): void {
    const before = this.running > 0;
    this.running = Math.max(0, this.running + delta);
    if (before !== this.running > 0) this.emit({ type: "busy", busy: this.running > 0 });
  }

  private emit(event: ClientEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
