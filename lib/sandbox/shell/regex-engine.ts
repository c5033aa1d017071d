import type { RE2JS } from "re2js";
import { BacktrackRegex, RegexSyntaxError, type BacktrackOptions } from "./backtrack";
import { CodePoints } from "./code-points";
import type { CheckTime } from "./cpu-budget";

/**
 * Regular expressions for grep, `[[ =~ ]]` and jq, matched in time
 * proportional to the text by re2js (a port of RE2) whenever RE2 can express
 * the pattern. Patterns it cannot (back-references, lookahead, atomic
 * groups, counts over 1000, jq's "n" flag) go to the backtracking matcher,
 * which the CPU-time budget bounds.
 */

export interface RegexFlags {
  ignoreCase?: boolean;
  /** `.` matches newlines too. */
  dotAll?: boolean;
  /** POSIX leftmost-longest matches (grep, `[[ =~ ]]`) instead of Perl's leftmost-first (jq). */
  longest?: boolean;
  /** Empty matches do not count (jq's "n"); only the backtracking matcher does this. */
  notEmpty?: boolean;
  /** `$` also matches before a final newline (jq). */
  perlDollar?: boolean;
}

/** A match as UTF-16 indices: the whole match, then each group (undefined when it took no part). */
export interface RegexMatch {
  start: number;
  end: number;
  groups: ([number, number] | undefined)[];
}

export interface Regex {
  readonly groupCount: number;
  /** Group names by number; index 0 is the whole match. */
  readonly groupNames: readonly (string | undefined)[];
  /** Which matcher runs it: "re2" (linear time) or "backtracking". */
  readonly engine: "re2" | "backtracking";
  test(text: string): boolean;
  /** The first match starting at or after UTF-16 index `from`. */
  find(text: string, from: number): RegexMatch | undefined;
}

export class RegexCompileError extends Error {}

/**
 * re2js, provided by the session's tools (tools.ts) so that it travels with
 * them: the browser's worker loads it after the sandbox has opened.
 */
let RE2: typeof RE2JS | undefined;

export function provideRe2(engine: typeof RE2JS): void {
  RE2 = engine;
}

/** Compiled patterns by source and flags: compiling costs more than matching a line. */
const cache = new Map<string, { re2?: RE2JS; backtrack?: BacktrackRegex; error?: string }>();

function compiled(source: string, flags: RegexFlags): { re2?: RE2JS; backtrack?: BacktrackRegex; error?: string } {
  const key = JSON.stringify([source, flags.ignoreCase, flags.dotAll, flags.longest, flags.notEmpty, flags.perlDollar]);
  let entry = cache.get(key);
  if (entry) return entry;
  entry = {};
  const perlDollarMatters = flags.perlDollar === true && /\$|\\Z/.test(source);
  // Without re2js (an engine used without the session's tools) every pattern goes to the backtracking matcher.
  if (!flags.notEmpty && !perlDollarMatters && RE2) {
    const re2 = RE2;
    try {
      let re2Flags = 0;
      if (flags.ignoreCase) re2Flags |= re2.CASE_INSENSITIVE;
      if (flags.dotAll) re2Flags |= re2.DOTALL;
      if (flags.longest) re2Flags |= re2.LONGEST_MATCH;
      if (/\(\?<[=!]/.test(source)) re2Flags |= re2.LOOKBEHINDS;
      entry.re2 = re2.compile(source, re2Flags);
    } catch (error) {
      entry.error = error instanceof Error ? error.message : String(error);
    }
  }
  if (!entry.re2) {
    try {
      const options: BacktrackOptions = { ignoreCase: flags.ignoreCase ?? false, dotAll: flags.dotAll ?? false, longest: flags.longest ?? false, notEmpty: flags.notEmpty ?? false, perlDollar: flags.perlDollar ?? false };
      entry.backtrack = new BacktrackRegex(source, options);
      delete entry.error;
    } catch (error) {
      if (!(error instanceof RegexSyntaxError)) throw error;
      entry.error ??= error.message;
    }
  }
  if (cache.size > 200) cache.clear();
  cache.set(key, entry);
  return entry;
}

/** Compiles a pattern in RE2's (Perl's) syntax; throws RegexCompileError when neither matcher can read it. */
export function compileRegex(source: string, flags: RegexFlags, check: CheckTime): Regex {
  const entry = compiled(source, flags);
  if (entry.re2) return new Re2Regex(entry.re2);
  if (entry.backtrack) return new BacktrackingRegex(entry.backtrack, check);
  throw new RegexCompileError(entry.error ?? "invalid regular expression");
}

class Re2Regex implements Regex {
  readonly engine = "re2";
  readonly groupCount: number;
  readonly groupNames: (string | undefined)[];
  /** The matcher of the last text, reused while searches move forward (its lookbehind state stays valid). */
  private last: { text: string; from: number; matcher: ReturnType<RE2JS["matcher"]> } | undefined;

  constructor(private readonly re2: RE2JS) {
    this.groupCount = re2.groupCount();
    this.groupNames = [undefined];
    for (const [name, index] of Object.entries(re2.namedGroups())) this.groupNames[index] = name;
    for (let index = 1; index <= this.groupCount; index++) this.groupNames[index] ??= undefined;
  }

  test(text: string): boolean {
    return this.re2.test(text);
  }

  find(text: string, from: number): RegexMatch | undefined {
    let matcher = this.last?.text === text && this.last.from <= from ? this.last.matcher : undefined;
    if (!matcher) matcher = this.re2.matcher(text);
    this.last = { text, from, matcher };
    if (from > text.length || !matcher.find(from)) return undefined;
    const groups: ([number, number] | undefined)[] = [];
    for (let group = 1; group <= this.groupCount; group++) {
      const start = matcher.start(group);
      groups.push(start < 0 ? undefined : [start, matcher.end(group)]);
    }
    return { start: matcher.start(), end: matcher.end(), groups };
  }
}

class BacktrackingRegex implements Regex {
  readonly engine = "backtracking";
  readonly groupCount: number;
  readonly groupNames: readonly (string | undefined)[];
  private last: CodePoints | undefined;

  constructor(
    private readonly regex: BacktrackRegex,
    private readonly check: CheckTime,
  ) {
    this.groupCount = regex.groupCount;
    this.groupNames = regex.groupNames;
  }

  test(text: string): boolean {
    return this.find(text, 0) !== undefined;
  }

  find(text: string, from: number): RegexMatch | undefined {
    const points = this.last?.text === text ? this.last : new CodePoints(text);
    this.last = points;
    const captures = this.regex.exec(points, points.indexOf(from), this.check);
    if (!captures) return undefined;
    const at = (index: number) => points.offsets[captures[index] ?? 0] ?? 0;
    const groups: ([number, number] | undefined)[] = [];
    for (let group = 1; group <= this.groupCount; group++) {
      groups.push((captures[group * 2] ?? -1) < 0 || (captures[group * 2 + 1] ?? -1) < 0 ? undefined : [at(group * 2), at(group * 2 + 1)]);
    }
    return { start: at(0), end: at(1), groups };
  }
}
