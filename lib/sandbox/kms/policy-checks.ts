import { AwsServiceError } from "../core/errors";
import type { OperationContext } from "../core/operation";
import type { PolicyDocument } from "../iam/model";
import { LOCKOUT_MESSAGES, malformedPolicyMessage, parsePolicyDocument } from "../iam/policy-document";
import { baseContext } from "./access";

/**
 * The checks CreateKey and PutKeyPolicy make on a new key policy: it must be
 * a valid policy document, and (unless BypassPolicyLockoutSafetyCheck) it must
 * still let the caller change the policy afterwards ("Default key policy" →
 * "lockout safety check", developer guide).
 *
 * NOTE: AWS also refuses policies naming IAM users or roles that do not exist;
 * the sandbox checks the policy's grammar only.
 */
export function parseKeyPolicy(text: string): PolicyDocument {
  const parsed = parsePolicyDocument(text, "resource");
  if (!parsed.ok) throw new AwsServiceError("MalformedPolicyDocumentException", malformedPolicyMessage("kms", parsed.problem));
  return parsed.document;
}

/** Would the caller still be allowed kms:PutKeyPolicy under `document`? If not: MalformedPolicyDocumentException. */
export function checkLockout(ctx: OperationContext, key: { arn: string; accountId: string }, document: PolicyDocument): void {
  ctx.authorize(
    { action: "kms:PutKeyPolicy", resource: key.arn, resourceAccount: key.accountId, resourceKind: "kms-key", resourcePolicy: document, context: baseContext(ctx) },
    { errorCode: "MalformedPolicyDocumentException", message: () => LOCKOUT_MESSAGES.kms },
  );
}
