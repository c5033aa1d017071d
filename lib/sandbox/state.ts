import * as z from "zod";
import type { ScheduledEvent } from "./core/scheduler";
import { MAX_TIME } from "./core/time";
import { cloudFormationStateSchema, emptyCloudFormationState, type CloudFormationState } from "./cloudformation/state";
import { ec2StateSchema, emptyEc2State, type Ec2State } from "./ec2/state";
import { emptyIamState, type IamState } from "./iam/model";
import { emptyKmsState, kmsStateSchema, type KmsState } from "./kms/state";
import { emptyLambdaState, lambdaStateSchema, type LambdaState } from "./lambda/state";
import { emptyRdsState, rdsStateSchema, type RdsState } from "./rds/state";
import { emptySecretsManagerState, secretsManagerStateSchema, type SecretsManagerState } from "./secrets-manager/state";
import { emptySsmState, ssmStateSchema, type SsmState } from "./ssm/state";
import type { TrailEvent } from "./trail/trail";

/**
 * Everything the sandbox knows, as plain JSON: per account (IAM) and per
 * account and Region (the services), the simulated clock, the random
 * generator's state, due events and the trail. snapshot() is a copy of
 * this; restore() validates one with `sandboxStateSchema`.
 */
export const SNAPSHOT_FORMAT = "keystone-sandbox";
export const SNAPSHOT_VERSION = 1;

export interface RegionState {
  kms: KmsState;
  secretsManager: SecretsManagerState;
  ssm: SsmState;
  lambda: LambdaState;
  rds: RdsState;
  ec2: Ec2State;
  cloudformation: CloudFormationState;
}

export interface AccountState {
  accountId: string;
  /** A name shown to learners ("learner account", "partner account"). */
  alias: string;
  iam: IamState;
  regions: Record<string, RegionState>;
}

/** Whom the next call is made as. */
export type CallerRef =
  | { accountId: string; kind: "root" }
  | { accountId: string; kind: "user"; name: string }
  | { accountId: string; kind: "role"; name: string; sessionName: string };

export interface SandboxState {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  /** Simulated time, ms since the epoch. */
  now: number;
  /** State of the seeded random generator. */
  random: number[];
  /** Counter for event ids and request ids. */
  sequence: number;
  defaultRegion: string;
  caller: CallerRef;
  accounts: Record<string, AccountState>;
  /** Due events, ordered by time. */
  scheduled: ScheduledEvent[];
  trail: TrailEvent[];
}

export function emptyRegionState(): RegionState {
  return { kms: emptyKmsState(), secretsManager: emptySecretsManagerState(), ssm: emptySsmState(), lambda: emptyLambdaState(), rds: emptyRdsState(), ec2: emptyEc2State(), cloudformation: emptyCloudFormationState() };
}

export function emptyAccountState(accountId: string, alias: string): AccountState {
  return { accountId, alias, iam: emptyIamState(), regions: {} };
}

const namedPolicy = z.strictObject({ name: z.string(), document: z.string() });
const iamStateSchema = z.strictObject({
  users: z.record(z.string(), z.strictObject({ name: z.string(), userId: z.string(), arn: z.string(), createdAt: z.number(), policies: z.array(namedPolicy) })),
  roles: z.record(
    z.string(),
    z.strictObject({
      name: z.string(),
      roleId: z.string(),
      arn: z.string(),
      createdAt: z.number(),
      description: z.string().optional(),
      trustPolicy: z.string(),
      policies: z.array(namedPolicy),
    }),
  ),
  // Snapshots from before sessions existed have none.
  sessions: z.record(z.string(), z.strictObject({ roleName: z.string(), sessionName: z.string(), secretAccessKey: z.string(), sessionToken: z.string(), expiresAt: z.number() })).default({}),
  // Snapshots from before EC2 existed in the sandbox have none.
  instanceProfiles: z
    .record(z.string(), z.strictObject({ name: z.string(), instanceProfileId: z.string(), arn: z.string(), createdAt: z.number(), roles: z.array(z.string()) }).strict())
    .default({}),
});

const regionStateSchema = z.strictObject({
  kms: kmsStateSchema,
  secretsManager: secretsManagerStateSchema,
  ssm: ssmStateSchema,
  lambda: lambdaStateSchema,
  rds: rdsStateSchema,
  // Snapshots from before EC2 and CloudFormation existed in the sandbox have neither.
  ec2: ec2StateSchema.default(emptyEc2State),
  cloudformation: cloudFormationStateSchema.default(emptyCloudFormationState),
});

const callerSchema = z.discriminatedUnion("kind", [
  z.strictObject({ accountId: z.string(), kind: z.literal("root") }),
  z.strictObject({ accountId: z.string(), kind: z.literal("user"), name: z.string() }),
  z.strictObject({ accountId: z.string(), kind: z.literal("role"), name: z.string(), sessionName: z.string() }),
]);

/**
 * A trail event (trail/trail.ts): strict like every record, with the
 * request, the response and the evaluation traces as the open JSON they are.
 */
const trailEventSchema = z.strictObject({
  eventId: z.string(),
  eventTime: z.number(),
  eventSource: z.string(),
  eventName: z.string(),
  awsRegion: z.string(),
  recipientAccountId: z.string(),
  userIdentity: z.strictObject({ type: z.enum(["Root", "IAMUser", "AssumedRole", "AWSService"]), arn: z.string(), accountId: z.string(), invokedBy: z.string().optional() }),
  readOnly: z.boolean(),
  requestParameters: z.record(z.string(), z.unknown()).nullable(),
  responseElements: z.record(z.string(), z.unknown()).nullable(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  resources: z.array(z.strictObject({ ARN: z.string(), type: z.string() })),
  authorizations: z.array(
    z.strictObject({ action: z.string(), resource: z.string(), decision: z.enum(["Allow", "ExplicitDeny", "ImplicitDeny"]), trace: z.array(z.unknown()), summary: z.string().optional() }),
  ),
  additionalEventData: z.record(z.string(), z.unknown()).optional(),
});

export const sandboxStateSchema = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  // From 1970 to the end of 9999 (core/time.ts MAX_TIME).
  now: z.number().finite().min(0).max(MAX_TIME),
  random: z.array(z.number().int()).min(1),
  sequence: z.number().int().nonnegative(),
  defaultRegion: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  caller: callerSchema,
  accounts: z.record(
    z.string().regex(/^\d{12}$/),
    z.strictObject({ accountId: z.string(), alias: z.string(), iam: iamStateSchema, regions: z.record(z.string(), regionStateSchema) }),
  ),
  scheduled: z.array(z.strictObject({ id: z.number().int(), at: z.number().finite().max(MAX_TIME), kind: z.string(), accountId: z.string(), region: z.string(), resource: z.string() })),
  // Trail events are display data: checked for shape, not field by field.
  trail: z.array(trailEventSchema),
});

/**
 * Fills in what snapshots from before a service existed lack (restore() keeps
 * the snapshot as given, so the schema's defaults do not reach the state):
 * instance profiles, EC2, CloudFormation, the learner's Lambda functions, KMS grants.
 */
export function upgradeState(state: SandboxState): SandboxState {
  for (const account of Object.values(state.accounts)) {
    account.iam.sessions ??= {};
    account.iam.instanceProfiles ??= {};
    for (const region of Object.values(account.regions)) {
      region.ec2 ??= emptyEc2State();
      region.cloudformation ??= emptyCloudFormationState();
      region.lambda.codeFunctions ??= {};
      region.kms.grants ??= {};
    }
  }
  return state;
}
