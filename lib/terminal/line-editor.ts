/**
 * The line being typed at the prompt, and the edits bash's readline offers
 * on it (emacs mode). Immutable: every edit returns a new state, so the
 * terminal can compare before and after and redraw only when needed.
 *
 * The cursor counts UTF-16 code units but never stops inside a surrogate
 * pair, so an emoji moves and deletes as one character.
 */

export interface LineState {
  readonly text: string;
  readonly cursor: number;
  /** The last killed text (Ctrl-U, Ctrl-K, Ctrl-W), for Ctrl-Y. */
  readonly killed: string;
}

export const emptyLine: LineState = { text: "", cursor: 0, killed: "" };

export function lineOf(text: string, cursor = text.length): LineState {
  return { text, cursor: Math.max(0, Math.min(cursor, text.length)), killed: "" };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function previousBoundary(text: string, index: number): number {
  if (index <= 0) return 0;
  const back = index - 1;
  return back > 0 && isLowSurrogate(text.charCodeAt(back)) && isHighSurrogate(text.charCodeAt(back - 1)) ? back - 1 : back;
}

function nextBoundary(text: string, index: number): number {
  if (index >= text.length) return text.length;
  return isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1)) ? index + 2 : index + 1;
}

export function insert(state: LineState, text: string): LineState {
  if (!text) return state;
  return { ...state, text: state.text.slice(0, state.cursor) + text + state.text.slice(state.cursor), cursor: state.cursor + text.length };
}

export function backspace(state: LineState): LineState {
  if (state.cursor === 0) return state;
  const from = previousBoundary(state.text, state.cursor);
  return { ...state, text: state.text.slice(0, from) + state.text.slice(state.cursor), cursor: from };
}

export function deleteForward(state: LineState): LineState {
  if (state.cursor >= state.text.length) return state;
  const to = nextBoundary(state.text, state.cursor);
  return { ...state, text: state.text.slice(0, state.cursor) + state.text.slice(to) };
}

export function moveLeft(state: LineState): LineState {
  return { ...state, cursor: previousBoundary(state.text, state.cursor) };
}

export function moveRight(state: LineState): LineState {
  return { ...state, cursor: nextBoundary(state.text, state.cursor) };
}

export function moveHome(state: LineState): LineState {
  return { ...state, cursor: 0 };
}

export function moveEnd(state: LineState): LineState {
  return { ...state, cursor: state.text.length };
}

const isWordChar = (char: string) => /[\p{L}\p{N}_]/u.test(char);

/** Alt-B / Ctrl-Left: back to the start of the previous word (letters, digits, underscore), as readline does. */
export function moveWordLeft(state: LineState): LineState {
  let index = state.cursor;
  while (index > 0 && !isWordChar(state.text[index - 1]!)) index--;
  while (index > 0 && isWordChar(state.text[index - 1]!)) index--;
  return { ...state, cursor: index };
}

/** Alt-F / Ctrl-Right: forward to the end of the next word. */
export function moveWordRight(state: LineState): LineState {
  let index = state.cursor;
  while (index < state.text.length && !isWordChar(state.text[index]!)) index++;
  while (index < state.text.length && isWordChar(state.text[index]!)) index++;
  return { ...state, cursor: index };
}

/** Ctrl-U: deletes from the cursor back to the start of the line. */
export function killToStart(state: LineState): LineState {
  if (state.cursor === 0) return state;
  return { text: state.text.slice(state.cursor), cursor: 0, killed: state.text.slice(0, state.cursor) };
}

/** Ctrl-K: deletes from the cursor to the end of the line. */
export function killToEnd(state: LineState): LineState {
  if (state.cursor >= state.text.length) return state;
  return { ...state, text: state.text.slice(0, state.cursor), killed: state.text.slice(state.cursor) };
}

/** Ctrl-W: deletes the whitespace-delimited word behind the cursor (readline's unix-word-rubout). */
export function killWordBack(state: LineState): LineState {
  let from = state.cursor;
  while (from > 0 && /\s/.test(state.text[from - 1]!)) from--;
  while (from > 0 && !/\s/.test(state.text[from - 1]!)) from--;
  if (from === state.cursor) return state;
  return { text: state.text.slice(0, from) + state.text.slice(state.cursor), cursor: from, killed: state.text.slice(from, state.cursor) };
}

/** Ctrl-Y: puts the last killed text back at the cursor. */
export function yank(state: LineState): LineState {
  return insert(state, state.killed);
}

/** Replaces text[start, end) with `replacement` and puts the cursor after it (tab completion). */
export function replaceRange(state: LineState, start: number, end: number, replacement: string): LineState {
  const text = state.text.slice(0, start) + replacement + state.text.slice(end);
  return { ...state, text, cursor: start + replacement.length };
}
