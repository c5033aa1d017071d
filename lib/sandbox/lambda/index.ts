import type { Sandbox } from "../sandbox";
import type { FunctionFault, FunctionRecord, RotationStrategy } from "./state";

/**
 * Scenario set-up for simulated rotation functions. A lab creates one with
 * an execution role and a strategy, then passes its ARN to RotateSecret:
 *
 *   const arn = putRotationFunction(sandbox, { name: "rotate-mydb", strategy: "single-user" });
 *   sandbox.call("secretsmanager", "RotateSecret", { SecretId: "prod/mydb", RotationLambdaARN: arn, ... });
 */

/** The template's default EXCLUDE_CHARACTERS: characters MySQL connection strings choke on. */
export const DEFAULT_EXCLUDE_CHARACTERS = "/@\"'\\";

export interface RotationFunctionSpec {
  name: string;
  strategy: RotationStrategy;
  /** Execution role ARN; defaults to the world's lambda-rotation-role in the function's account. */
  role?: string;
  /** Engine the template handles; default "mysql". */
  engine?: string;
  /** Whether the function policy allows secretsmanager.amazonaws.com to invoke it; default true. */
  allowSecretsManager?: boolean;
  excludeCharacters?: string;
  fault?: FunctionFault;
  /** The database (identifier) to use for secrets that name no host (see FunctionRecord.database). */
  database?: string;
  accountId?: string;
  region?: string;
}

/** Creates or replaces a rotation function; returns its ARN. */
export function putRotationFunction(sandbox: Sandbox, spec: RotationFunctionSpec): string {
  const accountId = spec.accountId ?? sandbox.whoAmI().accountId;
  const region = spec.region ?? sandbox.region;
  const arn = `arn:aws:lambda:${region}:${accountId}:function:${spec.name}`;
  const record: FunctionRecord = {
    name: spec.name,
    arn,
    role: spec.role ?? `arn:aws:iam::${accountId}:role/lambda-rotation-role`,
    strategy: spec.strategy,
    engine: spec.engine ?? "mysql",
    allowSecretsManager: spec.allowSecretsManager ?? true,
    excludeCharacters: spec.excludeCharacters ?? DEFAULT_EXCLUDE_CHARACTERS,
    ...(spec.fault ? { fault: spec.fault } : {}),
    ...(spec.database ? { database: spec.database } : {}),
    createdAt: sandbox.now,
    logs: [],
  };
  sandbox.regionState(accountId, region).lambda.functions[spec.name] = record;
  return arn;
}

function locate(sandbox: Sandbox, arn: string): FunctionRecord | undefined {
  const match = /^arn:aws:lambda:([^:]+):(\d{12}):function:([^:]+)$/.exec(arn);
  if (!match) return undefined;
  return sandbox.regionState(match[2], match[1]).lambda.functions[match[3] ?? ""];
}

export function getRotationFunction(sandbox: Sandbox, arn: string): FunctionRecord | undefined {
  return locate(sandbox, arn);
}

/** Injects (or with undefined, clears) a fault in a rotation function. */
export function setRotationFunctionFault(sandbox: Sandbox, arn: string, fault: FunctionFault | undefined): void {
  const fn = locate(sandbox, arn);
  if (!fn) return;
  if (fault) fn.fault = fault;
  else delete fn.fault;
}

export type { FunctionFault, FunctionRecord, RotationStrategy, RotationStep } from "./state";
