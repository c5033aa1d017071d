/**
 * json.dumps(value, separators=(',', ':'), default=str), which to_string()
 * uses: unlike the CLI's own output, ensure_ascii is on, so every non-ASCII
 * character is written as \uXXXX (surrogate pairs beyond the BMP).
 */
import { encodeJsonFloat, encodeJsonString } from "../python/json";
import { isDict, PyDatetime, PyFloat, pyStr } from "../python/values";
import { EXPREF_REPR, type JValue } from "./semantics";

const encodeString = (value: string) => encodeJsonString(value, true);

/** An int, digits only (beyond 2^53 as Python would print the value JavaScript holds). */
function encodeInt(value: number): string {
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
}

export function encodeCompact(value: JValue): string {
  if (value === null) return "null";
  if (value === true) return "true";
  if (value === false) return "false";
  if (typeof value === "number") return Number.isInteger(value) ? encodeInt(value) : encodeJsonFloat(value);
  if (value instanceof PyFloat) return encodeJsonFloat(value.value);
  if (typeof value === "string") return encodeString(value);
  if (Array.isArray(value)) return "[" + value.map(encodeCompact).join(",") + "]";
  if (isDict(value)) return "{" + [...value].map(([key, item]) => `${encodeString(key)}:${encodeCompact(item)}`).join(",") + "}";
  // default=str: str() of what JSON cannot hold.
  if (value instanceof PyDatetime) return encodeString(value.iso.replace("T", " "));
  if (value instanceof Uint8Array) return encodeString(pyStr(value));
  return encodeString(EXPREF_REPR);
}
