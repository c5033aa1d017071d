/**
 * One learner's sandbox on a page: the worker that runs it (through
 * SandboxWorkerClient), what the screen has shown so far (so the terminal
 * and the accessible view show the same story when the learner switches),
 * the working directory for the prompt, and reset, export, import and
 * stopping a command. Every view and pane on the page shares one host per
 * scenario, so they all show one sandbox.
 */

import type { OpenOptions, OpenResult } from "@/lib/workspace/protocol";
import { legacyStorageKey } from "@/lib/workspace/legacy-save";
import { InterruptedError, SandboxWorkerClient, type ClientEvent, type WorkerHandle } from "@/lib/workspace/worker-client";
import { commandOutput, type TranscriptEntry } from "./controller";
import type { KeyValueStorage } from "./history";
import { afterLastClear, clearsScreen } from "./output";
import type { CommandOutput } from "./session-port";

export interface HostOptions {
  scenario: string;
  /** Saved under this name instead of the scenario's (a lab's own sandbox). */
  saveAs?: string;
  /** Starts a sandbox worker (a Web Worker in the browser; a message channel in tests). */
  spawnWorker(): WorkerHandle;
  /** Where the first version of the terminal saved sandboxes (localStorage): moved into the worker's store once, then removed. */
  legacyStorage?: KeyValueStorage | undefined;
  /** Seed and start time for a sandbox that is created rather than restored (tests and recordings). */
  newSandbox?: { seed?: number; now?: string };
  /** CPU time a command line may use. */
  budgetMs?: number;
  /** A worker started early for this sandbox, if it was opened with these options (see lib/workspace/worker-spawn.ts). */
  adopt?: ConstructorParameters<typeof SandboxWorkerClient>[2];
}

export interface HostStatus {
  /** A problem saving (storage full); cleared once a save works. */
  saveError?: string | undefined;
  /** Something the learner should know (the saved sandbox was unreadable, storage unavailable, a command was stopped). */
  notice?: string | undefined;
  /** A command is running (Ctrl-C or Stop would stop it). */
  busy: boolean;
  /** The sandbox is up (its worker answered). */
  ready: boolean;
}

export type ImportOutcome = { ok: true } | { ok: false; message: string };

const TRANSCRIPT_LIMIT = 200;

/** What the terminal shows after ^C when a running command was stopped. */
export const STOPPED_MESSAGE =
  "\nsandbox: the command was stopped. The sandbox is back to how it was before that command (a stopped command's changes are not kept).\n";

/** A command line the sandbox ran to the end (kept) or that was stopped (its changes discarded). */
export interface RanCommand {
  command: string;
  stopped: boolean;
}

export class SandboxHost {
  readonly client: SandboxWorkerClient;
  private commandListeners = new Set<(ran: RanCommand) => void>();
  private entries: TranscriptEntry[] = [];
  private listeners = new Set<() => void>();
  private currentStatus: HostStatus = { busy: false, ready: false };
  private location = { cwd: "/home/learner", home: "/home/learner" };
  private changes = 0;
  /** Resolves when the sandbox is open. */
  readonly ready: Promise<OpenResult>;
  /** When the restored sandbox was saved. */
  restoredFrom: string | undefined;
  /** Counts resets and imports, after which views start over on the new session. */
  generation = 0;
  /** How the current session began, for the greeting a view prints. */
  origin: "new" | "restored" | "reset" | "imported" = "new";

  constructor(private readonly options: HostOptions) {
    const legacySave = readLegacy(options.legacyStorage, options.scenario);
    const openOptions: OpenOptions = {
      scenario: options.scenario,
      ...(options.saveAs === undefined ? {} : { saveAs: options.saveAs }),
      ...options.newSandbox,
      ...(options.budgetMs === undefined ? {} : { budgetMs: options.budgetMs }),
      ...(legacySave === undefined ? {} : { legacySave }),
    };
    this.client = new SandboxWorkerClient(options.spawnWorker, openOptions, options.adopt);
    this.client.subscribe((event) => this.onClientEvent(event));
    this.ready = this.client.open().then(
      (result) => {
        this.opened(result);
        if (legacySave !== undefined && result.origin !== "restored") removeLegacy(options.legacyStorage, options.scenario);
        return result;
      },
      (error: unknown) => {
        this.setStatus({ notice: `The sandbox could not start: ${error instanceof Error ? error.message : String(error)}` });
        throw error;
      },
    );
  }

  get scenario(): string {
    return this.options.scenario;
  }

  get transcript(): readonly TranscriptEntry[] {
    return this.entries;
  }

  get status(): HostStatus {
    return this.currentStatus;
  }

  /** Counts changes to the sandbox (commands, visualiser calls, imports); panes refresh when it moves. */
  get revision(): number {
    return this.changes;
  }

  get cwd(): string {
    return this.location.cwd;
  }

  get home(): string {
    return this.location.home;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs a command line and records what it showed. A command stopped by `interrupt` answers STOPPED_MESSAGE. */
  async run(command: string, prompt: string): Promise<CommandOutput> {
    let result: CommandOutput;
    try {
      const reply = await this.client.run(command);
      this.location = { cwd: reply.cwd, home: reply.home };
      result = reply;
    } catch (error) {
      if (!(error instanceof InterruptedError)) throw error;
      // Wait for the new worker, so the prompt after ^C shows the restored working directory.
      await this.client.open().then((reopened) => this.opened(reopened)).catch(() => undefined);
      result = { stdout: "", stderr: STOPPED_MESSAGE, exitCode: 130, output: STOPPED_MESSAGE };
      this.record(prompt, command, `^C${STOPPED_MESSAGE}`);
      this.ran({ command, stopped: true });
      return result;
    }
    this.record(prompt, command, commandOutput(result));
    this.ran({ command, stopped: false });
    return result;
  }

  /** Tells `listener` of every command line run from now on, after its answer (a lab keeps its log and checks its steps). */
  onCommand(listener: (ran: RanCommand) => void): () => void {
    this.commandListeners.add(listener);
    return () => this.commandListeners.delete(listener);
  }

  private ran(ran: RanCommand): void {
    for (const listener of this.commandListeners) listener(ran);
  }

  complete(line: string, cursor: number) {
    return this.client.complete(line, cursor);
  }

  needsMoreInput(text: string) {
    return this.client.needsMoreInput(text);
  }

  /** Stops the running command (Ctrl-C): the worker is replaced and the sandbox reopened from its last save. */
  interrupt(): void {
    if (!this.client.busy) return;
    void this.client.interrupt().catch(() => undefined);
  }

  /** Back to the scenario's start; the saved copy is replaced. */
  async reset(): Promise<void> {
    const result = await this.client.reset();
    this.location = { cwd: result.cwd, home: result.home };
    this.entries = [];
    this.generation++;
    this.origin = "reset";
    this.setStatus({ notice: undefined, saveError: undefined });
  }

  /** Runs a sandbox task's check on a copy of this sandbox: passed or not, nothing changes. */
  checkTask(check: string) {
    return this.client.checkTask(check);
  }

  exportJson(): Promise<string> {
    return this.client.exportSnapshot();
  }

  /** Replaces the sandbox with an exported one; a bad file leaves the current sandbox untouched. */
  async importJson(text: string): Promise<ImportOutcome> {
    const reply = await this.client.importSnapshot(text);
    if (!reply.ok) return reply;
    this.entries = [];
    this.generation++;
    this.origin = "imported";
    this.emit();
    return { ok: true };
  }

  /** Asks the worker to finish saving (the page is being hidden). */
  flush(): void {
    void this.client.flush().catch(() => undefined);
  }

  dispose(): void {
    this.client.dispose();
  }

  // ---------------------------------------------------------------------------

  private opened(result: OpenResult): void {
    this.location = { cwd: result.cwd, home: result.home };
    if (result.origin === "restored" || result.origin === "migrated") {
      if (this.generation === 0 && this.origin === "new") {
        this.origin = "restored";
        this.restoredFrom = result.savedAt;
      }
    }
    this.changes = Math.max(this.changes, result.revision);
    this.setStatus({ ready: true, ...(result.notice ? { notice: result.notice } : {}) });
  }

  private record(prompt: string, command: string, output: string): void {
    if (clearsScreen(output)) {
      const rest = afterLastClear(output);
      this.entries = rest ? [{ prompt: "", command: "", output: rest }] : [];
    } else {
      // A new array each time, so views can tell that it changed.
      this.entries = [...this.entries, { prompt, command, output }].slice(-TRANSCRIPT_LIMIT);
    }
    this.emit();
  }

  private onClientEvent(event: ClientEvent): void {
    switch (event.type) {
      case "busy":
        return this.setStatus({ busy: event.busy });
      case "changed":
        this.changes++;
        return this.emit();
      case "save-failed":
        return this.setStatus({ saveError: event.message });
      case "saved":
        return this.setStatus({ saveError: undefined });
      case "restarted":
        this.changes++;
        return this.opened(event.result);
    }
  }

  private setStatus(change: Partial<HostStatus>): void {
    this.currentStatus = { ...this.currentStatus, ...change };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function readLegacy(storage: KeyValueStorage | undefined, scenario: string): string | undefined {
  try {
    return storage?.getItem(legacyStorageKey(scenario)) ?? undefined;
  } catch {
    return undefined;
  }
}

function removeLegacy(storage: KeyValueStorage | undefined, scenario: string): void {
  try {
    storage?.removeItem(legacyStorageKey(scenario));
  } catch {
    // It will be read again next time; the store already has the sandbox, which wins.
  }
}
