/**
 * Tab completion as bash presents it: one candidate completes the word (and
 * adds a space, unless it ends a path or an option's `=`), several extend
 * the word to what they share and, when they share nothing more, are listed
 * in columns under the line.
 */

import type { LineState } from "./line-editor";
import { replaceRange } from "./line-editor";

/** What the session proposes for the word at the cursor: text[start, end) is replaced by one candidate. */
export interface Completion {
  start: number;
  end: number;
  candidates: string[];
}

export type CompletionOutcome =
  | { kind: "none"; line: LineState }
  | { kind: "completed"; line: LineState }
  | { kind: "list"; line: LineState; candidates: string[] };

export function commonPrefix(values: readonly string[]): string {
  if (values.length === 0) return "";
  let prefix = values[0]!;
  for (const value of values.slice(1)) {
    let length = 0;
    while (length < prefix.length && length < value.length && prefix[length] === value[length]) length++;
    prefix = prefix.slice(0, length);
  }
  return prefix;
}

/** Whether a completed word is finished (bash adds a space) or can go on (a directory, `key=`). */
function isFinished(candidate: string): boolean {
  return !/[/=]$/.test(candidate);
}

export function applyCompletion(line: LineState, completion: Completion | undefined): CompletionOutcome {
  if (!completion) return { kind: "none", line };
  const candidates = [...new Set(completion.candidates)];
  if (candidates.length === 0) return { kind: "none", line };
  const typed = line.text.slice(completion.start, completion.end);
  if (candidates.length === 1) {
    const only = candidates[0]!;
    if (!isFinished(only)) return { kind: "completed", line: replaceRange(line, completion.start, completion.end, only) };
    // A finished word gets its space, or steps over the one already there.
    const spaceFollows = line.text.slice(completion.end).startsWith(" ");
    const completed = replaceRange(line, completion.start, completion.end, spaceFollows ? only : `${only} `);
    return { kind: "completed", line: spaceFollows ? { ...completed, cursor: completed.cursor + 1 } : completed };
  }
  const shared = commonPrefix(candidates);
  if (shared.length > typed.length && shared.startsWith(typed)) {
    return { kind: "completed", line: replaceRange(line, completion.start, completion.end, shared) };
  }
  return { kind: "list", line, candidates: [...candidates].sort() };
}

/**
 * Lays candidates out in columns, top to bottom then left to right, as
 * bash and ls do, within `width` columns. Returns the rows, without newlines.
 */
export function formatColumns(items: readonly string[], width: number): string[] {
  if (items.length === 0) return [];
  const cellWidth = Math.max(...items.map((item) => Array.from(item).length)) + 2;
  const columns = Math.max(1, Math.floor((width + 2) / cellWidth));
  const rows = Math.ceil(items.length / columns);
  const lines: string[] = [];
  for (let row = 0; row < rows; row++) {
    let line = "";
    for (let column = 0; column < columns; column++) {
      const item = items[column * rows + row];
      if (item === undefined) continue;
      const isLast = column === columns - 1 || (column + 1) * rows + row >= items.length;
      line += isLast ? item : item + " ".repeat(cellWidth - Array.from(item).length);
    }
    lines.push(line);
  }
  return lines;
}
