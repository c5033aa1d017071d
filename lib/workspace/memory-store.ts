/**
 * A SessionStore in memory: for tests, and for browsers that refuse
 * IndexedDB (the sandbox then lasts as long as its worker, and the learner
 * is told so).
 */
import { assembleSnapshot, chunkIndexes, planTrailSave, SAVE_FORMAT, SAVE_VERSION, type CoreRecord, type FilesRecord, type LoadResult, type SaveRequest, type SessionStore, type TrailChunk } from "./session-store";

export class MemorySessionStore implements SessionStore {
  readonly kind = "memory" as const;
  readonly sessions = new Map<string, CoreRecord>();
  readonly files = new Map<string, FilesRecord>();
  readonly trail = new Map<string, Map<number, TrailChunk>>();
  /** Number of trail chunks written, for tests of incremental saving. */
  chunkWrites = 0;

  async load(scenario: string): Promise<LoadResult> {
    const core = this.sessions.get(scenario);
    if (!core) return { status: "none" };
    const chunks = this.trail.get(scenario) ?? new Map<number, TrailChunk>();
    const wanted = chunkIndexes(core.trail).map((index) => structuredClone(chunks.get(index)));
    const assembled = assembleSnapshot(structuredClone(core), structuredClone(this.files.get(scenario)), wanted);
    if ("problem" in assembled) return { status: "unreadable", message: `The saved sandbox is damaged (${assembled.problem}).` };
    return { status: "found", snapshot: assembled.snapshot, savedAt: core.savedAt, ...(assembled.notice ? { notice: assembled.notice } : {}) };
  }

  async save(request: SaveRequest): Promise<void> {
    const existing = this.sessions.get(request.scenario);
    const ours = existing?.lineage === request.lineage;
    const plan = planTrailSave(ours ? existing.trail : undefined, request.trail);
    let chunks = this.trail.get(request.scenario);
    if (!chunks || plan.rewrite) {
      chunks = new Map();
      this.trail.set(request.scenario, chunks);
    }
    for (const index of [...chunks.keys()]) if (index < plan.keepFrom) chunks.delete(index);
    for (const chunk of plan.chunks) {
      chunks.set(chunk.index, structuredClone({ lineage: request.lineage, first: chunk.first, events: chunk.events }));
      this.chunkWrites++;
    }
    if (request.files.changed || !ours) this.files.set(request.scenario, structuredClone({ lineage: request.lineage, files: request.files.take() }));
    this.sessions.set(request.scenario, structuredClone({ format: SAVE_FORMAT, version: SAVE_VERSION, scenario: request.scenario, lineage: request.lineage, savedAt: request.savedAt, session: request.session, trail: plan.range }));
  }

  async clear(scenario: string): Promise<void> {
    this.sessions.delete(scenario);
    this.files.delete(scenario);
    this.trail.delete(scenario);
  }
}
