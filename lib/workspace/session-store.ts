/**
 * Where the worker keeps a sandbox between visits. A sandbox is saved in
 * parts, so that a command costs what it changed rather than the whole
 * sandbox: the session without its trail and files (small), the files when
 * they changed, and the trail in chunks of which only the newest are
 * rewritten. Each saver has a lineage id; chunks of another lineage (another
 * tab, or a reset) are never mixed with its own.
 */
import type { SessionSnapshot } from "@/lib/sandbox";
import type { FilesSnapshot } from "@/lib/sandbox/vfs/snapshot";
import type { TrailEvent } from "@/lib/sandbox/trail/trail";

export const SAVE_FORMAT = "keystone-sandbox-save";
export const SAVE_VERSION = 2;
/** Trail events per stored chunk. */
export const TRAIL_CHUNK = 250;

export interface TrailRange {
  /** Index of the first kept event in the lineage's numbering (events before it were trimmed). */
  start: number;
  /** One past the last event saved. */
  end: number;
  /** Id of the last event saved, to find the new ones next time. */
  lastEventId?: string;
}

export interface CoreRecord {
  format: typeof SAVE_FORMAT;
  version: typeof SAVE_VERSION;
  scenario: string;
  lineage: string;
  savedAt: string;
  /** The session without files and with an empty engine trail. */
  session: Omit<SessionSnapshot, "files">;
  trail: TrailRange;
}

export interface FilesRecord {
  lineage: string;
  files: FilesSnapshot;
}

export interface TrailChunk {
  lineage: string;
  /** Index of its first event in the lineage's numbering (a chunk written after trimming starts mid-way). */
  first: number;
  events: TrailEvent[];
}

export interface SaveRequest {
  scenario: string;
  lineage: string;
  savedAt: string;
  session: Omit<SessionSnapshot, "files">;
  /** The engine's live trail; the store copies the events it writes. */
  trail: readonly TrailEvent[];
  /**
   * The files: written when they changed since this lineage's last save, or
   * when the store holds another lineage (another tab saved in between).
   */
  files: { changed: boolean; take(): FilesSnapshot };
}

export type LoadResult =
  | { status: "none" }
  | { status: "found"; snapshot: SessionSnapshot; savedAt: string; notice?: string }
  | { status: "unreadable"; message: string };

export interface SessionStore {
  readonly kind: "indexeddb" | "memory";
  load(scenario: string): Promise<LoadResult>;
  save(request: SaveRequest): Promise<void>;
  clear(scenario: string): Promise<void>;
}

/**
 * Which trail events a save must write: the plan for one save, from what the
 * lineage saved last (`saved`, undefined when the store holds another
 * lineage or nothing) and the trail as it is now.
 */
export interface TrailPlan {
  range: TrailRange;
  /** Chunks to (re)write, with their events. */
  chunks: { index: number; first: number; events: TrailEvent[] }[];
  /** Chunks below this index are no longer needed. */
  keepFrom: number;
  /** Every chunk of the scenario must go first (another lineage's, or a restart of the numbering). */
  rewrite: boolean;
}

export function planTrailSave(saved: TrailRange | undefined, trail: readonly TrailEvent[]): TrailPlan {
  let end: number;
  let firstNew: number;
  let rewrite = false;
  const found = saved?.lastEventId === undefined ? -1 : findLastIndexOf(trail, saved.lastEventId);
  if (saved && (saved.lastEventId === undefined ? saved.end === saved.start : found !== -1)) {
    const added = trail.length - 1 - found;
    end = saved.end + added;
    firstNew = saved.end;
  } else {
    // Nothing of ours saved, or our last saved event was trimmed away: number afresh.
    rewrite = true;
    end = trail.length;
    firstNew = 0;
  }
  const start = end - trail.length;
  const chunks: TrailPlan["chunks"] = [];
  if (end > firstNew) {
    const from = Math.floor(Math.max(firstNew, start) / TRAIL_CHUNK);
    const to = Math.floor((end - 1) / TRAIL_CHUNK);
    for (let index = from; index <= to; index++) {
      const low = Math.max(index * TRAIL_CHUNK, start);
      const high = Math.min((index + 1) * TRAIL_CHUNK, end);
      chunks.push({ index, first: low, events: trail.slice(low - start, high - start) as TrailEvent[] });
    }
  }
  const last = trail[trail.length - 1];
  return { range: { start, end, ...(last ? { lastEventId: last.eventId } : {}) }, chunks, keepFrom: Math.floor(start / TRAIL_CHUNK), rewrite };
}

function findLastIndexOf(trail: readonly TrailEvent[], eventId: string): number {
  for (let index = trail.length - 1; index >= 0; index--) if (trail[index]!.eventId === eventId) return index;
  return -1;
}

/** The chunks that hold a saved trail range, in order. */
export function chunkIndexes(range: TrailRange): number[] {
  const indexes: number[] = [];
  if (range.end <= range.start) return indexes;
  for (let index = Math.floor(range.start / TRAIL_CHUNK); index <= Math.floor((range.end - 1) / TRAIL_CHUNK); index++) indexes.push(index);
  return indexes;
}

/** Puts a saved sandbox back together; a trail whose chunks do not add up is dropped with a notice rather than failing the restore. */
export function assembleSnapshot(core: CoreRecord, files: FilesRecord | undefined, chunks: readonly (TrailChunk | undefined)[]): { snapshot: SessionSnapshot; notice?: string } | { problem: string } {
  if (!files || files.lineage !== core.lineage) return { problem: "its files are missing" };
  const { start, end, lastEventId } = core.trail;
  const events: TrailEvent[] = [];
  let intact = true;
  let expected = start;
  for (const chunk of chunks) {
    if (!chunk || chunk.lineage !== core.lineage || chunk.first > expected) {
      intact = false;
      break;
    }
    const taken = chunk.events.slice(expected - chunk.first);
    events.push(...taken);
    expected += taken.length;
  }
  const trail = events.slice(0, end - start);
  if (!intact || trail.length !== end - start || (lastEventId !== undefined && trail[trail.length - 1]?.eventId !== lastEventId)) {
    return {
      snapshot: { ...core.session, engine: { ...core.session.engine, trail: [] }, files: files.files } as SessionSnapshot,
      notice: "The sandbox's activity history could not be read back, so the Activity pane starts empty; everything else is as you left it.",
    };
  }
  return { snapshot: { ...core.session, engine: { ...core.session.engine, trail }, files: files.files } as SessionSnapshot };
}
