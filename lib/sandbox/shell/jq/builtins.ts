import { applyFormat, FormatError } from "./formats";
import { add, Break, count, deletePaths, each as values, getPath, Halt, JqError, lost, operate, paths, run, setPath, splitString, truthy, type Native, type NativeCall } from "./evaluate";
import { compareStrings, compareValues, describe, dumpTruncated, equalValues, formatJson, isObject, parseJsonValues, typeName, type JV } from "./json";
import { checkFilter, parseDefinitions, type FunctionDef, type Node } from "./parse";
import { captureObject, JqRegexError, matchImpl, patternAndFlags, scanResult, splitPieces, substitute } from "./regex";

/**
 * jq 1.6's builtins, as far as the sandbox has them: those jq writes in C
 * (TypeScript here, with builtin.c's messages) and those it writes in jq
 * (builtin.jq's definitions, copied below and run as they are, so that
 * their results and errors are jq's). JQ_16_BUILTINS lists what jq 1.6
 * has; a filter using one the sandbox lacks fails to compile with
 * "<name> is not supported in the sandbox".
 */

/** The values of argument `index`, run on `input` in the caller's scope. */
function each(call: NativeCall, index: number, input: JV, next: (value: JV) => void): void {
  values(call.args[index] as Node, input, call.scope, call.cx, next);
}

/**
 * A builtin written in C in jq: one output per combination of its
 * arguments' values, the last argument the outer loop. A result that is
 * its input unchanged keeps the input's path (`path(.a | tostring)`).
 */
function cfunction(fn: (input: JV, ...args: JV[]) => JV): Native {
  return (call) => {
    const values: JV[] = [];
    const loop = (index: number): void => {
      if (index < 0) {
        const result = fn(call.input, ...values);
        call.emit(result, Object.is(result, call.input) ? call.trail : lost(call.trail));
        return;
      }
      each(call, index, call.input, (value) => {
        values[index] = value;
        loop(index - 1);
      });
    };
    loop(call.args.length - 1);
  };
}

function needNumber(value: JV, message = "number required"): number {
  if (typeof value !== "number") throw new JqError(`${describe(value)} ${message}`);
  return value;
}

function needString(value: JV, message: string): string {
  if (typeof value !== "string") throw new JqError(message);
  return value;
}

/** jv_parse of a whole string, as tonumber and fromjson use it. */
function parseOne(text: string): JV {
  const { values, error } = parseJsonValues(text);
  let message: string | undefined;
  if (values.length > 1) message = "Unexpected extra JSON values";
  else if (error !== undefined) message = error;
  else if (values.length === 0) message = "Expected JSON value";
  if (message !== undefined) throw new JqError(`${message} (while parsing '${text}')`);
  return (values[0] as { value: JV }).value;
}

/** jq's kinds: true and false are different kinds (contains compares kinds). */
const kind = (value: JV): string => (typeof value === "boolean" ? String(value) : typeName(value));

function contains(a: JV, b: JV): boolean {
  if (kind(a) !== kind(b)) return false;
  if (isObject(a) && isObject(b)) return [...b].every(([key, value]) => a.has(key) && contains(a.get(key) ?? null, value));
  if (Array.isArray(a) && Array.isArray(b)) return b.every((wanted) => a.some((have) => contains(have, wanted)));
  if (typeof a === "string" && typeof b === "string") return a.includes(b);
  return equalValues(a, b);
}

/** _sort_by_impl: the values ordered by their keys (`[f]` of each), stably. */
function sortByKeys(values: JV, keys: JV): { value: JV; key: JV }[] {
  if (!Array.isArray(values) || !Array.isArray(keys) || values.length !== keys.length) throw new JqError(`${describe(values)} and ${describe(keys)} cannot be sorted, as they are not both arrays`);
  return values.map((value, index) => ({ value, key: keys[index] ?? null })).sort((a, b) => compareValues(a.key, b.key));
}

/** minmax_by: the first smallest, or the last largest. */
function minMaxBy(values: JV, keys: JV, min: boolean): JV {
  if (!Array.isArray(values) || !Array.isArray(keys)) throw new JqError(`${describe(values)} and ${describe(keys)} cannot be iterated over`);
  if (values.length !== keys.length) throw new JqError(`${describe(values)} and ${describe(keys)} have wrong length`);
  let best: JV = null;
  let bestKey: JV | undefined;
  values.forEach((value, index) => {
    const key = keys[index] ?? null;
    if (bestKey === undefined || compareValues(key, bestKey) < 0 === min) {
      best = value;
      bestKey = key;
    }
  });
  return best;
}

/** jq's regular-expression functions (regex.ts), with their errors as jq errors. */
function regex<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof JqRegexError) throw new JqError(error.message);
    throw error;
  }
}

/** `"g" + flags` in splits and gsub (null adds nothing; anything but a string cannot be added). */
function withGlobal(flags: JV, before: boolean): JV {
  if (flags === null) return "g";
  if (typeof flags === "string") return before ? "g" + flags : flags + "g";
  throw new JqError(before ? `string ("g") and ${describe(flags)} cannot be added` : `${describe(flags)} and string ("g") cannot be added`);
}

/** A regex builtin with a pattern argument (a string or [pattern, flags]) or a pattern and flags. */
function regexNative(fn: (call: NativeCall, input: JV, pattern: JV, flags: JV) => void): Native {
  return (call) => {
    if (call.args.length === 1) return each(call, 0, call.input, (value) => regex(() => fn(call, call.input, ...patternAndFlags(value))));
    each(call, 1, call.input, (flags) => each(call, 0, call.input, (pattern) => regex(() => fn(call, call.input, pattern, flags))));
  };
}

const matchContext = (call: NativeCall) => ({ check: call.cx.checkTime, count: () => count(call.cx) });
const matches = (call: NativeCall, input: JV, pattern: JV, flags: JV): JV[] => matchImpl(input, pattern, flags, false, matchContext(call)) as JV[];
const out = (call: NativeCall, value: JV) => call.emit(value, lost(call.trail));

function splits(call: NativeCall, input: JV, pattern: JV, flags: JV): string[] {
  return splitPieces(input as string, matches(call, input, pattern, withGlobal(flags, true)));
}

function substitution(global: boolean): Native {
  return (call) => {
    const flagValues = (next: (flags: JV) => void) => (call.args.length > 2 ? each(call, 2, call.input, next) : next(""));
    each(call, 0, call.input, (pattern) =>
      flagValues((flags) =>
        regex(() => {
          const replacement = (captures: JV) => {
            const results: JV[] = [];
            each(call, 1, captures, (value) => results.push(value));
            return results;
          };
          for (const value of substitute(call.input, pattern, global ? withGlobal(flags, false) : flags, replacement, matchContext(call))) out(call, value);
        }),
      ),
    );
  };
}

/** A UTC time from its fields (years before 100 too, which Date.UTC would move to the 1900s). */
function utc([year, month, day, hours, minutes, seconds]: number[]): Date {
  const date = new Date(0);
  date.setUTCFullYear(year ?? 1970, month ?? 0, day ?? 1);
  date.setUTCHours(hours ?? 0, minutes ?? 0, seconds ?? 0);
  return date;
}

/** gmtime and strftime("%Y-%m-%dT%H:%M:%SZ"), as todate does (a number of seconds, or gmtime's array). */
function isoDate(value: JV): string {
  let date: Date;
  if (typeof value === "number") date = new Date(Math.trunc(value) * 1000);
  else if (Array.isArray(value) && value.length >= 6 && value.every((part) => typeof part === "number")) date = utc((value as number[]).map(Math.trunc));
  else throw new JqError("strftime/1 requires parsed datetime inputs");
  if (Number.isNaN(date.getTime())) throw new JqError("strftime/1: unknown system failure");
  const pad = (number: number) => String(number).padStart(2, "0");
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}Z`;
}

/** strptime("%Y-%m-%dT%H:%M:%SZ") (glibc's number fields: up to 4 digits for the year, 2 for the others) and mktime, as fromdate does. */
function fromIsoDate(value: JV): number {
  if (typeof value !== "string") throw new JqError("strptime/1 requires string inputs and arguments");
  const fields = /^\s*(\d{1,4})-\s*(\d{1,2})-\s*(\d{1,2})T\s*(\d{1,2}):\s*(\d{1,2}):\s*(\d{1,2})Z(\s.*)?$/s.exec(value)?.slice(1, 7).map(Number);
  const [, month = 0, day = 0, hours = 0, minutes = 0, seconds = 0] = fields ?? [];
  if (!fields || month < 1 || month > 12 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 61) {
    throw new JqError(`date "${value}" does not match format "%Y-%m-%dT%H:%M:%SZ"`);
  }
  return utc([fields[0] ?? 1970, month - 1, day, hours, minutes, seconds]).getTime() / 1000;
}

/** C's round(): halves away from zero. */
const roundHalfAway = (value: number) => Math.sign(value) * Math.round(Math.abs(value));

const MATH: Record<string, (value: number) => number> = {
  floor: Math.floor,
  ceil: Math.ceil,
  round: roundHalfAway,
  sqrt: Math.sqrt,
  fabs: Math.abs,
  trunc: Math.trunc,
  log: Math.log,
  log10: Math.log10,
  log2: Math.log2,
  exp: Math.exp,
  exp2: (value) => 2 ** value,
  exp10: (value) => 10 ** value,
};

/** The UTF-8 byte offsets of `needle` in `text`, not overlapping (jv_string_indexes). */
function byteIndexes(text: string, needle: string, call: NativeCall): JV[] {
  const found: JV[] = [];
  let bytes = 0;
  let counted = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    // An empty needle is found at the same place forever, as jq 1.6 finds it (here until the sandbox's limit).
    count(call.cx);
    bytes += new TextEncoder().encode(text.slice(counted, at)).length;
    counted = at;
    found.push(bytes);
  }
  return found;
}

const NATIVES: Record<string, Native> = {
  "empty/0": () => undefined,
  "not/0": cfunction((input) => !truthy(input)),
  "length/0": cfunction((input) => {
    if (input === null) return 0;
    if (typeof input === "boolean") throw new JqError(`${describe(input)} has no length`);
    if (typeof input === "number") return Math.abs(input);
    if (typeof input === "string") return [...input].length;
    return Array.isArray(input) ? input.length : input.size;
  }),
  "utf8bytelength/0": cfunction((input) => new TextEncoder().encode(needString(input, `${describe(input)} only strings have UTF-8 byte length`)).length),
  "keys/0": cfunction((input) => {
    if (isObject(input)) return [...input.keys()].sort(compareStrings);
    if (Array.isArray(input)) return input.map((_, index) => index);
    throw new JqError(`${describe(input)} has no keys`);
  }),
  "keys_unsorted/0": cfunction((input) => {
    if (isObject(input)) return [...input.keys()];
    if (Array.isArray(input)) return input.map((_, index) => index);
    throw new JqError(`${describe(input)} has no keys`);
  }),
  "has/1": cfunction((input, key) => {
    if (input === null) return false;
    if (isObject(input) && typeof key === "string") return input.has(key);
    if (Array.isArray(input) && typeof key === "number") return Math.trunc(key) >= 0 && Math.trunc(key) < input.length;
    throw new JqError(`Cannot check whether ${typeName(input)} has a ${typeName(key)} key`);
  }),
  "contains/1": cfunction((input, other) => {
    if (kind(input) !== kind(other)) throw new JqError(`${describe(input)} and ${describe(other)} cannot have their containment checked`);
    return contains(input, other);
  }),
  "setpath/2": cfunction((input, path, value) => {
    if (!Array.isArray(path)) throw new JqError("Path must be specified as an array");
    return setPath(input, path, value);
  }),
  "getpath/1": (call) =>
    each(call, 0, call.input, (path) => {
      if (!Array.isArray(path)) throw new JqError("Path must be specified as an array");
      const value = getPath(call.input, path);
      if (call.trail === false) throw new JqError(`Invalid path expression with result ${dumpTruncated(call.input, 30)}`);
      call.emit(value, call.trail && [...call.trail, ...path]);
    }),
  "delpaths/1": cfunction((input, list) => deletePaths(input, list)),
  "path/1": (call) => paths(call.args[0] as Node, call.input, call.scope, call.cx, (path) => out(call, path)),
  "tostring/0": cfunction((input) => (typeof input === "string" ? input : formatJson(input))),
  "tonumber/0": cfunction((input) => {
    if (typeof input === "number") return input;
    if (typeof input === "string") {
      const value = parseOne(input);
      if (typeof value === "number") return value;
    }
    throw new JqError(`${describe(input)} cannot be parsed as a number`);
  }),
  "type/0": cfunction((input) => typeName(input)),
  "sort/0": cfunction((input) => {
    if (!Array.isArray(input)) throw new JqError(`${describe(input)} cannot be sorted, as it is not an array`);
    return [...input].sort(compareValues);
  }),
  "_sort_by_impl/1": cfunction((input, keys) => sortByKeys(input, keys).map((entry) => entry.value)),
  "_group_by_impl/1": cfunction((input, keys) => {
    const groups: JV[][] = [];
    sortByKeys(input, keys).forEach((entry, index, sorted) => {
      if (index > 0 && equalValues(entry.key, sorted[index - 1]?.key ?? null)) groups[groups.length - 1]?.push(entry.value);
      else groups.push([entry.value]);
    });
    return groups;
  }),
  "_min_by_impl/1": cfunction((input, keys) => minMaxBy(input, keys, true)),
  "_max_by_impl/1": cfunction((input, keys) => minMaxBy(input, keys, false)),
  "min/0": cfunction((input) => minMaxBy(input, input, true)),
  "max/0": cfunction((input) => minMaxBy(input, input, false)),
  "split/1": cfunction((input, separator) => {
    if (typeof input !== "string" || typeof separator !== "string") throw new JqError("split input and separator must be strings");
    return splitString(input, separator);
  }),
  "explode/0": cfunction((input) => [...needString(input, "explode input must be a string")].map((char) => char.codePointAt(0) ?? 0)),
  "implode/0": cfunction((input) => {
    if (!Array.isArray(input)) throw new JqError("implode input must be an array");
    return input
      .map((code) => {
        if (typeof code !== "number") throw new JqError("Unicode codepoints must be numeric");
        const point = Math.trunc(code);
        return point < 0 || point > 0x10ffff || (point >= 0xd800 && point < 0xe000) ? "\ufffd" : String.fromCodePoint(point);
      })
      .join("");
  }),
  "ltrimstr/1": cfunction((input, prefix) => (typeof input === "string" && typeof prefix === "string" && input.startsWith(prefix) ? input.slice(prefix.length) : input)),
  "rtrimstr/1": cfunction((input, suffix) => (typeof input === "string" && typeof suffix === "string" && input.endsWith(suffix) ? input.slice(0, input.length - suffix.length) : input)),
  "startswith/1": cfunction((input, prefix) => {
    if (typeof input !== "string" || typeof prefix !== "string") throw new JqError("startswith() requires string inputs");
    return input.startsWith(prefix);
  }),
  "endswith/1": cfunction((input, suffix) => {
    if (typeof input !== "string" || typeof suffix !== "string") throw new JqError("endswith() requires string inputs");
    return input.endsWith(suffix);
  }),
  "tojson/0": cfunction((input) => formatJson(input)),
  "fromjson/0": cfunction((input) => parseOne(needString(input, `${describe(input)} only strings can be parsed`))),
  // error(null) is jq 1.6's backtrack: no output, nothing to catch.
  "error/1": (call) =>
    each(call, 0, call.input, (message) => {
      if (message !== null) throw new JqError(message);
    }),
  "infinite/0": cfunction(() => Infinity),
  "nan/0": cfunction(() => NaN),
  // Anything but a number is neither infinite, nor NaN, nor normal.
  "isinfinite/0": cfunction((input) => typeof input === "number" && !Number.isFinite(input) && !Number.isNaN(input)),
  "isnan/0": cfunction((input) => typeof input === "number" && Number.isNaN(input)),
  "isnormal/0": cfunction((input) => typeof input === "number" && Number.isFinite(input) && Math.abs(input) >= 2.2250738585072014e-308),
  ...Object.fromEntries(Object.entries(MATH).map(([name, fn]) => [`${name}/0`, cfunction((input) => fn(needNumber(input)))])),
  "pow/2": cfunction((_, base, exponent) => needNumber(base) ** needNumber(exponent)),
  "input/0": (call) => {
    const value = call.cx.readInput();
    // jq 1.6 says "break" when there is no more input.
    if (value === undefined) throw new JqError("break");
    out(call, value);
  },
  "inputs/0": (call) => {
    for (let value = call.cx.readInput(); value !== undefined; value = call.cx.readInput()) out(call, value);
  },
  "debug/0": (call) => {
    call.cx.writeStderr(`["DEBUG:",${formatJson(call.input)}]\n`);
    call.emit(call.input, call.trail);
  },
  "stderr/0": (call) => {
    call.cx.writeStderr(formatJson(call.input));
    call.emit(call.input, call.trail);
  },
  "halt/0": () => {
    throw new Halt(0);
  },
  "halt_error/1": (call) =>
    each(call, 0, call.input, (status) => {
      // jq 1.6's message shows the input, not the status it was given.
      if (typeof status !== "number") throw new JqError(`${describe(call.input)} halt_error/1: number required`);
      throw new Halt(status, call.input);
    }),
  "format/1": cfunction((input, name) => {
    if (typeof name !== "string") throw new JqError(`${describe(name)} is not a valid format`);
    try {
      return applyFormat(name, input);
    } catch (error) {
      if (error instanceof FormatError) throw new JqError(error.message);
      throw error;
    }
  }),
  "test/1": regexNative((call, input, pattern, flags) => out(call, matchImpl(input, pattern, flags, true, matchContext(call)))),
  "test/2": regexNative((call, input, pattern, flags) => out(call, matchImpl(input, pattern, flags, true, matchContext(call)))),
  "match/1": regexNative((call, input, pattern, flags) => matches(call, input, pattern, flags).forEach((match) => out(call, match))),
  "match/2": regexNative((call, input, pattern, flags) => matches(call, input, pattern, flags).forEach((match) => out(call, match))),
  "capture/1": regexNative((call, input, pattern, flags) => matches(call, input, pattern, flags).forEach((match) => out(call, captureObject(match)))),
  "capture/2": regexNative((call, input, pattern, flags) => matches(call, input, pattern, flags).forEach((match) => out(call, captureObject(match)))),
  "scan/1": (call) => each(call, 0, call.input, (pattern) => regex(() => matches(call, call.input, pattern, "g").forEach((match) => out(call, scanResult(match))))),
  "splits/1": (call) => each(call, 0, call.input, (pattern) => regex(() => splits(call, call.input, pattern, null).forEach((piece) => out(call, piece)))),
  "splits/2": (call) => each(call, 0, call.input, (pattern) => each(call, 1, call.input, (flags) => regex(() => splits(call, call.input, pattern, flags).forEach((piece) => out(call, piece))))),
  "split/2": (call) => each(call, 0, call.input, (pattern) => each(call, 1, call.input, (flags) => regex(() => out(call, splits(call, call.input, pattern, flags))))),
  "sub/2": substitution(false),
  "sub/3": substitution(false),
  "gsub/2": substitution(true),
  "gsub/3": substitution(true),
  "todate/0": cfunction((input) => isoDate(input)),
  "fromdate/0": cfunction((input) => fromIsoDate(input)),
  "now/0": (call) => out(call, call.cx.now()),
  "env/0": (call) => out(call, new Map(Object.entries(call.cx.environment))),
  "input_filename/0": (call) => out(call, call.cx.inputFilename()),
  // The definition of indices calls it with two strings only.
  "_strindices/1": (call) => each(call, 0, call.input, (needle) => out(call, byteIndexes(call.input as string, needle as string, call))),
  "range/2": (call) =>
    each(call, 0, call.input, (from) =>
      each(call, 1, call.input, (upto) => {
        if (typeof from !== "number" || typeof upto !== "number") throw new JqError("Range bounds must be numeric");
        for (let value = from; value < upto; value++) {
          count(call.cx);
          out(call, value);
        }
      }),
    ),
  // range/3, while, until and repeat are recursive definitions in jq: loops here, so that long runs need no deep stack.
  "range/3": (call) =>
    each(call, 0, call.input, (init) =>
      each(call, 1, call.input, (upto) =>
        each(call, 2, call.input, (by) => {
          const up = compareValues(by, 0) > 0;
          const down = compareValues(by, 0) < 0;
          for (let value = init; (up && compareValues(value, upto) < 0) || (down && compareValues(value, upto) > 0); value = add(value, by)) {
            count(call.cx);
            out(call, value);
          }
        }),
      ),
    ),
  "while/2": (call) => loop(call, "while"),
  "until/2": (call) => loop(call, "until"),
  "repeat/1": (call) => {
    for (;;) {
      count(call.cx);
      run(call.args[0] as Node, call.input, call.trail, call.scope, call.cx, call.emit);
    }
  },
  "limit/2": (call) =>
    each(call, 0, call.input, (n) => {
      // def limit($n; f): if $n < 0 then f else label $out | foreach f as $item ($n; .-1; $item, if . <= 0 then break $out else empty end) end
      if (compareValues(n, 0) < 0) return run(call.args[1] as Node, call.input, call.trail, call.scope, call.cx, call.emit);
      let left: JV = n;
      const label = {};
      try {
        run(call.args[1] as Node, call.input, call.trail, call.scope, call.cx, (value, trail) => {
          left = operate("-", left, 1);
          call.emit(value, trail);
          if (compareValues(left, 0) <= 0) throw new Break(label);
        });
      } catch (error) {
        if (!(error instanceof Break && error.label === label)) throw error;
      }
    }),
};

/** while(cond; update) and until(cond; next), one step at a time while each gives one value, as their recursive definitions do. */
function loop(call: NativeCall, kind: "while" | "until"): void {
  const [cond, step] = call.args as [Node, Node];
  const values = (node: Node, input: JV) => {
    const results: JV[] = [];
    run(node, input, null, call.scope, call.cx, (value) => results.push(value));
    return results;
  };
  const from = (start: JV): void => {
    let value = start;
    for (;;) {
      count(call.cx);
      const conditions = values(cond, value);
      const next: JV[] = [];
      for (const condition of conditions) {
        if (kind === "while") {
          if (!truthy(condition)) continue;
          out(call, value);
          next.push(...values(step, value));
        } else if (truthy(condition)) out(call, value);
        else next.push(...values(step, value));
      }
      if (conditions.length !== 1 || next.length !== 1) return next.forEach(from);
      value = next[0] as JV;
    }
  };
  from(call.input);
}

/** builtin.jq of jq 1.6 (Debian's build), for the builtins jq writes in jq. */
const PRELUDE = `
def error: error(.);
def halt_error: halt_error(5);
def map(f): [.[] | f];
def select(f): if f then . else empty end;
def sort_by(f): _sort_by_impl(map([f]));
def group_by(f): _group_by_impl(map([f]));
def unique: group_by(.) | map(.[0]);
def unique_by(f): group_by(f) | map(.[0]);
def max_by(f): _max_by_impl(map([f]));
def min_by(f): _min_by_impl(map([f]));
def add: reduce .[] as $x (null; . + $x);
def del(f): delpaths([path(f)]);
def map_values(f): .[] |= f;
def recurse(f): def r: ., (f | r); r;
def recurse(f; cond): def r: ., (f | select(cond) | r); r;
def recurse: recurse(.[]?);
def recurse_down: recurse;
def to_entries: [keys_unsorted[] as $k | {key: $k, value: .[$k]}];
def from_entries: map({(.key // .Key // .name // .Name): (if has("value") then .value else .Value end)}) | add | .//={};
def with_entries(f): to_entries | map(f) | from_entries;
def reverse: [.[length - 1 - range(0;length)]];
def indices($i): if type == "array" and ($i|type) == "array" then .[$i]
  elif type == "array" then .[[$i]]
  elif type == "string" and ($i|type) == "string" then _strindices($i)
  else .[$i] end;
def index($i): indices($i) | .[0];
def rindex($i): indices($i) | .[-1:][0];
def paths: path(recurse(if (type|. == "array" or . == "object") then .[] else empty end))|select(length > 0);
def paths(node_filter): . as $dot|paths|select(. as $p|$dot|getpath($p)|node_filter);
def any(generator; condition):
  [label $out | foreach generator as $i
    (false; if . then break $out elif $i | condition then true else . end; if . then . else empty end)] | length == 1;
def any(condition): any(.[]; condition);
def any: any(.);
def all(generator; condition):
  [label $out | foreach generator as $i
    (true; if .|not then break $out elif $i | condition then . else false end; if .|not then . else empty end)] | length == 0;
def all(condition): all(.[]; condition);
def all: all(.);
def isfinite: type == "number" and (isinfinite | not);
def arrays: select(type == "array");
def objects: select(type == "object");
def iterables: arrays, objects;
def booleans: select(type == "boolean");
def numbers: select(type == "number");
def normals: select(isnormal);
def finites: select(isfinite);
def strings: select(type == "string");
def nulls: select(type == "null");
def values: select(. != null);
def scalars: select(. == null or . == true or . == false or type == "number" or type == "string");
def scalars_or_empty: select(. == null or . == true or . == false or type == "number" or type == "string" or ((type=="array" or type=="object") and length==0));
def leaf_paths: paths(scalars);
def join($x): reduce .[] as $i (null; (if .==null then "" else .+$x end) + ($i | if type=="boolean" or type=="number" then tostring else .//"" end)) // "";
def _flatten($x): reduce .[] as $i ([]; if $i | type == "array" and $x != 0 then . + ($i | _flatten($x-1)) else . + [$i] end);
def flatten($x): if $x < 0 then error("flatten depth must not be negative") else _flatten($x) end;
def flatten: _flatten(-1);
def range($x): range(0;$x);
def fromdateiso8601: fromdate;
def todateiso8601: todate;
def isempty(g): 0 == ((label $go | g | (1, break $go)) // 0);
def first(g): label $out | g | ., break $out;
def last(g): reduce g as $item (null; $item);
def nth($n; g): if $n < 0 then error("nth doesn't support negative indices") else last(limit($n + 1; g)) end;
def first: .[0];
def last: .[-1];
def nth($n): .[$n];
def combinations: if length == 0 then [] else .[0][] as $x | (.[1:] | combinations) as $y | [$x] + $y end;
def combinations(n): . as $dot | [range(n) | $dot] | combinations;
def transpose: if . == [] then [] else . as $in | (map(length) | max) as $max | length as $length
  | reduce range(0; $max) as $j ([]; . + [reduce range(0;$length) as $i ([]; . + [ $in[$i][$j] ] )] ) end;
def in(xs): . as $x | xs | has($x);
def inside(xs): . as $x | xs | contains($x);
def ascii_downcase: explode | map( if 65 <= . and . <= 90 then . + 32  else . end) | implode;
def ascii_upcase: explode | map( if 97 <= . and . <= 122 then . - 32  else . end) | implode;
def bsearch(target):
  if length == 0 then -1
  elif length == 1 then (if target == .[0] then 0 elif target < .[0] then -1 else -2 end)
  else . as $in
    | [0, length-1, null]
    | until( .[0] > .[1] ;
             if .[2] != null then (.[1] = -1)
             else
               ( ( (.[1] + .[0]) / 2 ) | floor ) as $mid
               | $in[$mid] as $monkey
               | if $monkey == target  then (.[2] = $mid)
                 elif .[0] == .[1]     then (.[1] = -1)
                 elif $monkey < target then (.[0] = ($mid + 1))
                 else (.[1] = ($mid - 1))
                 end
             end )
    | if .[2] == null then (if $in[ .[0] ] < target then (-2 -.[0]) else (-1 -.[0]) end)
      else .[2]
      end
  end;
def walk(f): . as $in
  | if type == "object" then reduce keys_unsorted[] as $key ( {}; . + { ($key):  ($in[$key] | walk(f)) } ) | f
    elif type == "array" then map( walk(f) ) | f
    else f
    end;
def INDEX(stream; idx_expr): reduce stream as $row ({}; .[$row|idx_expr| if type != "string" then tojson else . end] |= $row);
def INDEX(idx_expr): INDEX(.[]; idx_expr);
def IN(s): reduce (first(select(. == s)) | true) as $v (false; if . or $v then true else false end);
def IN(src; s): reduce (src|IN(s)) as $v (false; if . or $v then true else false end);
`;

/** Every builtin the sandbox has, by `name/arity`. */
export const BUILTINS: ReadonlyMap<string, Native | FunctionDef> = (() => {
  const table = new Map<string, Native | FunctionDef>(Object.entries(NATIVES));
  const defs = parseDefinitions(PRELUDE);
  for (const def of defs) table.set(`${def.name}/${def.params.length}`, def);
  // Checked as a filter using each is: every call bound to a definition, none undefined.
  for (const def of defs) {
    const use: Node = { kind: "call", name: def.name, args: def.params.map((): Node => ({ kind: "identity" })), at: 0 };
    const problems = checkFilter({ kind: "def", def, body: use }, { isBuiltin: (key) => table.has(key), isRefused: () => false, variables: new Set() });
    if (problems.length > 0) throw new Error(`jq builtins: ${problems.map((problem) => problem.message).join(", ")}`);
  }
  return table;
})();

/** jq 1.6's builtins (`jq -n 'builtins'`); those not in BUILTINS are refused by name. */
const JQ_16_BUILTINS = new Set(
  `IN/1 IN/2 INDEX/1 INDEX/2 JOIN/2 JOIN/3 JOIN/4 acos/0 acosh/0 add/0 all/0 all/1 all/2 any/0 any/1 any/2 arrays/0 ascii_downcase/0 ascii_upcase/0
  asin/0 asinh/0 atan/0 atan2/2 atanh/0 booleans/0 bsearch/1 builtins/0 capture/1 capture/2 cbrt/0 ceil/0 combinations/0 combinations/1 contains/1
  copysign/2 cos/0 cosh/0 debug/0 del/1 delpaths/1 drem/2 empty/0 endswith/1 env/0 erf/0 erfc/0 error/0 error/1 exp/0 exp10/0 exp2/0 explode/0
  expm1/0 fabs/0 fdim/2 finites/0 first/0 first/1 flatten/0 flatten/1 floor/0 fma/3 fmax/2 fmin/2 fmod/2 format/1 frexp/0 from_entries/0 fromdate/0
  fromdateiso8601/0 fromjson/0 fromstream/1 gamma/0 get_jq_origin/0 get_prog_origin/0 get_search_list/0 getpath/1 gmtime/0 group_by/1 gsub/2 gsub/3
  halt/0 halt_error/0 halt_error/1 has/1 hypot/2 implode/0 in/1 index/1 indices/1 infinite/0 input/0 input_filename/0 input_line_number/0 inputs/0
  inside/1 isempty/1 isfinite/0 isinfinite/0 isnan/0 isnormal/0 iterables/0 j0/0 j1/0 jn/2 join/1 keys/0 keys_unsorted/0 last/0 last/1 ldexp/2
  leaf_paths/0 length/0 lgamma/0 lgamma_r/0 limit/2 localtime/0 log/0 log10/0 log1p/0 log2/0 logb/0 ltrimstr/1 map/1 map_values/1 match/1 match/2
  max/0 max_by/1 min/0 min_by/1 mktime/0 modf/0 modulemeta/0 nan/0 nearbyint/0 nextafter/2 nexttoward/2 normals/0 not/0 now/0 nth/1 nth/2 nulls/0
  numbers/0 objects/0 path/1 paths/0 paths/1 pow/2 pow10/0 range/1 range/2 range/3 recurse/0 recurse/1 recurse/2 recurse_down/0 remainder/2 repeat/1
  reverse/0 rindex/1 rint/0 round/0 rtrimstr/1 scalars/0 scalars_or_empty/0 scalb/2 scalbln/2 scan/1 select/1 setpath/2 significand/0 sin/0 sinh/0
  sort/0 sort_by/1 split/1 split/2 splits/1 splits/2 sqrt/0 startswith/1 stderr/0 strflocaltime/1 strftime/1 strings/0 strptime/1 sub/2 sub/3 tan/0
  tanh/0 test/1 test/2 tgamma/0 to_entries/0 todate/0 todateiso8601/0 tojson/0 tonumber/0 tostream/0 tostring/0 transpose/0 trunc/0
  truncate_stream/1 type/0 unique/0 unique_by/1 until/2 utf8bytelength/0 values/0 walk/1 while/2 with_entries/1 y0/0 y1/0 yn/2`.split(/\s+/),
);

export function isRefused(name: string, arity: number): boolean {
  const key = `${name}/${arity}`;
  return JQ_16_BUILTINS.has(key) && !BUILTINS.has(key);
}
