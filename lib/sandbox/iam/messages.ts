/**
 * The AccessDeniedException message, in the format AWS has used since its
 * 2021 change that names the policy type (IAM User Guide, "Troubleshoot access
 * denied error messages"):
 *
 *   User: arn:aws:iam::123456789012:user/alice is not authorized to perform:
 *   kms:Decrypt on resource: arn:aws:kms:...:key/... because no identity-based
 *   policy allows the kms:Decrypt action
 *
 * For a resource in another account AWS does not confirm the resource exists
 * when the resource side refuses, and says instead "... on this resource
 * because the resource does not exist in this Region, no resource-based
 * policies allow access, or a resource-based policy explicitly denies access".
 */
import { AwsServiceError, SandboxUsageError } from "../core/errors";
import type { AuthorizationRequest, AuthorizationResult } from "./evaluate";

export interface AccessDeniedMessageOptions {
  /**
   * KMS Decrypt (and ReEncrypt's source) called without a KeyId: the caller named no key,
   * so AWS writes "on the resource associated with this ciphertext" instead of the ARN.
   */
  ciphertext?: boolean;
}

const CROSS_ACCOUNT_RESOURCE_SIDE =
  "because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access";

export function accessDeniedMessage(request: AuthorizationRequest, result: AuthorizationResult, options: AccessDeniedMessageOptions = {}): string {
  if (result.decision === "Allow" || !result.deniedBy) throw new SandboxUsageError("accessDeniedMessage called for a request that was allowed");
  const { action, principal } = request;
  // An assumed role appears as its session ARN (arn:aws:sts::...:assumed-role/Role/Session), root as ...:root.
  const head = `User: ${principal.arn} is not authorized to perform: ${action}`;
  const resourceSide = result.deniedBy === "explicit-deny-resource" || result.deniedBy === "no-resource-allow";
  const crossAccount = principal.kind !== "service" && principal.accountId !== request.resourceAccount;

  if (crossAccount && resourceSide) {
    const where = options.ciphertext ? "on the resource associated with this ciphertext" : "on this resource";
    return `${head} ${where} ${CROSS_ACCOUNT_RESOURCE_SIDE}`;
  }

  const where = options.ciphertext ? "on the resource associated with this ciphertext" : `on resource: ${request.resource}`;
  const because = {
    "explicit-deny-identity": "with an explicit deny in an identity-based policy",
    "explicit-deny-resource": "with an explicit deny in a resource-based policy",
    "no-identity-allow": `because no identity-based policy allows the ${action} action`,
    "no-resource-allow": `because no resource-based policy allows the ${action} action`,
  }[result.deniedBy];
  return `${head} ${where} ${because}`;
}

/** The error every service raises for a denial: AccessDeniedException, HTTP 400 as KMS and Secrets Manager send it. */
export function accessDeniedError(request: AuthorizationRequest, result: AuthorizationResult, options: AccessDeniedMessageOptions = {}): AwsServiceError {
  return new AwsServiceError("AccessDeniedException", accessDeniedMessage(request, result, options), 400);
}
