/**
 * One learner's sandbox on a page: the session for a scenario, what the
 * screen has shown so far (so the terminal and the accessible view show the
 * same story when the learner switches), and saving, reset, export and
 * import. Both views run commands through it, so they share one session.
 */

import { commandOutput, type TranscriptEntry } from "./controller";
import type { KeyValueStorage } from "./history";
import { afterLastClear, clearsScreen } from "./output";
import { loadSaved, SnapshotSaver } from "./persistence";
import type { CommandOutput, SessionPort } from "./session-port";

export interface HostOptions {
  scenario: string;
  createSession(scenario: string): SessionPort;
  storage?: KeyValueStorage | undefined;
  saveDelayMs?: number;
  /** For tests: timers of the saver. */
  setTimer?(callback: () => void, ms: number): unknown;
  clearTimer?(handle: unknown): void;
}

export interface HostStatus {
  /** A problem saving (storage full); cleared once a save works. */
  saveError?: string | undefined;
  /** Something the learner should know on opening (the saved sandbox was unreadable and a fresh one started). */
  notice?: string | undefined;
}

export type ImportOutcome = { ok: true } | { ok: false; message: string };

const TRANSCRIPT_LIMIT = 200;

export class SandboxHost {
  private currentSession: SessionPort;
  private entries: TranscriptEntry[] = [];
  private readonly saver: SnapshotSaver;
  private listeners = new Set<() => void>();
  private currentStatus: HostStatus = {};
  /** Set when the sandbox came back from storage: when it was saved. */
  readonly restoredFrom: string | undefined;
  /** Counts resets and imports, after which views start over on the new session. */
  generation = 0;
  /** How the current session began, for the greeting a view prints. */
  origin: "new" | "restored" | "reset" | "imported" = "new";

  constructor(private readonly options: HostOptions) {
    this.saver = new SnapshotSaver({
      storage: options.storage,
      scenario: options.scenario,
      delayMs: options.saveDelayMs ?? 300,
      onError: (message) => this.setStatus({ saveError: message }),
      ...(options.setTimer ? { setTimer: options.setTimer } : {}),
      ...(options.clearTimer ? { clearTimer: options.clearTimer } : {}),
    });
    this.currentSession = options.createSession(options.scenario);
    const loaded = loadSaved(options.storage, options.scenario);
    if (loaded.status === "found") {
      try {
        this.currentSession.restore(loaded.saved.snapshot);
        this.restoredFrom = loaded.saved.savedAt;
        this.origin = "restored";
      } catch (error) {
        // A save from an older version: start fresh rather than fail, and say so.
        this.currentSession = options.createSession(options.scenario);
        this.currentStatus = { notice: `Your saved sandbox could not be restored (${messageOf(error)}), so this is a fresh one.` };
      }
    } else if (loaded.status === "unreadable") {
      this.currentStatus = { notice: `${loaded.message} This is a fresh sandbox.` };
    }
  }

  get scenario(): string {
    return this.options.scenario;
  }

  get session(): SessionPort {
    return this.currentSession;
  }

  get transcript(): readonly TranscriptEntry[] {
    return this.entries;
  }

  get status(): HostStatus {
    return this.currentStatus;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs a command line, records what it showed and saves the sandbox soon after. */
  async run(command: string, prompt: string): Promise<CommandOutput> {
    const result = await this.currentSession.run(command);
    const output = commandOutput(result);
    if (clearsScreen(output)) {
      const rest = afterLastClear(output);
      this.entries = rest ? [{ prompt: "", command: "", output: rest }] : [];
    } else {
      // A new array each time, so views can tell that it changed.
      this.entries = [...this.entries, { prompt, command, output }].slice(-TRANSCRIPT_LIMIT);
    }
    this.saver.schedule(() => this.currentSession.snapshot());
    this.emit();
    return result;
  }

  /** Saves at once (the page is being hidden or left). */
  flush(): void {
    this.saver.flush();
  }

  /** Back to the scenario's starting state; the saved copy is removed. */
  reset(): void {
    this.saver.clear();
    this.currentSession = this.options.createSession(this.options.scenario);
    this.entries = [];
    this.generation++;
    this.origin = "reset";
    this.setStatus({ notice: undefined, saveError: undefined });
  }

  exportJson(): string {
    return `${JSON.stringify(this.currentSession.snapshot(), null, 2)}\n`;
  }

  /**
   * Replaces the sandbox with an exported one. The file is tried on a fresh
   * session first, so a bad file leaves the current sandbox untouched.
   */
  importJson(text: string): ImportOutcome {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, message: "That file is not a sandbox export: it is not JSON. Nothing was changed." };
    }
    const candidate = this.options.createSession(this.options.scenario);
    try {
      candidate.restore(parsed);
    } catch (error) {
      return { ok: false, message: `That file could not be imported: ${messageOf(error)} Nothing was changed.` };
    }
    this.currentSession = candidate;
    this.entries = [];
    this.generation++;
    this.origin = "imported";
    this.saver.cancel();
    this.saver.save(candidate.snapshot());
    this.emit();
    return { ok: true };
  }

  private setStatus(change: Partial<HostStatus>): void {
    this.currentStatus = { ...this.currentStatus, ...change };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
