/**
 * Python's json module as the CLI uses it: `json.loads` with its exact
 * error messages (`Expecting property name enclosed in double quotes: line 1
 * column 2 (char 1)`), ints kept apart from floats, objects as (Ordered)dicts;
 * and `json.dumps` with indent=4 and ensure_ascii=False for output.
 */
import { floatRepr, PyDatetime, PyDict, PyException, PyFloat, type PyValue } from "./values";

export class JsonDecodeError extends PyException {
  constructor(
    readonly msg: string,
    doc: string,
    pos: number,
  ) {
    const before = doc.slice(0, pos);
    const lineno = before.split("\n").length;
    const lastNewline = before.lastIndexOf("\n");
    // Python counts code points, not UTF-16 units.
    const points = (text: string) => [...text].length;
    const charPos = points(before);
    const colno = lastNewline < 0 ? charPos + 1 : points(before.slice(lastNewline + 1)) + 1;
    super("JSONDecodeError", `${msg}: line ${lineno} column ${colno} (char ${charPos})`);
  }
}

const WS = " \t\n\r";
const MAX_DEPTH = 990;

class StopIteration {
  constructor(readonly index: number) {}
}

interface DecodeOptions {
  /** object_pairs_hook=OrderedDict (the CLI's parameter parsing) or plain dict (cli-input-json). */
  ordered: boolean;
}

function skipWhitespace(s: string, index: number): number {
  while (index < s.length && WS.includes(s[index]!)) index++;
  return index;
}

function scanString(s: string, end: number): [string, number] {
  const chunks: string[] = [];
  const begin = end - 1;
  for (;;) {
    let index = end;
    while (index < s.length) {
      const code = s.charCodeAt(index);
      if (code === 0x22 || code === 0x5c || code < 0x20) break;
      index++;
    }
    if (index >= s.length) throw new JsonDecodeError("Unterminated string starting at", s, begin);
    chunks.push(s.slice(end, index));
    const terminator = s[index]!;
    end = index + 1;
    if (terminator === '"') break;
    // The C scanner's messages and positions (the CLI's Python uses it, not py_scanstring).
    if (terminator !== "\\") throw new JsonDecodeError("Invalid control character at", s, index);
    const escape = s[end];
    if (escape === undefined) throw new JsonDecodeError("Unterminated string starting at", s, begin);
    if (escape !== "u") {
      const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
      const char = simple[escape];
      if (char === undefined) throw new JsonDecodeError("Invalid \\escape", s, end - 1);
      chunks.push(char);
      end += 1;
    } else {
      let code = decodeU(s, end);
      end += 5;
      if (code >= 0xd800 && code <= 0xdbff && s.slice(end, end + 2) === "\\u") {
        const low = decodeU(s, end + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00));
          end += 6;
        }
      }
      chunks.push(String.fromCodePoint(code));
    }
  }
  return [chunks.join(""), end];
}

/** Four hex digits after the "u" at `pos`; the C scanner also wants one more character after them. */
function decodeU(s: string, pos: number): number {
  const escape = s.slice(pos + 1, pos + 5);
  if (pos + 5 < s.length && /^[0-9a-fA-F]{4}$/.test(escape)) return parseInt(escape, 16);
  throw new JsonDecodeError("Invalid \\uXXXX escape", s, pos);
}

function scanOnce(s: string, index: number, options: DecodeOptions, depth: number): [PyValue, number] {
  const next = s[index];
  if (next === undefined) throw new StopIteration(index);
  if (next === '"') return scanString(s, index + 1);
  if (next === "{") return parseObject(s, index + 1, options, depth + 1);
  if (next === "[") return parseArray(s, index + 1, options, depth + 1);
  if (next === "n" && s.startsWith("null", index)) return [null, index + 4];
  if (next === "t" && s.startsWith("true", index)) return [true, index + 4];
  if (next === "f" && s.startsWith("false", index)) return [false, index + 5];
  const number = /^(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(s.slice(index, index + 400));
  if (number) {
    const [whole, integer, fraction, exponent] = number;
    const value = fraction || exponent ? new PyFloat(Number(whole)) : Number(integer);
    return [value, index + whole.length];
  }
  if (next === "N" && s.startsWith("NaN", index)) return [new PyFloat(NaN), index + 3];
  if (next === "I" && s.startsWith("Infinity", index)) return [new PyFloat(Infinity), index + 8];
  if (next === "-" && s.startsWith("-Infinity", index)) return [new PyFloat(-Infinity), index + 9];
  throw new StopIteration(index);
}

function enter(depth: number, what: string): void {
  if (depth > MAX_DEPTH) throw new PyException("RecursionError", `maximum recursion depth exceeded while decoding a JSON ${what} from a unicode string`);
}

function valueAt(s: string, end: number, options: DecodeOptions, depth: number): [PyValue, number] {
  try {
    return scanOnce(s, end, options, depth);
  } catch (error) {
    if (error instanceof StopIteration) throw new JsonDecodeError("Expecting value", s, error.index);
    throw error;
  }
}

function parseObject(s: string, end: number, options: DecodeOptions, depth: number): [PyValue, number] {
  enter(depth, "object");
  const pairs: [string, PyValue][] = [];
  let next = s.slice(end, end + 1);
  if (next !== '"') {
    if (next !== "" && WS.includes(next)) {
      end = skipWhitespace(s, end);
      next = s.slice(end, end + 1);
    }
    if (next === "}") return [PyDict.from(pairs, options.ordered), end + 1];
    if (next !== '"') throw new JsonDecodeError("Expecting property name enclosed in double quotes", s, end);
  }
  end += 1;
  for (;;) {
    let key: string;
    [key, end] = scanString(s, end);
    if (s.slice(end, end + 1) !== ":") {
      end = skipWhitespace(s, end);
      if (s.slice(end, end + 1) !== ":") throw new JsonDecodeError("Expecting ':' delimiter", s, end);
    }
    end += 1;
    end = skipWhitespace(s, end);
    let value: PyValue;
    [value, end] = valueAt(s, end, options, depth);
    pairs.push([key, value]);
    let nextChar = s[end] ?? "";
    if (nextChar !== "" && WS.includes(nextChar)) {
      end = skipWhitespace(s, end + 1);
      nextChar = s[end] ?? "";
    }
    end += 1;
    if (nextChar === "}") break;
    if (nextChar !== ",") throw new JsonDecodeError("Expecting ',' delimiter", s, end - 1);
    end = skipWhitespace(s, end);
    nextChar = s.slice(end, end + 1);
    end += 1;
    if (nextChar !== '"') throw new JsonDecodeError("Expecting property name enclosed in double quotes", s, end - 1);
  }
  // dict(pairs): a repeated key keeps its first position and its last value.
  const dict = new PyDict();
  dict.ordered = options.ordered;
  for (const [key, value] of pairs) dict.set(key, value);
  return [dict, end];
}

function parseArray(s: string, end: number, options: DecodeOptions, depth: number): [PyValue, number] {
  enter(depth, "array");
  const values: PyValue[] = [];
  let next = s.slice(end, end + 1);
  if (next !== "" && WS.includes(next)) {
    end = skipWhitespace(s, end + 1);
    next = s.slice(end, end + 1);
  }
  if (next === "]") return [values, end + 1];
  for (;;) {
    let value: PyValue;
    [value, end] = valueAt(s, end, options, depth);
    values.push(value);
    next = s.slice(end, end + 1);
    if (next !== "" && WS.includes(next)) {
      end = skipWhitespace(s, end + 1);
      next = s.slice(end, end + 1);
    }
    end += 1;
    if (next === "]") break;
    if (next !== ",") throw new JsonDecodeError("Expecting ',' delimiter", s, end - 1);
    end = skipWhitespace(s, end);
  }
  return [values, end];
}

/** json.loads(text) (ordered: with object_pairs_hook=OrderedDict). */
export function jsonLoads(text: string, options: { ordered?: boolean } = {}): PyValue {
  if (text.startsWith("\ufeff")) throw new JsonDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0);
  const decodeOptions = { ordered: options.ordered ?? false };
  let [value, end] = valueAt(text, skipWhitespace(text, 0), decodeOptions, 0);
  end = skipWhitespace(text, end);
  if (end !== text.length) throw new JsonDecodeError("Extra data", text, end);
  return value;
}

// --- Encoding -----------------------------------------------------------------

/**
 * A JSON string as json.dumps writes it: the quote, the backslash and control
 * characters escaped, and with `ensureAscii` (json.dumps's default, which the
 * CLI turns off) every other non-ASCII UTF-16 unit as \uXXXX too.
 */
export function encodeJsonString(value: string, ensureAscii = false): string {
  return (
    '"' +
    value.replace(ensureAscii ? /[^\x20-\x7e]|[\\"]/g : /[\x00-\x1f\\"]/g, (char) => {
      switch (char) {
        case "\\":
          return "\\\\";
        case '"':
          return '\\"';
        case "\b":
          return "\\b";
        case "\f":
          return "\\f";
        case "\n":
          return "\\n";
        case "\r":
          return "\\r";
        case "\t":
          return "\\t";
        default:
          return "\\u" + char.charCodeAt(0).toString(16).padStart(4, "0");
      }
    }) +
    '"'
  );
}

/** A float as json.dumps writes it (repr, and NaN/Infinity as JavaScript spells them). */
export function encodeJsonFloat(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "Infinity";
  if (value === -Infinity) return "-Infinity";
  return floatRepr(value);
}

/**
 * json.dumps(value, indent=indent, ensure_ascii=False, default=json_encoder).
 * Bytes cannot occur (the CLI leaves blobs base64-encoded in output).
 */
export function jsonDumps(value: PyValue, indent: number | null = null, level = 0): string {
  if (value === null) return "null";
  if (value === true) return "true";
  if (value === false) return "false";
  if (typeof value === "number") return Number.isInteger(value) ? (Number.isSafeInteger(value) ? String(value) : BigInt(value).toString()) : encodeJsonFloat(value);
  if (value instanceof PyFloat) return encodeJsonFloat(value.value);
  if (typeof value === "string") return encodeJsonString(value);
  if (value instanceof PyDatetime) return encodeJsonString(value.iso);
  if (value instanceof Uint8Array) throw new PyException("TypeError", "Object of type bytes is not JSON serializable");
  const inner = indent === null ? "" : "\n" + " ".repeat(indent * (level + 1));
  const outer = indent === null ? "" : "\n" + " ".repeat(indent * level);
  const separator = indent === null ? ", " : ",";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return "[" + inner + value.map((item) => jsonDumps(item, indent, level + 1)).join(separator + inner) + outer + "]";
  }
  if (value.size === 0) return "{}";
  return "{" + inner + [...value].map(([key, item]) => `${encodeJsonString(key)}: ${jsonDumps(item, indent, level + 1)}`).join(separator + inner) + outer + "}";
}
