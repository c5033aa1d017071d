import { FsError } from "../../vfs/types";
import type { CheckTime } from "../cpu-budget";
import { decode } from "../io";
import { fsMessage } from "../messages";
import { PosixRegexError, translatePosix } from "../regex";
import { compileRegex, RegexCompileError, type Regex } from "../regex-engine";
import type { CommandSpec } from "./types";
import { err, options, out, readOperand, splitLines } from "./util";

/**
 * grep, with GNU grep 3.8's reading of basic (-G), extended (-E) and fixed
 * (-F) patterns. Lines are matched by RE2 (regex-engine.ts) in time
 * proportional to their length, so `grep -E '^(a+)+$'` cannot freeze the
 * page; patterns with back-references use the backtracking matcher, which
 * the command line's CPU-time budget stops.
 */

const WORD_CHAR = "[0-9A-Za-z_]";

interface MatchOptions {
  extended: boolean;
  fixed: boolean;
  ignoreCase: boolean;
  /** -w: a match must have no word character just before or after it. */
  word: boolean;
  /** -x: a match must be the whole line. */
  line: boolean;
}

/** Every pattern of one grep run (-e may give several), matched together as GNU does: leftmost, then longest. */
class LineMatcher {
  readonly warnings: string[] = [];
  private readonly regexes: Regex[] = [];

  constructor(
    patterns: readonly string[],
    private readonly options: MatchOptions,
    check: CheckTime,
  ) {
    for (const pattern of patterns) {
      let source: string;
      if (options.fixed) source = Array.from(pattern, (char) => (/[\\.+*?()|[\]{}^$]/.test(char) ? `\\${char}` : char)).join("");
      else {
        const translation = translatePosix(pattern, options.extended, { groupOffset: options.word && !options.line ? 1 : 0 });
        this.warnings.push(...translation.warnings);
        source = translation.source;
      }
      // -x makes -w pointless (GNU ignores -w then). -w: the match is group 1, and what follows it
      // must not be a word character (RE2 has no lookahead).
      if (options.line) source = `^(?:${source})$`;
      else if (options.word) source = `(?<!${WORD_CHAR})(${source})(?:[^0-9A-Za-z_]|$)`;
      try {
        this.regexes.push(compileRegex(source, { ignoreCase: options.ignoreCase, longest: true }, check));
      } catch (error) {
        if (error instanceof RegexCompileError) throw new PosixRegexError("Invalid regular expression");
        throw error;
      }
    }
  }

  test(line: string): boolean {
    return this.regexes.some((regex) => regex.test(line));
  }

  /** The non-empty matches of -o, left to right. */
  matches(line: string): [number, number][] {
    const found: [number, number][] = [];
    let position = 0;
    while (position <= line.length) {
      let best: [number, number] | undefined;
      for (const regex of this.regexes) {
        const match = regex.find(line, position);
        if (!match) continue;
        const span: [number, number] = this.options.word && !this.options.line ? (match.groups[0] ?? [match.start, match.end]) : [match.start, match.end];
        if (!best || span[0] < best[0] || (span[0] === best[0] && span[1] > best[1])) best = span;
      }
      if (!best) break;
      if (best[1] === best[0]) {
        position = best[0] + 1;
        continue;
      }
      found.push(best);
      position = best[1];
    }
    return found;
  }
}

export const grep: CommandSpec = {
  name: "grep",
  summary: "print lines that match a pattern",
  help: `grep [OPTION ...] PATTERN [FILE ...]
    Prints the lines that match PATTERN (a basic regular expression; -E extended, -F fixed text).
      -i ignore case     -v lines that do not match   -c count matching lines
      -n line numbers    -o only the matching parts   -w whole words   -x whole lines
      -l names of files that match   -q print nothing (status only)   -s no file errors
      -h/-H without/with file names  -r search directories   -e PATTERN (repeatable)
      -A N / -B N / -C N  lines of context after / before / around each match
    Status: 0 when a line was selected, 1 when none, 2 on an error.`,
  run(ctx) {
    const parsed = options(ctx, [
      { key: "E", short: "E", long: "extended-regexp" },
      { key: "F", short: "F", long: "fixed-strings" },
      { key: "G", short: "G", long: "basic-regexp" },
      { key: "P", short: "P", long: "perl-regexp" },
      { key: "e", short: "e", long: "regexp", argument: "required" },
      { key: "i", short: "i", long: "ignore-case" },
      { key: "y", short: "y" },
      { key: "v", short: "v", long: "invert-match" },
      { key: "c", short: "c", long: "count" },
      { key: "n", short: "n", long: "line-number" },
      { key: "o", short: "o", long: "only-matching" },
      { key: "w", short: "w", long: "word-regexp" },
      { key: "x", short: "x", long: "line-regexp" },
      { key: "l", short: "l", long: "files-with-matches" },
      { key: "L", short: "L", long: "files-without-match" },
      { key: "q", short: "q", long: "quiet" },
      { key: "q", long: "silent" },
      { key: "s", short: "s", long: "no-messages" },
      { key: "h", short: "h", long: "no-filename" },
      { key: "H", short: "H", long: "with-filename" },
      { key: "r", short: "r", long: "recursive" },
      { key: "r", short: "R" },
      { key: "A", short: "A", long: "after-context", argument: "required" },
      { key: "B", short: "B", long: "before-context", argument: "required" },
      { key: "C", short: "C", long: "context", argument: "required" },
      { key: "color", long: "color", argument: "optional" },
      { key: "color", long: "colour", argument: "optional" },
      { key: "m", short: "m", long: "max-count", argument: "required" },
    ]);
    if (!parsed) return 2;
    const has = (key: string) => parsed.values.has(key);
    let operands = [...parsed.operands];
    let patterns: string[];
    if (has("e")) patterns = (parsed.values.get("e") ?? []).flatMap((pattern) => pattern.split("\n"));
    else {
      const first = operands.shift();
      if (first === undefined) {
        err(ctx, "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.");
        return 2;
      }
      patterns = first.split("\n");
    }
    const contextOf = (key: string): number | undefined => {
      const value = parsed.values.get(key)?.slice(-1)[0];
      if (value === undefined) return undefined;
      if (!/^\d+$/.test(value)) {
        err(ctx, `grep: ${value}: invalid context length argument`);
        return -1;
      }
      return Number(value);
    };
    const around = contextOf("C");
    const after = contextOf("A") ?? around ?? 0;
    const before = contextOf("B") ?? around ?? 0;
    if (after < 0 || before < 0 || (around ?? 0) < 0) return 2;
    const maxCount = parsed.values.has("m") ? Number(parsed.values.get("m")?.slice(-1)[0]) : Infinity;
    const check = () => ctx.shell.checkTime();
    let matcher: LineMatcher;
    try {
      matcher = new LineMatcher(patterns, { extended: has("E") || has("P"), fixed: has("F"), ignoreCase: has("i") || has("y"), word: has("w"), line: has("x") }, check);
    } catch (error) {
      if (!(error instanceof PosixRegexError)) throw error;
      err(ctx, `grep: ${error.message}`);
      return 2;
    }
    for (const warning of matcher.warnings) err(ctx, `grep: warning: ${warning}`);
    const recursive = has("r");
    if (recursive && operands.length === 0) operands = ["."];
    const files: string[] = [];
    let status = 1;
    let errors = false;
    const fs = ctx.shell.fs;
    for (const operand of operands.length === 0 ? ["-"] : operands) {
      if (operand !== "-" && fs.stat(operand)?.type === "directory") {
        if (!recursive) {
          if (!has("s")) err(ctx, `grep: ${operand}: Is a directory`);
          errors = true;
          continue;
        }
        const walk = (directory: string) => {
          for (const name of fs.list(directory)) {
            check();
            const path = directory === "." && operand === "." && operands.length === 0 ? name : `${directory.replace(/\/$/, "")}/${name}`;
            if (fs.stat(path)?.type === "directory") walk(path);
            else files.push(path);
          }
        };
        walk(operand);
        continue;
      }
      files.push(operand);
    }
    const withNames = has("H") || (!has("h") && (files.length > 1 || recursive));
    const quiet = has("q");
    for (const file of files) {
      const data = readOperand(ctx, file);
      if (data instanceof FsError) {
        if (!has("s")) err(ctx, `grep: ${file}: ${fsMessage(data.code)}`);
        errors = true;
        continue;
      }
      const name = file === "-" ? "(standard input)" : file;
      const binary = data.includes(0);
      const lines = splitLines(decode(data));
      let count = 0;
      let output = "";
      let lastPrinted = -1;
      let afterLeft = 0;
      const prefix = (index: number, separator: string) => (withNames ? `${name}${separator}` : "") + (has("n") ? `${index + 1}${separator}` : "");
      for (let index = 0; index < lines.length && count < maxCount; index++) {
        const line = lines[index] ?? "";
        check();
        const selected = matcher.test(line) !== has("v");
        if (!selected) {
          if (afterLeft > 0 && !binary) {
            output += prefix(index, "-") + line + "\n";
            lastPrinted = index;
            afterLeft -= 1;
          }
          continue;
        }
        count += 1;
        if (quiet || has("l") || has("L") || has("c") || binary) continue;
        if (before > 0 || after > 0) {
          const from = Math.max(lastPrinted + 1, index - before);
          if (lastPrinted >= 0 && from > lastPrinted + 1) output += "--\n";
          for (let context = from; context < index; context++) output += prefix(context, "-") + (lines[context] ?? "") + "\n";
        }
        if (has("o") && !has("v")) {
          for (const [start, end] of matcher.matches(line)) output += prefix(index, ":") + line.slice(start, end) + "\n";
        } else output += prefix(index, ":") + line + "\n";
        lastPrinted = index;
        afterLeft = after;
      }
      if (count > 0) status = 0;
      if (quiet) {
        if (count > 0) return 0;
        continue;
      }
      if (has("l")) {
        if (count > 0) out(ctx, `${name}\n`);
      } else if (has("L")) {
        if (count === 0) out(ctx, `${name}\n`);
      } else if (has("c")) out(ctx, `${withNames ? `${name}:` : ""}${count}\n`);
      else if (binary) {
        if (count > 0) err(ctx, `grep: ${name}: binary file matches`);
      } else out(ctx, output);
    }
    return errors && !(quiet && status === 0) ? 2 : status;
  },
};
