import { pageByOffset } from "../core/pagination";
import type { WireObject } from "../core/operation";
import { kmsErrors } from "./errors";

/**
 * KMS list pagination: Limit, Marker in; NextMarker and Truncated out, with
 * the sandbox's one token scheme (core/pagination.ts), scoped to the operation.
 * NOTE: a marker the sandbox did not issue for this operation fails with
 * InvalidMarkerException ("Invalid marker", the sandbox's text).
 */
export function paginate<T>(operation: string, items: readonly T[], limit: number, marker: string | undefined): { page: T[]; tail: WireObject } {
  const { page, next } = pageByOffset(items, limit, `kms:${operation}`, marker, () => {
    throw kmsErrors.invalidMarker();
  });
  return { page, tail: next !== undefined ? { NextMarker: next, Truncated: true } : { Truncated: false } };
}
