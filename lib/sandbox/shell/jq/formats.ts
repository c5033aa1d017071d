import { describe, formatJson, isObject, type JV } from "./json";

/**
 * jq 1.6's `@name` formats (builtin.c's f_format): `@csv`, `@base64d`...,
 * alone or in front of a string, where they escape each interpolated value.
 */

/** A jq error raised by a format; evaluate.ts turns it into its own. */
export class FormatError extends Error {}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** tostring: strings as they are, anything else as JSON text. */
export function toText(value: JV): string {
  return typeof value === "string" ? value : formatJson(value);
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function base64(bytes: Uint8Array): string {
  let out = "";
  for (let index = 0; index < bytes.length; index += 3) {
    const chunk = ((bytes[index] ?? 0) << 16) | ((bytes[index + 1] ?? 0) << 8) | (bytes[index + 2] ?? 0);
    const length = Math.min(3, bytes.length - index);
    for (let digit = 0; digit < 4; digit++) out += digit <= length ? BASE64[(chunk >> (18 - 6 * digit)) & 63] : "=";
  }
  return out;
}

/** jq 1.6's decoder: stops at the first "=", refuses other characters outside the alphabet and a lone trailing one. */
function base64Decode(value: JV, text: string): string {
  const bytes: number[] = [];
  let code = 0;
  let read = 0;
  for (const char of text) {
    if (char === "=") break;
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new FormatError(`${describe(value)} is not valid base64 data`);
    code = (code << 6) | digit;
    read += 1;
    if (read === 4) {
      bytes.push((code >> 16) & 255, (code >> 8) & 255, code & 255);
      code = 0;
      read = 0;
    }
  }
  if (read === 3) bytes.push((code >> 10) & 255, (code >> 2) & 255);
  else if (read === 2) bytes.push((code >> 4) & 255);
  else if (read === 1) throw new FormatError(`${describe(value)} trailing base64 byte found`);
  return decoder.decode(new Uint8Array(bytes));
}

/** @uri keeps jq 1.6's unreserved characters: letters, digits and -_.!~*'() */
const URI_UNRESERVED = /[A-Za-z0-9\-_.!~*'()]/;

function row(value: JV, name: "csv" | "tsv"): string {
  if (!Array.isArray(value)) throw new FormatError(`${describe(value)} cannot be ${name}-formatted, only array`);
  return value
    .map((item) => {
      if (typeof item === "number") return Number.isNaN(item) ? "" : formatJson(item);
      if (typeof item === "boolean") return item ? "true" : "false";
      if (item === null) return "";
      if (typeof item === "string") {
        if (name === "csv") return `"${item.replace(/"/g, '""')}"`;
        return item.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
      }
      throw new FormatError(`${describe(item)} is not valid in a csv row`);
    })
    .join(name === "csv" ? "," : "\t");
}

/** Applies the format `name` to a value; unknown names fail as jq's do. */
export function applyFormat(name: string, value: JV): string {
  switch (name) {
    case "json":
      return formatJson(value);
    case "text":
      return toText(value);
    case "csv":
    case "tsv":
      return row(value, name);
    case "html":
      return toText(value).replace(/[<>&'"]/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[char] ?? char);
    case "uri":
      return [...encoder.encode(toText(value))].map((byte) => (byte < 128 && URI_UNRESERVED.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`)).join("");
    case "sh":
      return (Array.isArray(value) ? value : [value])
        .map((item) => {
          if (Array.isArray(item) || isObject(item)) throw new FormatError(`${describe(item)} can not be escaped for shell`);
          return typeof item === "string" ? `'${item.replace(/'/g, "'\\''")}'` : formatJson(item);
        })
        .join(" ");
    case "base64":
      return base64(encoder.encode(toText(value)));
    case "base64d":
      return base64Decode(value, toText(value));
    default:
      throw new FormatError(`${name} is not a valid format`);
  }
}
