/**
 * Quiz progress kept in the browser's IndexedDB (through `idb`) for anyone
 * without an account: attempts, the FSRS memory card of each exam point, and
 * the exam date. Recording an attempt and the memory it changes is one
 * transaction, and an attempt already stored (same id) changes nothing, so a
 * repeated save never counts an answer twice. A signed-in learner's progress
 * lives on the server instead (lib/progress); at sign-in what this store holds
 * is sent there once (exportBrowserProgress) and then cleared.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { Card } from "ts-fsrs";
import { recordAnswer, type Memory } from "../memory";
import { attemptSchema, type Attempt } from "./attempt";

export const PROGRESS_DATABASE = "keystone-progress";
/** Fired on window after every change, so open pages (drill, readiness) update. */
export const PROGRESS_EVENT = "keystone:progress";

interface ProgressDatabase extends DBSchema {
  attempts: { key: string; value: Attempt; indexes: { at: string } };
  memory: { key: string; value: Card };
  settings: { key: string; value: string };
  /** Sections the learner marked read: site path -> ISO time. */
  sections: { key: string; value: string };
}

let opening: Promise<IDBPDatabase<ProgressDatabase>> | undefined;

function database(): Promise<IDBPDatabase<ProgressDatabase>> {
  if (typeof indexedDB === "undefined") return Promise.reject(new Error("This browser offers no IndexedDB (a private window?): progress cannot be kept."));
  opening ??= openDB<ProgressDatabase>(PROGRESS_DATABASE, 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore("attempts", { keyPath: "id" }).createIndex("at", "at");
        db.createObjectStore("memory");
        db.createObjectStore("settings");
      }
      if (oldVersion < 2) db.createObjectStore("sections");
    },
  });
  return opening;
}

function changed() {
  if (typeof window !== "undefined") window.dispatchEvent(new Event(PROGRESS_EVENT));
}

/** Stores the attempt and updates the memory of every exam point it answered. Returns false when it was stored already. */
export async function recordAttempt(attempt: Attempt): Promise<boolean> {
  const valid = attemptSchema.parse(attempt);
  const db = await database();
  const tx = db.transaction(["attempts", "memory"], "readwrite");
  if (await tx.objectStore("attempts").get(valid.id)) {
    await tx.done;
    return false;
  }
  const points = [...new Set(valid.items.flatMap((item) => item.examPoints))];
  const memoryStore = tx.objectStore("memory");
  let memory: Map<string, Card> = new Map();
  for (const point of points) {
    const card = await memoryStore.get(point);
    if (card) memory.set(point, card);
  }
  const at = new Date(valid.at);
  for (const item of valid.items) memory = recordAnswer(memory, { examPoints: item.examPoints, correct: item.correct, confidence: item.confidence, at });
  await Promise.all([tx.objectStore("attempts").put(valid), ...[...memory].map(([point, card]) => memoryStore.put(card, point)), tx.done]);
  changed();
  return true;
}

export async function loadMemory(): Promise<Memory> {
  const db = await database();
  const tx = db.transaction("memory");
  const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
  return new Map(keys.map((key, index) => [key, values[index]!]));
}

/** The most recent attempts, newest first. */
export async function recentAttempts(limit = 20): Promise<Attempt[]> {
  const db = await database();
  const found: Attempt[] = [];
  let cursor = await db.transaction("attempts").store.index("at").openCursor(null, "prev");
  while (cursor && found.length < limit) {
    found.push(cursor.value);
    cursor = await cursor.continue();
  }
  return found;
}

/** The learner's exam date (YYYY-MM-DD), if they gave one. */
export async function loadExamDate(): Promise<string | undefined> {
  return (await database()).get("settings", "examDate");
}

export async function saveExamDate(date: string | undefined): Promise<void> {
  const db = await database();
  if (date === undefined) await db.delete("settings", "examDate");
  else {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new RangeError(`not a date: ${date}`);
    await db.put("settings", date, "examDate");
  }
  changed();
}

/** Marks a section read (keeping the first time) or unread. */
export async function setSectionRead(path: string, read: boolean, at: Date = new Date()): Promise<void> {
  const db = await database();
  const tx = db.transaction("sections", "readwrite");
  if (!read) await tx.store.delete(path);
  else if (!(await tx.store.get(path))) await tx.store.put(at.toISOString(), path);
  await tx.done;
  changed();
}

export async function loadSectionsRead(): Promise<{ path: string; readAt: string }[]> {
  const db = await database();
  const tx = db.transaction("sections");
  const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
  return keys.map((path, index) => ({ path, readAt: values[index]! }));
}

/** All attempts, oldest first. */
export async function allAttempts(): Promise<Attempt[]> {
  return (await database()).getAllFromIndex("attempts", "at");
}

/** Everything kept here, in the shape the server's merge takes (lib/progress/schemas.ts). */
export async function exportBrowserProgress(): Promise<{ attempts: Attempt[]; sectionsRead: { path: string; at: string }[]; examDate?: string }> {
  const [attempts, sections, examDate] = await Promise.all([allAttempts(), loadSectionsRead(), loadExamDate()]);
  return { attempts, sectionsRead: sections.map((section) => ({ path: section.path, at: section.readAt })), ...(examDate ? { examDate } : {}) };
}

/** Empties the store, after its content is safely in the account. */
export async function clearBrowserProgress(): Promise<void> {
  const db = await database();
  const tx = db.transaction(["attempts", "memory", "settings", "sections"], "readwrite");
  await Promise.all([tx.objectStore("attempts").clear(), tx.objectStore("memory").clear(), tx.objectStore("settings").clear(), tx.objectStore("sections").clear(), tx.done]);
  changed();
}
