import type * as z from "zod";
import type { inputs } from "../contracts/secretsmanager";
import { fromBase64, toBase64, utf8 } from "../core/encoding";
import { smErrors } from "./errors";
import type { SecretRecord } from "./state";

/** Ordering and paging of ListSecrets, BatchGetSecretValue and ListSecretVersionIds. */

type ListRequest = z.output<typeof inputs.ListSecrets>;
export type SortBy = NonNullable<ListRequest["SortBy"]>;
export type SortOrder = NonNullable<ListRequest["SortOrder"]>;

/** NextToken: an opaque string for the offset of the next page. */
export function encodeNextToken(offset: number): string {
  return toBase64(utf8.encode(JSON.stringify({ offset })));
}

export function decodeNextToken(token: string | undefined): number {
  if (token === undefined) return 0;
  try {
    const parsed = JSON.parse(utf8.decode(fromBase64(token))) as { offset?: unknown };
    if (typeof parsed.offset === "number" && Number.isInteger(parsed.offset) && parsed.offset >= 0) return parsed.offset;
  } catch {
    // fall through
  }
  throw smErrors.invalidNextToken();
}

export function sortSecrets(secrets: SecretRecord[], sortBy: SortBy, order: SortOrder): SecretRecord[] {
  const key = (secret: SecretRecord): number | string =>
    sortBy === "name" ? secret.name : sortBy === "last-changed-date" ? secret.lastChangedAt : sortBy === "last-accessed-date" ? (secret.lastAccessedAt ?? 0) : secret.createdAt;
  const sorted = [...secrets].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x < y ? -1 : x > y ? 1 : a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0;
  });
  return order === "desc" ? sorted.reverse() : sorted;
}

