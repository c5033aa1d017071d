/**
 * A lab's record in the browser: when its sandbox started, every command
 * line run in it (what the server replays), how many steps are done, and
 * which hints and solutions were shown. Kept in localStorage, one entry per
 * lab; damaged entries are dropped rather than trusted.
 */
import * as z from "zod";

export const labLogSchema = z.object({
  startedAt: z.iso.datetime(),
  commands: z.array(z.string()),
  stepsDone: z.number().int().min(0),
  hintsShown: z.record(z.string(), z.number().int().min(0)),
  solutionsShown: z.array(z.string()),
  /** The instructor resets the server had recorded when this log began (0 without a class). */
  resets: z.number().int().min(0).default(0),
});

export type LabLog = z.output<typeof labLogSchema>;

interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const labLogKey = (labId: string) => `keystone.lab.${labId}`;

export function newLabLog(now: Date = new Date(), resets = 0): LabLog {
  // Whole seconds: the sandbox's clock starts there, and the ISO text round-trips exactly.
  return { startedAt: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString(), commands: [], stepsDone: 0, hintsShown: {}, solutionsShown: [], resets };
}

export function readLabLog(storage: KeyValueStorage | undefined, labId: string): LabLog | undefined {
  try {
    const text = storage?.getItem(labLogKey(labId));
    if (!text) return undefined;
    const parsed = labLogSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Returns false when the browser refused (storage full or disabled): the lab then lasts as long as the page. */
export function writeLabLog(storage: KeyValueStorage | undefined, labId: string, log: LabLog): boolean {
  try {
    storage?.setItem(labLogKey(labId), JSON.stringify(log));
    return storage !== undefined;
  } catch {
    return false;
  }
}
