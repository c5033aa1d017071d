import { keyStateOf } from "../kms/key.machine";
import type { KmsKeyRecord } from "../kms/state";
import type { DatabaseRecord } from "../rds/state";
import type { CodeFunctionRecord, FunctionRecord } from "../lambda/state";
import type { InstanceRecord } from "../ec2/state";
import { isShown } from "../ec2/view";
import type { StackRecord } from "../cloudformation/state";
import type { SecretRecord } from "../secrets-manager/state";
import type { ParameterRecord } from "../ssm/state";
import type { SandboxState } from "../state";

/**
 * What the learner has made in the sandbox, as the workspace's Resources pane
 * shows it: KMS keys, secrets, parameters, and the simulated rotation
 * functions and databases behind rotation. Plain JSON built from the engine's
 * state (never kept anywhere), so every face sees the same thing the engine
 * obeys. Secret values and key material are not included: a console shows
 * metadata, and a learner reads values with the CLI.
 */

export interface ResourceScope {
  accountId: string;
  region: string;
}

export interface KeyMaterialView {
  id: string;
  createdAt: number;
  /** How the version came to be: undefined for the key's original material. */
  rotationType?: "AUTOMATIC" | "ON_DEMAND";
  /** Whether this version encrypts new data (older versions only decrypt). */
  current: boolean;
}

export interface KeyView {
  keyId: string;
  arn: string;
  aliases: string[];
  description: string;
  /** The KeyState AWS reports. */
  keyState: "Enabled" | "Disabled" | "PendingDeletion" | "PendingImport";
  /** The lifecycle machine's state, dotted for nested states (e.g. "PendingDeletion.WithKeyMaterial"). */
  machineState: string;
  keySpec: string;
  keyUsage: string;
  origin: string;
  keyManager: "CUSTOMER" | "AWS";
  createdAt: number;
  deletionDate?: number;
  pendingWindowInDays?: number;
  rotation: { enabled: boolean; periodInDays: number; nextRotationAt?: number; onDemandRotations: number };
  materials: KeyMaterialView[];
  policy: string;
  tags: { key: string; value: string }[];
}

export interface SecretVersionView {
  versionId: string;
  stages: string[];
  createdAt: number;
  lastAccessedAt?: number;
  /** False for the empty AWSPENDING placeholder a rotation creates before createSecret fills it. */
  hasValue: boolean;
  /** The KMS key (ARN) that protects this version's data key. */
  keyArn?: string;
}

export interface SecretView {
  arn: string;
  name: string;
  description?: string;
  /** As the secret names it; "aws/secretsmanager" when it uses the AWS managed key. */
  kmsKeyId: string;
  createdAt: number;
  lastChangedAt: number;
  lastAccessedAt?: number;
  lifecycle: "Active" | "PendingDeletion";
  deletedAt?: number;
  deletionDate?: number;
  /** Newest first. */
  versions: SecretVersionView[];
  rotation: SecretRecord["rotation"];
  policy?: string;
  tags: { key: string; value: string }[];
}

export interface ParameterVersionView {
  version: number;
  type: string;
  tier: string;
  labels: string[];
  lastModifiedDate: number;
  lastModifiedUser: string;
  /** String and StringList values; SecureString values stay encrypted (undefined). */
  value?: string;
  keyId?: string;
  policies?: { type: string; text: string; status: string }[];
}

export interface ParameterView {
  name: string;
  type: string;
  tier: string;
  version: number;
  dataType: string;
  description?: string;
  keyId?: string;
  lastModifiedDate: number;
  /** Newest first. */
  history: ParameterVersionView[];
  tags: { key: string; value: string }[];
}

export interface FunctionView {
  name: string;
  arn: string;
  role: string;
  strategy: FunctionRecord["strategy"];
  database?: string;
  fault?: FunctionRecord["fault"];
  /** Newest last. */
  logs: FunctionRecord["logs"];
}

export interface DatabaseView {
  identifier: string;
  engine: string;
  host: string;
  port: number;
  available: boolean;
  users: { name: string; password: string; superuser: boolean }[];
  /** Newest last. */
  log: DatabaseRecord["log"];
}

export interface InstanceView {
  instanceId: string;
  /** The Name tag, if any. */
  name?: string;
  state: InstanceRecord["state"];
  instanceType: string;
  imageId: string;
  /** The instance profile's name, if launched with one. */
  profile?: string;
  launchedAt: number;
  hasUserData: boolean;
  consoleOutput: string;
}

export interface CodeFunctionView {
  name: string;
  arn: string;
  runtime: string;
  handler: string;
  role: string;
  environment: Record<string, string>;
  lastModified: number;
  codeSize: number;
  /** Newest last. */
  logs: CodeFunctionRecord["logs"];
}

export interface StackView {
  stackId: string;
  name: string;
  status: StackRecord["status"];
  statusReason?: string;
  createdAt: number;
  /** Parameters as given, with what SSM parameter types resolved to. */
  parameters: { key: string; value: string; resolvedValue?: string }[];
  resources: { logicalId: string; type: string; physicalId?: string; status: string; reason?: string }[];
  outputs: { key: string; value: string }[];
  /** Newest first, as DescribeStackEvents lists them. */
  events: { logicalId: string; status: string; reason?: string; at: number }[];
}

export interface ResourcesView extends ResourceScope {
  now: number;
  /** The identity commands run as. */
  callerArn: string;
  /** Regions of this account that hold anything, for a Region picker. */
  regions: string[];
  keys: KeyView[];
  secrets: SecretView[];
  parameters: ParameterView[];
  functions: FunctionView[];
  databases: DatabaseView[];
  /** EC2 instances (terminated ones while EC2 still shows them). */
  instances: InstanceView[];
  /** The learner's Lambda functions. */
  codeFunctions: CodeFunctionView[];
  /** CloudFormation stacks that are not deleted, oldest first. */
  stacks: StackView[];
}

const LOG_SHOWN = 50;

export function machineStateName(value: KmsKeyRecord["state"]): string {
  return typeof value === "string" ? value : `PendingDeletion.${value.PendingDeletion}`;
}

function keyView(key: KmsKeyRecord, aliases: string[]): KeyView {
  return {
    keyId: key.keyId,
    arn: key.arn,
    aliases,
    description: key.description,
    keyState: keyStateOf(key.state),
    machineState: machineStateName(key.state),
    keySpec: key.keySpec,
    keyUsage: key.keyUsage,
    origin: key.origin,
    keyManager: key.keyManager,
    createdAt: key.createdAt,
    ...(key.deletionDate === undefined ? {} : { deletionDate: key.deletionDate }),
    ...(key.pendingWindowInDays === undefined ? {} : { pendingWindowInDays: key.pendingWindowInDays }),
    rotation: {
      enabled: key.rotation.state === "AutomaticRotationEnabled",
      periodInDays: key.rotation.periodInDays,
      ...(key.rotation.nextRotationAt === undefined ? {} : { nextRotationAt: key.rotation.nextRotationAt }),
      onDemandRotations: key.rotation.onDemandRotations,
    },
    materials: key.materials.map((material, index) => ({
      id: material.id,
      createdAt: material.createdAt,
      ...(material.rotationType ? { rotationType: material.rotationType } : {}),
      current: index === key.currentMaterial,
    })),
    policy: key.policy,
    tags: key.tags.map((tag) => ({ key: tag.TagKey, value: tag.TagValue })),
  };
}

function secretView(secret: SecretRecord): SecretView {
  return {
    arn: secret.arn,
    name: secret.name,
    ...(secret.description === undefined ? {} : { description: secret.description }),
    kmsKeyId: secret.kmsKeyId ?? "aws/secretsmanager",
    createdAt: secret.createdAt,
    lastChangedAt: secret.lastChangedAt,
    ...(secret.lastAccessedAt === undefined ? {} : { lastAccessedAt: secret.lastAccessedAt }),
    lifecycle: secret.lifecycle,
    ...(secret.deletedAt === undefined ? {} : { deletedAt: secret.deletedAt }),
    ...(secret.deletionDate === undefined ? {} : { deletionDate: secret.deletionDate }),
    versions: [...secret.versions].reverse().map((version) => ({
      versionId: version.versionId,
      stages: [...version.stages],
      createdAt: version.createdAt,
      ...(version.lastAccessedAt === undefined ? {} : { lastAccessedAt: version.lastAccessedAt }),
      hasValue: version.value !== undefined,
      ...(version.value ? { keyArn: version.value.keyArn } : {}),
    })),
    rotation: structuredClone(secret.rotation),
    ...(secret.policy === undefined ? {} : { policy: secret.policy }),
    tags: secret.tags.map((tag) => ({ key: tag.Key, value: tag.Value })),
  };
}

function parameterView(parameter: ParameterRecord): ParameterView {
  const current = parameter.history[parameter.history.length - 1]!;
  return {
    name: parameter.name,
    type: current.type,
    tier: parameter.tier,
    version: current.version,
    dataType: current.dataType,
    ...(current.description === undefined ? {} : { description: current.description }),
    ...(current.keyId === undefined ? {} : { keyId: current.keyId }),
    lastModifiedDate: current.lastModifiedDate,
    history: [...parameter.history].reverse().map((version) => ({
      version: version.version,
      type: version.type,
      tier: version.tier,
      labels: [...version.labels],
      lastModifiedDate: version.lastModifiedDate,
      lastModifiedUser: version.lastModifiedUser,
      ...(version.type === "SecureString" ? {} : { value: version.value }),
      ...(version.keyId === undefined ? {} : { keyId: version.keyId }),
      ...(version.policies ? { policies: version.policies.map((policy) => ({ type: policy.PolicyType, text: policy.PolicyText, status: policy.PolicyStatus })) } : {}),
    })),
    tags: parameter.tags.map((tag) => ({ key: tag.Key, value: tag.Value })),
  };
}

function functionView(fn: FunctionRecord): FunctionView {
  return {
    name: fn.name,
    arn: fn.arn,
    role: fn.role,
    strategy: fn.strategy,
    ...(fn.database === undefined ? {} : { database: fn.database }),
    ...(fn.fault === undefined ? {} : { fault: structuredClone(fn.fault) }),
    logs: fn.logs.slice(-LOG_SHOWN).map((entry) => ({ ...entry })),
  };
}

function databaseView(database: DatabaseRecord): DatabaseView {
  return {
    identifier: database.identifier,
    engine: database.engine,
    host: database.host,
    port: database.port,
    available: database.available,
    users: Object.entries(database.users)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, user]) => ({ name, password: user.password, superuser: user.superuser })),
    log: database.log.slice(-LOG_SHOWN).map((entry) => ({ ...entry })),
  };
}

function byName<T>(items: T[], name: (item: T) => string): T[] {
  return items.sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
}

/** The resources of one account and Region (by default the caller's account and the default Region). */
export function describeResources(state: Readonly<SandboxState>, scope: Partial<ResourceScope> = {}): ResourcesView {
  const accountId = scope.accountId ?? state.caller.accountId;
  const region = scope.region ?? state.defaultRegion;
  const account = state.accounts[accountId];
  const regionState = account?.regions[region];
  const regions = Object.entries(account?.regions ?? {})
    .filter(([, value]) => Object.keys(value.kms.keys).length + Object.keys(value.secretsManager.secrets).length + Object.keys(value.ssm.parameters).length > 0)
    .map(([name]) => name);
  if (!regions.includes(region)) regions.push(region);
  const caller = state.caller;
  const callerArn =
    caller.kind === "root"
      ? `arn:aws:iam::${caller.accountId}:root`
      : caller.kind === "user"
        ? `arn:aws:iam::${caller.accountId}:user/${caller.name}`
        : `arn:aws:sts::${caller.accountId}:assumed-role/${caller.name}/${caller.sessionName}`;
  const aliases = new Map<string, string[]>();
  for (const alias of Object.values(regionState?.kms.aliases ?? {})) {
    aliases.set(alias.targetKeyId, [...(aliases.get(alias.targetKeyId) ?? []), alias.aliasName].sort());
  }
  return {
    accountId,
    region,
    now: state.now,
    callerArn,
    regions: regions.sort(),
    // Customer managed keys first, then by creation.
    keys: Object.values(regionState?.kms.keys ?? {})
      .sort((a, b) => (a.keyManager === b.keyManager ? a.createdAt - b.createdAt || (a.keyId < b.keyId ? -1 : 1) : a.keyManager === "CUSTOMER" ? -1 : 1))
      .map((key) => keyView(key, aliases.get(key.keyId) ?? [])),
    secrets: byName(Object.values(regionState?.secretsManager.secrets ?? {}), (secret) => secret.name).map(secretView),
    parameters: byName(Object.values(regionState?.ssm.parameters ?? {}), (parameter) => parameter.name).map(parameterView),
    functions: byName(Object.values(regionState?.lambda.functions ?? {}), (fn) => fn.name).map(functionView),
    databases: byName(Object.values(regionState?.rds.databases ?? {}), (database) => database.identifier).map(databaseView),
    instances: Object.values(regionState?.ec2.instances ?? {})
      .filter((instance) => isShown(instance, state.now))
      .sort((a, b) => a.launchedAt - b.launchedAt || (a.instanceId < b.instanceId ? -1 : 1))
      .map(instanceView),
    codeFunctions: byName(Object.values(regionState?.lambda.codeFunctions ?? {}), (fn) => fn.name).map(codeFunctionView),
    stacks: Object.values(regionState?.cloudformation.stacks ?? {})
      .filter((stack) => stack.status !== "DELETE_COMPLETE")
      .sort((a, b) => a.createdAt - b.createdAt || (a.stackName < b.stackName ? -1 : 1))
      .map(stackView),
  };
}

function stackView(stack: StackRecord): StackView {
  return {
    stackId: stack.stackId,
    name: stack.stackName,
    status: stack.status,
    ...(stack.statusReason === undefined ? {} : { statusReason: stack.statusReason }),
    createdAt: stack.createdAt,
    // NoEcho parameters are masked as DescribeStacks masks them.
    parameters: stack.parameters.map((parameter) => ({
      key: parameter.key,
      value: parameter.noEcho ? "****" : parameter.value,
      ...(parameter.resolvedValue === undefined ? {} : { resolvedValue: parameter.noEcho ? "****" : parameter.resolvedValue }),
    })),
    resources: stack.resources.map((resource) => ({
      logicalId: resource.logicalId,
      type: resource.type,
      ...(resource.physicalId === undefined ? {} : { physicalId: resource.physicalId }),
      status: resource.status,
      ...(resource.statusReason === undefined ? {} : { reason: resource.statusReason }),
    })),
    outputs: stack.outputs.map((output) => ({ key: output.key, value: output.value })),
    events: stack.events
      .slice(-LOG_SHOWN)
      .reverse()
      .map((event) => ({ logicalId: event.logicalId, status: event.status, ...(event.reason === undefined ? {} : { reason: event.reason }), at: event.timestamp })),
  };
}

function instanceView(instance: InstanceRecord): InstanceView {
  const name = instance.tags.find((tag) => tag.Key === "Name")?.Value;
  return {
    instanceId: instance.instanceId,
    ...(name === undefined ? {} : { name }),
    state: instance.state,
    instanceType: instance.instanceType,
    imageId: instance.imageId,
    ...(instance.iamInstanceProfile ? { profile: instance.iamInstanceProfile.name } : {}),
    launchedAt: instance.launchedAt,
    hasUserData: instance.userData !== undefined,
    consoleOutput: instance.consoleOutput,
  };
}

function codeFunctionView(fn: CodeFunctionRecord): CodeFunctionView {
  return {
    name: fn.name,
    arn: fn.arn,
    runtime: fn.runtime,
    handler: fn.handler,
    role: fn.role,
    environment: { ...fn.environment },
    lastModified: fn.lastModified,
    codeSize: fn.codeSize,
    logs: fn.logs.slice(-LOG_SHOWN),
  };
}
