/**
 * Keeps the learner's sandbox across page loads: the session snapshot is
 * saved in the browser's storage, one key per scenario, so the /sandbox
 * page and the chapter pages work on the same sandbox. Saving is debounced
 * (a pasted script saves once) and flushed when the page is hidden.
 */

import type { KeyValueStorage } from "./history";

export const sandboxStorageKey = (scenario: string) => `keystone.sandbox.${scenario}`;

export interface SavedSandbox {
  format: "keystone-sandbox-save";
  version: 1;
  scenario: string;
  savedAt: string;
  snapshot: unknown;
}

export type LoadResult = { status: "none" } | { status: "found"; saved: SavedSandbox } | { status: "unreadable"; message: string };

export function loadSaved(storage: KeyValueStorage | undefined, scenario: string): LoadResult {
  let raw: string | null;
  try {
    raw = storage?.getItem(sandboxStorageKey(scenario)) ?? null;
  } catch {
    return { status: "unreadable", message: "The browser refused access to its storage, so the saved sandbox could not be read." };
  }
  if (raw === null) return { status: "none" };
  try {
    const parsed = JSON.parse(raw) as Partial<SavedSandbox>;
    if (parsed.format !== "keystone-sandbox-save" || parsed.version !== 1 || parsed.scenario !== scenario || parsed.snapshot === undefined) {
      return { status: "unreadable", message: "The saved sandbox is in a format this version does not read." };
    }
    return { status: "found", saved: parsed as SavedSandbox };
  } catch {
    return { status: "unreadable", message: "The saved sandbox is damaged." };
  }
}

export function isQuotaError(error: unknown): boolean {
  if (typeof DOMException !== "undefined" && error instanceof DOMException) {
    return error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED" || error.code === 22;
  }
  return error instanceof Error && /quota/i.test(error.name + error.message);
}

export const QUOTA_MESSAGE = "The browser's storage for this site is full, so the sandbox was not saved. Export it to keep your work, or free some space.";

export interface SaverOptions {
  storage: KeyValueStorage | undefined;
  scenario: string;
  delayMs?: number;
  /** Reports a failed save (undefined once a save works again). */
  onError?(message: string | undefined): void;
  now?(): Date;
  /** Timers, injectable for tests. */
  setTimer?(callback: () => void, ms: number): unknown;
  clearTimer?(handle: unknown): void;
}

export class SnapshotSaver {
  private timer: unknown;
  private take: (() => unknown) | undefined;
  private failing = false;

  constructor(private readonly options: SaverOptions) {}

  /** Saves `take()` after a quiet moment; later calls replace earlier ones. */
  schedule(take: () => unknown): void {
    this.take = take;
    const clear = this.options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    const set = this.options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    if (this.timer !== undefined) clear(this.timer);
    this.timer = set(() => this.flush(), this.options.delayMs ?? 300);
  }

  /** Saves now whatever is scheduled. Returns whether the save worked (true when nothing was due). */
  flush(): boolean {
    if (this.timer !== undefined) {
      (this.options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)))(this.timer);
      this.timer = undefined;
    }
    const take = this.take;
    this.take = undefined;
    if (!take) return true;
    return this.save(take());
  }

  /** Forgets anything scheduled (before a reset or a scenario switch). */
  cancel(): void {
    if (this.timer !== undefined) (this.options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)))(this.timer);
    this.timer = undefined;
    this.take = undefined;
  }

  save(snapshot: unknown): boolean {
    const saved: SavedSandbox = {
      format: "keystone-sandbox-save",
      version: 1,
      scenario: this.options.scenario,
      savedAt: (this.options.now?.() ?? new Date()).toISOString(),
      snapshot,
    };
    try {
      this.options.storage?.setItem(sandboxStorageKey(this.options.scenario), JSON.stringify(saved));
      if (this.failing) this.options.onError?.(undefined);
      this.failing = false;
      return true;
    } catch (error) {
      this.failing = true;
      this.options.onError?.(isQuotaError(error) ? QUOTA_MESSAGE : `The sandbox could not be saved: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  clear(): void {
    this.cancel();
    try {
      this.options.storage?.removeItem(sandboxStorageKey(this.options.scenario));
    } catch {
      // Nothing saved can be removed; the reset still applies to this page.
    }
  }
}
