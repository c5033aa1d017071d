import { defineOperation, type OperationContext } from "../../core/operation";
import { authorizeParameter } from "../access";
import * as errors from "../errors";
import { parameterArn, trimName } from "../names";
import type { ParameterRecord } from "../state";
import { addTagsToResourceRequest, listTagsForResourceRequest, removeTagsFromResourceRequest } from "../requests";
import { getRecord } from "../store";
import { TAGS_PER_PARAMETER } from "./put";

/**
 * Tags on parameters (ResourceType "Parameter", ResourceId the parameter's
 * name). NOTE: the other resource types of Systems Manager (documents, managed
 * instances, maintenance windows, ...) are not simulated, so every id of
 * theirs is an InvalidResourceId, as a missing resource is in AWS.
 */

function parameterFor(ctx: OperationContext, resourceType: string, resourceId: string, action: string): ParameterRecord {
  if (resourceType !== "Parameter") throw errors.invalidResourceId();
  const name = trimName(resourceId);
  const record = getRecord(ctx.regionState().ssm, name);
  authorizeParameter(ctx, action, parameterArn(ctx.region, ctx.accountId, name), record);
  if (!record) throw errors.invalidResourceId();
  return record;
}

export const addTagsToResource = defineOperation({
  name: "AddTagsToResource",
  // ResourceType's enum in AWS's order: see requests.ts.
  input: addTagsToResourceRequest,
  readOnly: false,
  handler(ctx, input) {
    const record = parameterFor(ctx, input.ResourceType, input.ResourceId, "ssm:AddTagsToResource");
    const tags = record.tags.map((tag) => ({ ...tag }));
    for (const { Key, Value } of input.Tags) {
      const existing = tags.find((tag) => tag.Key === Key);
      if (existing) existing.Value = Value;
      else tags.push({ Key, Value });
    }
    if (tags.length > TAGS_PER_PARAMETER) throw errors.tooManyTags();
    record.tags = tags;
    return {};
  },
});

export const removeTagsFromResource = defineOperation({
  name: "RemoveTagsFromResource",
  input: removeTagsFromResourceRequest,
  readOnly: false,
  handler(ctx, input) {
    const record = parameterFor(ctx, input.ResourceType, input.ResourceId, "ssm:RemoveTagsFromResource");
    record.tags = record.tags.filter((tag) => !input.TagKeys.includes(tag.Key));
    return {};
  },
});

export const listTagsForResource = defineOperation({
  name: "ListTagsForResource",
  input: listTagsForResourceRequest,
  readOnly: true,
  handler(ctx, input) {
    const record = parameterFor(ctx, input.ResourceType, input.ResourceId, "ssm:ListTagsForResource");
    return { TagList: record.tags.map((tag) => ({ ...tag })) };
  },
});
