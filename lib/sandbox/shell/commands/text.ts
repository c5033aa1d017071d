import { FsError } from "../../vfs/types";
import { compareCodePoints } from "../glob";
import { concatBytes, decode, fromLatin1, latin1 } from "../io";
import { fsMessage } from "../messages";
import { grep } from "./grep";
import { formatFloat, type Conversion } from "./output";
import type { CommandContext, CommandSpec } from "./types";
import { eachInput, err, fileError, options, out, parseCount, readOperand, splitLines, tryHelp, writeOperand } from "./util";

/** Text filters: head, tail, grep, cut, tr, sort, uniq, seq, wc. Line tools keep bytes; grep/sort/cut read UTF-8. */

/** `-5` as the first argument means `-n 5` for head and tail. */
function legacyCount(args: readonly string[]): string[] {
  const first = args[0];
  if (first && /^-\d+$/.test(first)) return ["-n", first.slice(1), ...args.slice(1)];
  if (first && /^\+\d+$/.test(first)) return ["-n", first, ...args.slice(1)];
  return [...args];
}

function splitByteLines(data: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let index = 0; index < data.length; index++) {
    if (data[index] === 0x0a) {
      lines.push(data.subarray(start, index + 1));
      start = index + 1;
    }
  }
  if (start < data.length) lines.push(data.subarray(start));
  return lines;
}

function headTail(ctx: CommandContext, which: "head" | "tail"): number {
  const parsed = options(
    ctx,
    [
      { key: "n", short: "n", long: "lines", argument: "required" },
      { key: "c", short: "c", long: "bytes", argument: "required" },
      { key: "q", short: "q", long: "quiet" },
      { key: "v", short: "v", long: "verbose" },
      { key: "f", short: "f", long: "follow" },
    ],
    legacyCount(ctx.args),
  );
  if (!parsed) return 1;
  const last = parsed.order.filter((entry) => entry.key === "n" || entry.key === "c").pop();
  const bytes = last?.key === "c";
  const raw = last?.value ?? "10";
  const fromStart = which === "tail" && raw.startsWith("+");
  const allBut = which === "head" && raw.startsWith("-");
  const count = parseCount(raw.replace(/^[+-]/, ""));
  if (count === undefined) {
    err(ctx, `${which}: invalid number of ${bytes ? "bytes" : "lines"}: ‘${raw}’`);
    return 1;
  }
  const operands = parsed.operands.length === 0 ? ["-"] : parsed.operands;
  const headers = parsed.values.has("v") || (operands.length > 1 && !parsed.values.has("q"));
  let status = 0;
  let first = true;
  for (const path of operands) {
    // head -c N needs only N bytes, which is how an endless device (/dev/urandom) can be read.
    const data = readOperand(ctx, path, bytes && which === "head" && !allBut ? { limit: count } : {});
    if (data instanceof FsError) {
      err(ctx, `${which}: cannot open '${path}' for reading: ${fsMessage(data.code)}`);
      status = 1;
      continue;
    }
    if (headers) out(ctx, `${first ? "" : "\n"}==> ${path === "-" ? "standard input" : path} <==\n`);
    first = false;
    if (bytes) {
      if (which === "head") ctx.stdout.write(allBut ? data.subarray(0, Math.max(0, data.length - count)) : data.subarray(0, count));
      else ctx.stdout.write(fromStart ? data.subarray(Math.max(0, count - 1)) : data.subarray(Math.max(0, data.length - count)));
      continue;
    }
    const lines = splitByteLines(data);
    let chosen: Uint8Array[];
    if (which === "head") chosen = allBut ? lines.slice(0, Math.max(0, lines.length - count)) : lines.slice(0, count);
    else chosen = fromStart ? lines.slice(Math.max(0, count - 1)) : count === 0 ? [] : lines.slice(-count);
    ctx.stdout.write(concatBytes(chosen));
  }
  return status;
}

const head: CommandSpec = {
  name: "head",
  summary: "print the first lines of files",
  help: "head [-n N | -c N] [FILE ...]\n    Prints the first 10 lines (or N lines, or N bytes with -c). -n -N: all but the last N lines.",
  run: (ctx) => headTail(ctx, "head"),
};

const tail: CommandSpec = {
  name: "tail",
  summary: "print the last lines of files",
  help: "tail [-n N | -c N] [FILE ...]\n    Prints the last 10 lines (or N lines, or N bytes with -c). -n +N: from line N on.\n    NOTE: -f (follow) prints what is there and stops: nothing writes to files in the background.",
  run: (ctx) => headTail(ctx, "tail"),
};

// ---------------------------------------------------------------- cut

interface Range {
  from: number;
  to: number;
}

function parseList(text: string, kind: "field" | "byte/character"): Range[] | string {
  const ranges: Range[] = [];
  for (const piece of text.split(/[,\s]/)) {
    if (piece === "") continue;
    const match = /^(\d*)(-?)(\d*)$/.exec(piece);
    if (!match || (match[1] === "" && match[3] === "" && match[2] === "-")) {
      return match && match[2] === "-" ? "invalid range with no endpoint: -" : `invalid ${kind} value ‘${piece}’`;
    }
    const from = match[1] === "" ? 1 : Number(match[1]);
    const to = match[2] === "" ? from : match[3] === "" ? Infinity : Number(match[3]);
    if (from === 0 || to === 0) return kind === "field" ? "fields are numbered from 1" : "byte/character positions are numbered from 1";
    if (to < from) return "invalid decreasing range";
    ranges.push({ from, to });
  }
  if (ranges.length === 0) return kind === "field" ? "fields are numbered from 1" : "byte/character positions are numbered from 1";
  return ranges;
}

const cut: CommandSpec = {
  name: "cut",
  summary: "print selected parts of lines",
  help: "cut -f LIST [-d DELIM] [-s] | -c LIST | -b LIST [FILE ...]\n    Prints the selected fields (separated by DELIM, a tab by default), characters or bytes\n    of each line. LIST is like 1,3-5,7- . -s skips lines without the delimiter.",
  run(ctx) {
    const parsed = options(ctx, [
      { key: "f", short: "f", long: "fields", argument: "required" },
      { key: "c", short: "c", long: "characters", argument: "required" },
      { key: "b", short: "b", long: "bytes", argument: "required" },
      { key: "d", short: "d", long: "delimiter", argument: "required" },
      { key: "s", short: "s", long: "only-delimited" },
      { key: "complement", long: "complement" },
      { key: "od", long: "output-delimiter", argument: "required" },
      { key: "n", short: "n" },
    ]);
    if (!parsed) return 1;
    const modes = ["f", "c", "b"].filter((key) => parsed.values.has(key));
    if (modes.length === 0) {
      err(ctx, `cut: you must specify a list of bytes, characters, or fields\n${tryHelp("cut")}`);
      return 1;
    }
    if (modes.length > 1) {
      err(ctx, `cut: only one list may be specified\n${tryHelp("cut")}`);
      return 1;
    }
    const mode = modes[0] ?? "f";
    const delimiter = parsed.values.get("d")?.slice(-1)[0];
    if (delimiter !== undefined && [...delimiter].length !== 1) {
      err(ctx, `cut: the delimiter must be a single character\n${tryHelp("cut")}`);
      return 1;
    }
    if (mode !== "f" && delimiter !== undefined) {
      err(ctx, `cut: an input delimiter may be specified only when operating on fields\n${tryHelp("cut")}`);
      return 1;
    }
    const ranges = parseList(parsed.values.get(mode)?.slice(-1)[0] ?? "", mode === "f" ? "field" : "byte/character");
    if (typeof ranges === "string") {
      err(ctx, `cut: ${ranges}\n${tryHelp("cut")}`);
      return 1;
    }
    const complement = parsed.values.has("complement");
    const selected = (position: number) => ranges.some((range) => position >= range.from && position <= range.to) !== complement;
    const separator = delimiter ?? "\t";
    const outputDelimiter = parsed.values.get("od")?.slice(-1)[0] ?? (mode === "f" ? separator : "");
    let result = "";
    const status = eachInput(ctx, parsed.operands, (data) => {
      // Bytes and characters are the same in GNU cut (-c counts bytes), so both work on Latin-1 text.
      const text = mode === "f" ? decode(data) : latin1(data);
      for (const line of splitLines(text)) {
        ctx.shell.checkTime();
        if (mode === "f") {
          if (!line.includes(separator)) {
            if (!parsed.values.has("s")) result += line + "\n";
            continue;
          }
          result += line.split(separator).filter((_, index) => selected(index + 1)).join(outputDelimiter) + "\n";
        } else {
          const chars = [...line];
          const picked: string[] = [];
          let previous = -2;
          chars.forEach((char, index) => {
            if (!selected(index + 1)) return;
            if (outputDelimiter !== "" && previous !== -2 && index !== previous + 1) picked.push(outputDelimiter);
            picked.push(char);
            previous = index;
          });
          result += picked.join("") + "\n";
        }
      }
    });
    ctx.stdout.write(mode === "f" ? new TextEncoder().encode(result) : fromLatin1(result));
    return status;
  },
};

// ---------------------------------------------------------------- tr

const TR_CLASSES: Record<string, () => string> = {
  alpha: () => range(65, 90) + range(97, 122),
  digit: () => range(48, 57),
  alnum: () => range(48, 57) + range(65, 90) + range(97, 122),
  upper: () => range(65, 90),
  lower: () => range(97, 122),
  space: () => " \t\n\r\f\v",
  blank: () => " \t",
  punct: () => range(33, 47) + range(58, 64) + range(91, 96) + range(123, 126),
  xdigit: () => range(48, 57) + range(65, 70) + range(97, 102),
  cntrl: () => range(0, 31) + "\x7f",
  print: () => range(32, 126),
  graph: () => range(33, 126),
};

function range(from: number, to: number): string {
  let text = "";
  for (let code = from; code <= to; code++) text += String.fromCharCode(code);
  return text;
}

/** Expands a tr SET (escapes, ranges, [:classes:], [c*n]) to its characters, one per byte. */
function expandSet(set: string): string | { error: string } {
  const chars: string[] = [];
  const unescape = (at: number): { char: string; length: number } => {
    if (set[at] !== "\\") return { char: set[at] ?? "", length: 1 };
    const next = set[at + 1];
    if (next === undefined) return { char: "\\", length: 1 };
    const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", f: "\f", v: "\v", a: "\x07", b: "\b", "\\": "\\" };
    if (simple[next] !== undefined) return { char: simple[next] ?? "", length: 2 };
    const octal = /^[0-7]{1,3}/.exec(set.slice(at + 1));
    if (octal) return { char: String.fromCharCode(parseInt(octal[0], 8) & 0xff), length: 1 + octal[0].length };
    return { char: next, length: 2 };
  };
  for (let index = 0; index < set.length; ) {
    if (set.startsWith("[:", index)) {
      const close = set.indexOf(":]", index + 2);
      const name = close === -1 ? "" : set.slice(index + 2, close);
      const expand = Object.hasOwn(TR_CLASSES, name) ? TR_CLASSES[name] : undefined;
      if (close !== -1 && expand) {
        chars.push(...expand());
        index = close + 2;
        continue;
      }
      if (close !== -1) return { error: `invalid character class ‘${name}’` };
    }
    const repeat = /^\[(\\?[\s\S])\*(\d*)\]/.exec(set.slice(index));
    if (repeat) {
      const char = unescape(index + 1).char;
      chars.push(...char.repeat(Math.min(Number(repeat[2] || "0") || 1, 4096)));
      index += repeat[0].length;
      continue;
    }
    const first = unescape(index);
    if (set[index + first.length] === "-" && index + first.length + 1 < set.length) {
      const last = unescape(index + first.length + 1);
      const from = first.char.charCodeAt(0);
      const to = last.char.charCodeAt(0);
      if (to < from) return { error: `range-endpoints of ‘${first.char}-${last.char}’ are in reverse collating sequence order` };
      chars.push(...range(from, to));
      index += first.length + 1 + last.length;
      continue;
    }
    chars.push(first.char);
    index += first.length;
  }
  return chars.join("");
}

const tr: CommandSpec = {
  name: "tr",
  summary: "translate or delete characters",
  help: "tr [-d] [-s] [-c] SET1 [SET2]\n    Copies standard input to standard output, replacing characters of SET1 with those of SET2,\n    deleting them (-d), or squeezing repeats (-s). Sets: a-z ranges, \\n \\t escapes,\n    [:upper:] [:lower:] [:digit:] [:alpha:] [:alnum:] [:space:] [:punct:] classes. -c: the complement of SET1.",
  run(ctx) {
    const parsed = options(ctx, [
      { key: "d", short: "d", long: "delete" },
      { key: "s", short: "s", long: "squeeze-repeats" },
      { key: "c", short: "c", long: "complement" },
      { key: "c", short: "C" },
      { key: "t", short: "t", long: "truncate-set1" },
    ]);
    if (!parsed) return 1;
    const del = parsed.values.has("d");
    const squeeze = parsed.values.has("s");
    const operands = parsed.operands;
    if (operands.length === 0) {
      err(ctx, `tr: missing operand\n${tryHelp("tr")}`);
      return 1;
    }
    if (!del && !squeeze && operands.length === 1) {
      err(ctx, `tr: missing operand after ‘${operands[0]}’\nTwo strings must be given when translating.\n${tryHelp("tr")}`);
      return 1;
    }
    if (del && !squeeze && operands.length > 1) {
      err(ctx, `tr: extra operand ‘${operands[1]}’\nOnly one string may be given when deleting without squeezing repeats.\n${tryHelp("tr")}`);
      return 1;
    }
    if (operands.length > 2) {
      err(ctx, `tr: extra operand ‘${operands[2]}’\n${tryHelp("tr")}`);
      return 1;
    }
    const set1 = expandSet(operands[0] ?? "");
    const set2 = operands[1] === undefined ? "" : expandSet(operands[1]);
    if (typeof set1 !== "string" || typeof set2 !== "string") {
      err(ctx, `tr: ${typeof set1 !== "string" ? set1.error : (set2 as { error: string }).error}`);
      return 1;
    }
    let members = new Set(set1);
    if (parsed.values.has("c")) members = new Set([...range(0, 255)].filter((char) => !members.has(char)));
    const complementList = parsed.values.has("c") ? [...range(0, 255)].filter((char) => members.has(char)) : [...set1];
    const translating = !del && operands.length === 2;
    if (translating && set2 === "") {
      err(ctx, "tr: when not truncating set1, string2 must be non-empty");
      return 1;
    }
    const map = new Map<string, string>();
    if (translating) {
      const target = [...set2];
      complementList.forEach((char, index) => map.set(char, target[Math.min(index, target.length - 1)] ?? ""));
    }
    const squeezeSet = new Set(squeeze ? (translating || del ? set2 : parsed.values.has("c") ? [...members].join("") : set1) : "");
    const input = latin1(ctx.stdin.readAll());
    let result = "";
    let previous = "";
    let steps = 0;
    for (const char of input) {
      if (++steps % 16384 === 0) ctx.shell.checkTime();
      if (del && members.has(char)) continue;
      const translated = translating ? (map.get(char) ?? char) : char;
      if (squeeze && translated === previous && squeezeSet.has(translated)) continue;
      result += translated;
      previous = translated;
    }
    ctx.stdout.write(fromLatin1(result));
    return 0;
  },
};

// ---------------------------------------------------------------- sort and uniq

interface SortKey {
  startField: number;
  startChar: number;
  endField: number;
  endChar: number;
  numeric: boolean;
  reverse: boolean;
  fold: boolean;
  blanks: boolean;
}

function parseKey(text: string, defaults: { numeric: boolean; reverse: boolean; fold: boolean; blanks: boolean }): SortKey | undefined {
  const match = /^(\d+)(?:\.(\d+))?([bdfgnrMhV]*)(?:,(\d+)(?:\.(\d+))?([bdfgnrMhV]*))?$/.exec(text);
  if (!match || Number(match[1]) === 0) return undefined;
  const flags = (match[3] ?? "") + (match[6] ?? "");
  const own = flags !== "";
  return {
    startField: Number(match[1]),
    startChar: Number(match[2] ?? "1") || 1,
    endField: match[4] === undefined ? Infinity : Number(match[4]),
    endChar: Number(match[5] ?? "0"),
    numeric: own ? /[ngh]/.test(flags) : defaults.numeric,
    reverse: own ? flags.includes("r") : defaults.reverse,
    fold: own ? flags.includes("f") : defaults.fold,
    blanks: own ? flags.includes("b") : defaults.blanks,
  };
}

function keyText(line: string, key: SortKey, separator: string | undefined): string {
  // Fields: with -t, split on it; otherwise a field is its leading blanks plus the non-blank run.
  const fields = separator !== undefined ? line.split(separator) : line.match(/\s*\S+/g) ?? [];
  const start = fields.slice(0, key.startField - 1).join(separator ?? "").length + (separator !== undefined && key.startField > 1 ? 1 : 0);
  let field = fields[key.startField - 1] ?? "";
  if (key.blanks) field = field.replace(/^\s+/, "");
  const from = start + (fields[key.startField - 1] ?? "").length - field.length + key.startChar - 1;
  let to = line.length;
  if (key.endField !== Infinity) {
    const endFields = fields.slice(0, key.endField);
    to = endFields.join(separator ?? "").length + (separator !== undefined ? key.endField - 1 : 0);
    if (key.endChar > 0) to = to - (fields[key.endField - 1] ?? "").length + key.endChar;
  }
  return line.slice(Math.min(from, line.length), Math.max(from, to));
}

function numericValue(text: string): number {
  const match = /^\s*(-?\d*\.?\d+|-?\d+\.?)/.exec(text);
  return match ? Number(match[1]) : 0;
}

const sort: CommandSpec = {
  name: "sort",
  summary: "sort lines",
  help: "sort [-rnuf] [-t SEP] [-k FIELD[,FIELD]] [FILE ...]\n    Sorts lines (by character codes). -r reverse, -n by number, -u only the first of equal\n    lines, -f ignore case, -k sort by a field (-k2,2 the second field only), -t field separator.",
  run(ctx) {
    const parsed = options(ctx, [
      { key: "r", short: "r", long: "reverse" },
      { key: "n", short: "n", long: "numeric-sort" },
      { key: "n", short: "g", long: "general-numeric-sort" },
      { key: "n", short: "h", long: "human-numeric-sort" },
      { key: "u", short: "u", long: "unique" },
      { key: "f", short: "f", long: "ignore-case" },
      { key: "b", short: "b", long: "ignore-leading-blanks" },
      { key: "s", short: "s", long: "stable" },
      { key: "k", short: "k", long: "key", argument: "required" },
      { key: "t", short: "t", long: "field-separator", argument: "required" },
      { key: "o", short: "o", long: "output", argument: "required" },
    ]);
    if (!parsed) return 2;
    const defaults = { numeric: parsed.values.has("n"), reverse: parsed.values.has("r"), fold: parsed.values.has("f"), blanks: parsed.values.has("b") };
    const separator = parsed.values.get("t")?.slice(-1)[0];
    if (separator !== undefined && [...separator].length !== 1) {
      err(ctx, separator === "" ? "sort: empty tab" : `sort: multi-character tab ‘${separator}’`);
      return 2;
    }
    const keys: SortKey[] = [];
    for (const text of parsed.values.get("k") ?? []) {
      const key = parseKey(text, defaults);
      if (!key) {
        err(ctx, `sort: invalid number at field start: invalid count at start of ‘${text}’`);
        return 2;
      }
      keys.push(key);
    }
    const lines: string[] = [];
    let failed = false;
    eachInput(
      ctx,
      parsed.operands,
      (data) => {
        for (const line of splitLines(decode(data))) lines.push(line);
      },
      (path, error) => {
        err(ctx, `sort: cannot read: ${path}: ${fsMessage(error.code)}`);
        failed = true;
      },
    );
    if (failed) return 2;
    const compareBy = (a: string, b: string, key: SortKey): number => {
      let left = key.startField === 0 ? a : keyText(a, key, separator);
      let right = key.startField === 0 ? b : keyText(b, key, separator);
      if (key.blanks) {
        left = left.replace(/^\s+/, "");
        right = right.replace(/^\s+/, "");
      }
      let result: number;
      if (key.numeric) result = numericValue(left) - numericValue(right);
      else if (key.fold) result = compareCodePoints(left.toUpperCase(), right.toUpperCase());
      else result = compareCodePoints(left, right);
      return key.reverse ? -result : result;
    };
    const wholeLine: SortKey = { startField: 0, startChar: 1, endField: Infinity, endChar: 0, ...defaults };
    const activeKeys = keys.length > 0 ? keys : [wholeLine];
    const compareKeys = (a: string, b: string): number => {
      for (const key of activeKeys) {
        const result = compareBy(a, b, key);
        if (result !== 0) return result;
      }
      return 0;
    };
    let comparisons = 0;
    const compare = (a: string, b: string): number => {
      // Sorting cannot be interrupted from outside: the comparisons ask for the time.
      if (++comparisons % 1024 === 0) ctx.shell.checkTime();
      const result = compareKeys(a, b);
      if (result !== 0 || parsed.values.has("s") || parsed.values.has("u")) return result;
      // GNU's last resort: the whole lines, byte by byte.
      const last = compareCodePoints(a, b);
      return defaults.reverse ? -last : last;
    };
    lines.sort(compare);
    let result = lines;
    if (parsed.values.has("u")) result = lines.filter((line, index) => index === 0 || compareKeys(lines[index - 1] ?? "", line) !== 0);
    const text = result.map((line) => line + "\n").join("");
    const output = parsed.values.get("o")?.slice(-1)[0];
    return writeResult(ctx, output, text, (error) => {
      err(ctx, error.whileWriting ? `sort: fflush failed: ${output}: ${fsMessage(error.code)}\nsort: write error` : `sort: open failed: ${output}: ${fsMessage(error.code)}`);
      return 2;
    });
  },
};

/**
 * Writes a command's result to the OUTPUT file it was given (sort -o, uniq's
 * second operand) or, without one, to standard output. `failed` reports a file
 * error in the command's own words and returns its exit status.
 */
function writeResult(ctx: CommandContext, output: string | undefined, text: string, failed: (error: FsError) => number): number {
  if (output === undefined) {
    out(ctx, text);
    return 0;
  }
  try {
    writeOperand(ctx, output, new TextEncoder().encode(text));
  } catch (error) {
    if (error instanceof FsError) return failed(error);
    throw error;
  }
  return 0;
}

const uniq: CommandSpec = {
  name: "uniq",
  summary: "drop repeated adjacent lines",
  help: "uniq [-c] [-d] [-u] [-i] [INPUT [OUTPUT]]\n    Prints each line once when it repeats on consecutive lines (sort first to catch all repeats).\n      -c  prefix lines with their count   -d  only repeated lines   -u  only unique lines   -i  ignore case",
  run(ctx) {
    const parsed = options(ctx, [
      { key: "c", short: "c", long: "count" },
      { key: "d", short: "d", long: "repeated" },
      { key: "u", short: "u", long: "unique" },
      { key: "i", short: "i", long: "ignore-case" },
    ]);
    if (!parsed) return 1;
    const [input = "-", output, extra] = parsed.operands;
    if (extra !== undefined) {
      err(ctx, `uniq: extra operand '${extra}'\n${tryHelp("uniq")}`);
      return 1;
    }
    const data = readOperand(ctx, input);
    if (data instanceof FsError) {
      fileError(ctx, input, data);
      return 1;
    }
    const lines = splitLines(decode(data));
    const same = (a: string, b: string) => (parsed.values.has("i") ? a.toLowerCase() === b.toLowerCase() : a === b);
    let result = "";
    for (let index = 0; index < lines.length; ) {
      ctx.shell.checkTime();
      let end = index + 1;
      while (end < lines.length && same(lines[index] ?? "", lines[end] ?? "")) end += 1;
      const count = end - index;
      const keep = (!parsed.values.has("d") || count > 1) && (!parsed.values.has("u") || count === 1);
      if (keep) result += (parsed.values.has("c") ? `${String(count).padStart(7)} ` : "") + lines[index] + "\n";
      index = end;
    }
    return writeResult(ctx, output, result, (error) => {
      if (error.whileWriting) err(ctx, `uniq: write error: ${fsMessage(error.code)}`);
      else fileError(ctx, output ?? "", error);
      return 1;
    });
  },
};

// ---------------------------------------------------------------- seq and wc

/** seq -f FORMAT: exactly one floating-point conversion, with %% for a percent sign; or GNU seq's message. */
function seqFormat(format: string): (Conversion & { before: string; after: string }) | string {
  const pattern = /%%|%([-+ #0']*)(\d+)?(?:\.(\d*))?([a-zA-Z]?)/g;
  let found: RegExpExecArray | undefined;
  for (const match of format.matchAll(pattern)) {
    if (match[0] === "%%") continue;
    if (found) return `format ‘${format}’ has too many % directives`;
    if (!/^[efgaEFGA]$/.test(match[4] ?? "")) return `format ‘${format}’ has unknown %${match[4] ?? ""} directive`;
    found = match;
  }
  if (!found) return `format ‘${format}’ has no % directive`;
  const literal = (text: string) => text.replace(/%%/g, "%");
  return {
    before: literal(format.slice(0, found.index)),
    after: literal(format.slice(found.index + found[0].length)),
    flags: (found[1] ?? "").replace(/'/g, ""),
    ...(found[2] ? { width: Number(found[2]) } : {}),
    ...(found[3] !== undefined ? { precision: Number(found[3] || "0") } : {}),
    letter: found[4]!,
  };
}

const seq: CommandSpec = {
  name: "seq",
  summary: "print a sequence of numbers",
  help: "seq [-s SEP] [-w] [-f FORMAT] [FIRST [INCREMENT]] LAST\n    Prints the numbers from FIRST (default 1) to LAST, INCREMENT (default 1) apart, one a line.\n      -s SEP  separate with SEP instead of a newline   -w  pad with zeros to equal width\n      -f FORMAT  print each number with one printf conversion (%f, %e, %g)",
  run(ctx) {
    const parsed = options(
      ctx,
      [
        { key: "s", short: "s", long: "separator", argument: "required" },
        { key: "w", short: "w", long: "equal-width" },
        { key: "f", short: "f", long: "format", argument: "required" },
      ],
      ctx.args,
      false,
    );
    if (!parsed) return 1;
    const operands = parsed.operands;
    if (operands.length === 0) {
      err(ctx, `seq: missing operand\n${tryHelp("seq")}`);
      return 1;
    }
    if (operands.length > 3) {
      err(ctx, `seq: extra operand ‘${operands[3]}’\n${tryHelp("seq")}`);
      return 1;
    }
    const numbers: number[] = [];
    for (const operand of operands) {
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(operand.trim())) {
        err(ctx, `seq: invalid floating point argument: ‘${operand}’\n${tryHelp("seq")}`);
        return 1;
      }
      numbers.push(Number(operand));
    }
    const [first, increment, last] = operands.length === 1 ? [1, 1, numbers[0] ?? 1] : operands.length === 2 ? [numbers[0] ?? 1, 1, numbers[1] ?? 1] : [numbers[0] ?? 1, numbers[1] ?? 1, numbers[2] ?? 1];
    if (increment === 0) {
      err(ctx, `seq: invalid Zero increment value: ‘${operands[1]}’\n${tryHelp("seq")}`);
      return 1;
    }
    const decimals = (text: string | undefined) => {
      if (text === undefined || /[eE]/.test(text)) return 0;
      const dot = text.indexOf(".");
      return dot === -1 ? 0 : text.length - dot - 1;
    };
    const precision = Math.max(operands.length === 1 ? 0 : decimals(operands[0]), operands.length === 3 ? decimals(operands[1]) : 0);
    const separator = parsed.values.get("s")?.slice(-1)[0] ?? "\n";
    const userFormat = parsed.values.get("f")?.slice(-1)[0];
    if (userFormat !== undefined && parsed.values.has("w")) {
      err(ctx, `seq: format string may not be specified when printing equal width strings\n${tryHelp("seq")}`);
      return 1;
    }
    const directive = userFormat === undefined ? undefined : seqFormat(userFormat);
    if (typeof directive === "string") {
      err(ctx, `seq: ${directive}`);
      return 1;
    }
    const format = directive ? (value: number) => directive.before + formatFloat(value, directive) + directive.after : (value: number) => value.toFixed(precision);
    const width = parsed.values.has("w") ? Math.max(format(first).length, format(last).length) : 0;
    let buffer = "";
    let count = 0;
    for (let index = 0; ; index++) {
      if (index % 1024 === 0) ctx.shell.checkTime();
      const value = first + index * increment;
      if (increment > 0 ? value > last + 1e-10 : value < last - 1e-10) break;
      let text = format(value);
      if (width > 0) text = text.startsWith("-") ? "-" + text.slice(1).padStart(width - 1, "0") : text.padStart(width, "0");
      buffer += (count > 0 ? separator : "") + text;
      count += 1;
      if (buffer.length > 65536) {
        out(ctx, buffer);
        buffer = "";
      }
    }
    if (count > 0) buffer += "\n";
    out(ctx, buffer);
    return 0;
  },
};

const wc: CommandSpec = {
  name: "wc",
  summary: "count lines, words and bytes",
  help: "wc [-lwcm] [FILE ...]\n    Prints the number of lines, words and bytes of each file (and a total for several).\n      -l lines   -w words   -c bytes   -m characters",
  run(ctx) {
    const parsed = options(ctx, [
      { key: "l", short: "l", long: "lines" },
      { key: "w", short: "w", long: "words" },
      { key: "c", short: "c", long: "bytes" },
      { key: "m", short: "m", long: "chars" },
      { key: "L", short: "L", long: "max-line-length" },
    ]);
    if (!parsed) return 1;
    let which = ["l", "w", "m", "c", "L"].filter((key) => parsed.values.has(key));
    if (which.length === 0) which = ["l", "w", "c"];
    const rows: { counts: number[]; name?: string }[] = [];
    const totals = which.map(() => 0);
    let stdinUsed = false;
    const status = eachInput(ctx, parsed.operands, (data, name) => {
      if (name === "-") stdinUsed = true;
      const text = decode(data);
      const values: Record<string, number> = {
        l: data.reduce((sum, byte) => sum + (byte === 0x0a ? 1 : 0), 0),
        w: (text.match(/\S+/g) ?? []).length,
        c: data.length,
        m: [...text].length,
        // A loop, not Math.max(...lines): spreading 200,000 lines overflows the call stack.
        L: text.split("\n").reduce((longest, line) => Math.max(longest, [...line].length), 0),
      };
      const counts = which.map((key) => values[key] ?? 0);
      counts.forEach((count, index) => (totals[index] = key(which, index) === "L" ? Math.max(totals[index] ?? 0, count) : (totals[index] ?? 0) + count));
      rows.push({ counts, ...(parsed.operands.length > 0 ? { name } : {}) });
    });
    if (parsed.operands.length > 1) rows.push({ counts: totals, name: "total" });
    const fs = ctx.shell.fs;
    let width = 1;
    if (!(which.length === 1 && parsed.operands.length <= 1)) {
      // GNU's width: the digits of the regular files' total size; at least 7 when reading a pipe.
      let regularTotal = 0;
      for (const operand of parsed.operands) regularTotal += operand === "-" ? 0 : (fs.stat(operand)?.size ?? 0);
      if (stdinUsed && ctx.stdin.regularFile) regularTotal += ctx.stdin.size;
      width = Math.max(String(regularTotal).length, stdinUsed && !ctx.stdin.regularFile ? 7 : 1);
    }
    out(ctx, rows.map((row) => row.counts.map((count) => String(count).padStart(width)).join(" ") + (row.name === undefined || row.name === "-" && parsed.operands.length === 0 ? "" : ` ${row.name}`) + "\n").join(""));
    return status;
  },
};

function key(which: readonly string[], index: number): string | undefined {
  return which[index];
}

export const textCommands: CommandSpec[] = [head, tail, grep, cut, tr, sort, uniq, seq, wc];
