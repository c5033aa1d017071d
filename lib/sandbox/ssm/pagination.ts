import { pageToken, tokenPosition } from "../core/pagination";
import * as errors from "./errors";

/**
 * NextToken values, in the sandbox's one token scheme (core/pagination.ts):
 * scoped to the operation, positioned after the last name (or version
 * number) returned, so a page never repeats or skips an item even when
 * parameters are added or deleted between calls.
 */

export function encodeToken(operation: string, after: string): string {
  return pageToken(`ssm:${operation}`, after);
}

/** The position a token resumes after; InvalidNextToken for anything the sandbox did not issue for this operation. */
export function decodeToken(operation: string, token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  const position = tokenPosition(`ssm:${operation}`, token);
  if (position === undefined) throw errors.invalidNextToken();
  return position;
}
