import type * as z from "zod";
import type { inputs } from "../contracts/secretsmanager";
import { smErrors } from "./errors";
import type { SecretRecord } from "./state";

/**
 * ListSecrets and BatchGetSecretValue filters [API Filter]:
 * - description: every word of the value begins a word of the description, not
 *   case-sensitive ("a secret" finds "an secret", not "asecret": LocalStack's
 *   test_list_secrets_filtering, validated against AWS);
 * - name, tag-key, tag-value, primary-region, owning-service: prefix match, case-sensitive;
 * - all: the value is broken into words, matched against name, description
 *   and tags, not case-sensitive;
 * - a value starting with `!` negates.
 * Values of one filter are alternatives; all filters must match.
 *
 * NOTE: "all" is approximated: every word of the value must begin some word
 * of the secret's name, description, tag keys or tag values. The sandbox
 * has no replicated or service-owned secrets, so primary-region and
 * owning-service match nothing (and their negations match everything).
 */

/** A filter as the request gives it: the model leaves Key and Values optional. */
type RequestFilter = NonNullable<z.output<typeof inputs.ListSecrets>["Filters"]>[number];

export type FilterKey = NonNullable<RequestFilter["Key"]>;

export interface Filter {
  Key: FilterKey;
  Values: string[];
}

/**
 * The request's filters, each with its Key and Values. The model makes neither
 * required, so the front end lets a filter without them through and the service
 * refuses it: InvalidParameterException with moto's texts (its tests
 * test_with_no_filter_key and test_with_no_filter_values; not marked as
 * verified against AWS).
 */
export function requestFilters(filters: readonly RequestFilter[]): Filter[] {
  return filters.map(({ Key, Values }) => {
    if (Key === undefined) throw smErrors.filterKeyMissing();
    if (Values === undefined) throw smErrors.filterValuesMissing(Key);
    return { Key, Values };
  });
}

/** Splits on any change of case, between letters and digits, and at punctuation: "credsDatabase#892" -> creds, database, 892. */
export function words(text: string): string[] {
  return (text.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? []).map((word) => word.toLowerCase());
}

/** A description's words: split at white space, lower-cased. */
function spaceWords(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter((word) => word !== "");
}

function attributes(secret: SecretRecord, key: FilterKey): string[] {
  switch (key) {
    case "description":
      return secret.description === undefined ? [] : [secret.description];
    case "name":
      return [secret.name];
    case "tag-key":
      return secret.tags.map((tag) => tag.Key);
    case "tag-value":
      return secret.tags.map((tag) => tag.Value);
    case "primary-region":
    case "owning-service":
      return [];
    case "all":
      return [secret.name, secret.description ?? "", ...secret.tags.flatMap((tag) => [tag.Key, tag.Value])].flatMap(words);
  }
}

function valueMatches(key: FilterKey, value: string, candidates: string[]): boolean {
  if (key === "all") {
    const wanted = words(value);
    return wanted.length > 0 && wanted.every((word) => candidates.some((candidate) => candidate.startsWith(word)));
  }
  if (key === "description") {
    const wanted = spaceWords(value);
    return wanted.length > 0 && candidates.some((candidate) => {
      const have = spaceWords(candidate);
      return wanted.every((word) => have.some((candidateWord) => candidateWord.startsWith(word)));
    });
  }
  return candidates.some((candidate) => candidate.startsWith(value));
}

function filterMatches(secret: SecretRecord, filter: Filter): boolean {
  const candidates = attributes(secret, filter.Key);
  const negative = filter.Values.filter((value) => value.startsWith("!")).map((value) => value.slice(1));
  const positive = filter.Values.filter((value) => !value.startsWith("!"));
  if (negative.some((value) => valueMatches(filter.Key, value, candidates))) return false;
  return positive.length === 0 || positive.some((value) => valueMatches(filter.Key, value, candidates));
}

export function matchesFilters(secret: SecretRecord, filters: readonly Filter[]): boolean {
  return filters.every((filter) => filterMatches(secret, filter));
}
