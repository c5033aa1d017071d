import type { OperationContext } from "../core/operation";

/**
 * EC2 answers a denied request with UnauthorizedOperation.
 *
 * NOTE: for actions that change resources, EC2 adds an encoded
 * authorization failure message (decoded with sts
 * decode-authorization-message); the sandbox prints the decoded reason
 * directly.
 */
export function authorizeEc2(ctx: OperationContext, action: string, resource: string, context: Record<string, string | string[]> = {}): void {
  ctx.authorize(
    { action, resource, resourceAccount: ctx.accountId, resourceKind: "identity-only", context },
    { errorCode: "UnauthorizedOperation", message: (reason) => `You are not authorized to perform this operation. ${reason}` },
  );
}
