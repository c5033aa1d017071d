/**
 * POSIX regular expressions (basic, as grep reads them by default, and
 * extended, for grep -E and [[ =~ ]]) translated to JavaScript's syntax,
 * with GNU's extensions (\+ \? \| \< \> \w \s in basic ones).
 */
import { posixClass } from "./posix-classes";


export interface RegexOptions {
  extended: boolean;
  ignoreCase?: boolean;
  /** grep -w: the match must be a whole word. */
  word?: boolean;
  /** grep -x: the match must be the whole line. */
  line?: boolean;
  /** grep -F: the pattern is a fixed string. */
  fixed?: boolean;
  global?: boolean;
}

/** The JavaScript RegExp for a POSIX pattern, or undefined when the pattern is invalid. */
export function toRegExp(pattern: string, options: RegexOptions): RegExp | undefined {
  let source: string | undefined = options.fixed ? pattern.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&") : translate(pattern, options.extended);
  if (source === undefined) return undefined;
  if (options.word) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  if (options.line) source = `^(?:${source})$`;
  try {
    return new RegExp(source, (options.ignoreCase ? "i" : "") + (options.global ? "g" : ""));
  } catch {
    return undefined;
  }
}

function translate(pattern: string, extended: boolean): string | undefined {
  let out = "";
  let atStart = true;
  let depth = 0;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] ?? "";
    const next = pattern[index + 1];
    const wasStart = atStart;
    atStart = false;
    if (char === "[") {
      const bracket = readBracket(pattern, index);
      if (!bracket) return undefined;
      out += bracket.source;
      index = bracket.end;
      continue;
    }
    if (char === "\\") {
      if (next === undefined) return undefined;
      index += 1;
      if (!extended && "(){}|+?".includes(next)) {
        if (next === "(") {
          depth += 1;
          atStart = true;
        } else if (next === ")") depth -= 1;
        else if (next === "|") atStart = true;
        out += next;
        continue;
      }
      if (next === "<") out += "\\b(?=\\w)";
      else if (next === ">") out += "\\b(?<=\\w)";
      else if ("bBwWsS".includes(next) || /[1-9]/.test(next)) out += `\\${next}`;
      else out += escapeLiteral(next);
      continue;
    }
    if (extended) {
      if (char === "(") {
        depth += 1;
        atStart = true;
        out += char;
        continue;
      }
      if (char === ")") {
        if (depth === 0) {
          out += "\\)";
          continue;
        }
        depth -= 1;
        out += char;
        continue;
      }
      if (char === "|") {
        atStart = true;
        out += char;
        continue;
      }
      if (char === "{") {
        const interval = /^\{(\d*)(,(\d*))?\}/.exec(pattern.slice(index));
        if (interval && !wasStart) {
          out += interval[0];
          index += interval[0].length - 1;
        } else out += "\\{";
        continue;
      }
      if ((char === "*" || char === "+" || char === "?") && wasStart) {
        out += `\\${char}`;
        continue;
      }
      if (char === "}") {
        out += "\\}";
        continue;
      }
    } else {
      if ("(){}|+?".includes(char)) {
        out += `\\${char}`;
        continue;
      }
      if (char === "*" && wasStart) {
        out += "\\*";
        continue;
      }
      if (char === "^" && !wasStart) {
        out += "\\^";
        continue;
      }
      if (char === "$" && index !== pattern.length - 1 && !(pattern.slice(index + 1, index + 3) === "\\)" || pattern.slice(index + 1, index + 3) === "\\|")) {
        out += "\\$";
        continue;
      }
    }
    if (char === "^") {
      atStart = true;
      out += "^";
      continue;
    }
    if (char === "/") {
      out += "\\/";
      continue;
    }
    out += char;
  }
  if (depth > 0) return undefined;
  return out;
}

function escapeLiteral(char: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(char) ? `\\${char}` : char;
}

function readBracket(pattern: string, start: number): { source: string; end: number } | undefined {
  let index = start + 1;
  let negate = false;
  if (pattern[index] === "^") {
    negate = true;
    index += 1;
  }
  let body = "";
  let first = true;
  for (; index < pattern.length; index++) {
    const char = pattern[index] ?? "";
    if (char === "]" && !first) return { source: `[${negate ? "^" : ""}${body}]`, end: index };
    first = false;
    if (char === "[" && pattern[index + 1] === ":") {
      const close = pattern.indexOf(":]", index + 2);
      const ranges = close === -1 ? undefined : posixClass(pattern.slice(index + 2, close), "regex");
      if (ranges === undefined) return undefined;
      body += ranges;
      index = close + 1;
      continue;
    }
    if (char === "\\" || char === "[" || char === "]" || char === "^") body += `\\${char}`;
    else body += char;
  }
  return undefined;
}
