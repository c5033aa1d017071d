import { inputs } from "../../contracts/secretsmanager";
import { defineOperation } from "../../core/operation";
import { malformedPolicyMessage, parsePolicyDocument, SECRETS_MANAGER_PUBLIC_POLICY_MESSAGE } from "../../iam";
import type { PolicyDocument, PolicyStatement } from "../../iam/model";
import { authorizeAccountAction, authorizeSecret } from "../access";
import { smErrors } from "../errors";
import { requireLifecycle } from "../lifecycle";
import { resolveSecret } from "../names";

/**
 * Resource policies of secrets: PutResourcePolicy (checked for syntax, and
 * with BlockPublicPolicy for broad access), GetResourcePolicy,
 * DeleteResourcePolicy, and ValidateResourcePolicy (the same checks, without
 * storing anything).
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

/**
 * The finding ValidateResourcePolicy reports for a policy open to everyone.
 * The message is AWS's "Broad Access" text from the Secrets Manager guide
 * ("Managing a resource-based policy for a secret", awsdocs/aws-secrets-manager-docs
 * doc_source/manage_secret-policy.md), which says the console validates
 * through ValidateResourcePolicy and shows it.
 * NOTE: unverified: no recorded failing ValidateResourcePolicy response was found
 * (LocalStack's AWS snapshots have none; moto does not implement the operation). The
 * CheckName is the one a floci emulator fork reports and says is AWS's (vuthehuyht/floci
 * ResourcePolicyValidator.java), with no recording behind it; that the API's
 * ErrorMessage is the console's text is likewise unconfirmed.
 */
export const BROAD_ACCESS_FINDING = {
  CheckName: "REFLEXIVE_PRINCIPAL_CHECK",
  ErrorMessage: "This resource policy grants broad access to your secret. Secrets Manager does not allow creating and applying such policies in the console.",
} as const;

export const putResourcePolicy = defineOperation({
  name: "PutResourcePolicy",
  readOnly: false,
  input: inputs.PutResourcePolicy,
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
  input: inputs.GetResourcePolicy,
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
  input: inputs.DeleteResourcePolicy,
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

/**
 * ValidateResourcePolicy: PutResourcePolicy's checks without attaching the
 * policy. A grammar error is MalformedPolicyDocumentException, as for
 * PutResourcePolicy; broad access is not an error but a finding in
 * ValidationErrors with PolicyValidationPassed false.
 * NOTE: unverified: that ValidateResourcePolicy answers a malformed policy with
 * the exception and PutResourcePolicy's text (the model lists
 * MalformedPolicyDocumentException for it; the text is AWS's for PutResourcePolicy).
 * NOTE: AWS also checks that the policy would not lock the caller out; the sandbox
 * does not (nor does its PutResourcePolicy). The API reference lists
 * secretsmanager:PutResourcePolicy among the required permissions too; the sandbox
 * asks for secretsmanager:ValidateResourcePolicy only.
 */
export const validateResourcePolicy = defineOperation({
  name: "ValidateResourcePolicy",
  readOnly: true,
  input: inputs.ValidateResourcePolicy,
  handler(ctx, input) {
    // With a SecretId the action is on that secret (its policy counts); without one, on "*".
    if (input.SecretId === undefined) authorizeAccountAction(ctx, "ValidateResourcePolicy");
    else authorizeSecret(ctx, "ValidateResourcePolicy", resolveSecret(ctx, input.SecretId));
    const parsed = parsePolicyDocument(input.ResourcePolicy, "resource");
    if (!parsed.ok) throw smErrors.malformedPolicy(malformedPolicyMessage("secretsmanager", parsed.problem));
    const findings = statements(parsed.document).some(grantsEveryone) ? [BROAD_ACCESS_FINDING] : [];
    return { PolicyValidationPassed: findings.length === 0, ValidationErrors: findings };
  },
});
