import { AwsServiceError, isAwsServiceError } from "../core/errors";
import type { OperationContext, WireObject } from "../core/operation";
import { parameterArn } from "./names";

/**
 * Parameter Store as a pass-through to Secrets Manager: GetParameter and
 * GetParameters answer `/aws/reference/secretsmanager/SECRET[:stage or
 * version id]` with the secret's value as a SecureString (Systems Manager
 * User Guide, "Referencing AWS Secrets Manager secrets from Parameter Store
 * parameters"). Parameter Store keeps nothing: the caller's own permissions
 * decide, in Parameter Store (ssm:GetParameter on the reference) and in
 * Secrets Manager (secretsmanager:GetSecretValue, and KMS through it).
 *
 * The error texts, the order of the checks (the selector's syntax, then
 * WithDecryption, then the lookup), Version 0, the absence of DataType and the
 * SourceResult's keys follow answers measured against AWS (eu-west-1,
 * 2026-09-28) in hectorvent/floci's SsmSecretsManagerReferenceIntegrationTest.
 * NOTE: that recording shows SourceResult's keys and its "createdDate" only as
 * a quoted string; the sandbox writes the date in ISO 8601. A binary secret
 * answers no Value and no secretBinary in SourceResult.
 */
export const SECRETS_REFERENCE_PREFIX = "/aws/reference/secretsmanager/";

export interface SecretsReference {
  /** The parameter name without the selector. */
  name: string;
  secretId: string;
  selector?: string;
}

export const badSelector = () =>
  new AwsServiceError("ValidationException", "Invalid parameter name. Please use correct syntax for referencing a version/label  <name>:<version/label>");
export const needsDecryption = () => new AwsServiceError("ValidationException", "WithDecryption flag must be True for retrieving a Secret Manager secret.");
const notFound = (reference: SecretsReference) =>
  new AwsServiceError(
    "ParameterNotFound",
    // AWS's text, "null" included when no selector was given.
    `An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret aws/reference/secretsmanager/${reference.secretId}${reference.selector === undefined ? "null" : `:${reference.selector}`} not found.`,
  );
const deletedSecret = () => new AwsServiceError("ValidationException", "Invalid Request to Secrets Manager");

export function isSecretsReference(name: string): boolean {
  return name.startsWith(SECRETS_REFERENCE_PREFIX);
}

/** Splits the selector off; an ARN, a second colon or an empty selector is the syntax error AWS answers. */
export function parseSecretsReference(given: string): SecretsReference {
  const rest = given.slice(SECRETS_REFERENCE_PREFIX.length);
  if (rest.startsWith("arn:")) throw badSelector();
  const parts = rest.split(":");
  if (parts.length > 2 || parts.some((part) => part === "")) throw badSelector();
  const [secretId = "", selector] = parts;
  return { name: SECRETS_REFERENCE_PREFIX + secretId, secretId, ...(selector === undefined ? {} : { selector }) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The Parameter for a reference, read from Secrets Manager as the caller. */
export function resolveSecretsReference(ctx: OperationContext, reference: SecretsReference, action: "ssm:GetParameter" | "ssm:GetParameters"): WireObject {
  ctx.authorize({ action, resource: parameterArn(ctx.region, ctx.accountId, reference.name), resourceAccount: ctx.accountId, resourceKind: "identity-only", context: {} });
  const selector = reference.selector;
  const request: WireObject = { SecretId: reference.secretId, ...(selector === undefined ? {} : UUID.test(selector) ? { VersionId: selector } : { VersionStage: selector }) };
  let secret: WireObject;
  try {
    secret = ctx.call("secretsmanager", "GetSecretValue", request, { via: "ssm.amazonaws.com" });
  } catch (error) {
    if (isAwsServiceError(error) && error.code === "ResourceNotFoundException") throw notFound(reference);
    if (isAwsServiceError(error) && error.code === "InvalidRequestException") throw deletedSecret();
    throw error;
  }
  const created = typeof secret["CreatedDate"] === "number" ? secret["CreatedDate"] : ctx.now / 1000;
  const source = {
    ARN: secret["ARN"],
    name: secret["Name"],
    versionId: secret["VersionId"],
    ...(typeof secret["SecretString"] === "string" ? { secretString: secret["SecretString"] } : {}),
    versionStages: secret["VersionStages"],
    createdDate: new Date(created * 1000).toISOString(),
  };
  return {
    Name: reference.name,
    Type: "SecureString",
    ...(typeof secret["SecretString"] === "string" ? { Value: secret["SecretString"] } : {}),
    Version: 0,
    ...(selector === undefined ? {} : { Selector: `:${selector}` }),
    SourceResult: JSON.stringify(source),
    LastModifiedDate: created,
    ARN: secret["ARN"],
  };
}
