/**
 * The sandbox saved in the browser's IndexedDB (through the `idb` library),
 * from inside the worker. One database, three stores: `sessions` (the core
 * record per scenario), `files` (per scenario) and `trail` (chunks keyed
 * [scenario, index]). A save is one transaction over all three, so a sandbox
 * on disk is always one whole save, never half of two.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { assembleSnapshot, chunkIndexes, planTrailSave, SAVE_FORMAT, SAVE_VERSION, type CoreRecord, type FilesRecord, type LoadResult, type SaveRequest, type SessionStore, type TrailChunk } from "./session-store";

export const DATABASE_NAME = "keystone-sandbox";

interface SandboxDatabase extends DBSchema {
  sessions: { key: string; value: CoreRecord };
  files: { key: string; value: FilesRecord };
  trail: { key: [string, number]; value: TrailChunk };
}

export class IndexedDbSessionStore implements SessionStore {
  readonly kind = "indexeddb" as const;

  private constructor(private readonly db: IDBPDatabase<SandboxDatabase>) {}

  /** Opens the database; rejects when the browser offers no IndexedDB (some private modes). */
  static async open(factory: IDBFactory | undefined = globalThis.indexedDB, name = DATABASE_NAME): Promise<IndexedDbSessionStore> {
    if (!factory) throw new Error("IndexedDB is not available");
    // idb uses the global indexedDB; a factory given for tests stands in for it.
    const previous = globalThis.indexedDB;
    if (factory !== previous) (globalThis as { indexedDB?: IDBFactory }).indexedDB = factory;
    try {
      const db = await openDB<SandboxDatabase>(name, 1, {
        upgrade(database) {
          database.createObjectStore("sessions");
          database.createObjectStore("files");
          database.createObjectStore("trail");
        },
      });
      return new IndexedDbSessionStore(db);
    } finally {
      if (factory !== previous) (globalThis as { indexedDB?: IDBFactory }).indexedDB = previous;
    }
  }

  async load(scenario: string): Promise<LoadResult> {
    const tx = this.db.transaction(["sessions", "files", "trail"], "readonly");
    const core = await tx.objectStore("sessions").get(scenario);
    if (!core) return { status: "none" };
    if (core.format !== SAVE_FORMAT || core.version !== SAVE_VERSION || core.scenario !== scenario) {
      return { status: "unreadable", message: "The saved sandbox is in a format this version does not read." };
    }
    const files = await tx.objectStore("files").get(scenario);
    const chunks: (TrailChunk | undefined)[] = [];
    for (const index of chunkIndexes(core.trail)) chunks.push(await tx.objectStore("trail").get([scenario, index]));
    await tx.done;
    const assembled = assembleSnapshot(core, files, chunks);
    if ("problem" in assembled) return { status: "unreadable", message: `The saved sandbox is damaged (${assembled.problem}).` };
    return { status: "found", snapshot: assembled.snapshot, savedAt: core.savedAt, ...(assembled.notice ? { notice: assembled.notice } : {}) };
  }

  async save(request: SaveRequest): Promise<void> {
    const { scenario, lineage } = request;
    const tx = this.db.transaction(["sessions", "files", "trail"], "readwrite");
    const sessions = tx.objectStore("sessions");
    const trail = tx.objectStore("trail");
    const existing = await sessions.get(scenario);
    const ours = existing?.lineage === lineage && existing.format === SAVE_FORMAT && existing.version === SAVE_VERSION;
    const plan = planTrailSave(ours ? existing.trail : undefined, request.trail);
    const allChunks = IDBKeyRange.bound([scenario, -Infinity], [scenario, Infinity]);
    const writes: Promise<unknown>[] = [];
    if (plan.rewrite) writes.push(trail.delete(allChunks));
    else if (plan.keepFrom > 0) writes.push(trail.delete(IDBKeyRange.bound([scenario, -Infinity], [scenario, plan.keepFrom], false, true)));
    for (const chunk of plan.chunks) writes.push(trail.put({ lineage, first: chunk.first, events: chunk.events }, [scenario, chunk.index]));
    if (request.files.changed || !ours) writes.push(tx.objectStore("files").put({ lineage, files: request.files.take() }, scenario));
    const core: CoreRecord = { format: SAVE_FORMAT, version: SAVE_VERSION, scenario, lineage, savedAt: request.savedAt, session: request.session, trail: plan.range };
    writes.push(sessions.put(core, scenario));
    await Promise.all([...writes, tx.done]);
  }

  async clear(scenario: string): Promise<void> {
    const tx = this.db.transaction(["sessions", "files", "trail"], "readwrite");
    await Promise.all([
      tx.objectStore("sessions").delete(scenario),
      tx.objectStore("files").delete(scenario),
      tx.objectStore("trail").delete(IDBKeyRange.bound([scenario, -Infinity], [scenario, Infinity])),
      tx.done,
    ]);
  }

  close(): void {
    this.db.close();
  }
}
