import type * as z from "zod";
import { inputs } from "../contracts/ssm";
import { aws } from "../core/validation";

/**
 * The requests of the Parameter Store operations that are not checked exactly
 * as the generated contract (contracts/ssm.ts, from botocore's model) checks
 * them. Every other operation takes `inputs.<Operation>` from the contract as it
 * is. Rules the service applies beyond the model (names and paths, values'
 * lengths by tier, labels, ...) are in the handlers.
 *
 * The one difference: enum value sets. The contract lists an enum's values in
 * the model's order, and a ValidationException quotes them in that order. AWS's
 * message for PutParameter's Type lists them reversed, "[SecureString,
 * StringList, String]" (real output quoted in aws/aws-cli#3116, and in moto and
 * ../shared/AWS-CLI.md; the conformance transcript usage-errors.yaml has it),
 * and the sandbox lists every SSM enum that way (Tier's order is recorded in
 * usage-errors.yaml too). NOTE: unverified for enums other than Type (README,
 * "enum value sets' order").
 */

/** The contract's enum with its values in reverse model order. */
function awsOrder<T extends Readonly<Record<string, string>>>(schema: z.ZodEnum<T>) {
  const [first, ...rest] = [...schema.options].reverse();
  if (first === undefined) throw new Error("an enum without values");
  return aws.enum([first, ...rest]);
}

export const putParameterRequest = inputs.PutParameter.extend({
  Type: awsOrder(inputs.PutParameter.shape.Type.unwrap()).optional(),
  Tier: awsOrder(inputs.PutParameter.shape.Tier.unwrap()).optional(),
});

/** The deprecated Filters of DescribeParameters (ParametersFilterList has no length limits). */
const legacyFilter = inputs.DescribeParameters.shape.Filters.unwrap().element;
export const describeParametersRequest = inputs.DescribeParameters.extend({
  Filters: aws.list(legacyFilter.extend({ Key: awsOrder(legacyFilter.shape.Key) })).optional(),
});

export const addTagsToResourceRequest = inputs.AddTagsToResource.extend({ ResourceType: awsOrder(inputs.AddTagsToResource.shape.ResourceType) });
export const removeTagsFromResourceRequest = inputs.RemoveTagsFromResource.extend({ ResourceType: awsOrder(inputs.RemoveTagsFromResource.shape.ResourceType) });
export const listTagsForResourceRequest = inputs.ListTagsForResource.extend({ ResourceType: awsOrder(inputs.ListTagsForResource.shape.ResourceType) });
