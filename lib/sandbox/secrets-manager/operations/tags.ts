import * as z from "zod";
import { defineOperation } from "../../core/operation";
import { aws } from "../../core/validation";
import { authorizeSecret, requestTagKeys } from "../access";
import { secretId, tagList } from "../inputs";
import { requireLifecycle } from "../lifecycle";
import { resolveSecret } from "../names";

/**
 * TagResource and UntagResource. Both answer with an empty body, which the
 * CLI prints as nothing [CLI-DOC 1.1]. A tag with an existing key replaces
 * its value.
 *
 * NOTE: the quota of 50 tags per secret is not enforced.
 */

export const tagResource = defineOperation({
  name: "TagResource",
  readOnly: false,
  input: z.object({ SecretId: secretId, Tags: tagList }),
  handler(ctx, input) {
    const resolved = resolveSecret(ctx, input.SecretId);
    const { secret } = resolved;
    authorizeSecret(ctx, "TagResource", resolved, requestTagKeys(input.Tags));
    requireLifecycle(secret, "secret.modify");
    for (const tag of input.Tags) {
      const existing = secret.tags.find((current) => current.Key === tag.Key);
      if (existing) existing.Value = tag.Value;
      else secret.tags.push({ Key: tag.Key, Value: tag.Value });
    }
    if (secret.tags.length > 0) secret.tagged = true;
    secret.lastChangedAt = ctx.now;
    return {};
  },
});

export const untagResource = defineOperation({
  name: "UntagResource",
  readOnly: false,
  input: z.object({ SecretId: secretId, TagKeys: aws.list(aws.string({ min: 1, max: 128 })) }),
  handler(ctx, input) {
    const resolved = resolveSecret(ctx, input.SecretId);
    const { secret } = resolved;
    authorizeSecret(ctx, "UntagResource", resolved, { "aws:TagKeys": input.TagKeys });
    requireLifecycle(secret, "secret.modify");
    secret.tags = secret.tags.filter((tag) => !input.TagKeys.includes(tag.Key));
    secret.lastChangedAt = ctx.now;
    return {};
  },
});
