/**
 * JSON values for jq: objects are Maps so that key order is the input's
 * (a JavaScript object would move "2" before "b"), a parser for a stream
 * of values with jq's error messages, and jq's output formatting.
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

/** Parses whitespace-separated JSON values (jq reads a stream). Throws JsonParseError. */
export function parseJsonStream(text: string): JV[] {
  const { values, error } = parseJsonValues(text);
  if (error !== undefined) throw new JsonParseError(error);
  return values;
}

/** The values before the first error, and the error (jq prints the results of the good ones first). */
export function parseJsonValues(text: string): { values: JV[]; error?: string } {
  const parser = new JsonParser(text);
  const values: JV[] = [];
  try {
    for (;;) {
      parser.skipSpace();
      if (parser.atEnd()) return { values };
      values.push(parser.value(0));
    }
  } catch (error) {
    if (error instanceof JsonParseError) return { values, error: error.message };
    throw error;
  }
}

class JsonParser {
  private index = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.index >= this.text.length;
  }

  skipSpace(): void {
    while (this.index < this.text.length && " \t\n\r".includes(this.text[this.index] ?? "")) this.index += 1;
  }

  private fail(message: string): never {
    // jq counts lines from 1 and reports the column after the problem; at the end of the text it is on the next line.
    let line = 1;
    let column = 0;
    for (let position = 0; position < Math.min(this.index, this.text.length); position++) {
      if (this.text[position] === "\n") {
        line += 1;
        column = 0;
      } else column += 1;
    }
    if (this.atEnd() && !this.text.endsWith("\n")) column += 0;
    throw new JsonParseError(`${message} at line ${line}, column ${column}`);
  }

  value(depth: number): JV {
    if (depth > 512) this.fail("Exceeds depth limit for parsing");
    this.skipSpace();
    const char = this.text[this.index];
    if (char === undefined) this.fail("Unfinished JSON term at EOF");
    if (char === "{") return this.object(depth);
    if (char === "[") return this.array(depth);
    if (char === '"') return this.string();
    const literal = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null|nan)/.exec(this.text.slice(this.index, this.index + 400));
    if (!literal) {
      while (this.index < this.text.length && !" \t\n\r,:]}".includes(this.text[this.index] ?? "")) this.index += 1;
      this.skipSpace();
      this.fail("Invalid numeric literal");
    }
    const token = literal[0];
    const after = this.text[this.index + token.length];
    if (after !== undefined && /[A-Za-z0-9_.]/.test(after)) {
      while (this.index < this.text.length && !" \t\n\r,:]}".includes(this.text[this.index] ?? "")) this.index += 1;
      this.skipSpace();
      this.fail("Invalid numeric literal");
    }
    this.index += token.length;
    if (token === "true") return true;
    if (token === "false") return false;
    if (token === "null") return null;
    if (token === "nan") return null;
    return Number(token);
  }

  private string(): string {
    const start = this.index;
    let end = this.index + 1;
    for (; end < this.text.length; end++) {
      const char = this.text[end];
      if (char === "\\") end += 1;
      else if (char === '"') break;
    }
    if (end >= this.text.length) {
      this.index = this.text.length;
      this.fail("Unfinished JSON term at EOF");
    }
    this.index = end + 1;
    try {
      return JSON.parse(this.text.slice(start, end + 1)) as string;
    } catch {
      this.fail("Invalid escape");
    }
  }

  private array(depth: number): JV[] {
    this.index += 1;
    const items: JV[] = [];
    this.skipSpace();
    if (this.text[this.index] === "]") {
      this.index += 1;
      return items;
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skipSpace();
      const char = this.text[this.index];
      if (char === ",") {
        this.index += 1;
        continue;
      }
      if (char === "]") {
        this.index += 1;
        return items;
      }
      if (char === undefined) this.fail("Unfinished JSON term at EOF");
      this.index += 1;
      this.fail("Expected separator between values");
    }
  }

  private object(depth: number): JObject {
    this.index += 1;
    const object: JObject = new Map();
    this.skipSpace();
    if (this.text[this.index] === "}") {
      this.index += 1;
      return object;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.index] === undefined) this.fail("Unfinished JSON term at EOF");
      if (this.text[this.index] !== '"') {
        this.index += 1;
        this.fail("Object keys must be strings");
      }
      const key = this.string();
      this.skipSpace();
      if (this.text[this.index] !== ":") {
        if (this.text[this.index] === undefined) this.fail("Unfinished JSON term at EOF");
        this.index += 1;
        this.fail("Objects must consist of key:value pairs");
      }
      this.index += 1;
      object.set(key, this.value(depth + 1));
      this.skipSpace();
      const char = this.text[this.index];
      if (char === ",") {
        this.index += 1;
        continue;
      }
      if (char === "}") {
        this.index += 1;
        return object;
      }
      if (char === undefined) this.fail("Unfinished JSON term at EOF");
      this.index += 1;
      this.fail("Expected separator between values");
    }
  }
}

/** A JavaScript value (from JSON.parse or the CLI) as a jq value. */
export function fromPlain(value: unknown): JV {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(fromPlain);
  if (typeof value === "object") return new Map(Object.entries(value as Record<string, unknown>).map(([key, member]) => [key, fromPlain(member)]));
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return null;
}

/** jq's number format: shortest digits, exponent form only for very large or small numbers. */
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

export function formatString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"') out += '\\"';
    else if (char === "\\") out += "\\\\";
    else if (char === "\n") out += "\\n";
    else if (char === "\t") out += "\\t";
    else if (char === "\r") out += "\\r";
    else if (char === "\b") out += "\\b";
    else if (char === "\f") out += "\\f";
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += char;
  }
  return out + '"';
}

/** Serialises like jq: pretty with `indent` spaces (0 = compact), optionally with sorted keys. */
export function formatJson(value: JV, indent: number, sortKeys = false, level = 0): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return formatString(value);
  const pad = indent > 0 ? "\n" + " ".repeat(indent * (level + 1)) : "";
  const close = indent > 0 ? "\n" + " ".repeat(indent * level) : "";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return "[" + value.map((item) => pad + formatJson(item, indent, sortKeys, level + 1)).join(",") + close + "]";
  }
  if (value.size === 0) return "{}";
  const keys = [...value.keys()];
  if (sortKeys) keys.sort(compareStrings);
  const colon = indent > 0 ? ": " : ":";
  return "{" + keys.map((key) => pad + formatString(key) + colon + formatJson(value.get(key) ?? null, indent, sortKeys, level + 1)).join(",") + close + "}";
}

/** jq orders strings by their code points. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const TYPE_ORDER = ["null", "boolean", "number", "string", "array", "object"];

/** jq's total order: null < false < true < numbers < strings < arrays < objects. */
export function compareValues(a: JV, b: JV): number {
  const ta = typeName(a);
  const tb = typeName(b);
  if (ta !== tb) return TYPE_ORDER.indexOf(ta) - TYPE_ORDER.indexOf(tb);
  if (a === null || b === null) return 0;
  if (typeof a === "boolean") return Number(a) - Number(b as boolean);
  if (typeof a === "number") return a - (b as number);
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
