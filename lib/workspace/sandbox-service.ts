/**
 * The worker's side of the workspace: one sandbox session, saved after every
 * change. It is plain TypeScript with its store and session factory passed in,
 * so unit tests drive it directly, and sandbox.worker.ts exposes it to the
 * page through Comlink.
 *
 * Saving happens after a command's answer has gone back, and the next command
 * waits for it: when the page stops a runaway command (it terminates the
 * worker), the store holds exactly the sandbox as it was before that command.
 */
import { AwsServiceError, isAwsServiceError } from "@/lib/sandbox/core/errors";
import type { ServiceId, WireObject } from "@/lib/sandbox/core/operation";
import type { CreateSandboxOptions, SandboxSession, SessionTools } from "@/lib/sandbox/session";
import { describeClock, describeResources, queryActivity, type ActivityQuery, type ResourceScope } from "@/lib/sandbox/inspect";
import { snapshotFiles } from "@/lib/sandbox/vfs/snapshot";
import { openEnvelope, sealEnvelope, type OpenInput, type SealInput } from "@/lib/visualize/envelope/explorer";
import { checkSamples, encryptSample, keyTimeline, samplesOf } from "@/lib/visualize/key-lifecycle/timeline";
import { advanceToScheduledRotation, describeWalkthrough, injectFailure, prepareWalkthrough, rotateNow, scheduleRotation, STRATEGIES, type InjectedFailure, type Strategy } from "@/lib/visualize/rotation/walkthrough";
import { checkOnCopy, type TaskCheckOutcome } from "@/lib/quiz/sandbox-task-check";
import { readLegacySave } from "./legacy-save";
import { DEFAULT_BUDGET_MS, type CallReply, type ImportReply, type OpenOptions, type OpenResult, type RunReply, type SandboxWorkerApi, type SessionOrigin, type WorkerEvent } from "./protocol";
import { saveFailureMessage } from "./save-errors";
import type { SessionStore } from "./session-store";

export interface ServiceDependencies {
  /** The store to keep the sandbox in; may reject (no IndexedDB), and the service falls back to memory. */
  openStore(): Promise<SessionStore>;
  fallbackStore(): SessionStore;
  createSession(options: CreateSandboxOptions): SandboxSession;
  /**
   * The sessions' tools and aws command, when createSession makes sessions without them: the worker
   * opens the sandbox first and loads them (most of the engine's code) while the first prompt shows.
   */
  loadTools?(): Promise<SessionTools>;
  /** Wall-clock time for "saved at" (Date.now by default). */
  wallClock?(): number;
  /** A fresh random seed for a new sandbox. */
  randomSeed?(): number;
  /** A unique id for this worker's saves. */
  newLineage?(): string;
}

function randomHex(bytes: number): string {
  return [...globalThis.crypto.getRandomValues(new Uint8Array(bytes))].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

export class SandboxService implements SandboxWorkerApi {
  private current: SandboxSession | undefined;
  private store: SessionStore | undefined;
  private options: OpenOptions | undefined;
  private lineage = "";
  private savedFilesRevision = -1;
  private saving: Promise<void> = Promise.resolve();
  private saveFailing = false;
  private changes = 0;
  private listener: ((event: WorkerEvent) => void) | undefined;
  private tools: Promise<SessionTools> | undefined;
  private loadedTools: SessionTools | undefined;

  constructor(private readonly deps: ServiceDependencies) {}

  async open(options: OpenOptions, onEvent?: (event: WorkerEvent) => void): Promise<OpenResult> {
    this.options = options;
    this.listener = onEvent;
    const notices: string[] = [];
    const clock = () => globalThis.performance?.now() ?? Date.now();
    // In a worker, performance.now() counts from the worker's start: the time to load its code.
    const beforeOpen = clock();
    if (!this.store) {
      try {
        this.store = await this.deps.openStore();
      } catch {
        this.store = this.deps.fallbackStore();
        notices.push("This browser does not let the sandbox save anything, so it lasts until you close this tab. Export it to keep your work.");
      }
    }
    const storeReady = clock();
    let origin: SessionOrigin = "new";
    let savedAt: string | undefined;
    let session = this.freshSession();
    const sessionReady = clock();
    const loaded = await this.store.load(options.saveAs ?? options.scenario).catch((error: unknown) => ({ status: "unreadable" as const, message: `The saved sandbox could not be read (${messageOf(error)})` }));
    if (loaded.status === "found") {
      try {
        session.restore(loaded.snapshot);
        origin = "restored";
        savedAt = loaded.savedAt;
        if (loaded.notice) notices.push(loaded.notice);
      } catch (error) {
        session = this.freshSession();
        notices.push(`Your saved sandbox could not be restored (${messageOf(error)}), so this is a fresh one.`);
      }
    } else if (loaded.status === "unreadable") {
      notices.push(`${loaded.message} This is a fresh sandbox.`);
    } else if (options.legacySave !== undefined) {
      const legacy = readLegacySave(options.legacySave, options.scenario);
      if (legacy.status === "found") {
        try {
          session.restore(legacy.snapshot);
          origin = "migrated";
          savedAt = legacy.savedAt;
        } catch (error) {
          session = this.freshSession();
          notices.push(`Your saved sandbox could not be restored (${messageOf(error)}), so this is a fresh one.`);
        }
      } else {
        notices.push(`${legacy.message} This is a fresh sandbox.`);
      }
    }
    const loadedAt = clock();
    this.adopt(session);
    // A new or migrated sandbox is saved at once, so that stopping the first command has something to go back to.
    if (origin !== "restored") this.saving = this.save();
    await this.saving;
    const savedAtClock = clock();
    // After the answer has gone back: the tools load while the page shows the prompt.
    if (this.deps.loadTools && !this.loadedTools) setTimeout(() => void this.toolsReady().catch(() => undefined), 0);
    return {
      origin,
      ...(savedAt ? { savedAt } : {}),
      ...(notices.length > 0 ? { notice: notices.join(" ") } : {}),
      persistence: this.store.kind,
      cwd: session.cwd(),
      home: session.home(),
      revision: this.changes,
      timings: {
        beforeOpenMs: Math.round(beforeOpen),
        storeMs: Math.round(storeReady - beforeOpen),
        sessionMs: Math.round(sessionReady - storeReady),
        loadMs: Math.round(loadedAt - sessionReady),
        saveMs: Math.round(savedAtClock - loadedAt),
      },
    };
  }

  async run(commandLine: string): Promise<RunReply> {
    await this.toolsReady();
    const session = this.session();
    await this.saving;
    const budgetMs = this.options?.budgetMs ?? DEFAULT_BUDGET_MS;
    const result = await session.run(commandLine, { budgetMs });
    this.changed();
    return {
      stdout: result.stdout,
      stderr: result.stderr,
      exitCode: result.exitCode,
      output: result.output,
      ...(result.interrupted ? { interrupted: result.interrupted } : {}),
      cwd: session.cwd(),
      home: session.home(),
      revision: this.changes,
    };
  }

  async complete(line: string, cursor: number) {
    await this.toolsReady();
    return this.session().complete(line, cursor);
  }

  async needsMoreInput(text: string): Promise<boolean> {
    return this.session().needsMoreInput(text);
  }

  async resources(scope?: Partial<ResourceScope>) {
    return describeResources(this.session().engine.peek(), scope);
  }

  async activity(query?: ActivityQuery) {
    return queryActivity(this.session().engine.peek().trail, query);
  }

  async clock() {
    return describeClock(this.session().engine.peek());
  }

  async call(service: string, operation: string, input: Record<string, unknown>): Promise<CallReply> {
    return this.mutate((session) => {
      try {
        const output = session.engine.call(service as ServiceId, operation, input as WireObject);
        return { ok: true, output: output as Record<string, unknown> };
      } catch (error) {
        const failure = isAwsServiceError(error) ? error : new AwsServiceError("InternalFailure", messageOf(error), 500);
        return { ok: false, code: failure.code, message: failure.message };
      }
    });
  }

  async checkTask(check: string): Promise<TaskCheckOutcome> {
    await this.toolsReady();
    const copy = this.freshSession();
    if (this.loadedTools) copy.attachTools(this.loadedTools);
    return checkOnCopy(this.session(), copy, check);
  }

  async exportSnapshot(): Promise<string> {
    return `${JSON.stringify(this.session().snapshot(), null, 2)}\n`;
  }

  async importSnapshot(text: string): Promise<ImportReply> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, message: "That file is not a sandbox export: it is not JSON. Nothing was changed." };
    }
    const candidate = this.freshSession();
    try {
      candidate.restore(parsed);
    } catch (error) {
      return { ok: false, message: `That file could not be imported: ${messageOf(error)} Nothing was changed.` };
    }
    await this.saving;
    this.adopt(candidate);
    this.changed();
    return { ok: true, revision: this.changes };
  }

  async reset(): Promise<OpenResult> {
    const options = this.openOptions();
    await this.saving;
    await this.store?.clear(options.saveAs ?? options.scenario).catch(() => undefined);
    const session = this.freshSession();
    this.adopt(session);
    this.changed();
    await this.saving;
    return { origin: "new", persistence: this.store?.kind ?? "memory", cwd: session.cwd(), home: session.home(), revision: this.changes };
  }

  async flush(): Promise<void> {
    await this.saving;
  }

  // --- visualisers -----------------------------------------------------------

  async envelopeSeal(input: SealInput) {
    return this.mutate((session) => sealEnvelope(session.engine, session.fs, input));
  }

  async envelopeOpen(input: OpenInput) {
    return this.mutate((session) => openEnvelope(session.engine, input));
  }

  async walkthroughState() {
    return describeWalkthrough(this.session().engine);
  }

  async walkthroughPrepare() {
    return this.mutate((session) => {
      prepareWalkthrough(session.engine);
      return describeWalkthrough(session.engine);
    });
  }

  async walkthroughInject(failure: InjectedFailure) {
    return this.mutate((session) => {
      prepareWalkthrough(session.engine);
      injectFailure(session.engine, failure);
      return describeWalkthrough(session.engine);
    });
  }

  async walkthroughRotate(strategies: Strategy[] = [...STRATEGIES]) {
    return this.mutate((session) => rotateNow(session.engine, strategies));
  }

  async walkthroughSchedule(days: number) {
    return this.mutate((session) => scheduleRotation(session.engine, days));
  }

  async walkthroughAdvance() {
    return this.mutate((session) => advanceToScheduledRotation(session.engine));
  }

  async keyTimeline(keyId: string) {
    return keyTimeline(this.session().engine, keyId);
  }

  async keySamples(keyId: string) {
    return samplesOf(this.session().fs, keyId);
  }

  async keyEncryptSample(keyId: string) {
    return this.mutate((session) => encryptSample(session.engine, session.fs, keyId));
  }

  async keyCheckSamples(keyId: string) {
    return this.mutate((session) => checkSamples(session.engine, session.fs, keyId));
  }

  /** Runs work that changes the sandbox after what is saving, then saves and tells the page. */
  private async mutate<T>(work: (session: SandboxSession) => T): Promise<T> {
    const session = this.session();
    await this.saving;
    try {
      return work(session);
    } finally {
      this.changed();
    }
  }

  /** Loads the tools once (again after a failed load) and gives them to the open session. */
  private async toolsReady(): Promise<void> {
    if (!this.deps.loadTools) return;
    if (!this.loadedTools) {
      this.tools ??= this.deps.loadTools().catch((error: unknown) => {
        this.tools = undefined;
        throw new Error(`The sandbox's commands could not be loaded (${messageOf(error)}) Try the command again.`);
      });
      this.loadedTools = await this.tools;
    }
    this.current?.attachTools(this.loadedTools);
  }

  /** The session itself, for tests and the visualisers' worker modules. */
  session(): SandboxSession {
    if (!this.current) throw new Error("The sandbox is not open yet.");
    return this.current;
  }

  // ---------------------------------------------------------------------------

  private openOptions(): OpenOptions {
    if (!this.options) throw new Error("The sandbox is not open yet.");
    return this.options;
  }

  private freshSession(): SandboxSession {
    const options = this.openOptions();
    return this.deps.createSession({
      scenario: options.scenario as CreateSandboxOptions["scenario"],
      seed: options.seed ?? this.deps.randomSeed?.() ?? Math.floor(Math.random() * 2 ** 31),
      now: options.now ?? this.deps.wallClock?.() ?? Date.now(),
    });
  }

  /** Makes `session` the current one, saved under a new lineage (its trail numbering starts afresh). */
  private adopt(session: SandboxSession): void {
    if (this.loadedTools) session.attachTools(this.loadedTools);
    this.current = session;
    this.lineage = this.deps.newLineage?.() ?? randomHex(8);
    this.savedFilesRevision = -1;
  }

  /** Something changed: save (after anything already saving) and tell the page. */
  private changed(): void {
    this.changes++;
    const previous = this.saving;
    this.saving = previous.then(() => this.save());
    this.emit({ type: "changed", revision: this.changes });
  }

  /** Never rejects: a failed save is reported to the page and retried with the next change. */
  private async save(): Promise<void> {
    const session = this.current;
    const store = this.store;
    if (!session || !store) return;
    try {
      const filesRevision = session.fs.revision;
      await store.save({
        scenario: this.openOptions().saveAs ?? this.openOptions().scenario,
        lineage: this.lineage,
        savedAt: new Date(this.deps.wallClock?.() ?? Date.now()).toISOString(),
        session: session.snapshotWithoutFiles({ trail: false }),
        trail: session.engine.peek().trail,
        files: { changed: filesRevision !== this.savedFilesRevision, take: () => snapshotFiles(session.fs) },
      });
      this.savedFilesRevision = filesRevision;
      if (this.saveFailing) {
        this.saveFailing = false;
        this.emit({ type: "saved", savedAt: new Date().toISOString() });
      }
    } catch (error) {
      this.saveFailing = true;
      this.emit({ type: "save-failed", message: saveFailureMessage(error) });
    }
  }

  private emit(event: WorkerEvent): void {
    try {
      this.listener?.(event);
    } catch {
      // The page went away; nothing to tell.
    }
  }
}
