import * as z from "zod";
import { defineOperation } from "../../core/operation";
import { aws } from "../../core/validation";
import { malformedPolicyMessage, parsePolicyDocument, SECRETS_MANAGER_PUBLIC_POLICY_MESSAGE } from "../../iam";
import type { PolicyDocument, PolicyStatement } from "../../iam/model";
import { authorizeSecret } from "../access";
import { smErrors } from "../errors";
import { secretId } from "../inputs";
import { requireLifecycle } from "../lifecycle";
import { resolveSecret } from "../names";

/**
 * Resource policies of secrets: PutResourcePolicy (checked for syntax, and
 * with BlockPublicPolicy for broad access), GetResourcePolicy,
 * DeleteResourcePolicy.
 *
 * NOTE: AWS also refuses policies naming IAM users or roles that do not
 * exist; the sandbox checks the policy's grammar only.
 *
 * NOTE: AWS decides "broad access" with automated reasoning over the whole
 * policy; the sandbox counts a policy as public when an Allow statement names
 * every principal ("*") without any Condition.
 */

function statements(document: PolicyDocument): PolicyStatement[] {
  return Array.isArray(document.Statement) ? document.Statement : [document.Statement];
}

function grantsEveryone(statement: PolicyStatement): boolean {
  if (statement.Effect !== "Allow" || statement.Condition !== undefined) return false;
  const principal = statement.Principal;
  if (principal === "*") return true;
  return principal !== undefined && [principal.AWS ?? []].flat().includes("*");
}

export const putResourcePolicy = defineOperation({
  name: "PutResourcePolicy",
  readOnly: false,
  input: z.object({
    SecretId: secretId,
    ResourcePolicy: aws.string({ min: 1, max: 20480 }),
    BlockPublicPolicy: aws.boolean().optional(),
  }),
  handler(ctx, input) {
    const resolved = resolveSecret(ctx, input.SecretId);
    const { secret } = resolved;
    authorizeSecret(ctx, "PutResourcePolicy", resolved, { "secretsmanager:BlockPublicPolicy": input.BlockPublicPolicy === true });
    requireLifecycle(secret, "secret.modify");
    const parsed = parsePolicyDocument(input.ResourcePolicy, "resource");
    if (!parsed.ok) throw smErrors.malformedPolicy(malformedPolicyMessage("secretsmanager", parsed.problem));
    if (input.BlockPublicPolicy === true && statements(parsed.document).some(grantsEveryone)) throw smErrors.publicPolicy(SECRETS_MANAGER_PUBLIC_POLICY_MESSAGE);
    secret.policy = input.ResourcePolicy;
    secret.lastChangedAt = ctx.now;
    return { ARN: secret.arn, Name: secret.name };
  },
});

export const getResourcePolicy = defineOperation({
  name: "GetResourcePolicy",
  readOnly: true,
  input: z.object({ SecretId: secretId }),
  handler(ctx, input) {
    const resolved = resolveSecret(ctx, input.SecretId);
    const { secret } = resolved;
    authorizeSecret(ctx, "GetResourcePolicy", resolved);
    return { ARN: secret.arn, Name: secret.name, ...(secret.policy === undefined ? {} : { ResourcePolicy: secret.policy }) };
  },
});

export const deleteResourcePolicy = defineOperation({
  name: "DeleteResourcePolicy",
  readOnly: false,
  input: z.object({ SecretId: secretId }),
  handler(ctx, input) {
    const resolved = resolveSecret(ctx, input.SecretId);
    const { secret } = resolved;
    authorizeSecret(ctx, "DeleteResourcePolicy", resolved);
    requireLifecycle(secret, "secret.modify");
    delete secret.policy;
    secret.lastChangedAt = ctx.now;
    return { ARN: secret.arn, Name: secret.name };
  },
});
