import { BacktrackRegex, RegexSyntaxError } from "../backtrack";
import { CodePoints } from "../code-points";
import type { CheckTime } from "../cpu-budget";
import { compileRegex, type Regex, type RegexFlags, type RegexMatch } from "../regex-engine";
import { describe, typeName, type JObject, type JV } from "./json";

/**
 * jq 1.6's regular-expression functions: `_match_impl` (builtin.c's
 * f_match, Oniguruma with Perl syntax) and, on top of it as jq's
 * builtin.jq defines them, test, match, capture, scan, splits, split/2,
 * sub and gsub. Matching runs on RE2 in linear time where the pattern
 * allows it (regex-engine.ts); Oniguruma's messages for invalid patterns
 * come from the backtracking matcher's parser, which reads its syntax.
 */

export class JqRegexError extends Error {}

interface ParsedFlags {
  global: boolean;
  engine: RegexFlags;
  extended: boolean;
}

function parseFlags(modifiers: JV): ParsedFlags {
  const flags: ParsedFlags = { global: false, engine: {}, extended: false };
  if (modifiers === null) return flags;
  if (typeof modifiers !== "string") throw new JqRegexError(`${describe(modifiers)} is not a string`);
  for (const flag of modifiers) {
    switch (flag) {
      case "g":
        flags.global = true;
        break;
      case "i":
        flags.engine.ignoreCase = true;
        break;
      case "x":
        flags.extended = true;
        break;
      case "m":
      case "p":
        // Oniguruma's "multiline" is dot-matches-newline.
        flags.engine.dotAll = true;
        break;
      case "s":
        break;
      case "l":
        flags.engine.longest = true;
        break;
      case "n":
        flags.engine.notEmpty = true;
        break;
      default:
        throw new JqRegexError(`${modifiers} is not a valid modifier string`);
    }
  }
  return flags;
}

/** The "x" flag: whitespace and #-comments outside character classes are not part of the pattern. */
function stripExtended(pattern: string): string {
  let out = "";
  let inClass = false;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] as string;
    if (char === "\\") {
      out += char + (pattern[index + 1] ?? "");
      index += 1;
      continue;
    }
    if (inClass) {
      if (char === "]") inClass = false;
      out += char;
      continue;
    }
    if (char === "[") inClass = true;
    else if (/\s/.test(char)) continue;
    else if (char === "#") {
      while (index < pattern.length && pattern[index] !== "\n") index += 1;
      continue;
    }
    out += char;
  }
  return out;
}

const validated = new Map<string, string | undefined>();

/** Oniguruma's complaint about a pattern ("end pattern with unmatched parenthesis"), or undefined when it is valid. */
function syntaxProblem(pattern: string): string | undefined {
  if (validated.has(pattern)) return validated.get(pattern);
  let problem: string | undefined;
  try {
    new BacktrackRegex(pattern);
  } catch (error) {
    if (!(error instanceof RegexSyntaxError)) throw error;
    problem = error.message;
  }
  if (validated.size > 200) validated.clear();
  validated.set(pattern, problem);
  return problem;
}

export interface MatchContext {
  check: CheckTime;
}

interface Compiled {
  regex: (text: string) => Regex;
  global: boolean;
}

function compile(regex: JV, modifiers: JV, context: MatchContext): Compiled {
  if (typeof regex !== "string") throw new JqRegexError(`${describe(regex)} is not a string`);
  const flags = parseFlags(modifiers);
  const pattern = flags.extended ? stripExtended(regex) : regex;
  const problem = syntaxProblem(pattern);
  if (problem !== undefined) throw new JqRegexError(`Regex failure: ${problem}`);
  // Perl's `$` also matches before a final newline, which RE2 cannot express: only such texts need the other matcher.
  return {
    global: flags.global,
    regex: (text) => compileRegex(pattern, { ...flags.engine, perlDollar: text.endsWith("\n") }, context.check),
  };
}

/** A match as jq's match object (offsets in code points), from a match of `matcher` in `input`. */
function matchObject(found: RegexMatch, matcher: Regex, input: string, points: CodePoints): JObject {
  if (found.end === found.start) {
    // jq 1.6 reports an empty match without its groups.
    return new Map<string, JV>([["offset", points.indexOf(found.start)], ["length", 0], ["string", ""], ["captures", []]]);
  }
  const captures: JV[] = found.groups.map((group, index) => {
    const name = matcher.groupNames[index + 1] ?? null;
    if (!group) return new Map<string, JV>([["offset", -1], ["string", null], ["length", 0], ["name", name]]);
    const offset = points.indexOf(group[0]);
    if (group[0] === group[1]) return new Map<string, JV>([["offset", offset], ["string", ""], ["length", 0], ["name", name]]);
    return new Map<string, JV>([["offset", offset], ["length", points.indexOf(group[1]) - offset], ["string", input.slice(group[0], group[1])], ["name", name]]);
  });
  const offset = points.indexOf(found.start);
  return new Map<string, JV>([["offset", offset], ["length", points.indexOf(found.end) - offset], ["string", input.slice(found.start, found.end)], ["captures", captures]]);
}

/** builtin.c's f_match: every match of `regex` in `input` (one unless "g"), or with `test` whether there is one. */
export function matchImpl(input: JV, regex: JV, modifiers: JV, test: boolean, context: MatchContext): JV {
  if (typeof input !== "string") throw new JqRegexError(`${describe(input)} cannot be matched, as it is not a string`);
  const compiled = compile(regex, modifiers, context);
  const matcher = compiled.regex(input);
  const points = new CodePoints(input);
  const results: JV[] = [];
  let start = 0;
  do {
    context.check();
    if (start > input.length) break;
    const found = matcher.find(input, start);
    if (!found) break;
    if (test) return true;
    results.push(matchObject(found, matcher, input, points));
    if (found.end === found.start) {
      // After an empty match jq 1.6 searches again one character further on than it searched before.
      start += start < input.length && (input.codePointAt(start) ?? 0) > 0xffff ? 2 : 1;
      continue;
    }
    start = found.end;
  } while (compiled.global && start !== input.length);
  return test ? false : results;
}

/** `test($val)`, `match($val)`, `capture($val)`: a string, or an array of the pattern and its flags. */
export function patternAndFlags(value: JV): [JV, JV] {
  if (typeof value === "string") return [value, null];
  if (Array.isArray(value) && value.length > 1) return [value[0] ?? null, value[1] ?? null];
  if (Array.isArray(value) && value.length > 0) return [value[0] ?? null, null];
  throw new JqRegexError(`${typeName(value)} not a string or array`);
}

const field = (match: JV, key: string): JV => (match instanceof Map ? (match.get(key) ?? null) : null);

/** capture: the named groups of a match as an object. */
export function captureObject(match: JV): JObject {
  const out: JObject = new Map();
  const captures = field(match, "captures");
  for (const capture of Array.isArray(captures) ? captures : []) {
    const name = field(capture, "name");
    if (name !== null) out.set(String(name), field(capture, "string"));
  }
  return out;
}

/** scan: each match's groups' strings, or the match's string when it has no groups. */
export function scanResult(match: JV): JV {
  const captures = field(match, "captures");
  return Array.isArray(captures) && captures.length > 0 ? captures.map((capture) => field(capture, "string")) : field(match, "string");
}

/** splits: the pieces of `input` between the matches. */
export function splitPieces(input: string, matches: JV[]): string[] {
  const points = new CodePoints(input);
  const bounds = [0];
  for (const match of matches) {
    const offset = Number(field(match, "offset"));
    bounds.push(offset, offset + Number(field(match, "length")));
  }
  bounds.push(points.length);
  const pieces: string[] = [];
  for (let index = 0; index < bounds.length; index += 2) {
    const from = Math.max(0, Math.min(points.length, bounds[index] ?? 0));
    const to = Math.max(from, Math.min(points.length, bounds[index + 1] ?? points.length));
    pieces.push(points.slice(from, to));
  }
  return pieces;
}

/**
 * sub and gsub as jq 1.6 defines them: replace the first match, and with
 * "g" go on in the rest of the string *as a new string* (so `^` matches
 * again there). `replacement` evaluates the replacement filter with the
 * capture object as its input; several outputs give several results.
 */
export function substitute(input: JV, regex: JV, flags: JV, replacement: (captures: JObject) => JV[], context: MatchContext & { count: () => void }): JV[] {
  const flagText = flags === null ? null : flags;
  const global = typeof flagText === "string" && flagText.includes("g");
  const withoutG = typeof flagText === "string" && global ? flagText.replace(/g/g, "") : flagText;
  // Iterative, as jq's recursion over the rest of the string could run deeper than the stack (gsub("") never ends in jq 1.6).
  const replaced: { before: string; inserts: JV[] }[] = [];
  let text = input;
  let tail: JV = input;
  if (global && typeof input === "string" && typeof regex === "string" && !LOOKS_BEHIND.test(regex)) {
    // Nothing in the pattern looks before where a search starts, so searching the rest of the string from
    // where the last match ended finds what searching the rest as a new string would: one pass, not one per match.
    const compiled = compile(regex, withoutG, context);
    const matcher = compiled.regex(input);
    const points = new CodePoints(input);
    let position = 0;
    for (;;) {
      context.count();
      const found = matcher.find(input, position);
      if (!found) break;
      replaced.push({ before: input.slice(position, found.start), inserts: replacement(captureObject(matchObject(found, matcher, input, points))) });
      position = found.end;
      if (position >= input.length) break;
    }
    tail = input.slice(position);
    return combine(replaced, tail, context);
  }
  for (;;) {
    context.count();
    const matches = matchImpl(text, regex, withoutG, false, context) as JV[];
    const first = matches[0];
    if (first === undefined) {
      tail = text;
      break;
    }
    const points = new CodePoints(text as string);
    const offset = Number(field(first, "offset"));
    const rest = points.slice(offset + Number(field(first, "length")));
    replaced.push({ before: points.slice(0, offset), inserts: replacement(captureObject(first)) });
    if (rest.length > 0 && global) {
      text = rest;
      continue;
    }
    tail = rest;
    break;
  }
  return combine(replaced, tail, context);
}

/** What the replaced pieces and the tail add up to (several when the replacement gives several values). */
function combine(replaced: { before: string; inserts: JV[] }[], tail: JV, context: MatchContext): JV[] {
  let results: JV[] = [tail];
  for (const { before, inserts } of [...replaced].reverse()) {
    const next: JV[] = [];
    for (const after of results) for (const inserted of inserts) next.push(concat(concat(before, inserted, context), after, context));
    results = next;
  }
  return results;
}

/** What can see text before the point where a search starts: anchors, word boundaries, lookbehind (a ^ in a class too, to be safe). */
const LOOKS_BEHIND = /\^|\\[AbBG<`]|\(\?<[=!]/;

/** jq's `+` for the pieces sub puts together: strings join; null adds nothing; anything else cannot be added. */
function concat(left: JV, right: JV, context: MatchContext): JV {
  if (right === null) return left;
  if (left === null) return right;
  if (typeof left === "string" && typeof right === "string") return left + right;
  throw new JqRegexError(`${describe(left)} and ${describe(right)} cannot be added`);
}
