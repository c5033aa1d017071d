/**
 * The AWS API models the CLI reads (trimmed from botocore by
 * scripts/extract-cli-models.mjs): which commands exist, and for the ones the
 * engine implements, the shapes of their input and output. The engine decides
 * what is simulated; the model decides what the CLI accepts and prints.
 */
import commandsFile from "./models/commands.json";
import kmsModel from "./models/kms.json";
import secretsManagerModel from "./models/secretsmanager.json";
import ssmModel from "./models/ssm.json";
import stsModel from "./models/sts.json";
import ec2Model from "./models/ec2.json";
import lambdaModel from "./models/lambda.json";
import cloudFormationModel from "./models/cloudformation.json";
import cloudTrailModel from "./models/cloudtrail.json";
import type { ServiceId } from "../core/operation";

export type ShapeType = "structure" | "list" | "map" | "string" | "integer" | "long" | "boolean" | "blob" | "timestamp" | "double" | "float";

export interface MemberRef {
  shape: string;
  idempotencyToken?: boolean;
  deprecated?: boolean;
}

export interface ShapeSpec {
  type: ShapeType;
  members?: Record<string, MemberRef>;
  required?: string[];
  union?: boolean;
  document?: boolean;
  member?: string;
  key?: string;
  value?: string;
  min?: number;
  max?: number;
  enum?: string[];
  sensitive?: boolean;
}

export interface OperationEntry {
  implemented?: boolean;
  deprecated?: boolean;
  input?: string;
  output?: string;
}

export interface PaginatorSpec {
  input_token: string | string[];
  output_token: string | string[];
  limit_key?: string;
  more_results?: string;
  result_key?: string | string[];
  non_aggregate_keys?: string[];
}

export interface ServiceModel {
  NOTICE: string;
  service: string;
  metadata: { apiVersion: string; endpointPrefix: string; protocol: string; serviceFullName: string; serviceId: string; targetPrefix?: string };
  operations: Record<string, OperationEntry>;
  shapes: Record<string, ShapeSpec>;
  paginators: Record<string, PaginatorSpec>;
}

/** A resolved shape: a named spec from a service model, with its members resolved lazily. */
export class Shape {
  constructor(
    readonly model: ServiceModel,
    readonly name: string,
    readonly spec: ShapeSpec,
  ) {}

  get type(): ShapeType {
    return this.spec.type;
  }

  private memberCache: Map<string, Shape> | undefined;

  /** Member name → shape, in the model's order (structures only). Do not modify. */
  get members(): ReadonlyMap<string, Shape> {
    if (!this.memberCache) {
      this.memberCache = new Map();
      for (const [name, ref] of Object.entries(this.spec.members ?? {})) this.memberCache.set(name, shapeOf(this.model, ref.shape));
    }
    return this.memberCache;
  }

  memberRef(name: string): MemberRef | undefined {
    return this.spec.members?.[name];
  }

  get required(): readonly string[] {
    return this.spec.required ?? [];
  }

  get member(): Shape {
    return shapeOf(this.model, this.spec.member ?? "");
  }

  get key(): Shape {
    return shapeOf(this.model, this.spec.key ?? "");
  }

  get value(): Shape {
    return shapeOf(this.model, this.spec.value ?? "");
  }

  get enumValues(): readonly string[] {
    return this.spec.enum ?? [];
  }
}

const shapeCache = new WeakMap<ServiceModel, Map<string, Shape>>();

export function shapeOf(model: ServiceModel, name: string): Shape {
  let cache = shapeCache.get(model);
  if (!cache) {
    cache = new Map();
    shapeCache.set(model, cache);
  }
  let shape = cache.get(name);
  if (!shape) {
    const spec = model.shapes[name];
    if (!spec) throw new Error(`model ${model.service} has no shape ${name}`);
    shape = new Shape(model, name, spec);
    cache.set(name, shape);
  }
  return shape;
}

/** The services the sandbox simulates, by CLI command name. */
export const SERVICE_MODELS: ReadonlyMap<string, { id: ServiceId; model: ServiceModel }> = new Map([
  ["kms", { id: "kms", model: kmsModel as unknown as ServiceModel }],
  ["secretsmanager", { id: "secretsmanager", model: secretsManagerModel as unknown as ServiceModel }],
  ["ssm", { id: "ssm", model: ssmModel as unknown as ServiceModel }],
  ["sts", { id: "sts", model: stsModel as unknown as ServiceModel }],
  ["ec2", { id: "ec2", model: ec2Model as unknown as ServiceModel }],
  ["lambda", { id: "lambda", model: lambdaModel as unknown as ServiceModel }],
  ["cloudformation", { id: "cloudformation", model: cloudFormationModel as unknown as ServiceModel }],
  ["cloudtrail", { id: "cloudtrail", model: cloudTrailModel as unknown as ServiceModel }],
]);

/** Every top-level command of the real CLI v2, in the order its "Invalid choice" list shows them. */
export const TOP_LEVEL_COMMANDS: readonly string[] = (commandsFile as { commands: string[] }).commands;

// --- Names ------------------------------------------------------------------

const XFORM_SPECIAL: Record<string, string> = {
  CreateCachediSCSIVolume: "create-cached-iscsi-volume",
  DescribeCachediSCSIVolumes: "describe-cached-iscsi-volumes",
  DescribeStorediSCSIVolumes: "describe-stored-iscsi-volumes",
  CreateStorediSCSIVolume: "create-stored-iscsi-volume",
  ListHITsForQualificationType: "list-hits-for-qualification-type",
  ExecutePartiQLStatement: "execute-partiql-statement",
  ExecutePartiQLTransaction: "execute-partiql-transaction",
  ExecutePartiQLBatch: "execute-partiql-batch",
};

/**
 * botocore's xform_name with "-": GetParametersByPath → get-parameters-by-path,
 * RotationLambdaARN → rotation-lambda-arn, GatewayARNs → gateway-arns.
 */
export function xformName(name: string, sep = "-"): string {
  if (name.includes(sep)) return name;
  if (sep === "-" && XFORM_SPECIAL[name]) return XFORM_SPECIAL[name];
  let base = name;
  const special = /[A-Z]{2,}s$/.exec(base);
  if (special) base = base.slice(0, base.length - special[0].length) + sep + special[0].toLowerCase();
  const s1 = base.replace(/(.)([A-Z][a-z]+)/gs, `$1${sep}$2`);
  return s1.replace(/([a-z0-9])([A-Z])/g, `$1${sep}$2`).toLowerCase();
}

export interface OperationInfo {
  service: string;
  serviceId: ServiceId;
  model: ServiceModel;
  name: string;
  command: string;
  entry: OperationEntry;
}

const commandTables = new Map<string, Map<string, OperationInfo>>();

/** The commands of a service in the model's order: kebab-case name → operation. */
export function commandTable(service: string): Map<string, OperationInfo> {
  const cached = commandTables.get(service);
  if (cached) return cached;
  const found = SERVICE_MODELS.get(service);
  const table = new Map<string, OperationInfo>();
  if (found) {
    for (const [name, entry] of Object.entries(found.model.operations)) {
      const command = xformName(name);
      table.set(command, { service, serviceId: found.id, model: found.model, name, command, entry });
    }
  }
  commandTables.set(service, table);
  return table;
}

export function inputShape(operation: OperationInfo): Shape | undefined {
  return operation.entry.input ? shapeOf(operation.model, operation.entry.input) : undefined;
}

export function outputShape(operation: OperationInfo): Shape | undefined {
  return operation.entry.output ? shapeOf(operation.model, operation.entry.output) : undefined;
}
