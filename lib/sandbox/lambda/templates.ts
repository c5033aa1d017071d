import type { WireObject } from "../core/operation";
import type { Session } from "../rds/database";
import type { RotationStep, RotationStrategy } from "./state";

/**
 * AWS's rotation function templates, ported: the logic of
 * aws-samples/aws-secrets-manager-rotation-lambdas
 * SecretsManagerRDSMySQLRotationSingleUser and ...MultiUser (the
 * "alternating users" strategy), step for step, with the same checks and the
 * same error texts. They talk to Secrets Manager through a client whose calls
 * are made as the function's execution role, and to the database through a
 * driver over the simulated databases.
 *
 * NOTE: the templates' TLS options, MySQL version handling and RDS replica
 * checks are left out; they change nothing a learner can observe here.
 */

/** A failed Secrets Manager call as botocore raises it inside a function. */
export class ClientError extends Error {
  override readonly name = "ClientError";
  constructor(
    readonly code: string,
    readonly operation: string,
    readonly detail: string,
  ) {
    super(`An error occurred (${code}) when calling the ${operation} operation: ${detail}`);
  }
}

/** Python's ValueError / KeyError as the templates raise them; `errorType` is what Lambda reports. */
export class FunctionError extends Error {
  constructor(
    readonly errorType: "ValueError" | "KeyError",
    message: string,
  ) {
    super(message);
  }
}

export interface RotationClient {
  call(operation: "DescribeSecret" | "GetSecretValue" | "PutSecretValue" | "GetRandomPassword" | "UpdateSecretVersionStage", input: WireObject): WireObject;
}

export interface DatabaseDriver {
  /** Opens a connection with the secret's fields; null when it cannot (unknown host, unreachable, bad credentials). */
  connect(secret: SecretDict): Session | null;
  setPassword(session: Session, username: string, password: string): void;
  userExists(session: Session, username: string): boolean;
  createUser(session: Session, username: string, password: string, grantsFrom: string): void;
  copyGrants(session: Session, from: string, to: string): void;
}

export interface TemplateContext {
  client: RotationClient;
  database: DatabaseDriver;
  log(level: "INFO" | "ERROR", message: string): void;
  /** The engine the template is written for, e.g. "mysql". */
  engine: string;
  excludeCharacters: string;
  /**
   * The function's own database, for secrets without a "host" field (the
   * sandbox's addition, see FunctionRecord.database): such a secret is taken
   * to be for that database, whatever its "engine" field says.
   */
  defaultDatabase?: { engine: string; host: string };
}

export interface RotationEvent {
  Step: RotationStep;
  SecretId: string;
  ClientRequestToken: string;
}

export type SecretDict = Record<string, unknown> & { host: string; username: string; password: string };

const CLONE_SUFFIX = "_clone";

function fail(ctx: TemplateContext, step: string, type: "ValueError" | "KeyError", message: string): never {
  ctx.log("ERROR", `${step}: ${message}`);
  throw new FunctionError(type, message);
}

/** `get_secret_dict`: reads a version and checks it is a JSON database secret for this engine. */
function getSecretDict(ctx: TemplateContext, arn: string, stage: string, token?: string): SecretDict {
  const input: WireObject = token ? { SecretId: arn, VersionId: token, VersionStage: stage } : { SecretId: arn, VersionStage: stage };
  const secret = ctx.client.call("GetSecretValue", input);
  const text = secret["SecretString"];
  let parsed: unknown;
  try {
    parsed = typeof text === "string" ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new FunctionError("ValueError", `Secret ${arn} is not valid JSON`);
  }
  const dict = parsed as Record<string, unknown>;
  const usesDefault = ctx.defaultDatabase !== undefined && !("host" in dict);
  if (!usesDefault && dict["engine"] !== ctx.engine) throw new FunctionError("KeyError", `Database engine must be set to '${ctx.engine}' in order to use this rotation lambda`);
  for (const field of usesDefault ? ["username", "password"] : ["host", "username", "password"]) {
    if (!(field in dict)) throw new FunctionError("KeyError", `${field} key is missing from secret JSON`);
  }
  return dict as SecretDict;
}

function isNotFound(error: unknown): boolean {
  return error instanceof ClientError && error.code === "ResourceNotFoundException";
}

function altUsername(current: string): string {
  if (current.endsWith(CLONE_SUFFIX)) return current.slice(0, -CLONE_SUFFIX.length);
  const next = current + CLONE_SUFFIX;
  if (next.length > 16) throw new FunctionError("ValueError", "Unable to clone user, username length with _clone appended would exceed 16 characters");
  return next;
}

function createSecret(ctx: TemplateContext, strategy: RotationStrategy, arn: string, token: string): void {
  const current = getSecretDict(ctx, arn, "AWSCURRENT");
  try {
    getSecretDict(ctx, arn, "AWSPENDING", token);
    ctx.log("INFO", `createSecret: Successfully retrieved secret for ${arn}.`);
    return;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  if (strategy === "alternating-users") current.username = altUsername(current.username);
  const generated = ctx.client.call("GetRandomPassword", { ExcludeCharacters: ctx.excludeCharacters });
  current.password = String(generated["RandomPassword"]);
  ctx.client.call("PutSecretValue", { SecretId: arn, ClientRequestToken: token, SecretString: JSON.stringify(current), VersionStages: ["AWSPENDING"] });
  ctx.log("INFO", `createSecret: Successfully put secret for ARN ${arn} and version ${token}.`);
}

function setSecretSingleUser(ctx: TemplateContext, arn: string, token: string): void {
  let previous: SecretDict | undefined;
  try {
    previous = getSecretDict(ctx, arn, "AWSPREVIOUS");
  } catch (error) {
    if (!isNotFound(error) && !(error instanceof FunctionError && error.errorType === "KeyError")) throw error;
  }
  const current = getSecretDict(ctx, arn, "AWSCURRENT");
  const pending = getSecretDict(ctx, arn, "AWSPENDING", token);

  if (ctx.database.connect(pending)) {
    ctx.log("INFO", `setSecret: AWSPENDING secret is already set as password in the database for secret arn ${arn}.`);
    return;
  }
  if (current.username !== pending.username) fail(ctx, "setSecret", "ValueError", `Attempting to modify user ${pending.username} other than current user ${current.username}`);
  if (current.host !== pending.host) fail(ctx, "setSecret", "ValueError", `Attempting to modify user for host ${pending.host} other than current host ${current.host}`);

  let session = ctx.database.connect(current);
  if (!session && previous) {
    session = ctx.database.connect(previous);
    if (previous.username !== pending.username) fail(ctx, "setSecret", "ValueError", `Attempting to modify user ${pending.username} other than previous valid user ${previous.username}`);
    if (previous.host !== pending.host) fail(ctx, "setSecret", "ValueError", `Attempting to modify user for host ${pending.host} other than previous host ${previous.host}`);
  }
  if (!session) fail(ctx, "setSecret", "ValueError", `Unable to log into database with previous, current, or pending secret of secret arn ${arn}`);
  ctx.database.setPassword(session, pending.username, pending.password);
  ctx.log("INFO", `setSecret: Successfully set password for user ${pending.username} in the database for secret arn ${arn}.`);
}

function setSecretAlternatingUsers(ctx: TemplateContext, arn: string, token: string): void {
  const current = getSecretDict(ctx, arn, "AWSCURRENT");
  const pending = getSecretDict(ctx, arn, "AWSPENDING", token);

  if (ctx.database.connect(pending)) {
    ctx.log("INFO", `setSecret: AWSPENDING secret is already set as password in the database for secret arn ${arn}.`);
    return;
  }
  if (altUsername(current.username) !== pending.username) {
    fail(ctx, "setSecret", "ValueError", `Attempting to modify user ${pending.username} other than current user or clone ${current.username}`);
  }
  if (current.host !== pending.host) fail(ctx, "setSecret", "ValueError", `Attempting to modify user for host ${pending.host} other than current host ${current.host}`);

  // Log in with the current credentials first: rotating a credential that does not work would be a confused deputy.
  if (!ctx.database.connect(current)) fail(ctx, "setSecret", "ValueError", `Unable to log into database using current credentials for secret ${arn}`);

  const masterArn = current["masterarn"];
  if (typeof masterArn !== "string") throw new FunctionError("KeyError", "masterarn key is missing from secret JSON");
  const master = getSecretDict(ctx, masterArn, "AWSCURRENT");
  if (current.host !== master.host) fail(ctx, "setSecret", "ValueError", `Current database host ${current.host} is not the same host as/rds replica of master ${master.host}`);

  const session = ctx.database.connect(master);
  if (!session) fail(ctx, "setSecret", "ValueError", `Unable to log into database using credentials in master secret ${masterArn}`);
  if (!ctx.database.userExists(session, pending.username)) ctx.database.createUser(session, pending.username, pending.password, current.username);
  else ctx.database.copyGrants(session, current.username, pending.username);
  ctx.database.setPassword(session, pending.username, pending.password);
  ctx.log("INFO", `setSecret: Successfully set password for ${pending.username} in the database for secret arn ${arn}.`);
}

function testSecret(ctx: TemplateContext, arn: string, token: string): void {
  if (ctx.database.connect(getSecretDict(ctx, arn, "AWSPENDING", token))) {
    ctx.log("INFO", `testSecret: Successfully signed into the database with AWSPENDING secret in ${arn}.`);
    return;
  }
  fail(ctx, "testSecret", "ValueError", `Unable to log into database with pending secret of secret ARN ${arn}`);
}

function finishSecret(ctx: TemplateContext, arn: string, token: string): void {
  const metadata = ctx.client.call("DescribeSecret", { SecretId: arn });
  const versions = (metadata["VersionIdsToStages"] ?? {}) as Record<string, string[]>;
  let currentVersion: string | undefined;
  for (const [version, stages] of Object.entries(versions)) {
    if (stages.includes("AWSCURRENT")) {
      if (version === token) {
        ctx.log("INFO", `finishSecret: Version ${version} already marked as AWSCURRENT for ${arn}`);
        return;
      }
      currentVersion = version;
      break;
    }
  }
  ctx.client.call("UpdateSecretVersionStage", {
    SecretId: arn,
    VersionStage: "AWSCURRENT",
    MoveToVersionId: token,
    ...(currentVersion === undefined ? {} : { RemoveFromVersionId: currentVersion }),
  });
  ctx.log("INFO", `finishSecret: Successfully set AWSCURRENT stage to version ${token} for secret ${arn}.`);
}

/** `lambda_handler`: checks the version is staged for rotation, then runs the step. */
export function runRotationTemplate(ctx: TemplateContext, strategy: RotationStrategy, event: RotationEvent): void {
  const { SecretId: arn, ClientRequestToken: token, Step: step } = event;
  const metadata = ctx.client.call("DescribeSecret", { SecretId: arn });
  if ("RotationEnabled" in metadata && metadata["RotationEnabled"] === false) fail(ctx, "lambda_handler", "ValueError", `Secret ${arn} is not enabled for rotation`);
  const versions = (metadata["VersionIdsToStages"] ?? {}) as Record<string, string[]>;
  const stages = versions[token];
  if (!stages) fail(ctx, "lambda_handler", "ValueError", `Secret version ${token} has no stage for rotation of secret ${arn}.`);
  if (stages.includes("AWSCURRENT")) {
    ctx.log("INFO", `Secret version ${token} already set as AWSCURRENT for secret ${arn}.`);
    return;
  }
  if (!stages.includes("AWSPENDING")) fail(ctx, "lambda_handler", "ValueError", `Secret version ${token} not set as AWSPENDING for rotation of secret ${arn}.`);

  switch (step) {
    case "createSecret":
      return createSecret(ctx, strategy, arn, token);
    case "setSecret":
      return strategy === "single-user" ? setSecretSingleUser(ctx, arn, token) : setSecretAlternatingUsers(ctx, arn, token);
    case "testSecret":
      return testSecret(ctx, arn, token);
    case "finishSecret":
      return finishSecret(ctx, arn, token);
  }
}
