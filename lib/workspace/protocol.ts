/**
 * What the page and the sandbox's Web Worker say to each other. The worker
 * runs the whole sandbox session (engine, files, shell); the page holds only
 * views. Every method is asynchronous (a message and its answer), and all
 * values are plain, structured-clonable data.
 */
import type { TaskCheckOutcome } from "@/lib/quiz/sandbox-task-check";
import type { ActivityPage, ActivityQuery, ClockView, ResourcesView, ResourceScope } from "@/lib/sandbox/inspect";
import type { Completion } from "@/lib/sandbox/shell/complete";
import type { OpenInput, OpenResult as EnvelopeOpenResult, SealInput, SealResult } from "@/lib/visualize/envelope/explorer";
import type { KeyTimeline, Sample, SampleCheck } from "@/lib/visualize/key-lifecycle/timeline";
import type { InjectedFailure, RotationRun, Strategy, WalkthroughState } from "@/lib/visualize/rotation/walkthrough";

export interface OpenOptions {
  scenario: string;
  /** The name it is saved under when not its scenario's (a lab keeps a sandbox of its own: "lab:ID"). */
  saveAs?: string;
  /** Seed and start time for a new sandbox (a saved one wins). */
  seed?: number;
  now?: number | string;
  /** CPU time a command line may use before the shell stops it (default DEFAULT_BUDGET_MS). */
  budgetMs?: number;
  /**
   * A sandbox saved by an earlier version in localStorage (which a worker
   * cannot read): imported when IndexedDB holds nothing for the scenario.
   */
  legacySave?: string;
}

export type SessionOrigin = "new" | "restored" | "migrated";

export interface OpenResult {
  origin: SessionOrigin;
  /** When the restored sandbox was saved (ISO). */
  savedAt?: string;
  /** Something the learner should know (a save that could not be read, storage unavailable). */
  notice?: string;
  /** Where the sandbox is kept: "indexeddb", or "memory" when the browser allows no storage. */
  persistence: "indexeddb" | "memory";
  cwd: string;
  home: string;
  revision: number;
  /** Where the worker's start-up time went (ms), for the workspace benchmark. */
  timings?: { beforeOpenMs: number; storeMs: number; loadMs: number; sessionMs: number; saveMs: number };
}

export interface RunReply {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Both streams in the order they were written. */
  output: string;
  /** Set when the shell stopped the command line at its CPU-time budget. */
  interrupted?: { reason: "cpu-budget"; budgetMs: number };
  cwd: string;
  home: string;
  /** Counts changes; panes refresh when it moves. */
  revision: number;
}

export type CallReply = { ok: true; output: Record<string, unknown> } | { ok: false; code: string; message: string };

export type ImportReply = { ok: true; revision: number } | { ok: false; message: string };

/** Events the worker sends on its own. */
export type WorkerEvent =
  | { type: "saved"; savedAt: string }
  | { type: "save-failed"; message: string }
  | { type: "changed"; revision: number };

export interface SandboxWorkerApi {
  /** Opens (restores or creates) the sandbox of a scenario; must come first. `onEvent` receives WorkerEvents. */
  open(options: OpenOptions, onEvent?: (event: WorkerEvent) => void): Promise<OpenResult>;
  /** Runs a command line as the terminal does. */
  run(commandLine: string): Promise<RunReply>;
  complete(line: string, cursor: number): Promise<Completion | undefined>;
  needsMoreInput(text: string): Promise<boolean>;
  resources(scope?: Partial<ResourceScope>): Promise<ResourcesView>;
  activity(query?: ActivityQuery): Promise<ActivityPage>;
  clock(): Promise<ClockView>;
  /** An AWS call as the current identity (visualisers), recorded on the trail like any other. */
  call(service: string, operation: string, input: Record<string, unknown>): Promise<CallReply>;
  /** The whole sandbox as an export file's text. */
  exportSnapshot(): Promise<string>;
  /** Runs a sandbox task's check on a copy of the session (the learner's state is untouched). */
  checkTask(check: string): Promise<TaskCheckOutcome>;
  /** Replaces the sandbox with an export; a bad file changes nothing. */
  importSnapshot(text: string): Promise<ImportReply>;
  /** Back to the scenario's start; the saved copy is replaced. */
  reset(): Promise<OpenResult>;
  /** Resolves once everything so far is saved. */
  flush(): Promise<void>;

  // The visualisers' work, done in the worker on the learner's own sandbox (lib/visualize).
  envelopeSeal(input: SealInput): Promise<SealResult>;
  envelopeOpen(input: OpenInput): Promise<EnvelopeOpenResult>;
  walkthroughState(): Promise<WalkthroughState>;
  walkthroughPrepare(): Promise<WalkthroughState>;
  walkthroughInject(failure: InjectedFailure): Promise<WalkthroughState>;
  walkthroughRotate(strategies?: Strategy[]): Promise<RotationRun[]>;
  walkthroughSchedule(days: number): Promise<{ code: string; message: string }[]>;
  walkthroughAdvance(): Promise<{ runs: RotationRun[]; advancedMs: number }>;
  keyTimeline(keyId: string): Promise<KeyTimeline | undefined>;
  keySamples(keyId: string): Promise<Sample[]>;
  keyEncryptSample(keyId: string): Promise<{ ok: true; sample: Sample } | { ok: false; failure: { code: string; message: string } }>;
  keyCheckSamples(keyId: string): Promise<SampleCheck[]>;
}

export const DEFAULT_BUDGET_MS = 10_000;
