import { inputs } from "../../contracts/secretsmanager";
import { defineOperation } from "../../core/operation";
import { authorizeSecret, requestTagKeys } from "../access";
import { requireLifecycle } from "../lifecycle";
import { resolveSecret } from "../names";
import { tagResourceRequest } from "../requests";

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
  // Tags with Key and Value: see requests.ts.
  input: tagResourceRequest,
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
  input: inputs.UntagResource,
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
