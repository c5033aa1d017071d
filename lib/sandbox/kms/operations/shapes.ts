import * as z from "zod";
import { AwsServiceError } from "../../core/errors";
import { aws } from "../../core/validation";
import type { KmsTag } from "../state";

/** Request members shared by many KMS operations, with the API model's constraints. */

export const keyIdMember = () => aws.string({ min: 1, max: 2048 });
export const encryptionContextMember = () => aws.stringMap().optional();
export const grantTokensMember = () => aws.list(aws.string({ min: 1, max: 8192 }), { min: 0, max: 10 }).optional();
export const dryRunMember = () => aws.boolean().optional();
export const limitMember = (max: number) => aws.integer({ min: 1, max }).optional();
export const markerMember = () => aws.string({ min: 1, max: 1024, pattern: /^[\u0020-\u00FF]*$/ }).optional();

export const tagsMember = () =>
  aws.list(
    z.object({
      TagKey: aws.string({ min: 1, max: 128 }),
      TagValue: aws.string({ min: 0, max: 256 }),
    }),
  );

/** Tags on one key ("Tagging keys", developer guide): at most 50, and the aws: prefix is AWS's. */
export const MAX_TAGS = 50;

/**
 * Merges new tags into a key's tags (a tag with an existing key replaces it), or
 * throws TagException. NOTE: the TagException texts are the sandbox's wording.
 */
export function mergeTags(existing: readonly KmsTag[], added: readonly KmsTag[]): KmsTag[] {
  const merged = new Map(existing.map((tag) => [tag.TagKey, tag.TagValue] as const));
  for (const tag of added) {
    if (tag.TagKey.toLowerCase().startsWith("aws:")) throw new AwsServiceError("TagException", `Tag key ${tag.TagKey} uses the reserved prefix aws:`);
    merged.set(tag.TagKey, tag.TagValue);
  }
  if (merged.size > MAX_TAGS) throw new AwsServiceError("TagException", `A KMS key can have at most ${MAX_TAGS} tags.`);
  return [...merged].map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
}

/** Exactly one of two members (e.g. GenerateDataKey's KeySpec and NumberOfBytes). */
export function exactlyOne(a: unknown, b: unknown): boolean {
  return (a === undefined) !== (b === undefined);
}

/**
 * DryRun: every check passes, nothing happens.
 * NOTE: the message is the sandbox's wording.
 */
export function dryRunSucceeded(): AwsServiceError {
  return new AwsServiceError("DryRunOperationException", "The request would have succeeded, but the DryRun option is set.");
}
