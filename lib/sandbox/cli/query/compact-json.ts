/**
 * json.dumps(value, separators=(',', ':'), default=str), which to_string()
 * uses: unlike the CLI's own output, ensure_ascii is on, so every non-ASCII
 * character is written as \uXXXX (surrogate pairs beyond the BMP).
 */
import { floatRepr, isDict, PyDatetime, PyFloat, pyStr } from "../python/values";
import { EXPREF_REPR, type JValue } from "./semantics";

const ESCAPES: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

function encodeString(value: string): string {
  // JavaScript strings are UTF-16 already, so a code unit at a time gives Python's surrogate pairs.
  let out = '"';
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    const code = value.charCodeAt(index);
    out += ESCAPES[char] ?? (code < 0x20 || code > 0x7e ? "\\u" + code.toString(16).padStart(4, "0") : char);
  }
  return out + '"';
}

function encodeNumber(value: number, asFloat: boolean): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (asFloat || !Number.isInteger(value)) return floatRepr(value);
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
}

export function encodeCompact(value: JValue): string {
  if (value === null) return "null";
  if (value === true) return "true";
  if (value === false) return "false";
  if (typeof value === "number") return encodeNumber(value, false);
  if (value instanceof PyFloat) return encodeNumber(value.value, true);
  if (typeof value === "string") return encodeString(value);
  if (Array.isArray(value)) return "[" + value.map(encodeCompact).join(",") + "]";
  if (isDict(value)) return "{" + [...value].map(([key, item]) => `${encodeString(key)}:${encodeCompact(item)}`).join(",") + "}";
  // default=str: str() of what JSON cannot hold.
  if (value instanceof PyDatetime) return encodeString(value.iso.replace("T", " "));
  if (value instanceof Uint8Array) return encodeString(pyStr(value));
  return encodeString(EXPREF_REPR);
}
