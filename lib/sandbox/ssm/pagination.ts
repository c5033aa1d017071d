import * as errors from "./errors";

/**
 * NextToken values. AWS's tokens are opaque; the sandbox's carry the position
 * to resume after (the last name, or the last version number, returned) and
 * the operation they belong to, so a page never repeats or skips an item even
 * when parameters are added or deleted between calls.
 *
 * Positions are parameter names or version numbers, which are ASCII by
 * construction, so the web-standard btoa/atob (available in browsers and
 * Node alike) encode them: a path query pages 100 times over 1,000
 * parameters, and this keeps each token a native call.
 */

export function encodeToken(operation: string, after: string): string {
  return btoa(`${operation}\n${after}`);
}

/** The position a token resumes after; InvalidNextToken for anything the sandbox did not issue for this operation. */
export function decodeToken(operation: string, token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  let text: string;
  try {
    text = atob(token);
  } catch {
    throw errors.invalidNextToken();
  }
  const newline = text.indexOf("\n");
  if (newline === -1 || text.slice(0, newline) !== operation) throw errors.invalidNextToken();
  return text.slice(newline + 1);
}
