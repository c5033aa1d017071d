import { inputs } from "../../contracts/kms";
import { defineOperation } from "../../core/operation";
import { authorizeKey } from "../access";
import { resolveKey } from "../key-ids";
import { stepKey } from "../key.machine";
import { paginate } from "../pagination";
import { checkLimit, mergeTags } from "./shapes";

/** Tags on keys (key id or key ARN only). */

const KEY_RESOURCE = "AWS::KMS::Key";

export const tagResource = defineOperation({
  name: "TagResource",
  input: inputs.TagResource,
  readOnly: false,
  handler(ctx, input) {
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, { operation: "TagResource", context: { "aws:TagKeys": input.Tags.map((tag) => tag.TagKey) } });
    stepKey(key, "key.modify");
    key.tags = mergeTags(key.tags, input.Tags);
    return {};
  },
});

export const untagResource = defineOperation({
  name: "UntagResource",
  input: inputs.UntagResource,
  readOnly: false,
  handler(ctx, input) {
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, { operation: "UntagResource", context: { "aws:TagKeys": input.TagKeys } });
    stepKey(key, "key.modify");
    // Removing a tag the key does not have is not an error.
    key.tags = key.tags.filter((tag) => !input.TagKeys.includes(tag.TagKey));
    return {};
  },
});

export const listResourceTags = defineOperation({
  name: "ListResourceTags",
  input: inputs.ListResourceTags,
  readOnly: true,
  handler(ctx, input) {
    // The model allows up to 1000; ListResourceTags takes at most 50 (the model's documentation of Limit).
    checkLimit(input.Limit, 50);
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, { operation: "ListResourceTags" });
    const { page, tail } = paginate("ListResourceTags", key.tags, input.Limit ?? 50, input.Marker);
    return { Tags: page.map((tag) => ({ TagKey: tag.TagKey, TagValue: tag.TagValue })), ...tail };
  },
});
