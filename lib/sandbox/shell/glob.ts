import type { FileSystem } from "../vfs/types";
import { posixClass } from "./posix-classes";

/**
 * Shell patterns (`*`, `?`, `[...]`) for file name expansion, `case`,
 * `[[ == ]]` and `${var#pattern}`. A backslash before a character makes it
 * literal: the expander writes quoted characters that way.
 */


const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

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

/** The RegExp source for a pattern; with `pathname`, `*` and `?` do not match `/`. */
export function patternSource(pattern: string, pathname = false): string {
  let out = "";
  const any = pathname ? "[^/]" : "[\\s\\S]";
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] ?? "";
    if (char === "\\") {
      const next = pattern[index + 1];
      out += next === undefined ? "\\\\" : escapeRegExp(next);
      index += 1;
    } else if (char === "*") {
      while (pattern[index + 1] === "*") index += 1;
      out += `${any}*`;
    } else if (char === "?") out += any;
    else if (char === "[") {
      const bracket = readBracket(pattern, index);
      if (bracket) {
        out += bracket.source;
        index = bracket.end;
      } else out += "\\[";
    } else out += escapeRegExp(char);
  }
  return out;
}

function readBracket(pattern: string, start: number): { source: string; end: number } | undefined {
  let index = start + 1;
  let negate = false;
  if (pattern[index] === "!" || pattern[index] === "^") {
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
      const ranges = close === -1 ? undefined : posixClass(pattern.slice(index + 2, close), "glob");
      if (ranges !== undefined) {
        body += ranges;
        index = close + 1;
        continue;
      }
    }
    if (char === "\\") {
      const next = pattern[index + 1];
      if (next !== undefined) {
        body += escapeRegExp(next);
        index += 1;
        continue;
      }
    }
    if (char === "-" && body !== "" && pattern[index + 1] !== "]") body += "-";
    else body += escapeRegExp(char);
  }
  return undefined;
}

const cache = new Map<string, RegExp>();

function compiled(pattern: string, pathname: boolean): RegExp {
  const key = `${pathname ? "p" : "s"}${pattern}`;
  let regex = cache.get(key);
  if (!regex) {
    try {
      regex = new RegExp(`^(?:${patternSource(pattern, pathname)})$`);
    } catch {
      regex = new RegExp(`^${escapeRegExp(unescapePattern(pattern))}$`);
    }
    if (cache.size > 500) cache.clear();
    cache.set(key, regex);
  }
  return regex;
}

/** Whether the whole text matches the pattern. */
export function matchPattern(pattern: string, text: string, pathname = false): boolean {
  return compiled(pattern, pathname).test(text);
}

/**
 * `${var#pattern}` and friends: removes the shortest or longest match of the
 * pattern at the start (`prefix`) or end of the value.
 */
export function removeMatch(value: string, pattern: string, where: "prefix" | "suffix", longest: boolean): string {
  const chars = [...value];
  const n = chars.length;
  const order = longest ? range(n, -1) : range(0, n + 1);
  for (const length of order) {
    const piece = where === "prefix" ? chars.slice(0, length).join("") : chars.slice(n - length).join("");
    if (matchPattern(pattern, piece)) return where === "prefix" ? chars.slice(length).join("") : chars.slice(0, n - length).join("");
  }
  return value;
}

/** `${var/pattern/replacement}`: first (or every, `all`) longest match, optionally anchored at the start or end. */
export function replaceMatch(value: string, pattern: string, replacement: string, mode: "first" | "all" | "prefix" | "suffix"): string {
  const chars = [...value];
  const n = chars.length;
  if (pattern === "") return value;
  if (mode === "prefix") {
    for (let length = n; length >= 0; length--) if (matchPattern(pattern, chars.slice(0, length).join(""))) return replacement + chars.slice(length).join("");
    return value;
  }
  if (mode === "suffix") {
    for (let start = 0; start <= n; start++) if (matchPattern(pattern, chars.slice(start).join(""))) return chars.slice(0, start).join("") + replacement;
    return value;
  }
  let out = "";
  let index = 0;
  let replaced = false;
  while (index < n) {
    let matched = -1;
    if (!replaced || mode === "all") {
      for (let end = n; end > index; end--) {
        if (matchPattern(pattern, chars.slice(index, end).join(""))) {
          matched = end;
          break;
        }
      }
    }
    if (matched === -1) {
      out += chars[index];
      index += 1;
    } else {
      out += replacement;
      index = matched;
      replaced = true;
    }
  }
  return out;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  if (from <= to) for (let value = from; value < to; value++) out.push(value);
  else for (let value = from; value > to; value--) out.push(value);
  return out;
}

/**
 * File name expansion: the paths matching a pattern, sorted, or an empty
 * list when none does (the caller then keeps the word as it was, as bash
 * does). Names starting with `.` match only a pattern that starts with `.`.
 */
export function expandPathname(pattern: string, fs: FileSystem): string[] {
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
        if (name.startsWith(".") && !dotOk) continue;
        if (!matchPattern(segment, name, true)) continue;
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
