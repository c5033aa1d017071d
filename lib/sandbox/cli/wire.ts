/**
 * Between the CLI's Python-like values and the engine's AWS JSON 1.1 wire
 * format: requests are serialized by the input shape (bytes → base64, a str
 * blob → its UTF-8 bytes in base64), responses parsed by the output shape
 * as botocore does (members in model order, unknown and null members dropped,
 * blobs left base64, timestamps as ISO 8601 strings).
 */
import type { Json, WireObject } from "../core/operation";
import type { Shape } from "./model";
import { b64encode, utf8Encode } from "./python/base64";
import { isDict, PyDatetime, PyDict, PyException, PyFloat, roundHalfEven, type PyValue } from "./python/values";

/**
 * A timestamp parameter as botocore's JSON serializer sends it: epoch seconds
 * (parse_to_aware_datetime, then calendar.timegm). Strings are read as
 * ISO 8601 (a date alone, a time without a zone: UTC, the sandbox's local
 * zone) or as epoch seconds.
 *
 * NOTE: dateutil, which botocore uses, reads more formats ("Jan 1 2030",
 * "2030/01/01"); the sandbox reads ISO 8601 and numbers.
 */
function epochSeconds(value: PyValue): number {
  if (typeof value === "number") return Math.trunc(value);
  if (value instanceof PyFloat) return Math.floor(value.value);
  const text = value instanceof PyDatetime ? value.iso : String(value);
  if (/^\s*-?\d+(\.\d+)?\s*$/.test(text)) return Math.floor(Number(text));
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  const ms = iso ? Date.parse(`${iso[1]}-${iso[2]}-${iso[3]}T${iso[4] ?? "00"}:${iso[5] ?? "00"}:${iso[6] ?? "00"}${iso[7] ? (iso[7].toUpperCase() === "Z" ? "Z" : iso[7].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")) : "Z"}`) : Number.NaN;
  if (Number.isNaN(ms)) throw new PyException("ValueError", `Invalid timestamp "${text}": Unknown string format: ${text}`);
  return Math.floor(ms / 1000);
}

export function serialize(value: PyValue, shape: Shape | undefined): Json {
  if (value === null) return null;
  if (shape?.type === "timestamp") return epochSeconds(value);
  if (shape?.type === "blob") {
    if (value instanceof Uint8Array) return b64encode(value);
    if (typeof value === "string") return b64encode(utf8Encode(value));
  }
  if (value instanceof Uint8Array) return b64encode(value);
  if (value instanceof PyFloat) return value.value;
  if (value instanceof PyDatetime) return value.iso;
  if (Array.isArray(value)) return value.map((item) => serialize(item, shape?.type === "list" ? shape.member : undefined));
  if (isDict(value)) {
    const out: { [key: string]: Json } = {};
    for (const [key, item] of value) {
      const memberShape = shape?.type === "structure" ? shape.members.get(key) : shape?.type === "map" ? shape.value : undefined;
      Object.defineProperty(out, key, { value: serialize(item, memberShape), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

export function serializeRequest(params: PyDict, shape: Shape | undefined): WireObject {
  return serialize(params, shape) as WireObject;
}

/** datetime.fromtimestamp(value, tzlocal()).isoformat() with the local zone UTC. */
export function isoFromEpoch(seconds: number): string {
  let whole = Math.trunc(seconds);
  let micro = roundHalfEven((seconds - whole) * 1e6);
  if (micro >= 1_000_000) {
    whole += 1;
    micro -= 1_000_000;
  } else if (micro < 0) {
    whole -= 1;
    micro += 1_000_000;
  }
  const date = new Date(whole * 1000);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(date.getTime()) || year < 1 || year > 9999) throw new PyException("ValueError", `year ${year} is out of range`);
  const pad = (number: number, width = 2) => String(number).padStart(width, "0");
  const base = `${pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${base}${micro ? "." + pad(micro, 6) : ""}+00:00`;
}

function parseTimestamp(raw: Json): PyValue {
  if (typeof raw === "number") return isoFromEpoch(raw);
  if (typeof raw === "string" && raw.trim() !== "" && Number.isFinite(Number(raw))) return isoFromEpoch(Number(raw));
  return typeof raw === "string" ? raw : null;
}

/** A value as botocore's JSON parser returns it, shaped by the model. */
export function parseShape(shape: Shape, raw: Json | undefined): PyValue {
  if (raw === undefined || raw === null) return null;
  switch (shape.type) {
    case "structure": {
      if (typeof raw !== "object" || Array.isArray(raw)) return null;
      if (shape.spec.document) return fromJson(raw);
      const parsed = new PyDict();
      for (const [name, memberShape] of shape.members) {
        const value = raw[name];
        if (value !== undefined && value !== null) parsed.set(name, parseShape(memberShape, value));
      }
      return parsed;
    }
    case "list":
      return Array.isArray(raw) ? raw.map((item) => parseShape(shape.member, item)) : null;
    case "map": {
      if (typeof raw !== "object" || Array.isArray(raw)) return null;
      const parsed = new PyDict();
      for (const [key, value] of Object.entries(raw)) parsed.set(key, parseShape(shape.value, value ?? null));
      return parsed;
    }
    case "timestamp":
      return parseTimestamp(raw);
    default:
      return fromJson(raw);
  }
}

/** Plain JSON into Python-like values (no model). */
export function fromJson(raw: Json | undefined): PyValue {
  if (raw === undefined || raw === null) return null;
  if (Array.isArray(raw)) return raw.map(fromJson);
  if (typeof raw === "object") {
    const dict = new PyDict();
    for (const [key, value] of Object.entries(raw)) if (value !== undefined) dict.set(key, fromJson(value));
    return dict;
  }
  if (typeof raw === "number" && !Number.isInteger(raw)) return raw;
  return raw;
}

