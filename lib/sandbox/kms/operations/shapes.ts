import * as z from "zod";
import { AwsServiceError } from "../../core/errors";
import type { KmsTag } from "../state";

/**
 * What KMS's operations share beyond their requests (which are the generated
 * contract's, contracts/kms.ts): the service's own rules on members, tags,
 * DryRun.
 */

/**
 * An enum member of the model whose ValidationException lists the values in
 * the order AWS was recorded printing them, which is not the model's (AWS
 * prints its own set's order). The accepted values stay the model's: `printed`
 * only words the message, as core/validation.ts's `aws.enum` words it.
 */
export function enumPrintedAs<S extends z.ZodEnum>(model: S, printed: readonly string[]): z.ZodEnum<S["enum"]> {
  return z.enum(model.enum, { message: `Member must satisfy enum value set: [${printed.join(", ")}]` });
}

/**
 * Limit: the model allows 1-1000 for every listing; some operations accept
 * less, as their API reference says ("If you include a value, it must be
 * between 1 and 100, inclusive"). NOTE: the message is worded as the front
 * end's range check; AWS's answer to a value between the two maxima was not
 * recorded.
 */
export function checkLimit(limit: number | undefined, max: number): void {
  if (limit !== undefined && limit > max) {
    throw new AwsServiceError("ValidationException", `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${max}`);
  }
}

/** Tags on one key ("Tagging keys", developer guide): at most 50, and the aws: prefix is AWS's. */
export const MAX_TAGS = 50;

/**
 * Merges new tags into a key's tags (a tag with an existing key replaces it), or
 * throws TagException with AWS's texts (LocalStack snapshots recorded against AWS:
 * test_tag_key_with_duplicate_tag_keys_raises_error, test_create_key_with_too_many_tags_raises_error,
 * test_create_key_with_invalid_tag_key / test_tag_existing_key_with_invalid_tag_key, where
 * AWS: and aws: are both reserved).
 */
export function mergeTags(existing: readonly KmsTag[], added: readonly KmsTag[]): KmsTag[] {
  if (new Set(added.map((tag) => tag.TagKey)).size !== added.length) throw new AwsServiceError("TagException", "Duplicate tag keys");
  if (added.some((tag) => tag.TagKey.toLowerCase().startsWith("aws:"))) throw new AwsServiceError("TagException", "Tags beginning with aws: are reserved");
  const merged = new Map(existing.map((tag) => [tag.TagKey, tag.TagValue] as const));
  for (const tag of added) merged.set(tag.TagKey, tag.TagValue);
  if (merged.size > MAX_TAGS) throw new AwsServiceError("TagException", "Too many tags");
  return [...merged].map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
}

/** Exactly one of two members (e.g. GenerateDataKey's KeySpec and NumberOfBytes). */
export function exactlyOne(a: unknown, b: unknown): boolean {
  return (a === undefined) !== (b === undefined);
}

/**
 * DryRun: every check passes, nothing happens. AWS's message (LocalStack
 * snapshot test_generate_data_key_pair_dry_run).
 */
export function dryRunSucceeded(): AwsServiceError {
  return new AwsServiceError("DryRunOperationException", "The request would have succeeded, but the DryRun option is set.");
}
