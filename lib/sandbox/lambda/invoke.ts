import { parseArn } from "../core/arn";
import { isAwsServiceError } from "../core/errors";
import type { OperationContext, WireObject } from "../core/operation";
import { parseRoleArn, type Principal } from "../iam/model";
import { connect, copyGrants, createUser, DatabaseError, setPassword, userExists } from "../rds/database";
import type { RegionState } from "../state";
import type { FunctionRecord, RotationStep } from "./state";
import { ClientError, FunctionError, runRotationTemplate, type DatabaseDriver, type RotationEvent, type TemplateContext } from "./templates";

/**
 * Invoking a simulated rotation function, as Secrets Manager does for each
 * step: the function runs as a session of its execution role (so the role's
 * policies decide what it may do in Secrets Manager and KMS), and reports
 * success or an error the way Lambda does (errorType, errorMessage).
 */

const LOG_LIMIT = 200;

export interface FunctionLocation {
  accountId: string;
  region: string;
  name: string;
}

/** `arn:aws:lambda:<region>:<account>:function:<name>[:qualifier]`. */
export function parseFunctionArn(arn: string): FunctionLocation | undefined {
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== "lambda") return undefined;
  const match = /^function:([A-Za-z0-9_-]{1,64})(:[A-Za-z0-9$_-]+)?$/.exec(parsed.resource);
  if (!match || !/^\d{12}$/.test(parsed.account) || !parsed.region) return undefined;
  return { accountId: parsed.account, region: parsed.region, name: match[1] ?? "" };
}

export function findFunction(ctx: Pick<OperationContext, "regionState" | "hasAccount">, arn: string): FunctionRecord | undefined {
  const location = parseFunctionArn(arn);
  if (!location || !ctx.hasAccount(location.accountId)) return undefined;
  return ctx.regionState(location.accountId, location.region).lambda.functions[location.name];
}

/** The principal a function's code runs as: a session of its execution role named after the function. */
export function executionPrincipal(fn: FunctionRecord): Principal {
  const role = parseRoleArn(fn.role);
  const accountId = role?.accountId ?? "";
  const roleName = role?.name ?? "";
  return {
    kind: "assumed-role",
    accountId,
    roleName,
    sessionName: fn.name,
    roleArn: fn.role,
    arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${fn.name}`,
  };
}

export type InvocationResult = { ok: true; requestId: string } | { ok: false; requestId: string; errorType: string; errorMessage: string };

function databaseDriver(ctx: OperationContext, fn: FunctionRecord, rds: RegionState["rds"]): DatabaseDriver {
  return {
    connect(secret) {
      if (fn.fault && "unreachable" in fn.fault) return null;
      const port = secret["port"] === undefined ? undefined : Number(secret["port"]);
      // A secret without a host is for the function's own database (FunctionRecord.database).
      const host = typeof secret.host === "string" ? secret.host : fn.database ? rds.databases[fn.database]?.host : undefined;
      if (host === undefined) return null;
      const result = connect(rds, { host, port: Number.isFinite(port) ? port : undefined }, secret.username, secret.password, ctx.now);
      return result.ok ? result.session : null;
    },
    setPassword: (session, username, password) => setPassword(session, username, password, ctx.now),
    userExists,
    createUser: (session, username, password, grantsFrom) => createUser(session, username, password, grantsFrom, ctx.now),
    copyGrants,
  };
}

export function invokeRotationFunction(ctx: OperationContext, fn: FunctionRecord, event: RotationEvent): InvocationResult {
  const requestId = ctx.random.uuid();
  const log = (level: "INFO" | "ERROR", message: string) => {
    fn.logs.push({ at: ctx.now, requestId, level, message });
    if (fn.logs.length > LOG_LIMIT) fn.logs.splice(0, fn.logs.length - LOG_LIMIT);
  };
  log("INFO", `START RequestId: ${requestId} Step: ${event.Step} SecretId: ${event.SecretId} ClientRequestToken: ${event.ClientRequestToken}`);

  const principal = executionPrincipal(fn);
  const location = parseFunctionArn(fn.arn);
  const rds = ctx.regionState(location?.accountId, location?.region).rds;
  const template: TemplateContext = {
    client: {
      call(operation, input: WireObject) {
        try {
          return ctx.call("secretsmanager", operation, input, { as: principal });
        } catch (error) {
          if (isAwsServiceError(error)) throw new ClientError(error.code, operation, error.message);
          throw error;
        }
      },
    },
    database: databaseDriver(ctx, fn, rds),
    log,
    engine: fn.engine,
    excludeCharacters: fn.excludeCharacters,
    ...(fn.database && rds.databases[fn.database] ? { defaultDatabase: { engine: rds.databases[fn.database]?.engine ?? fn.engine, host: rds.databases[fn.database]?.host ?? "" } } : {}),
  };

  try {
    if (fn.fault && "step" in fn.fault && fn.fault.step === event.Step) throw new FunctionError("ValueError", fn.fault.message);
    runRotationTemplate(template, fn.strategy, event);
    log("INFO", `END RequestId: ${requestId}`);
    return { ok: true, requestId };
  } catch (error) {
    const errorType =
      error instanceof FunctionError ? error.errorType : error instanceof ClientError ? "ClientError" : error instanceof DatabaseError ? "OperationalError" : "Exception";
    const errorMessage = error instanceof Error ? error.message : String(error);
    log("ERROR", `[ERROR] ${errorType}: ${errorMessage}`);
    log("INFO", `END RequestId: ${requestId}`);
    return { ok: false, requestId, errorType, errorMessage };
  }
}

export type { RotationEvent, RotationStep };
