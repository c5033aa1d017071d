/**
 * The AWS CLI is a Python program, and many of its messages show Python
 * values (`value: 0`, `OrderedDict([('Key', 'a')])`, `<class 'str'>`,
 * `invalid literal for int() with base 10: 'abc'`). To print the same text
 * the sandbox keeps the distinctions Python makes: ints versus floats,
 * dicts (insertion-ordered, and OrderedDicts from the CLI's JSON parsing)
 * and bytes.
 */

/** A Python float (a JS number that must print as a float: `5.0`, `1e-05`). */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** A Python dict; `ordered` marks the OrderedDicts the CLI's JSON parsing makes (their repr differs). */
export class PyDict extends Map<string, PyValue> {
  ordered = false;
  static from(entries: Iterable<[string, PyValue]>, ordered = false): PyDict {
    const dict = new PyDict(entries);
    dict.ordered = ordered;
    return dict;
  }
}

/** A naive datetime (only the output skeleton makes one). */
export class PyDatetime {
  constructor(readonly iso: string) {}
}

export type PyValue = null | boolean | number | PyFloat | string | Uint8Array | PyValue[] | PyDict | PyDatetime;

/** A Python exception the CLI does not catch specifically: printed as its message, exit 255. */
export class PyException extends Error {
  constructor(
    readonly pyType: string,
    message: string,
  ) {
    super(message);
  }
}

export function isDict(value: unknown): value is PyDict {
  return value instanceof PyDict;
}

export function isList(value: unknown): value is PyValue[] {
  return Array.isArray(value);
}

export function isScalar(value: PyValue | undefined): boolean {
  return !(Array.isArray(value) || value instanceof PyDict);
}

/** Python's str < str ordering: by code point (JS's default sort compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const left = [...a];
  const right = [...b];
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const x = left[index]!.codePointAt(0)!;
    const y = right[index]!.codePointAt(0)!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

export function sortedStrings(values: Iterable<string>): string[] {
  return [...values].sort(compareCodePoints);
}

/** Python's round() for floats: half to even. */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** repr() of a Python float. */
export function floatRepr(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const [mantissa, exponentText] = value.toExponential().split("e") as [string, string];
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  const sign = negative ? "-" : "";
  if (exponent < -4 || exponent >= 16) {
    const body = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const expSign = exponent < 0 ? "-" : "+";
    return `${sign}${body}e${expSign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  const point = exponent + 1;
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}.0`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Characters str.isprintable() rejects (repr escapes them). */
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** repr() of a Python str. */
export function strRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === quote || char === "\\") out += "\\" + char;
    else if (char === "\t") out += "\\t";
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char !== " " && NON_PRINTABLE.test(char)) {
      if (code < 0x100) out += "\\x" + code.toString(16).padStart(2, "0");
      else if (code < 0x10000) out += "\\u" + code.toString(16).padStart(4, "0");
      else out += "\\U" + code.toString(16).padStart(8, "0");
    } else out += char;
  }
  return out + quote;
}

function bytesRepr(value: Uint8Array): string {
  const hasSingle = value.includes(0x27);
  const hasDouble = value.includes(0x22);
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = "b" + quote;
  for (const byte of value) {
    const char = String.fromCharCode(byte);
    if (char === quote || char === "\\") out += "\\" + char;
    else if (byte === 9) out += "\\t";
    else if (byte === 10) out += "\\n";
    else if (byte === 13) out += "\\r";
    else if (byte < 0x20 || byte >= 0x7f) out += "\\x" + byte.toString(16).padStart(2, "0");
    else out += char;
  }
  return out + quote;
}

/**
 * repr() of any value. `foreign` names objects that are not Python values
 * here but can sit inside one (jmespath's exprefs in a list), wherever they are.
 */
export function pyRepr(value: PyValue | undefined, foreign?: (value: unknown) => string | undefined): string {
  const custom = foreign?.(value);
  if (custom !== undefined) return custom;
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return Number.isInteger(value) ? intText(value) : floatRepr(value);
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (typeof value === "string") return strRepr(value);
  if (value instanceof Uint8Array) return bytesRepr(value);
  if (value instanceof PyDatetime) return `datetime.datetime(${value.iso})`;
  if (Array.isArray(value)) return "[" + value.map((item) => pyRepr(item, foreign)).join(", ") + "]";
  if (value.ordered) {
    if (value.size === 0) return "OrderedDict()";
    return "OrderedDict([" + [...value].map(([key, item]) => `(${strRepr(key)}, ${pyRepr(item, foreign)})`).join(", ") + "])";
  }
  return "{" + [...value].map(([key, item]) => `${strRepr(key)}: ${pyRepr(item, foreign)}`).join(", ") + "}";
}

/** str() of any value (strings print bare; containers as repr). */
export function pyStr(value: PyValue | undefined): string {
  if (typeof value === "string") return value;
  return pyRepr(value);
}

function intText(value: number): string {
  // Integers beyond 2^53 lose digits in JS; print them without exponent like Python would.
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
}

/** `<class 'str'>` and friends, as type(value) prints. */
export function pyTypeName(value: PyValue | undefined): string {
  if (value === null || value === undefined) return "<class 'NoneType'>";
  if (typeof value === "boolean") return "<class 'bool'>";
  if (typeof value === "number") return Number.isInteger(value) ? "<class 'int'>" : "<class 'float'>";
  if (value instanceof PyFloat) return "<class 'float'>";
  if (typeof value === "string") return "<class 'str'>";
  if (value instanceof Uint8Array) return "<class 'bytes'>";
  if (value instanceof PyDatetime) return "<class 'datetime.datetime'>";
  if (Array.isArray(value)) return "<class 'list'>";
  return value.ordered ? "<class 'collections.OrderedDict'>" : "<class 'dict'>";
}

/** Python's str.strip() whitespace (str.isspace()). */
export const PY_WHITESPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

export function pyStrip(value: string, chars: string = PY_WHITESPACE): string {
  let start = 0;
  let end = value.length;
  while (start < end && chars.includes(value[start]!)) start++;
  while (end > start && chars.includes(value[end - 1]!)) end--;
  return value.slice(start, end);
}

export function pyLstrip(value: string): string {
  let start = 0;
  while (start < value.length && PY_WHITESPACE.includes(value[start]!)) start++;
  return value.slice(start);
}

/** int(text) as Python parses it, or the ValueError Python raises. */
/** Unicode decimal digits (Nd) as ASCII, as int() and float() read them. */
function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0)!;
    if (code < 0x80) return digit;
    let run = 0;
    while (run < 60 && /\p{Nd}/u.test(String.fromCodePoint(code - run - 1))) run++;
    return String(run % 10);
  });
}

export function pyInt(text: string): number {
  const stripped = asciiDigits(pyStrip(text));
  if (/^[+-]?\d+(?:_\d+)*$/.test(stripped)) return Number(stripped.replace(/_/g, ""));
  throw new PyException("ValueError", `invalid literal for int() with base 10: ${strRepr(text)}`);
}

/** float(text) as Python parses it, or its ValueError. */
export function pyFloat(text: string): number {
  const stripped = asciiDigits(pyStrip(text));
  const lower = stripped.toLowerCase();
  const special = /^([+-]?)(inf|infinity|nan)$/.exec(lower);
  if (special) return special[2] === "nan" ? NaN : special[1] === "-" ? -Infinity : Infinity;
  const digits = "\\d+(?:_\\d+)*";
  const pattern = new RegExp(`^[+-]?(?:${digits}(?:\\.(?:${digits})?)?|\\.${digits})(?:[eE][+-]?${digits})?$`);
  if (pattern.test(stripped)) return Number(stripped.replace(/_/g, ""));
  throw new PyException("ValueError", `could not convert string to float: ${strRepr(text)}`);
}
