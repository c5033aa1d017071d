import { fromBase64, toBase64, utf8 } from "./encoding";

/**
 * One pagination-token scheme for every service (KMS's Marker, the
 * NextToken of Secrets Manager, Parameter Store and CloudTrail, Lambda's
 * Marker). AWS's tokens are opaque; the sandbox's are base64 of
 *
 *   <scope> "\n" <position>
 *
 * where the scope names what the token pages (the operation, and whatever of
 * the request must not change between pages) and the position says where the
 * next page starts: an offset, or the last item returned (so a page never
 * repeats or skips an item when others are added or deleted between calls).
 * A token made for another scope, or not made by the sandbox, is refused with
 * the service's own error.
 */

export function pageToken(scope: string, position: string | number): string {
  return toBase64(utf8.encode(`${scope}\n${position}`));
}

/** The position a token carries, or undefined when it was not issued for this scope. */
export function tokenPosition(scope: string, token: string): string | undefined {
  let text: string;
  try {
    text = utf8.decode(fromBase64(token));
  } catch {
    return undefined;
  }
  const newline = text.indexOf("\n");
  if (newline === -1 || text.slice(0, newline) !== scope) return undefined;
  return text.slice(newline + 1);
}

/** A token's position as an offset into a list, or undefined when it is not one. */
export function tokenOffset(scope: string, token: string): number | undefined {
  const position = tokenPosition(scope, token);
  if (position === undefined || !/^\d+$/.test(position)) return undefined;
  return Number(position);
}

/**
 * One page of a list by offset: the items from the token's offset (0 without
 * a token), at most `limit` of them, and the token of the next page when
 * there is one. `refuse` throws the service's error for a foreign token.
 */
export function pageByOffset<T>(items: readonly T[], limit: number, scope: string, token: string | undefined, refuse: () => never): { page: T[]; next?: string } {
  const start = token === undefined ? 0 : (tokenOffset(scope, token) ?? refuse());
  if (start > items.length) refuse();
  const page = items.slice(start, start + limit);
  const end = start + page.length;
  return end < items.length ? { page, next: pageToken(scope, end) } : { page };
}
