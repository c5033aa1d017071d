import * as z from "zod";

/**
 * CloudFormation state of one account in one Region: the stacks by stack id
 * (deleted stacks stay for 90 days, visible by id and in ListStacks), each
 * with what DescribeStacks, DescribeStackResources and DescribeStackEvents
 * show. Plain JSON; times are ms since the epoch.
 *
 * What the state never holds: the value a dynamic reference resolved to.
 * Templates, parameters, outputs, events and resource properties keep the
 * literal `{{resolve:...}}` text, as AWS does ("CloudFormation never stores
 * the actual secure string value", user guide, dynamic-references-ssm-secure-strings).
 */

/** The stack statuses the sandbox reaches (a subset of the model's StackStatus). */
export const STACK_STATUSES = [
  "CREATE_IN_PROGRESS",
  "CREATE_FAILED",
  "CREATE_COMPLETE",
  "ROLLBACK_IN_PROGRESS",
  "ROLLBACK_FAILED",
  "ROLLBACK_COMPLETE",
  "DELETE_IN_PROGRESS",
  "DELETE_FAILED",
  "DELETE_COMPLETE",
] as const;
export type StackStatus = (typeof STACK_STATUSES)[number];

/** Statuses of a stack's resources (and, in events, of the stack itself). */
export const RESOURCE_STATUSES = [
  "CREATE_IN_PROGRESS",
  "CREATE_FAILED",
  "CREATE_COMPLETE",
  "DELETE_IN_PROGRESS",
  "DELETE_FAILED",
  "DELETE_COMPLETE",
  "DELETE_SKIPPED",
  "ROLLBACK_IN_PROGRESS",
  "ROLLBACK_FAILED",
  "ROLLBACK_COMPLETE",
] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

export const ON_FAILURE = ["DO_NOTHING", "ROLLBACK", "DELETE"] as const;
export type OnFailure = (typeof ON_FAILURE)[number];

export interface StackParameterRecord {
  key: string;
  /** As given (or the default): for SSM parameter types, the parameter name. */
  value: string;
  /** SSM parameter types only: the value Parameter Store answered. */
  resolvedValue?: string;
  /** NoEcho parameters are shown as "****". */
  noEcho: boolean;
}

export interface StackOutputRecord {
  key: string;
  value: string;
  description?: string;
  exportName?: string;
}

export interface StackResourceRecord {
  logicalId: string;
  type: string;
  physicalId?: string;
  status: ResourceStatus;
  statusReason?: string;
  /** When the status last changed. */
  updatedAt: number;
}

export interface StackEventRecord {
  eventId: string;
  logicalId: string;
  physicalId?: string;
  type: string;
  timestamp: number;
  status: ResourceStatus;
  reason?: string;
  /** The resource's properties as CloudFormation sent them (JSON text), dynamic references unresolved. */
  properties?: string;
}

// A type (not an interface) so that tags pass as wire JSON.
export type StackTag = { Key: string; Value: string };

export interface StackRecord {
  stackId: string;
  stackName: string;
  /** The state of `stackMachine` (stack.machine.ts). */
  status: StackStatus;
  statusReason?: string;
  description?: string;
  /** The template exactly as given (GetTemplate returns it). */
  templateBody: string;
  parameters: StackParameterRecord[];
  capabilities: string[];
  tags: StackTag[];
  disableRollback: boolean;
  clientRequestToken?: string;
  createdAt: number;
  lastUpdatedAt?: number;
  deletedAt?: number;
  /** In the order CloudFormation worked on them. */
  resources: StackResourceRecord[];
  outputs: StackOutputRecord[];
  /** Oldest first (DescribeStackEvents answers newest first). */
  events: StackEventRecord[];
}

export interface CloudFormationState {
  /** By stack id (the stack's ARN). */
  stacks: Record<string, StackRecord>;
}

export function emptyCloudFormationState(): CloudFormationState {
  return { stacks: {} };
}

const stackStatus = z.enum(STACK_STATUSES);
const resourceStatus = z.enum(RESOURCE_STATUSES);

const parameterSchema = z
  .object({ key: z.string(), value: z.string(), resolvedValue: z.string().optional(), noEcho: z.boolean() })
  .strict();

const outputSchema = z
  .object({ key: z.string(), value: z.string(), description: z.string().optional(), exportName: z.string().optional() })
  .strict();

const resourceSchema = z
  .object({
    logicalId: z.string().min(1),
    type: z.string().min(1),
    physicalId: z.string().optional(),
    status: resourceStatus,
    statusReason: z.string().optional(),
    updatedAt: z.number().finite(),
  })
  .strict();

const eventSchema = z
  .object({
    eventId: z.string().min(1),
    logicalId: z.string().min(1),
    physicalId: z.string().optional(),
    type: z.string().min(1),
    timestamp: z.number().finite(),
    status: resourceStatus,
    reason: z.string().optional(),
    properties: z.string().optional(),
  })
  .strict();

const stackSchema = z
  .object({
    stackId: z.string().regex(/^arn:aws:cloudformation:[a-z0-9-]+:\d{12}:stack\/[a-zA-Z][-a-zA-Z0-9]*\/[0-9a-f-]{36}$/),
    stackName: z.string().min(1).max(128),
    status: stackStatus,
    statusReason: z.string().optional(),
    description: z.string().optional(),
    templateBody: z.string(),
    parameters: z.array(parameterSchema),
    capabilities: z.array(z.string()),
    tags: z.array(z.strictObject({ Key: z.string(), Value: z.string() }).strict()).max(50),
    disableRollback: z.boolean(),
    clientRequestToken: z.string().optional(),
    createdAt: z.number().finite(),
    lastUpdatedAt: z.number().finite().optional(),
    deletedAt: z.number().finite().optional(),
    resources: z.array(resourceSchema),
    outputs: z.array(outputSchema),
    events: z.array(eventSchema),
  })
  .strict()
  .refine((stack) => (stack.status === "DELETE_COMPLETE") === (stack.deletedAt !== undefined), {
    message: "a deleted stack, and only a deleted one, has a deletion time",
  })
  .refine((stack) => stack.stackId.split("/")[1] === stack.stackName, { message: "the stack id must name the stack" });

export const cloudFormationStateSchema = z
  .object({ stacks: z.record(z.string(), stackSchema) })
  .strict()
  .refine((state) => Object.entries(state.stacks).every(([id, stack]) => stack.stackId === id), {
    message: "each stack must be filed under its own stack id",
  })
  .refine(
    (state) => {
      const live = Object.values(state.stacks).filter((stack) => stack.status !== "DELETE_COMPLETE").map((stack) => stack.stackName);
      return new Set(live).size === live.length;
    },
    { message: "two stacks that are not deleted cannot share a name" },
  );
