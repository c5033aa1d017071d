import { inputs } from "../contracts/secretsmanager";
import { aws } from "../core/validation";

/**
 * The requests of the Secrets Manager operations that are not checked exactly
 * as the generated contract (contracts/secretsmanager.ts, from botocore's
 * model) checks them, each with its reason. Every other operation takes
 * `inputs.<Operation>` from the contract as it is. Rules the service applies
 * beyond the model (RecoveryWindowInDays 7-30, names, ...) are in the handlers.
 */

/**
 * Tags: the model leaves a Tag's Key and Value optional. NOTE: unverified: AWS's
 * answer to a tag without them was not found; the sandbox refuses it, as it
 * did before the contract, in the front end's words for a missing member
 * ("Value null at 'tags.1.member.value' ... Member must not be null"), since a
 * secret's tags always have both. TagListType has no length limits.
 */
const tagList = () => aws.list(inputs.TagResource.shape.Tags.element.required());

/**
 * AddReplicaRegions: the model leaves a replica's Region optional. NOTE:
 * unverified: refused as a missing member, as for tags (the sandbox reports
 * every requested Region as failed and needs its name). The list keeps the
 * contract's constraint (AddReplicaRegionListType: at least 1).
 */
const replicaRegions = () => aws.list(inputs.ReplicateSecretToRegions.shape.AddReplicaRegions.element.required({ Region: true }), { min: 1 });

export const createSecretRequest = inputs.CreateSecret.extend({
  Tags: tagList().optional(),
  AddReplicaRegions: replicaRegions().optional(),
});

export const tagResourceRequest = inputs.TagResource.extend({ Tags: tagList() });

export const replicateSecretToRegionsRequest = inputs.ReplicateSecretToRegions.extend({ AddReplicaRegions: replicaRegions() });

/**
 * RotationRules.AutomaticallyAfterDays: the model's range 1-1000 would make an
 * out-of-range value a ValidationException at the front end; the sandbox keeps
 * the service's InvalidParameterException "RotationRules.AutomaticallyAfterDays
 * must be within 1-1000." (schedule.ts; the text is moto's, whose test sends the
 * value past the SDK's validation), which the conformance transcript
 * secretsmanager-errors.yaml records for `AutomaticallyAfterDays=2000`.
 * Duration and ScheduleExpression are the contract's.
 */
const rotationRules = inputs.RotateSecret.shape.RotationRules.unwrap();
export const rotateSecretRequest = inputs.RotateSecret.extend({
  RotationRules: rotationRules.extend({ AutomaticallyAfterDays: aws.integer().optional() }).optional(),
});
