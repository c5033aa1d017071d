import { isAwsServiceError } from "../core/errors";
import type { OperationContext } from "../core/operation";
import {
  findReferences,
  forEachString,
  mapStrings,
  NOT_RESOLVED_PROPERTIES,
  propertyLocation,
  propertyMatches,
  resolveSecret,
  resolveSsm,
  SSM_SECURE_SUPPORTED_PROPERTIES,
} from "./dynamic-references";
import * as errors from "./errors";
import { RESOURCE_PROVIDERS } from "./resources";
import { ResourceFailure, type CreatedResource } from "./resources/types";
import { stepStack } from "./stack.machine";
import type { OnFailure, ResourceStatus, StackRecord, StackResourceRecord } from "./state";
import { creationOrder } from "./template/checks";
import { availabilityZones, evaluate, type EvaluationScope } from "./template/intrinsics";
import type { ResourceDeclaration, Template } from "./template/model";
import { STACK_RESOURCE_TYPE } from "./views";

/**
 * Running a stack operation: creating the resources in dependency order (and
 * rolling back), deleting them. Every step is a stack event, as AWS records
 * it (CREATE_IN_PROGRESS, "Resource creation Initiated", CREATE_COMPLETE, ...).
 *
 * NOTE: the whole operation runs inside the CreateStack or DeleteStack call
 * (AWS works asynchronously and the call answers at once). Events are 1 ms
 * apart in the sandbox; in AWS they are seconds or minutes apart.
 */

export interface StackRun {
  ctx: OperationContext;
  stack: StackRecord;
  template: Template;
  /** Ref values of the parameters and pseudo parameters. */
  values: Record<string, string | string[]>;
  /** The same with NoEcho parameters as "****": what the events' ResourceProperties show. */
  shownValues: Record<string, string | string[]>;
  created: Map<string, CreatedResource>;
  /** Values of `ssm` references read before the stack was created (never stored). */
  ssmCache: Map<string, string>;
}

// --- events and statuses ----------------------------------------------------

function nextTimestamp(run: StackRun): number {
  const last = run.stack.events[run.stack.events.length - 1];
  return last ? Math.max(run.ctx.now, last.timestamp + 1) : run.ctx.now;
}

/** Event ids: a UUID for the stack's own events, "<LogicalId>-<STATUS>-<ISO time>" for resources (recorded describe-stack-events output). */
function addEvent(run: StackRun, event: { logicalId: string; physicalId?: string; type: string; status: ResourceStatus; reason?: string; properties?: string }): number {
  const timestamp = nextTimestamp(run);
  const eventId = event.type === STACK_RESOURCE_TYPE ? run.ctx.random.uuid() : `${event.logicalId}-${event.status}-${new Date(timestamp).toISOString()}`;
  run.stack.events.push({
    eventId,
    logicalId: event.logicalId,
    ...(event.physicalId === undefined ? {} : { physicalId: event.physicalId }),
    type: event.type,
    timestamp,
    status: event.status,
    ...(event.reason === undefined ? {} : { reason: event.reason }),
    ...(event.properties === undefined ? {} : { properties: event.properties }),
  });
  return timestamp;
}

export function stackEvent(run: StackRun, status: ResourceStatus, reason?: string): void {
  addEvent(run, { logicalId: run.stack.stackName, physicalId: run.stack.stackId, type: STACK_RESOURCE_TYPE, status, ...(reason === undefined ? {} : { reason }) });
}

function resourceRecord(run: StackRun, declaration: { logicalId: string; type: string }): StackResourceRecord {
  let record = run.stack.resources.find((resource) => resource.logicalId === declaration.logicalId);
  if (!record) {
    record = { logicalId: declaration.logicalId, type: declaration.type, status: "CREATE_IN_PROGRESS", updatedAt: run.ctx.now };
    run.stack.resources.push(record);
  }
  return record;
}

function resourceEvent(run: StackRun, record: StackResourceRecord, status: ResourceStatus, detail: { reason?: string; properties?: string } = {}): void {
  const timestamp = addEvent(run, {
    logicalId: record.logicalId,
    physicalId: record.physicalId ?? "",
    type: record.type,
    status,
    ...(detail.reason === undefined ? {} : { reason: detail.reason }),
    ...(detail.properties === undefined ? {} : { properties: detail.properties }),
  });
  record.status = status;
  if (detail.reason === undefined) delete record.statusReason;
  else record.statusReason = detail.reason;
  record.updatedAt = timestamp;
}

function setStatus(run: StackRun, event: Parameters<typeof stepStack>[1], reason?: string): void {
  run.stack.status = stepStack(run.stack.status, event, run.stack.stackName) as StackRecord["status"];
  if (reason === undefined) return;
  run.stack.statusReason = reason;
}

// --- evaluation -----------------------------------------------------------------

function scopeOf(run: StackRun, shown = false): EvaluationScope {
  return {
    values: shown ? run.shownValues : run.values,
    ref: (logicalId) => {
      const created = run.created.get(logicalId);
      if (!created) throw errors.unresolvedDependencies([logicalId], "Resources");
      return created.ref;
    },
    getAtt: (logicalId, attribute) => {
      const created = run.created.get(logicalId);
      if (!created) throw errors.getAttUndefinedResource(logicalId);
      const value = created.attributes[attribute];
      if (value === undefined) throw errors.getAttUnsupportedAttribute(logicalId, attribute);
      return value;
    },
    availabilityZones,
  };
}

/** Pseudo parameters (user guide, "Pseudo parameters reference"). */
export function pseudoParameters(ctx: OperationContext, stackName: string, stackId: string): Record<string, string | string[]> {
  return {
    "AWS::AccountId": ctx.accountId,
    "AWS::NotificationARNs": [],
    "AWS::Partition": "aws",
    "AWS::Region": ctx.region,
    "AWS::StackId": stackId,
    "AWS::StackName": stackName,
    "AWS::URLSuffix": "amazonaws.com",
  };
}

// --- dynamic references before the stack exists ------------------------------------

/**
 * The checks CreateStack makes on dynamic references before any stack exists (all ValidationError, recorded
 * [LIVE]): malformed `ssm`/`ssm-secure` references and labels; `ssm` references are read (a missing
 * parameter, a SecureString, or a denied read fail the call); a versioned `ssm-secure` reference in a property
 * that does not support it is refused at once. Returns the places of unversioned `ssm-secure` references in
 * such properties: those fail the stack once it exists (a stack-level rollback).
 */
export function precheckDynamicReferences(ctx: OperationContext, template: Template, ssmCache: Map<string, string>): string[] {
  const deferred: string[] = [];
  const refused: string[] = [];
  for (const resource of template.resources) {
    forEachString(resource.properties, (text, path) => {
      for (const reference of findReferences(text)) {
        if (propertyMatches(NOT_RESOLVED_PROPERTIES, resource.type, path)) continue;
        if (reference.service === "ssm") {
          if (!ssmCache.has(reference.text)) ssmCache.set(reference.text, resolveSsm(ctx, reference));
        } else if (reference.service === "ssm-secure" && !propertyMatches(SSM_SECURE_SUPPORTED_PROPERTIES, resource.type, path)) {
          (reference.version === undefined ? deferred : refused).push(propertyLocation(resource.type, path));
        }
      }
    });
  }
  if (refused.length > 0) throw errors.validationError(errors.ssmSecureNotSupportedText(refused));
  return deferred;
}

/** Resolves the dynamic references in a resource's evaluated properties, as the caller; failures are the resource's reason. */
function resolveReferences(run: StackRun, type: string, properties: Record<string, unknown>): Record<string, unknown> {
  return mapStrings(properties, (text, path) => {
    if (propertyMatches(NOT_RESOLVED_PROPERTIES, type, path)) return text;
    let out = text;
    for (const reference of findReferences(text)) {
      let value: string;
      if (reference.service === "secretsmanager") value = resolveSecret(run.ctx, reference);
      else {
        if (reference.service === "ssm-secure" && !propertyMatches(SSM_SECURE_SUPPORTED_PROPERTIES, type, path)) {
          throw new ResourceFailure(errors.ssmSecureNotSupportedText([propertyLocation(type, path)]));
        }
        value = run.ssmCache.get(reference.text) ?? resolveSsm(run.ctx, reference);
      }
      out = out.split(reference.text).join(value);
    }
    return out;
  }) as Record<string, unknown>;
}

// --- creating -------------------------------------------------------------------------

/**
 * "Properties validation failed for resource SecureCloudTrail with message: #: required key [IsLogging] not found"
 * (recorded CREATE_FAILED reasons, e.g. for AWS::CloudTrail::Trail in a public deployment note); extraneous keys
 * use the same validator's "#: extraneous key [X] is not permitted" (NOTE: not seen in a CloudFormation event).
 */
function schemaProblem(logicalId: string, type: string, properties: Record<string, unknown>): string | undefined {
  const provider = RESOURCE_PROVIDERS.get(type)!;
  const missing = provider.required.find((name) => properties[name] === undefined);
  if (missing) return `Properties validation failed for resource ${logicalId} with message: #: required key [${missing}] not found`;
  const extra = Object.keys(properties).find((name) => !provider.properties.includes(name));
  if (extra) return `Properties validation failed for resource ${logicalId} with message: #: extraneous key [${extra}] is not permitted`;
  return undefined;
}

function createResource(run: StackRun, declaration: ResourceDeclaration): string | undefined {
  const record = resourceRecord(run, declaration);
  let evaluated: Record<string, unknown>;
  try {
    evaluated = evaluate(declaration.properties, scopeOf(run)) as Record<string, unknown>;
  } catch (error) {
    if (!isAwsServiceError(error)) throw error;
    resourceEvent(run, record, "CREATE_FAILED", { reason: error.message });
    return error.message;
  }
  // NOTE: the events show NoEcho parameters as "****" in ResourceProperties (not confirmed against AWS).
  const properties = JSON.stringify(evaluate(declaration.properties, scopeOf(run, true)));
  resourceEvent(run, record, "CREATE_IN_PROGRESS", { properties });
  const failure = (reason: string, physicalId?: string) => {
    if (physicalId !== undefined) record.physicalId = physicalId;
    resourceEvent(run, record, "CREATE_FAILED", { reason, properties });
    return reason;
  };
  const problem = schemaProblem(declaration.logicalId, declaration.type, evaluated);
  if (problem) return failure(problem);
  let resolved: Record<string, unknown>;
  try {
    resolved = resolveReferences(run, declaration.type, evaluated);
  } catch (error) {
    if (error instanceof ResourceFailure) return failure(error.reason);
    if (isAwsServiceError(error)) return failure(error.message);
    throw error;
  }
  const provider = RESOURCE_PROVIDERS.get(declaration.type)!;
  let created: CreatedResource;
  try {
    created = provider.create({
      ctx: run.ctx,
      stackName: run.stack.stackName,
      stackId: run.stack.stackId,
      logicalId: declaration.logicalId,
      stackTags: run.stack.tags,
      properties: resolved,
      literalProperties: evaluated,
    });
  } catch (error) {
    if (error instanceof ResourceFailure) return failure(error.reason, error.physicalId);
    throw error;
  }
  record.physicalId = created.physicalId;
  run.created.set(declaration.logicalId, created);
  resourceEvent(run, record, "CREATE_IN_PROGRESS", { reason: errors.CREATION_INITIATED, properties });
  resourceEvent(run, record, "CREATE_COMPLETE", { properties });
  return undefined;
}

/** The literal properties a resource was created with (from its events; dynamic references unresolved). */
function literalPropertiesOf(stack: StackRecord, logicalId: string): Record<string, unknown> {
  for (let index = stack.events.length - 1; index >= 0; index -= 1) {
    const event = stack.events[index]!;
    if (event.logicalId === logicalId && event.type !== STACK_RESOURCE_TYPE && event.properties !== undefined) return JSON.parse(event.properties) as Record<string, unknown>;
  }
  return {};
}

/**
 * Deletes the stack's resources, newest first; returns the logical ids that could not be deleted.
 * DeletionPolicy Retain keeps a resource (DELETE_SKIPPED), also when a failed creation rolls back;
 * RetainExceptOnCreate keeps it only when the stack is deleted (user guide, "DeletionPolicy attribute").
 */
export function deleteResources(run: StackRun, reason: "rollback" | "delete"): string[] {
  const failed: string[] = [];
  const policies = new Map(run.template.resources.map((resource) => [resource.logicalId, resource.deletionPolicy]));
  for (const record of [...run.stack.resources].reverse()) {
    if (record.status === "DELETE_COMPLETE" || record.status === "DELETE_SKIPPED") continue;
    const policy = policies.get(record.logicalId);
    if (record.physicalId && (policy === "Retain" || (policy === "RetainExceptOnCreate" && reason === "delete"))) {
      resourceEvent(run, record, "DELETE_SKIPPED");
      continue;
    }
    resourceEvent(run, record, "DELETE_IN_PROGRESS");
    const provider = RESOURCE_PROVIDERS.get(record.type);
    try {
      // A resource that never got a physical id (it failed before it existed) has nothing to delete.
      if (record.physicalId && provider) {
        provider.delete({ ctx: run.ctx, logicalId: record.logicalId, physicalId: record.physicalId, literalProperties: literalPropertiesOf(run.stack, record.logicalId) });
      }
    } catch (error) {
      if (!(error instanceof ResourceFailure)) throw error;
      resourceEvent(run, record, "DELETE_FAILED", { reason: error.reason });
      failed.push(record.logicalId);
      continue;
    }
    resourceEvent(run, record, "DELETE_COMPLETE");
  }
  return failed;
}

/** After a failure: roll back (default), stop (DO_NOTHING / DisableRollback), or delete the stack (OnFailure DELETE). */
function failCreation(run: StackRun, reason: string, onFailure: OnFailure): void {
  const stack = run.stack;
  if (onFailure === "DO_NOTHING") {
    setStatus(run, { type: "stack.createFailed", onFailure }, reason);
    stackEvent(run, "CREATE_FAILED", reason);
    return;
  }
  if (onFailure === "DELETE") {
    const deleteReason = errors.deleteRequested(reason);
    setStatus(run, { type: "stack.createFailed", onFailure }, deleteReason);
    stackEvent(run, "DELETE_IN_PROGRESS", deleteReason);
    const failed = deleteResources(run, "rollback");
    if (failed.length > 0) {
      setStatus(run, { type: "stack.deleteFailed" }, errors.failedToDelete(failed));
      stackEvent(run, "DELETE_FAILED", stack.statusReason);
      return;
    }
    setStatus(run, { type: "stack.deleted" });
    stack.deletedAt = nextTimestamp(run);
    stackEvent(run, "DELETE_COMPLETE");
    return;
  }
  const rollbackReason = errors.rollbackRequested(reason);
  setStatus(run, { type: "stack.createFailed", onFailure }, rollbackReason);
  stackEvent(run, "ROLLBACK_IN_PROGRESS", rollbackReason);
  const failed = deleteResources(run, "rollback");
  if (failed.length > 0) {
    setStatus(run, { type: "stack.rollbackFailed" }, errors.failedToDelete(failed));
    stackEvent(run, "ROLLBACK_FAILED", stack.statusReason);
    return;
  }
  setStatus(run, { type: "stack.rolledBack" });
  stackEvent(run, "ROLLBACK_COMPLETE");
}

function textOf(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => textOf(item)).join(",");
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** Outputs keep dynamic references as written: "Dynamic references are not resolved when used directly as Output values" [LIVE T9]. */
function evaluateOutputs(run: StackRun): void {
  const scope = scopeOf(run);
  run.stack.outputs = run.template.outputs.map((output) => {
    const description = output.description === undefined ? undefined : textOf(evaluate(output.description, scope));
    const exportName = output.exportName === undefined ? undefined : textOf(evaluate(output.exportName, scope));
    return {
      key: output.key,
      value: textOf(evaluate(output.value, scope)),
      ...(description === undefined ? {} : { description }),
      ...(exportName === undefined ? {} : { exportName }),
    };
  });
}

/**
 * Creates the stack's resources (the stack exists and is CREATE_IN_PROGRESS). `stackLevelProblem` is a reason
 * found once the stack exists and before any resource (unversioned ssm-secure references, parameter names that
 * do not exist): the stack fails without touching a resource.
 */
export function runCreation(run: StackRun, onFailure: OnFailure, stackLevelProblem: string | undefined): void {
  if (stackLevelProblem !== undefined) {
    // Recorded: the stack's CREATE_IN_PROGRESS event carries the reason, then the rollback [LIVE T8a].
    stackEvent(run, "CREATE_IN_PROGRESS", stackLevelProblem);
    failCreation(run, stackLevelProblem, onFailure);
    return;
  }
  for (const declaration of creationOrder(run.template)) {
    const problem = createResource(run, declaration);
    if (problem !== undefined) {
      failCreation(run, errors.failedToCreate([declaration.logicalId]), onFailure);
      return;
    }
  }
  try {
    evaluateOutputs(run);
  } catch (error) {
    if (!isAwsServiceError(error)) throw error;
    failCreation(run, error.message, onFailure);
    return;
  }
  setStatus(run, { type: "stack.created" });
  stackEvent(run, "CREATE_COMPLETE");
}

/** DeleteStack's work once the stack is DELETE_IN_PROGRESS. */
export function runDeletion(run: StackRun): void {
  stackEvent(run, "DELETE_IN_PROGRESS", errors.USER_INITIATED);
  const failed = deleteResources(run, "delete");
  if (failed.length > 0) {
    setStatus(run, { type: "stack.deleteFailed" }, errors.failedToDelete(failed));
    stackEvent(run, "DELETE_FAILED", run.stack.statusReason);
    return;
  }
  setStatus(run, { type: "stack.deleted" });
  delete run.stack.statusReason;
  run.stack.deletedAt = nextTimestamp(run);
  stackEvent(run, "DELETE_COMPLETE");
}
