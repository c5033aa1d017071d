/**
 * Command history for the arrow keys, as bash keeps it: the newest entry
 * last, blank lines and immediate repeats left out, and the line being
 * typed kept aside while the learner looks back (Down past the newest entry
 * brings it back). Saved in the browser's storage, like ~/.bash_history, so
 * it outlives a reload and a sandbox reset. A command typed with a leading
 * space is left out, as bash's ignorespace does.
 */

export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const HISTORY_STORAGE_KEY = "keystone.terminal.history";
export const HISTORY_LIMIT = 500;

export class CommandHistory {
  private entries: string[];
  /** Index into entries while browsing; entries.length means "the line being typed". */
  private position: number;
  private draft = "";

  constructor(
    entries: readonly string[] = [],
    private readonly limit = HISTORY_LIMIT,
    private readonly save?: (entries: readonly string[]) => void,
  ) {
    this.entries = entries.slice(-limit);
    this.position = this.entries.length;
  }

  /** Reads the history saved in `storage` (nothing on a missing or unreadable value) and saves it back there on each change. */
  static persisted(storage: KeyValueStorage | undefined, key = HISTORY_STORAGE_KEY, limit = HISTORY_LIMIT): CommandHistory {
    let entries: string[] = [];
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(key) ?? "[]");
      if (Array.isArray(parsed)) entries = parsed.filter((entry): entry is string => typeof entry === "string");
    } catch {
      // A corrupt value starts a fresh history rather than breaking the terminal.
    }
    return new CommandHistory(entries, limit, (all) => {
      try {
        storage?.setItem(key, JSON.stringify(all));
      } catch {
        // Storage full or refused: the history still works for this page.
      }
    });
  }

  list(): readonly string[] {
    return this.entries;
  }

  add(command: string): void {
    this.position = this.entries.length;
    this.draft = "";
    // bash's HISTCONTROL=ignoreboth: no blank lines, no repeats, nothing typed with a leading space.
    if (!command.trim() || command.startsWith(" ") || this.entries.at(-1) === command) return;
    this.entries.push(command);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    this.position = this.entries.length;
    this.save?.(this.entries);
  }

  /** Up: the entry before the current one, or undefined at the oldest. `current` is the line as typed, kept for Down. */
  previous(current: string): string | undefined {
    if (this.position === 0) return undefined;
    if (this.position === this.entries.length) this.draft = current;
    this.position--;
    return this.entries[this.position];
  }

  /** Down: the next entry, then the line that was being typed; undefined when already there. */
  next(): string | undefined {
    if (this.position >= this.entries.length) return undefined;
    this.position++;
    return this.position === this.entries.length ? this.draft : this.entries[this.position];
  }

  /** Back to the line being typed (after Enter or Ctrl-C). */
  resetCursor(): void {
    this.position = this.entries.length;
    this.draft = "";
  }
}
