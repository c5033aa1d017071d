/**
 * JSON values for jq: objects are Maps so that key order is the input's
 * (a JavaScript object would move "2" before "b"), a parser for a stream
 * of values that fails where and as jq 1.6's jv_parse.c does, and jq's
 * output formatting.
 */

export type JV = null | boolean | number | string | JV[] | JObject;
export type JObject = Map<string, JV>;

export class JsonParseError extends Error {}

export function isObject(value: JV): value is JObject {
  return value instanceof Map;
}

export function typeName(value: JV): "null" | "boolean" | "number" | "string" | "array" | "object" {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (isObject(value)) return "object";
  return typeof value as "boolean" | "number" | "string";
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** jv_dump_string_trunc: the compact JSON text cut to `size - 1` UTF-8 bytes, the last three made "..." when cut. */
export function dumpTruncated(value: JV, size: number): string {
  const bytes = encoder.encode(formatJson(value));
  if (bytes.length <= size - 1) return decoder.decode(bytes);
  return decoder.decode(bytes.subarray(0, size - 4)) + "...";
}

/** How jq's type errors show a value: `string ("abcdefghij...)`. */
export function describe(value: JV): string {
  return `${typeName(value)} (${dumpTruncated(value, 15)})`;
}

/** A value parsed from the input, with the index just after the character that completed it. */
export interface ParsedValue {
  value: JV;
  end: number;
}

/** Parses whitespace-separated JSON values (jq reads a stream). Throws JsonParseError. */
export function parseJsonStream(text: string): JV[] {
  const { values, error } = parseJsonValues(text);
  if (error !== undefined) throw new JsonParseError(error);
  return values.map((parsed) => parsed.value);
}

/** The values before the first error, and the error (jq prints the results of the good ones first). */
export function parseJsonValues(text: string): { values: ParsedValue[]; error?: string } {
  const parser = new JsonParser(text);
  const values: ParsedValue[] = [];
  try {
    for (let value = parser.next(); value !== undefined; value = parser.next()) values.push(value);
    return { values };
  } catch (error) {
    if (error instanceof JsonParseError) return { values, error: error.message };
    throw error;
  }
}

const NONE = Symbol("no value");
type Slot = JV | typeof NONE;
type Frame = { kind: "array"; items: JV[] } | { kind: "object"; object: JObject; key?: string };

/** The states of jv_parse.c's scanner: each character either adds to a token or completes one. */
class JsonParser {
  private index = 0;
  private line = 1;
  /** jq counts columns in bytes. */
  private column = 0;
  private readonly stack: Frame[] = [];
  /** The value just completed, waiting for a separator (jv_parse's p->next). */
  private pending: Slot = NONE;
  private literal = "";

  constructor(private readonly text: string) {}

  private fail(message: string, atEof = false): never {
    throw new JsonParseError(`${message}${atEof ? " at EOF" : ""} at line ${this.line}, column ${this.column}`);
  }

  next(): ParsedValue | undefined {
    while (this.index < this.text.length) {
      const char = this.advance();
      if (char === '"') {
        this.endLiteral(false);
        const done = this.takeDone();
        if (done) {
          // The quote completed the value before it: hand that over, and read the string next time.
          this.index -= 1;
          this.column -= 1;
          return done;
        }
        this.string();
        const after = this.takeDone();
        if (after) return after;
        continue;
      }
      const structure = "[{:,]}".includes(char);
      if (!structure && !" \t\r\n".includes(char)) {
        this.literal += char;
        continue;
      }
      this.endLiteral(false);
      const done = this.takeDone();
      if (structure) this.token(char);
      const after = done ?? this.takeDone();
      if (after) return after;
    }
    if (this.literal !== "") this.endLiteral(true);
    if (this.stack.length > 0) this.fail("Unfinished JSON term", true);
    return this.takeDone();
  }

  private advance(): string {
    const char = this.text[this.index] as string;
    this.index += 1;
    if (char === "\n") {
      this.line += 1;
      this.column = 0;
    } else this.column += byteLength(char);
    return char;
  }

  private takeDone(): ParsedValue | undefined {
    if (this.stack.length > 0 || this.pending === NONE) return undefined;
    const value = this.pending;
    this.pending = NONE;
    return { value, end: this.index };
  }

  private put(value: JV): void {
    if (this.pending !== NONE) this.fail("Expected separator between values");
    this.pending = value;
  }

  private endLiteral(atEof: boolean): void {
    const token = this.literal;
    if (token === "") return;
    this.literal = "";
    const pattern = token[0] === "t" ? "true" : token[0] === "f" ? "false" : token[0] === "n" ? "null" : undefined;
    if (pattern !== undefined) {
      if (token !== pattern) this.fail("Invalid literal", atEof);
      this.put(pattern === "true" ? true : pattern === "false" ? false : null);
      return;
    }
    // jvp_strtod: a C number, also "nan", "infinity", a leading "+" or ".5".
    const match = /^[+-]?(?:(\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|(inf(?:inity)?)|(nan))$/i.exec(token);
    if (!match) this.fail("Invalid numeric literal", atEof);
    const negative = token.startsWith("-");
    this.put(match[2] ? (negative ? -Infinity : Infinity) : match[3] ? NaN : Number(token));
  }

  private string(): void {
    let raw = "";
    for (;;) {
      if (this.index >= this.text.length) this.fail("Unfinished string", true);
      const char = this.advance();
      if (char === '"') break;
      raw += char;
      if (char === "\\" && this.index < this.text.length) raw += this.advance();
    }
    this.put(this.unescape(raw));
  }

  private unescape(raw: string): string {
    let out = "";
    for (let index = 0; index < raw.length; index++) {
      const char = raw[index] as string;
      if (char !== "\\") {
        if (char.charCodeAt(0) <= 0x1f) this.fail("Invalid string: control characters from U+0000 through U+001F must be escaped");
        out += char;
        continue;
      }
      const escaped = raw[++index];
      if (escaped === undefined) this.fail("Expected escape character at end of string");
      const simple: Record<string, string> = { "\\": "\\", '"': '"', "/": "/", b: "\b", f: "\f", t: "\t", n: "\n", r: "\r" };
      if (simple[escaped] !== undefined) {
        out += simple[escaped];
        continue;
      }
      if (escaped !== "u") this.fail("Invalid escape");
      const code = this.hex4(raw, index + 1);
      index += 4;
      if (code >= 0xd800 && code < 0xdc00) {
        if (raw[index + 1] !== "\\" || raw[index + 2] !== "u") this.fail("Invalid \\uXXXX\\uXXXX surrogate pair escape");
        const low = this.hex4(raw, index + 3);
        if (low < 0xdc00 || low >= 0xe000) this.fail("Invalid \\uXXXX\\uXXXX surrogate pair escape");
        out += String.fromCharCode(code, low);
        index += 6;
      } else if (code >= 0xdc00 && code < 0xe000) out += "\ufffd";
      else out += String.fromCharCode(code);
    }
    return out;
  }

  private hex4(raw: string, at: number): number {
    const digits = raw.slice(at, at + 4);
    if (digits.length < 4) this.fail("Invalid \\uXXXX escape");
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) this.fail("Invalid characters in \\uXXXX escape");
    return parseInt(digits, 16);
  }

  private token(char: string): void {
    const top = this.stack[this.stack.length - 1];
    switch (char) {
      case "[":
      case "{":
        // jv_parse's stack holds containers and the keys waiting for their values, 256 at most.
        if (this.stack.reduce((depth, frame) => depth + (frame.kind === "object" && frame.key !== undefined ? 2 : 1), 0) >= 256) this.fail("Exceeds depth limit for parsing");
        if (this.pending !== NONE) this.fail("Expected separator between values");
        this.stack.push(char === "[" ? { kind: "array", items: [] } : { kind: "object", object: new Map() });
        return;
      case ":":
        if (!top || top.kind !== "object" || top.key !== undefined) this.fail("':' not as part of an object");
        if (this.pending === NONE) this.fail("Expected string key before ':'");
        if (typeof this.pending !== "string") this.fail("Object keys must be strings");
        top.key = this.pending;
        this.pending = NONE;
        return;
      case ",":
        if (this.pending === NONE) this.fail("Expected value before ','");
        if (!top) this.fail("',' not as part of an object or array");
        if (top.kind === "array") top.items.push(this.pending);
        else if (top.key !== undefined) {
          top.object.set(top.key, this.pending);
          top.key = undefined;
        } else this.fail("Objects must consist of key:value pairs");
        this.pending = NONE;
        return;
      case "]":
        if (!top || top.kind !== "array") this.fail("Unmatched ']'");
        if (this.pending !== NONE) top.items.push(this.pending);
        else if (top.items.length > 0) this.fail("Expected another array element");
        this.stack.pop();
        this.pending = top.items;
        return;
      case "}":
        if (!top) this.fail("Unmatched '}'");
        if (this.pending !== NONE) {
          if (top.kind !== "object" || top.key === undefined) this.fail("Objects must consist of key:value pairs");
          top.object.set(top.key, this.pending);
        } else {
          if (top.kind !== "object" || top.key !== undefined) this.fail("Unmatched '}'");
          if (top.object.size > 0) this.fail("Expected another key-value pair");
        }
        this.stack.pop();
        this.pending = top.object;
        return;
    }
  }
}

function byteLength(char: string): number {
  const code = char.charCodeAt(0);
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  // A surrogate pair is four bytes in UTF-8: two for each half.
  if (code >= 0xd800 && code < 0xe000) return 2;
  return 3;
}

/** A JavaScript value (from JSON.parse or the CLI) as a jq value. */
export function fromPlain(value: unknown): JV {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(fromPlain);
  if (typeof value === "object") return new Map(Object.entries(value as Record<string, unknown>).map(([key, member]) => [key, fromPlain(member)]));
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return null;
}

/** jq's number format: shortest digits, exponent form only for very large or small numbers; NaN prints as null. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "null";
  if (!Number.isFinite(value)) return value > 0 ? "1.7976931348623157e+308" : "-1.7976931348623157e+308";
  if (value === 0) return Object.is(value, -0) ? "-0" : "0";
  const [mantissa = "0", exponentText = "0"] = value.toExponential().split("e");
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace(/^-/, "").replace(".", "");
  const decpt = Number(exponentText) + 1;
  const sign = negative ? "-" : "";
  if (decpt <= -4 || decpt > digits.length + 15) {
    const exponent = decpt - 1;
    return `${sign}${digits[0]}${digits.length > 1 ? "." + digits.slice(1) : ""}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  if (decpt <= 0) return `${sign}0.${"0".repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return sign + digits + "0".repeat(decpt - digits.length);
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

export function formatString(text: string, ascii = false): string {
  let out = '"';
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    const code = char.charCodeAt(0);
    if (char === '"') out += '\\"';
    else if (char === "\\") out += "\\\\";
    else if (char === "\n") out += "\\n";
    else if (char === "\t") out += "\\t";
    else if (char === "\r") out += "\\r";
    else if (char === "\b") out += "\\b";
    else if (char === "\f") out += "\\f";
    else if (code < 0x20 || code === 0x7f || (ascii && code > 0x7e)) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += char;
  }
  return out + '"';
}

/** How to print: `indent` is the text of one level ("" for one line), `ascii` escapes all non-ASCII (-a). */
export interface JsonStyle {
  indent: string;
  sortKeys: boolean;
  ascii: boolean;
}

const COMPACT: JsonStyle = { indent: "", sortKeys: false, ascii: false };

/** Serialises like jq: compact by default, or pretty in `style`. */
export function formatJson(value: JV, style: JsonStyle = COMPACT, level = 0): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return formatString(value, style.ascii);
  const pretty = style.indent !== "";
  const pad = pretty ? "\n" + style.indent.repeat(level + 1) : "";
  const close = pretty ? "\n" + style.indent.repeat(level) : "";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return "[" + value.map((item) => pad + formatJson(item, style, level + 1)).join(",") + close + "]";
  }
  if (value.size === 0) return "{}";
  const keys = [...value.keys()];
  if (style.sortKeys) keys.sort(compareStrings);
  const colon = pretty ? ": " : ":";
  return "{" + keys.map((key) => pad + formatString(key, style.ascii) + colon + formatJson(value.get(key) ?? null, style, level + 1)).join(",") + close + "}";
}

/** jq orders strings by their bytes (UTF-8), which is code point order. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const x = a.charCodeAt(index);
    const y = b.charCodeAt(index);
    if (x !== y) {
      // A surrogate (an astral code point) sorts after every other BMP character in code point order.
      const surrogateX = x >= 0xd800 && x < 0xe000;
      const surrogateY = y >= 0xd800 && y < 0xe000;
      if (surrogateX !== surrogateY) return surrogateX ? 1 : -1;
      return x - y;
    }
  }
  return a.length - b.length;
}

const TYPE_ORDER = ["null", "boolean", "number", "string", "array", "object"];

/** jq's total order: null < false < true < numbers < strings < arrays < objects. */
export function compareValues(a: JV, b: JV): number {
  const ta = typeName(a);
  const tb = typeName(b);
  if (ta !== tb) return TYPE_ORDER.indexOf(ta) - TYPE_ORDER.indexOf(tb);
  if (a === null || b === null) return 0;
  if (typeof a === "boolean") return Number(a) - Number(b as boolean);
  if (typeof a === "number") {
    const x = b as number;
    // jq 1.6 puts a NaN on the left first: nan < 1, nan < nan, but 1 > nan and nan != nan.
    if (Number.isNaN(a)) return -1;
    return a < x ? -1 : a === x ? 0 : 1;
  }
  if (typeof a === "string") return compareStrings(a, b as string);
  if (Array.isArray(a)) {
    const other = b as JV[];
    for (let index = 0; index < Math.min(a.length, other.length); index++) {
      const result = compareValues(a[index] ?? null, other[index] ?? null);
      if (result !== 0) return result;
    }
    return a.length - other.length;
  }
  const left = a as JObject;
  const right = b as JObject;
  const leftKeys = [...left.keys()].sort(compareStrings);
  const rightKeys = [...right.keys()].sort(compareStrings);
  const keyOrder = compareValues(leftKeys, rightKeys);
  if (keyOrder !== 0) return keyOrder;
  for (const key of leftKeys) {
    const result = compareValues(left.get(key) ?? null, right.get(key) ?? null);
    if (result !== 0) return result;
  }
  return 0;
}

export function equalValues(a: JV, b: JV): boolean {
  return compareValues(a, b) === 0;
}
