import type { OperationContext } from "../core/operation";
import { parsePolicyDocument } from "../iam/access";
import type { PolicyDocument } from "../iam/model";
import type { ResolvedSecret } from "./names";
import type { SecretRecord } from "./state";

/**
 * Authorisation of Secrets Manager actions. A secret is a "resource-policy"
 * resource: identity policies, plus the secret's own resource policy, with
 * cross-account access needing both sides. Actions that name no secret
 * (ListSecrets, GetRandomPassword, BatchGetSecretValue) are authorised on "*"
 * against identity policies only, as their resource type is "*" in the
 * service authorization reference.
 */

export const SECRET_RESOURCE_TYPE = "AWS::SecretsManager::Secret";

type ConditionContext = Record<string, string | string[] | boolean | number>;

function policyOf(secret: SecretRecord): PolicyDocument | undefined {
  if (secret.policy === undefined) return undefined;
  const parsed = parsePolicyDocument(secret.policy, "resource");
  return parsed.ok ? parsed.document : undefined;
}

/** The condition keys every request on a secret carries. */
export function secretConditionKeys(secret: SecretRecord): ConditionContext {
  const context: ConditionContext = { "secretsmanager:SecretId": secret.arn };
  for (const tag of secret.tags) {
    context[`secretsmanager:ResourceTag/${tag.Key}`] = tag.Value;
    context[`aws:ResourceTag/${tag.Key}`] = tag.Value;
  }
  if (secret.rotation.lambdaArn) context["secretsmanager:resource/AllowRotationLambdaArn"] = secret.rotation.lambdaArn;
  return context;
}

/** The condition keys of tags in a request (CreateSecret, TagResource, UntagResource). */
export function requestTagKeys(tags: readonly { Key: string; Value?: string }[]): ConditionContext {
  const context: ConditionContext = { "aws:TagKeys": tags.map((tag) => tag.Key) };
  for (const tag of tags) if (tag.Value !== undefined) context[`aws:RequestTag/${tag.Key}`] = tag.Value;
  return context;
}

export function authorizeSecret(ctx: OperationContext, operation: string, resolved: ResolvedSecret, extra: ConditionContext = {}): void {
  const { secret, accountId } = resolved;
  ctx.touches(secret.arn, SECRET_RESOURCE_TYPE);
  ctx.authorize({
    action: `secretsmanager:${operation}`,
    resource: secret.arn,
    resourceAccount: accountId,
    resourceKind: "resource-policy",
    resourcePolicy: policyOf(secret),
    context: { ...secretConditionKeys(secret), ...extra },
  });
}

/** Actions whose resource is "*": identity policies decide. */
export function authorizeAccountAction(ctx: OperationContext, operation: string, extra: ConditionContext = {}): void {
  ctx.authorize({ action: `secretsmanager:${operation}`, resource: "*", resourceAccount: ctx.accountId, resourceKind: "identity-only", context: extra });
}
