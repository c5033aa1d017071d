import * as z from "zod";
import { isAwsServiceError } from "../core/errors";
import type { OperationContext } from "../core/operation";
import { DAY } from "../core/time";
import { parseRequest } from "../core/validation";
import * as errors from "./errors";
import type { CloudFormationState, StackRecord } from "./state";

/**
 * Finding stacks and authorising CloudFormation's own actions.
 *
 * A deleted stack stays visible by its stack id and in ListStacks for 90 days ("The aws cloudformation
 * list-stacks command returns information on deleted stacks for 90 days after they have been deleted",
 * user guide, "Describing and listing your stacks"), and never by its name: the name is free again.
 * NOTE: the sandbox forgets such stacks when a later CloudFormation call writes to the state.
 */

export const DELETED_STACK_RETENTION = 90 * DAY;

export function cloudFormationState(ctx: OperationContext): CloudFormationState {
  return ctx.regionState().cloudformation;
}

const visible = (ctx: OperationContext, stack: StackRecord) => stack.deletedAt === undefined || stack.deletedAt + DELETED_STACK_RETENTION > ctx.now;

/** All stacks still visible (live ones and those deleted less than 90 days ago). */
export function visibleStacks(ctx: OperationContext): StackRecord[] {
  return Object.values(cloudFormationState(ctx).stacks).filter((stack) => visible(ctx, stack));
}

/** A stack by name (only if it is not deleted) or by stack id (deleted ones too). */
export function findStack(ctx: OperationContext, nameOrId: string): StackRecord | undefined {
  const stacks = cloudFormationState(ctx).stacks;
  if (nameOrId.startsWith("arn:")) {
    const stack = stacks[nameOrId];
    return stack && visible(ctx, stack) ? stack : undefined;
  }
  return Object.values(stacks).find((stack) => stack.stackName === nameOrId && stack.status !== "DELETE_COMPLETE");
}

/**
 * The stack a name or id names, after authorising `action` on it: on the stack's id when it
 * exists, on the name's ARN pattern when it does not (so a denied caller learns nothing).
 */
export function findAuthorizedStack(ctx: OperationContext, action: string, nameOrId: string): StackRecord | undefined {
  const stack = findStack(ctx, nameOrId);
  authorizeStack(ctx, action, stack ? { stackId: stack.stackId } : { stackName: nameOrId });
  return stack;
}

/** findAuthorizedStack, or ValidationError "Stack with id NAME does not exist". */
export function requireAuthorizedStack(ctx: OperationContext, action: string, nameOrId: string): StackRecord {
  const stack = findAuthorizedStack(ctx, action, nameOrId);
  if (!stack) throw errors.stackDoesNotExist(nameOrId);
  return stack;
}

/** Forgets stacks deleted more than 90 days ago (on writes only: validate, then mutate). */
export function pruneDeletedStacks(ctx: OperationContext): void {
  const stacks = cloudFormationState(ctx).stacks;
  for (const [id, stack] of Object.entries(stacks)) if (!visible(ctx, stack)) delete stacks[id];
}

export const stackArn = (ctx: OperationContext, stackName: string, uuid: string) => `arn:aws:cloudformation:${ctx.region}:${ctx.accountId}:stack/${stackName}/${uuid}`;

/**
 * Authorises a CloudFormation action on a stack: its id, or "arn:aws:cloudformation:REGION:ACCOUNT:stack/NAME/*"
 * when only the name is known ("User: arn:aws:iam::742932328420:user/openclaw-bedrock is not authorized to perform:
 * cloudformation:CreateStack on resource: arn:aws:cloudformation:us-east-1:742932328420:stack/lma-dev/* because no
 * identity-based policy allows ...", error code AccessDenied, recorded in a public deployment note).
 */
export function authorizeStack(ctx: OperationContext, action: string, target: { stackName?: string; stackId?: string } = {}): void {
  const resource = target.stackId ?? (target.stackName === undefined ? "*" : `arn:aws:cloudformation:${ctx.region}:${ctx.accountId}:stack/${target.stackName}/*`);
  ctx.authorize({ action: `cloudformation:${action}`, resource, resourceAccount: ctx.accountId, resourceKind: "identity-only", context: {} }, { errorCode: "AccessDenied" });
  if (target.stackId) ctx.touches(target.stackId, "AWS::CloudFormation::Stack");
}

/**
 * CloudFormation's rules for a stack name, beyond the model (its StackName shape has no constraints), failing as
 * model constraints do (ValidationError, "1 validation error detected: Value '0MyStack' at 'stackName' failed to
 * satisfy constraint: ...", recorded texts in errors.ts):
 * - "create": a new stack's name, at most 128 characters of CREATE_STACK_NAME_PATTERN (the model's documentation of
 *   CreateStack's StackName: "can contain only alphanumeric characters (case sensitive) and hyphens. It must start
 *   with an alphabetical character and can't be longer than 128 characters");
 * - "lookup": a name or stack id that names a stack, STACK_NAME_OR_ID_PATTERN.
 */
export function checkStackName(name: string, rule: "create" | "lookup"): void {
  const problems: string[] = [];
  const constraint = (text: string) => problems.push(`Value '${name}' at 'stackName' failed to satisfy constraint: ${text}`);
  const pattern = rule === "create" ? errors.CREATE_STACK_NAME_PATTERN : errors.STACK_NAME_OR_ID_PATTERN;
  if (rule === "create" && name.length > 128) constraint("Member must have length less than or equal to 128");
  if (!new RegExp(`^(?:${pattern})$`).test(name)) constraint(`Member must satisfy regular expression pattern: ${pattern}`);
  if (problems.length > 0) throw errors.validationError(`${problems.length} validation error${problems.length === 1 ? "" : "s"} detected: ${problems.join("; ")}`);
}
