import * as z from "zod";
import { defineOperation } from "../../core/operation";
import { aws } from "../../core/validation";
import { authorizeKey } from "../authorize";
import { resolveKey } from "../key-ids";
import { stepKey } from "../key.machine";
import { paginate } from "../pagination";
import { keyIdMember, limitMember, markerMember, mergeTags, tagsMember } from "./shapes";

/** Tags on keys (key id or key ARN only). */

const KEY_RESOURCE = "AWS::KMS::Key";

export const tagResource = defineOperation({
  name: "TagResource",
  input: z.object({ KeyId: keyIdMember(), Tags: tagsMember() }),
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
  input: z.object({ KeyId: keyIdMember(), TagKeys: aws.list(aws.string({ min: 1, max: 128 })) }),
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
  input: z.object({ KeyId: keyIdMember(), Limit: limitMember(50), Marker: markerMember() }),
  readOnly: true,
  handler(ctx, input) {
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, { operation: "ListResourceTags" });
    const { page, tail } = paginate(key.tags, input.Limit ?? 50, input.Marker);
    return { Tags: page.map((tag) => ({ TagKey: tag.TagKey, TagValue: tag.TagValue })), ...tail };
  },
});
