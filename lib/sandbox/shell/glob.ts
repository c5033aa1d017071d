import type { FileSystem } from "../vfs/types";
import { CodePoints } from "./code-points";
import { noCheck, type CheckTime } from "./cpu-budget";
import { posixClassRanges } from "./posix-classes";

/**
 * Shell patterns (`*`, `?`, `[...]`) for file name expansion, `case`,
 * `[[ == ]]` and `${var#pattern}`. A backslash before a character makes it
 * literal: the expander writes quoted characters that way.
 *
 * Matching runs the pattern as a simple automaton over the text (one state
 * per pattern element, all of them at once), so it takes time proportional
 * to the text times the pattern whatever the number of `*`: bash's own
 * matcher backtracks, and `*a*a*a*...` against a long value would freeze
 * the page. The results are bash's: whole matches for `case` and `[[`,
 * shortest or longest prefixes and suffixes for `#` `##` `%` `%%`, and the
 * leftmost longest match for `${var/pattern/...}`.
 */

// ================================================================ patterns as elements

type Element =
  | { kind: "char"; code: number }
  | { kind: "any" }
  | { kind: "star" }
  | { kind: "set"; negated: boolean; items: BracketItem[] }
  | { kind: "never" };

type BracketItem = { from: number; to: number } | { ranges: [number, number][] };

const BACKSLASH = 0x5c;
const SLASH = 0x2f;

/** Whether the pattern has an unescaped `*`, `?` or `[`. */
export function hasGlobChars(pattern: string): boolean {
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === "\\") index += 1;
    else if (char === "*" || char === "?" || char === "[") return true;
  }
  return false;
}

/** Removes the escaping backslashes: the pattern as literal text. */
export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\([\s\S])/g, "$1");
}

/** Escapes text so that it matches itself as a pattern. */
export function escapePattern(text: string): string {
  return text.replace(/[\\*?[\]]/g, "\\$&");
}

/** The POSIX names of characters for `[[.name.]]` (bash's collsyms.h); a one-character name is itself. */
const COLLATING_SYMBOLS: Record<string, number> = {
  NUL: 0, SOH: 1, STX: 2, ETX: 3, EOT: 4, ENQ: 5, ACK: 6, alert: 7, BS: 8, backspace: 8, HT: 9, tab: 9, LF: 10, newline: 10,
  VT: 11, "vertical-tab": 11, FF: 12, "form-feed": 12, CR: 13, "carriage-return": 13, SO: 14, SI: 15, DLE: 16, DC1: 17,
  DC2: 18, DC3: 19, DC4: 20, NAK: 21, SYN: 22, ETB: 23, CAN: 24, EM: 25, SUB: 26, ESC: 27, IS4: 28, FS: 28, IS3: 29, GS: 29,
  IS2: 30, RS: 30, IS1: 31, US: 31, space: 32, "exclamation-mark": 33, "quotation-mark": 34, "number-sign": 35,
  "dollar-sign": 36, "percent-sign": 37, ampersand: 38, apostrophe: 39, "left-parenthesis": 40, "right-parenthesis": 41,
  asterisk: 42, "plus-sign": 43, comma: 44, hyphen: 45, "hyphen-minus": 45, minus: 45, dash: 45, period: 46, "full-stop": 46,
  slash: 47, solidus: 47, zero: 48, one: 49, two: 50, three: 51, four: 52, five: 53, six: 54, seven: 55, eight: 56, nine: 57,
  colon: 58, semicolon: 59, "less-than-sign": 60, "equals-sign": 61, "greater-than-sign": 62, "question-mark": 63,
  "commercial-at": 64, "left-square-bracket": 91, backslash: 92, "reverse-solidus": 92, "right-square-bracket": 93,
  circumflex: 94, "circumflex-accent": 94, underscore: 95, "grave-accent": 96, "left-brace": 123, "left-curly-bracket": 123,
  "vertical-line": 124, "right-brace": 125, "right-curly-bracket": 125, tilde: 126, DEL: 127,
};

function collatingSymbol(codes: readonly number[]): number | undefined {
  const name = String.fromCodePoint(...codes);
  if (Object.hasOwn(COLLATING_SYMBOLS, name)) return COLLATING_SYMBOLS[name];
  return codes.length === 1 ? codes[0] : undefined;
}

const code = (char: string): number => char.codePointAt(0) ?? 0;
const C = { open: code("["), close: code("]"), bang: code("!"), caret: code("^"), colon: code(":"), equals: code("="), dot: code("."), dash: code("-") };

/**
 * A bracket expression starting after its `[` at `start`, read as bash's
 * BRACKMATCH reads it: `!` or `^` negates, a first `]` is a member,
 * `[:class:]`, `[=c=]`, `[.name.]`, ranges (by code point, as bash's
 * globasciiranges does), backslash escapes. `unclosed` means there is no
 * closing `]`, and the `[` is an ordinary character.
 */
function readBracket(p: readonly number[], start: number): { element: Element; end: number } | "unclosed" {
  let index = start;
  const negated = p[index] === C.bang || p[index] === C.caret;
  if (negated) index += 1;
  const items: BracketItem[] = [];
  let c = p[index++];
  for (;;) {
    if (c === undefined) return "unclosed";
    let cstart: number | undefined = c;
    if (c === C.open && p[index] === C.equals && p[index + 2] === C.equals && p[index + 3] === C.close) {
      const member = p[index + 1] ?? 0;
      items.push({ from: member, to: member });
      index += 4;
      c = p[index++];
      if (c === C.close) break;
      continue;
    }
    if (c === C.open && p[index] === C.colon) {
      let close = index + 1;
      while (close < p.length && !(p[close] === C.colon && p[close + 1] === C.close)) close += 1;
      if (close < p.length) {
        const name = String.fromCodePoint(...p.slice(index + 1, close)).replace(/\\([\s\S])/g, "$1");
        const ranges = posixClassRanges(name, "glob");
        // An unknown class matches nothing; the rest of the expression still counts.
        if (ranges) items.push({ ranges });
        index = close + 2;
      }
      c = p[index++];
      if (c === undefined) return "unclosed";
      if (c === C.close) break;
      continue;
    }
    if (c === C.open && p[index] === C.dot) {
      const symbol = readCollatingSymbol(p, index);
      index = symbol.end;
      cstart = symbol.value;
    }
    if (c === BACKSLASH) {
      if (p[index] === undefined) return { element: { kind: "never" }, end: index };
      cstart = p[index++];
    }
    c = p[index++];
    if (c === undefined) return "unclosed";
    if (c === C.dash && p[index] !== C.close) {
      let cend: number | undefined = p[index++];
      if (cend === BACKSLASH) cend = p[index++];
      if (cend === undefined) return { element: { kind: "never" }, end: index };
      if (cend === C.open && p[index] === C.dot) {
        const symbol = readCollatingSymbol(p, index);
        index = symbol.end;
        cend = symbol.value;
      }
      c = p[index++];
      // A reversed (or unknown) range is ignored; the rest of the expression still counts.
      if (cstart !== undefined && cend !== undefined && cstart <= cend) items.push({ from: cstart, to: cend });
      if (c === C.close) break;
      continue;
    }
    if (cstart !== undefined) items.push({ from: cstart, to: cstart });
    if (c === C.close) break;
  }
  return { element: { kind: "set", negated, items }, end: index };
}

/** `[.name.]` at `dot` (the `.`): its character, or undefined for an unknown name. */
function readCollatingSymbol(p: readonly number[], dot: number): { value: number | undefined; end: number } {
  let close = dot + 1;
  while (close < p.length && !(p[close] === C.dot && p[close + 1] === C.close)) close += 1;
  if (close >= p.length) return { value: undefined, end: close };
  return { value: collatingSymbol(p.slice(dot + 1, close)), end: close + 2 };
}

function parsePattern(pattern: string): Element[] {
  const p = Array.from(pattern, code);
  const elements: Element[] = [];
  for (let index = 0; index < p.length; index++) {
    const c = p[index] ?? 0;
    if (c === BACKSLASH) {
      // A trailing backslash matches itself.
      elements.push({ kind: "char", code: p[index + 1] ?? BACKSLASH });
      index += 1;
    } else if (c === 0x2a) {
      if (elements[elements.length - 1]?.kind !== "star") elements.push({ kind: "star" });
    } else if (c === 0x3f) elements.push({ kind: "any" });
    else if (c === C.open) {
      const bracket = readBracket(p, index + 1);
      if (bracket === "unclosed") elements.push({ kind: "char", code: c });
      else {
        elements.push(bracket.element);
        index = bracket.end - 1;
      }
    } else elements.push({ kind: "char", code: c });
  }
  return elements;
}

function inSet(element: Extract<Element, { kind: "set" }>, c: number): boolean {
  let found = false;
  for (const item of element.items) {
    if ("ranges" in item) found = item.ranges.some(([from, to]) => c >= from && c <= to);
    else found = c >= item.from && c <= item.to;
    if (found) break;
  }
  return found !== element.negated;
}

// ================================================================ the automaton

interface Compiled {
  elements: Element[];
  /** The same pattern read from the end: suffixes of a text are prefixes of its reverse. */
  reversed: Element[];
}

const cache = new Map<string, Compiled>();

function compile(pattern: string): Compiled {
  let compiled = cache.get(pattern);
  if (!compiled) {
    const elements = parsePattern(pattern);
    compiled = { elements, reversed: [...elements].reverse() };
    if (cache.size > 500) cache.clear();
    cache.set(pattern, compiled);
  }
  return compiled;
}

interface SearchOptions {
  /** Only matches starting at `from`. */
  anchored: boolean;
  /** Stop at the first (shortest) match instead of the longest. */
  shortest?: boolean;
  /** `*`, `?` and sets do not match `/` (file names). */
  pathname?: boolean;
  check: CheckTime;
}

/** Work units between two CPU-time checks. */
const CHECK_EVERY = 4096;

/**
 * The leftmost match of `elements` in `text[from..]` (longest at that start,
 * or shortest), as [start, end] code-point indices. State j means "the first
 * j elements are matched"; each state remembers the earliest start that
 * reaches it, which is all leftmost-longest matching needs.
 */
function search(elements: readonly Element[], text: ArrayLike<number>, from: number, options: SearchOptions): [number, number] | undefined {
  const m = elements.length;
  const n = text.length;
  let current = new Int32Array(m + 1).fill(-1);
  let next = new Int32Array(m + 1).fill(-1);
  let currentList = new Int32Array(m + 1);
  let nextList = new Int32Array(m + 1);
  let currentCount = 0;
  let nextCount = 0;
  let work = 0;
  let bestStart = -1;
  let bestEnd = -1;
  // Adds state j (and what it reaches without consuming: past a `*`) with a start position.
  const add = (states: Int32Array, list: Int32Array, count: number, j: number, start: number): number => {
    for (;;) {
      const existing = states[j] ?? -1;
      if (existing === -1) {
        states[j] = start;
        list[count++] = j;
      } else if (start < existing) states[j] = start;
      else return count;
      if (elements[j]?.kind !== "star") return count;
      j += 1;
    }
  };
  for (let position = from; ; position++) {
    if (bestStart === -1 && (!options.anchored || position === from)) currentCount = add(current, currentList, currentCount, 0, position);
    const accepted = current[m] ?? -1;
    if (accepted !== -1 && (bestStart === -1 || accepted <= bestStart)) {
      bestStart = accepted;
      bestEnd = position;
      if (options.shortest) break;
    }
    if (position >= n || (currentCount === 0 && (options.anchored || bestStart !== -1))) break;
    const c = text[position] ?? 0;
    const slashBlocked = options.pathname === true && c === SLASH;
    for (let index = 0; index < currentCount; index++) {
      const j = currentList[index] ?? 0;
      const start = current[j] ?? -1;
      current[j] = -1;
      if (j === m || (bestStart !== -1 && start > bestStart)) continue;
      const element = elements[j] as Element;
      switch (element.kind) {
        case "star":
          if (!slashBlocked) nextCount = add(next, nextList, nextCount, j, start);
          break;
        case "any":
          if (!slashBlocked) nextCount = add(next, nextList, nextCount, j + 1, start);
          break;
        case "char":
          if (element.code === c) nextCount = add(next, nextList, nextCount, j + 1, start);
          break;
        case "set":
          if (!slashBlocked && inSet(element, c)) nextCount = add(next, nextList, nextCount, j + 1, start);
          break;
        case "never":
          break;
      }
    }
    work += currentCount + 1;
    if (work >= CHECK_EVERY) {
      work = 0;
      options.check();
    }
    [current, next] = [next, current];
    [currentList, nextList] = [nextList, currentList];
    currentCount = nextCount;
    nextCount = 0;
  }
  return bestStart === -1 ? undefined : [bestStart, bestEnd];
}

// ================================================================ what the shell asks

/** Whether the whole text matches the pattern (`case`, `[[ == ]]`, file names with `pathname`). */
export function matchPattern(pattern: string, text: string, pathname = false, check: CheckTime = noCheck): boolean {
  const codes = new CodePoints(text).codes;
  const found = search(compile(pattern).elements, codes, 0, { anchored: true, pathname, check });
  return found !== undefined && found[1] === codes.length;
}

/** The length (in code points) of the shortest or longest prefix of `codes` that matches, or undefined. */
function prefixLength(elements: readonly Element[], codes: ArrayLike<number>, longest: boolean, check: CheckTime): number | undefined {
  return search(elements, codes, 0, { anchored: true, shortest: !longest, check })?.[1];
}

/**
 * `${var#pattern}` and friends: removes the shortest or longest match of the
 * pattern at the start (`prefix`) or end of the value.
 */
export function removeMatch(value: string, pattern: string, where: "prefix" | "suffix", longest: boolean, check: CheckTime = noCheck): string {
  if (pattern === "") return value;
  const text = new CodePoints(value);
  const compiled = compile(pattern);
  if (where === "prefix") {
    const length = prefixLength(compiled.elements, text.codes, longest, check);
    return length === undefined ? value : text.slice(length);
  }
  const length = prefixLength(compiled.reversed, text.reversed(), longest, check);
  return length === undefined ? value : text.slice(0, text.length - length);
}

/**
 * `${var/pattern/replacement}`: the first (or every, `all`) leftmost longest
 * match, or the longest match anchored at the start or end, replaced.
 * `replacement` is a template from expandReplacement: `&` stands for the
 * matched text (bash 5.2's patsub_replacement), `\&` and `\\` for themselves.
 */
export function replaceMatch(value: string, pattern: string, replacement: string, mode: "first" | "all" | "prefix" | "suffix", check: CheckTime = noCheck): string {
  const text = new CodePoints(value);
  const n = text.length;
  const compiled = compile(pattern);
  const substitute = (start: number, end: number) => fillReplacement(replacement, text.slice(start, end));
  if (pattern === "") {
    if (mode === "prefix") return substitute(0, 0) + value;
    if (mode === "suffix") return value + substitute(n, n);
    return value;
  }
  if (n === 0) return search(compiled.elements, text.codes, 0, { anchored: true, check })?.[1] === 0 ? substitute(0, 0) : value;
  if (mode === "prefix") {
    const length = prefixLength(compiled.elements, text.codes, true, check);
    return length === undefined ? value : substitute(0, length) + text.slice(length);
  }
  if (mode === "suffix") {
    const length = prefixLength(compiled.reversed, text.reversed(), true, check);
    return length === undefined ? value : text.slice(0, n - length) + substitute(n - length, n);
  }
  let out = "";
  let position = 0;
  let replaced = 0;
  while (position < n) {
    if (++replaced % 256 === 0) check();
    const found = search(compiled.elements, text.codes, position, { anchored: false, check });
    if (!found) break;
    const [start, end] = found;
    out += text.slice(position, start) + substitute(start, end);
    if (end === start) {
      // An empty match: keep one character and look again after it, as bash does.
      out += text.slice(end, Math.min(n, end + 1));
      position = end + 1;
    } else position = end;
    if (mode === "first") break;
  }
  return out + (position < n ? text.slice(position) : "");
}

/** The replacement for one match: unescaped `&` is the match; `\&` and `\\` are `&` and `\`. */
function fillReplacement(template: string, match: string): string {
  if (!template.includes("&") && !template.includes("\\")) return template;
  let out = "";
  for (let index = 0; index < template.length; index++) {
    const char = template[index];
    if (char === "\\" && (template[index + 1] === "&" || template[index + 1] === "\\")) {
      out += template[index + 1];
      index += 1;
    } else if (char === "&") out += match;
    else out += char;
  }
  return out;
}

/**
 * File name expansion: the paths matching a pattern, sorted, or an empty
 * list when none does (the caller then keeps the word as it was, as bash
 * does). Names starting with `.` match only a pattern that starts with `.`.
 */
export function expandPathname(pattern: string, fs: FileSystem, check: CheckTime = noCheck): string[] {
  const absolute = pattern.startsWith("/");
  const parts = pattern.split("/").filter((part, index) => part !== "" || index === 0);
  let candidates: string[] = [absolute ? "/" : ""];
  const segments = absolute ? parts.slice(1) : parts;
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] ?? "";
    // A pattern ending in / matches directories only.
    const last = index === segments.length - 1 && !pattern.endsWith("/");
    const next: string[] = [];
    for (const base of candidates) {
      check();
      const join = (name: string) => (base === "" ? name : base === "/" ? `/${name}` : `${base}/${name}`);
      if (!hasGlobChars(segment)) {
        const path = join(unescapePattern(segment));
        const stat = fs.stat(path === "" ? "." : path);
        if (stat && (last || stat.type === "directory")) next.push(path);
        continue;
      }
      let names: string[];
      try {
        names = fs.list(base === "" ? "." : base);
      } catch {
        continue;
      }
      const dotOk = segment.startsWith(".") || segment.startsWith("\\.");
      for (const name of names) {
        check();
        if (name.startsWith(".") && !dotOk) continue;
        if (!matchPattern(segment, name, true, check)) continue;
        const path = join(name);
        if (!last && fs.stat(path)?.type !== "directory") continue;
        next.push(path);
      }
    }
    candidates = next;
    if (candidates.length === 0) return [];
  }
  if (pattern.endsWith("/")) candidates = candidates.map((path) => `${path}/`);
  return candidates.sort(compareCodePoints);
}

export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
