import type { WireObject } from "../core/operation";
import { toEpochSeconds } from "../core/time";
import type { StackEventRecord, StackRecord, StackResourceRecord } from "./state";

/**
 * Response shapes, members in the botocore model's order (cloudformation 2010-05-15), optional members omitted
 * when unset. What a created stack shows matches recorded describe-stacks output: RollbackConfiguration {},
 * NotificationARNs [], Tags, EnableTerminationProtection false, DriftInformation NOT_CHECKED
 * (e.g. https://github.com/compose-x/ecs_composex/pull/630).
 *
 * NOTE: the members AWS added for its newer features (OperationId, LastOperations, DetailedStatus,
 * DeletionMode, RetainExceptOnCreate) are not returned.
 */

export const STACK_RESOURCE_TYPE = "AWS::CloudFormation::Stack";

/** NoEcho parameters are shown as "****" (recorded describe-stacks output, e.g. MasterUserPassword "****"). */
export const MASK = "****";

const seconds = toEpochSeconds;

export function stackShape(stack: StackRecord): WireObject {
  const shape: WireObject = { StackId: stack.stackId, StackName: stack.stackName };
  if (stack.description !== undefined) shape.Description = stack.description;
  if (stack.parameters.length > 0) {
    shape.Parameters = stack.parameters.map((parameter) => ({
      ParameterKey: parameter.key,
      ParameterValue: parameter.noEcho ? MASK : parameter.value,
      // NOTE: a NoEcho parameter's ResolvedValue is masked too (not confirmed against AWS).
      ...(parameter.resolvedValue === undefined ? {} : { ResolvedValue: parameter.noEcho ? MASK : parameter.resolvedValue }),
    }));
  }
  shape.CreationTime = seconds(stack.createdAt);
  if (stack.deletedAt !== undefined) shape.DeletionTime = seconds(stack.deletedAt);
  if (stack.lastUpdatedAt !== undefined) shape.LastUpdatedTime = seconds(stack.lastUpdatedAt);
  shape.RollbackConfiguration = {};
  shape.StackStatus = stack.status;
  if (stack.statusReason !== undefined) shape.StackStatusReason = stack.statusReason;
  shape.DisableRollback = stack.disableRollback;
  shape.NotificationARNs = [];
  if (stack.capabilities.length > 0) shape.Capabilities = [...stack.capabilities];
  if (stack.outputs.length > 0) {
    shape.Outputs = stack.outputs.map((output) => ({
      OutputKey: output.key,
      OutputValue: output.value,
      ...(output.description === undefined ? {} : { Description: output.description }),
      ...(output.exportName === undefined ? {} : { ExportName: output.exportName }),
    }));
  }
  shape.Tags = stack.tags.map((tag) => ({ Key: tag.Key, Value: tag.Value }));
  shape.EnableTerminationProtection = false;
  shape.DriftInformation = { StackDriftStatus: "NOT_CHECKED" };
  return shape;
}

export function stackSummaryShape(stack: StackRecord, templateDescription: string | undefined): WireObject {
  return {
    StackId: stack.stackId,
    StackName: stack.stackName,
    ...(templateDescription === undefined ? {} : { TemplateDescription: templateDescription }),
    CreationTime: seconds(stack.createdAt),
    ...(stack.lastUpdatedAt === undefined ? {} : { LastUpdatedTime: seconds(stack.lastUpdatedAt) }),
    ...(stack.deletedAt === undefined ? {} : { DeletionTime: seconds(stack.deletedAt) }),
    StackStatus: stack.status,
    ...(stack.statusReason === undefined ? {} : { StackStatusReason: stack.statusReason }),
    DriftInformation: { StackDriftStatus: "NOT_CHECKED" },
  };
}

export function eventShape(stack: StackRecord, event: StackEventRecord): WireObject {
  return {
    StackId: stack.stackId,
    EventId: event.eventId,
    StackName: stack.stackName,
    LogicalResourceId: event.logicalId,
    PhysicalResourceId: event.physicalId ?? "",
    ResourceType: event.type,
    Timestamp: seconds(event.timestamp),
    ResourceStatus: event.status,
    ...(event.reason === undefined ? {} : { ResourceStatusReason: event.reason }),
    ...(event.properties === undefined ? {} : { ResourceProperties: event.properties }),
    ...(stack.clientRequestToken === undefined ? {} : { ClientRequestToken: stack.clientRequestToken }),
  };
}

export function stackResourceShape(stack: StackRecord, resource: StackResourceRecord): WireObject {
  return {
    StackName: stack.stackName,
    StackId: stack.stackId,
    LogicalResourceId: resource.logicalId,
    ...(resource.physicalId === undefined ? {} : { PhysicalResourceId: resource.physicalId }),
    ResourceType: resource.type,
    Timestamp: seconds(resource.updatedAt),
    ResourceStatus: resource.status,
    ...(resource.statusReason === undefined ? {} : { ResourceStatusReason: resource.statusReason }),
    DriftInformation: { StackResourceDriftStatus: "NOT_CHECKED" },
  };
}

export function resourceSummaryShape(resource: StackResourceRecord): WireObject {
  return {
    LogicalResourceId: resource.logicalId,
    ...(resource.physicalId === undefined ? {} : { PhysicalResourceId: resource.physicalId }),
    ResourceType: resource.type,
    LastUpdatedTimestamp: seconds(resource.updatedAt),
    ResourceStatus: resource.status,
    ...(resource.statusReason === undefined ? {} : { ResourceStatusReason: resource.statusReason }),
    DriftInformation: { StackResourceDriftStatus: "NOT_CHECKED" },
  };
}
