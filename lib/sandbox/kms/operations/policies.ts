import * as z from "zod";
import { AwsServiceError } from "../../core/errors";
import { defineOperation } from "../../core/operation";
import { aws } from "../../core/validation";
import { authorizeKey } from "../authorize";
import { resolveKey } from "../key-ids";
import { paginate } from "../pagination";
import { checkLockout, parseKeyPolicy } from "../policy-checks";
import { keyIdMember, limitMember, markerMember } from "./shapes";

/** Key policies: every key has exactly one, named "default". */

const KEY_RESOURCE = "AWS::KMS::Key";
const policyNameMember = () => aws.string({ min: 1, max: 128, pattern: /^[\w]+$/ }).optional();

function requireDefaultName(name: string | undefined): void {
  // NOTE: the message is moto's; AWS's text for another policy name is not confirmed.
  if (name !== undefined && name !== "default") throw new AwsServiceError("NotFoundException", "No such policy exists");
}

export const getKeyPolicy = defineOperation({
  name: "GetKeyPolicy",
  input: z.object({ KeyId: keyIdMember(), PolicyName: policyNameMember() }),
  readOnly: true,
  handler(ctx, input) {
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, { operation: "GetKeyPolicy" });
    requireDefaultName(input.PolicyName);
    return { Policy: key.policy, PolicyName: "default" };
  },
});

export const putKeyPolicy = defineOperation({
  name: "PutKeyPolicy",
  input: z.object({
    KeyId: keyIdMember(),
    PolicyName: policyNameMember(),
    Policy: aws.string({ min: 1, max: 131072 }),
    BypassPolicyLockoutSafetyCheck: aws.boolean().optional(),
  }),
  readOnly: false,
  handler(ctx, input) {
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, {
      operation: "PutKeyPolicy",
      context: input.BypassPolicyLockoutSafetyCheck !== undefined ? { "kms:BypassPolicyLockoutSafetyCheck": input.BypassPolicyLockoutSafetyCheck } : {},
    });
    requireDefaultName(input.PolicyName);
    const document = parseKeyPolicy(input.Policy);
    if (!input.BypassPolicyLockoutSafetyCheck) checkLockout(ctx, key, document);
    key.policy = input.Policy;
    return {};
  },
});

export const listKeyPolicies = defineOperation({
  name: "ListKeyPolicies",
  input: z.object({ KeyId: keyIdMember(), Limit: limitMember(1000), Marker: markerMember() }),
  readOnly: true,
  handler(ctx, input) {
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, { operation: "ListKeyPolicies" });
    const { page, tail } = paginate(["default"], input.Limit ?? 100, input.Marker);
    return { PolicyNames: page, ...tail };
  },
});
