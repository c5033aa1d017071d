/**
 * POSIX regular expressions (basic, as grep reads them by default, and
 * extended, for grep -E and [[ =~ ]]) translated to RE2's syntax, with GNU's
 * extensions (\+ \? \| \< \> \w \s \b in both) and GNU grep 3.8's readings of
 * odd patterns (`a**`, `a{2}{3}`, a repeat at the start of an extended
 * expression, which grep warns about and ignores). regex-engine.ts runs the
 * result in linear time, or with backtracking when it has back-references.
 */
import { posixClass } from "./posix-classes";

export interface Translation {
  /** The pattern in RE2's syntax. */
  source: string;
  /** It uses back-references (\1 ... \9), which only the backtracking matcher can run. */
  backReferences: boolean;
  /** What GNU grep 3.8 warns about while reading it ("* at start of expression"). */
  warnings: string[];
}

/** Why a pattern is invalid, in GNU's words (regcomp's messages as grep prints them). */
export class PosixRegexError extends Error {}

interface Piece {
  text: string;
  /** A repeat is already applied: another one needs a group around it. */
  repeated: boolean;
}

const WORD = "[0-9A-Za-z_]";

/** RE2 escapes for a literal character outside a bracket expression. */
function literal(char: string): string {
  return /[\\.+*?()|[\]{}^$]/.test(char) ? `\\${char}` : char;
}

/** Escapes text so that it matches itself in a POSIX extended expression (quoted parts of `[[ =~ ]]`). */
export function escapeExtended(text: string): string {
  return text.replace(/[\\.[\]()*+?{}|^$]/g, "\\$&");
}

/**
 * Translates a POSIX pattern. Throws PosixRegexError with GNU's message
 * for patterns regcomp refuses. `groupOffset` renumbers back-references
 * for a caller that puts the pattern inside groups of its own.
 */
export interface TranslateOptions {
  groupOffset?: number;
  /**
   * "grep" (GNU grep's reading, the default) or "glibc" (regcomp's, which
   * bash uses for `[[ =~ ]]`): glibc refuses a repeat at the start of an
   * expression and a `{` that does not start an interval, which grep reads
   * with a warning or as a literal.
   */
  dialect?: "grep" | "glibc";
}

export function translatePosix(pattern: string, extended: boolean, options: TranslateOptions = {}): Translation {
  const glibc = options.dialect === "glibc";
  const warnings: string[] = [];
  let backReferences = false;
  // One frame per open group: its pieces, and the number the group will have.
  const frames: { pieces: Piece[]; group: number }[] = [{ pieces: [], group: 0 }];
  let groupsOpened = 0;
  const closedGroups = new Set<number>();
  let atStart: boolean = true;
  const chars = Array.from(pattern);
  const frame = () => frames[frames.length - 1] as { pieces: Piece[]; group: number };
  const push = (text: string, repeatable = true) => frame().pieces.push({ text, repeated: !repeatable });
  const repeat = (quantifier: string) => {
    const pieces = frame().pieces;
    const last = pieces[pieces.length - 1];
    if (!last || last.text === "|") return false;
    if (last.repeated) last.text = `(?:${last.text})`;
    last.text += quantifier;
    last.repeated = true;
    return true;
  };
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index] as string;
    const next = chars[index + 1];
    const wasStart: boolean = atStart;
    atStart = false;
    if (char === ".") {
      push(".");
      continue;
    }
    if (char === "[") {
      const bracket = readBracket(chars, index);
      push(bracket.source);
      index = bracket.end;
      continue;
    }
    if (char === "\\") {
      if (next === undefined) throw new PosixRegexError("Trailing backslash");
      index += 1;
      if (!extended && next === "(") {
        frames.push({ pieces: [], group: ++groupsOpened });
        atStart = true;
        continue;
      }
      if (!extended && next === ")") {
        if (frames.length === 1) throw new PosixRegexError("Unmatched ) or \\)");
        closeGroup();
        continue;
      }
      if (!extended && next === "|") {
        push("|", false);
        atStart = true;
        continue;
      }
      if (!extended && next === "{") {
        const interval = readInterval(chars, index + 1, false);
        if (wasStart) {
          push("\\{");
          continue;
        }
        if (!repeat(interval.quantifier)) push("\\{");
        index = interval.end;
        continue;
      }
      if (!extended && (next === "+" || next === "?")) {
        if (wasStart || !repeat(next)) push(literal(next));
        continue;
      }
      if (/[1-9]/.test(next)) {
        const group = Number(next);
        if (!closedGroups.has(group)) throw new PosixRegexError("Invalid back reference");
        backReferences = true;
        push(`\\${group + (options.groupOffset ?? 0)}`);
        continue;
      }
      if (next === "<") push(`\\b(?<!${WORD})`, false);
      else if (next === ">") push(`\\b(?<=${WORD})`, false);
      else if (next === "b" || next === "B") push(`\\${next}`, false);
      else if (next === "`") push("\\A", false);
      else if (next === "'") push("\\z", false);
      else if ("wWsS".includes(next)) push(`\\${next}`);
      else push(literal(next));
      continue;
    }
    if (extended) {
      if (char === "(") {
        frames.push({ pieces: [], group: ++groupsOpened });
        atStart = true;
        continue;
      }
      if (char === ")") {
        if (frames.length === 1) push("\\)");
        else closeGroup();
        continue;
      }
      if (char === "|") {
        push("|", false);
        atStart = true;
        continue;
      }
      if (glibc && char === "{" && !isInterval(chars, index + 1)) throw new PosixRegexError("Invalid preceding regular expression");
      if (char === "*" || char === "+" || char === "?" || (char === "{" && isInterval(chars, index + 1))) {
        if (wasStart && glibc) throw new PosixRegexError("Invalid preceding regular expression");
        if (wasStart) {
          // GNU grep 3.8 warns and repeats nothing.
          warnings.push(`${char} at start of expression`);
          atStart = true;
          if (char === "{") index = readInterval(chars, index + 1, true).end;
          continue;
        }
        if (char === "{") {
          const interval = readInterval(chars, index + 1, true);
          repeat(interval.quantifier);
          index = interval.end;
        } else repeat(char);
        continue;
      }
      if (char === "^") {
        push("^", false);
        atStart = wasStart;
        continue;
      }
      if (char === "$") {
        push("$", false);
        continue;
      }
      push(literal(char));
      continue;
    }
    // Basic: ( ) { } | + ? are ordinary; * is ordinary at the start; ^ and $ are anchors only at the ends.
    if (char === "*") {
      if (wasStart || !repeat("*")) push("\\*");
      continue;
    }
    if (char === "^") {
      if (wasStart) {
        push("^", false);
        atStart = true;
      } else push("\\^");
      continue;
    }
    if (char === "$") {
      const rest = chars.slice(index + 1, index + 3).join("");
      if (index === chars.length - 1 || rest === "\\)" || rest === "\\|") push("$", false);
      else push("\\$");
      continue;
    }
    push(literal(char));
  }
  if (frames.length > 1) throw new PosixRegexError("Unmatched ( or \\(");
  return { source: frame().pieces.map((piece) => piece.text).join(""), backReferences, warnings };

  function closeGroup(): void {
    const closed = frames.pop() as { pieces: Piece[]; group: number };
    closedGroups.add(closed.group);
    frame().pieces.push({ text: `(${closed.pieces.map((piece) => piece.text).join("")})`, repeated: false });
  }
}

function isInterval(chars: readonly string[], start: number): boolean {
  return /^(\d+(,\d*)?|,\d*)\}/.test(chars.slice(start, start + 16).join(""));
}

/** `{m}`, `{m,}`, `{m,n}`, `{,n}` after the `{` at start-1 (basic: `\{ ... \}`); the RE2 quantifier and the index of its last character. */
function readInterval(chars: readonly string[], start: number, extended: boolean): { quantifier: string; end: number } {
  const text = chars.slice(start, start + 24).join("");
  const match = extended ? /^(\d*)(,(\d*))?\}/.exec(text) : /^(\d*)(,(\d*))?\\\}/.exec(text);
  if (!match) {
    if (!extended && !text.includes("\\}")) throw new PosixRegexError("Unmatched \\{");
    throw new PosixRegexError("Invalid content of \\{\\}");
  }
  const min = match[1] === "" ? 0 : Number(match[1]);
  const max = match[2] === undefined ? String(min) : (match[3] ?? "");
  if (max !== "" && Number(max) < min) throw new PosixRegexError("Invalid content of \\{\\}");
  if (min > 32767 || (max !== "" && Number(max) > 32767)) throw new PosixRegexError("Regular expression too big");
  return { quantifier: match[2] === undefined ? `{${min}}` : `{${min},${max}}`, end: start + match[0].length - 1 };
}

/** A bracket expression at `start` as an RE2 class: backslash is an ordinary member, `]` first is a member. */
function readBracket(chars: readonly string[], start: number): { source: string; end: number } {
  let index = start + 1;
  let negate = false;
  if (chars[index] === "^") {
    negate = true;
    index += 1;
  }
  let body = "";
  let first = true;
  let previous: number | undefined;
  for (; index < chars.length; index++) {
    const char = chars[index] as string;
    if (char === "]" && !first) {
      return { source: `[${negate ? "^" : ""}${body}]`, end: index };
    }
    first = false;
    if (char === "[" && (chars[index + 1] === ":" || chars[index + 1] === "=" || chars[index + 1] === ".")) {
      const kind = chars[index + 1] as string;
      const close = findClose(chars, index + 2, kind);
      if (close === -1) throw new PosixRegexError("Unmatched [, [^, [:, [., or [=");
      const name = chars.slice(index + 2, close).join("");
      if (kind === ":") {
        const ranges = posixClass(name, "regex");
        if (ranges === undefined) throw new PosixRegexError("Invalid character class name");
        body += ranges;
        previous = undefined;
      } else {
        if (Array.from(name).length !== 1) throw new PosixRegexError("Invalid collation character");
        body += classMember(name);
        previous = name.codePointAt(0);
      }
      index = close + 1;
      continue;
    }
    if (char === "-" && body !== "" && chars[index + 1] !== "]" && index + 1 < chars.length) {
      const end = chars[index + 1] as string;
      if (previous !== undefined && (end.codePointAt(0) ?? 0) < previous) throw new PosixRegexError("Invalid range end");
      body += "-";
      previous = undefined;
      continue;
    }
    body += classMember(char);
    previous = char.codePointAt(0);
  }
  throw new PosixRegexError("Unmatched [, [^, [:, [., or [=");
}

function findClose(chars: readonly string[], from: number, kind: string): number {
  for (let index = from; index + 1 < chars.length; index++) if (chars[index] === kind && chars[index + 1] === "]") return index;
  return -1;
}

function classMember(char: string): string {
  return char === "\\" || char === "[" || char === "]" || char === "^" || char === "-" ? `\\${char}` : char;
}
