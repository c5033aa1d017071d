import type * as z from "zod";
import type { inputs } from "../contracts/secretsmanager";
import { pageToken, tokenOffset } from "../core/pagination";
import { smErrors } from "./errors";
import type { SecretRecord } from "./state";

/** Ordering and paging of ListSecrets, BatchGetSecretValue and ListSecretVersionIds. */

type ListRequest = z.output<typeof inputs.ListSecrets>;
export type SortBy = NonNullable<ListRequest["SortBy"]>;
export type SortOrder = NonNullable<ListRequest["SortOrder"]>;

/** NextToken: the offset of the next page, in the sandbox's one token scheme (core/pagination.ts), scoped to the operation. */
export function encodeNextToken(operation: string, offset: number): string {
  return pageToken(`secretsmanager:${operation}`, offset);
}

export function decodeNextToken(operation: string, token: string | undefined): number {
  if (token === undefined) return 0;
  const offset = tokenOffset(`secretsmanager:${operation}`, token);
  if (offset === undefined) throw smErrors.invalidNextToken();
  return offset;
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

