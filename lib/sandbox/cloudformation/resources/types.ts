import { AwsServiceError } from "../../core/errors";
import type { OperationContext, ServiceId, WireObject } from "../../core/operation";
import type { StackTag } from "../state";

/**
 * A resource type CloudFormation can provision in the sandbox. Providers
 * create and delete through the real simulated services (ctx.call, via
 * cloudformation.amazonaws.com, with the caller's permissions: CloudFormation
 * without a service role acts as the caller), so IAM, key policies, the
 * trail and every service rule apply as in AWS.
 */

export interface ProvisionRequest {
  ctx: OperationContext;
  stackName: string;
  stackId: string;
  logicalId: string;
  /** Stack-level tags (CreateStack Tags), propagated to resources that take tags. */
  stackTags: StackTag[];
  /** The properties with intrinsics evaluated and dynamic references resolved: what the service receives. */
  properties: Record<string, unknown>;
  /** The same properties with dynamic references left as written: what CloudFormation keeps. */
  literalProperties: Record<string, unknown>;
}

export interface DeleteRequest {
  ctx: OperationContext;
  logicalId: string;
  physicalId: string;
  /** The properties the resource was created with (literal, dynamic references unresolved). */
  literalProperties: Record<string, unknown>;
}

export interface CreatedResource {
  physicalId: string;
  /** What Ref returns. */
  ref: string;
  /** Fn::GetAtt values (kept for the stack operation only, never stored). */
  attributes: Record<string, string>;
}

export interface ResourceProvider {
  type: string;
  /** Properties the type's schema allows, and those it requires. */
  properties: readonly string[];
  required: readonly string[];
  /** Fn::GetAtt attribute names. */
  attributes: readonly string[];
  create(request: ProvisionRequest): CreatedResource;
  delete(request: DeleteRequest): void;
}

/**
 * A resource that failed: `reason` is its ResourceStatusReason; `physicalId` is set when something was
 * created before the failure (a rollback must delete it).
 */
export class ResourceFailure extends Error {
  constructor(
    readonly reason: string,
    readonly physicalId?: string,
  ) {
    super(reason);
  }
}

/** Calls a service as the caller, on CloudFormation's behalf. */
export function callService(ctx: OperationContext, service: ServiceId, operation: string, input: WireObject): WireObject {
  return ctx.call(service, operation, input, { via: "cloudformation.amazonaws.com" });
}

/**
 * The tags CloudFormation adds on stack creation: "aws:cloudformation:stack-name, aws:cloudformation:logical-id,
 * and aws:cloudformation:stack-id" (user guide, AWS::SSM::Parameter; the user guide's "Resource tag" page says
 * stack-level tags propagate to resources that support tags).
 */
export function systemTags(request: { stackName: string; stackId: string; logicalId: string }): StackTag[] {
  return [
    { Key: "aws:cloudformation:stack-name", Value: request.stackName },
    { Key: "aws:cloudformation:logical-id", Value: request.logicalId },
    { Key: "aws:cloudformation:stack-id", Value: request.stackId },
  ];
}

/** A property that must be a string: numbers and booleans are taken as their text, as CloudFormation does. */
export function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

export function flag(value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  return value === true || value === "true";
}

export function integer(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** Tags given as a list of {Key, Value}. */
export function tagList(value: unknown): StackTag[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((tag) => (typeof tag === "object" && tag !== null ? [{ Key: text((tag as Record<string, unknown>)["Key"]) ?? "", Value: text((tag as Record<string, unknown>)["Value"]) ?? "" }] : []));
}

/** A request id for failure texts that quote one. NOTE: the sandbox's own ids, not the trail's. */
export function requestId(ctx: OperationContext): string {
  return ctx.random.uuid();
}

export function isNotFound(error: unknown, codes: readonly string[]): boolean {
  return error instanceof AwsServiceError && codes.includes(error.code);
}
