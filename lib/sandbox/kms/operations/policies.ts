import { inputs } from "../../contracts/kms";
import { AwsServiceError } from "../../core/errors";
import { defineOperation } from "../../core/operation";
import { authorizeKey } from "../access";
import { resolveKey } from "../key-ids";
import { paginate } from "../pagination";
import { checkLockout, parseKeyPolicy } from "../policy-checks";

/** Key policies: every key has exactly one, named "default". */

const KEY_RESOURCE = "AWS::KMS::Key";

function requireDefaultName(name: string | undefined): void {
  // NOTE: the message is moto's; AWS's text for another policy name is not confirmed.
  if (name !== undefined && name !== "default") throw new AwsServiceError("NotFoundException", "No such policy exists");
}

export const getKeyPolicy = defineOperation({
  name: "GetKeyPolicy",
  input: inputs.GetKeyPolicy,
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
  input: inputs.PutKeyPolicy,
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
  input: inputs.ListKeyPolicies,
  readOnly: true,
  handler(ctx, input) {
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, { operation: "ListKeyPolicies" });
    const { page, tail } = paginate("ListKeyPolicies", ["default"], input.Limit ?? 100, input.Marker);
    return { PolicyNames: page, ...tail };
  },
});
