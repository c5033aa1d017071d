import { fromBase64, toBase64, utf8 } from "../core/encoding";
import type { WireObject } from "../core/operation";
import { kmsErrors } from "./errors";

/**
 * KMS list pagination: Limit, Marker in; NextMarker and Truncated out.
 * Markers are opaque to callers; the sandbox's encode the offset.
 * NOTE: real markers are longer opaque tokens; a marker that is not one of
 * ours fails with InvalidMarkerException.
 */
const PREFIX = "kms-sandbox-marker:";

function decodeMarker(marker: string): number {
  try {
    const text = utf8.decode(fromBase64(marker));
    if (!text.startsWith(PREFIX)) throw new Error("foreign marker");
    const offset = Number(text.slice(PREFIX.length));
    if (!Number.isInteger(offset) || offset < 0) throw new Error("bad offset");
    return offset;
  } catch {
    throw kmsErrors.invalidMarker();
  }
}

export function paginate<T>(items: readonly T[], limit: number, marker: string | undefined): { page: T[]; tail: WireObject } {
  const start = marker === undefined ? 0 : decodeMarker(marker);
  const page = items.slice(start, start + limit);
  const end = start + page.length;
  const truncated = end < items.length;
  return { page, tail: truncated ? { NextMarker: toBase64(utf8.encode(`${PREFIX}${end}`)), Truncated: true } : { Truncated: false } };
}
