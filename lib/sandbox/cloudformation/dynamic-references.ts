import { AwsServiceError, isAwsServiceError } from "../core/errors";
import type { OperationContext, WireObject } from "../core/operation";
import * as errors from "./errors";

/**
 * Dynamic references (user guide, "Get values stored in other services using
 * dynamic references"): `{{resolve:ssm:name[:version]}}`,
 * `{{resolve:ssm-secure:name[:version]}}` and
 * `{{resolve:secretsmanager:secret-id:SecretString:json-key:version-stage:version-id}}`.
 * They may sit inside longer strings, several to a string, and inside Fn::Sub;
 * CloudFormation resolves them after the intrinsic functions, as the caller
 * (GetParameters / GetSecretValue with the caller's permissions), and keeps
 * only the literal reference: templates, parameters, events, outputs and
 * DescribeStacks never show a resolved value. The resource receives it: an
 * SSM parameter's Value really holds the secret afterwards, and anyone who can
 * read that parameter reads the secret.
 *
 * What CloudFormation does when (recorded against AWS, [LIVE] in errors.ts):
 * - `ssm`: resolved when CreateStack is called; a missing parameter, a label,
 *   or a SecureString are ValidationErrors and no stack is created.
 * - `ssm-secure` in a property that does not support it: ValidationError at
 *   once when the reference names a version, a stack-level rollback when it
 *   does not.
 * - `secretsmanager`: resolved when the resource is created; errors fail the
 *   resource (CREATE_FAILED) and the stack rolls back.
 * - Outputs: references are not resolved; the output shows the literal text.
 */

export type DynamicReference =
  | { service: "ssm" | "ssm-secure"; text: string; name: string; version?: number }
  | { service: "secretsmanager"; text: string; secretId: string; jsonKey?: string; versionStage?: string; versionId?: string };

const REFERENCE = /\{\{resolve:([a-z-]+):((?:(?!\}\}).)*)\}\}/g;

/** The reference pattern for ssm and ssm-secure (user guide): `[a-zA-Z0-9_.\-/]+(:\d+)?`. */
const SSM_KEY = /^([a-zA-Z0-9_.\-/]+)(?::(\d+))?$/;

/**
 * Where `ssm-secure` may be used (user guide, dynamic-references-ssm-secure-strings, "Resources that support
 * dynamic parameter patterns for secure strings"): property paths under Properties, list items not counted.
 * None of the types the sandbox simulates is in it, so every ssm-secure reference in a sandbox stack's
 * resources is refused, as AWS refuses it for these types.
 */
export const SSM_SECURE_SUPPORTED_PROPERTIES: ReadonlyArray<{ type: string; property: string }> = [
  { type: "AWS::DirectoryService::MicrosoftAD", property: "Password" },
  { type: "AWS::DirectoryService::SimpleAD", property: "Password" },
  { type: "AWS::ElastiCache::ReplicationGroup", property: "AuthToken" },
  { type: "AWS::IAM::User", property: "LoginProfile/Password" },
  { type: "AWS::KinesisFirehose::DeliveryStream", property: "RedshiftDestinationConfiguration/Password" },
  { type: "AWS::OpsWorks::App", property: "AppSource/Password" },
  { type: "AWS::OpsWorks::Stack", property: "CustomCookbooksSource/Password" },
  { type: "AWS::OpsWorks::Stack", property: "RdsDbInstances/DbPassword" },
  { type: "AWS::RDS::DBCluster", property: "MasterUserPassword" },
  { type: "AWS::RDS::DBInstance", property: "MasterUserPassword" },
  { type: "AWS::Redshift::Cluster", property: "MasterUserPassword" },
];

/**
 * Properties where dynamic references are not resolved: "AWS::CloudFormation::Init metadata and Amazon EC2
 * UserData properties" don't support them (user guide, dynamic-references, "General considerations"; also
 * https://github.com/aws-cloudformation/cloudformation-coverage-roadmap/issues/179).
 * NOTE: AWS's exact behaviour is not documented; the sandbox passes the reference text through unresolved
 * (inside Fn::Base64 it could not be seen anyway), so the instance's user data contains the literal
 * `{{resolve:...}}` and no secret.
 */
export const NOT_RESOLVED_PROPERTIES: ReadonlyArray<{ type: string; property: string }> = [{ type: "AWS::EC2::Instance", property: "UserData" }];

export function propertyMatches(table: ReadonlyArray<{ type: string; property: string }>, type: string, path: readonly string[]): boolean {
  const joined = path.join("/");
  return table.some((entry) => entry.type === type && (joined === entry.property || joined.startsWith(`${entry.property}/`)));
}

/** How AWS names a property in "SSM Secure reference is not supported in: [...]": `Type/Properties/A/B`. */
export const propertyLocation = (type: string, path: readonly string[]) => [type, "Properties", ...path].join("/");

/** Every reference in a string, in order (a reference to another service is left as text). */
export function findReferences(text: string): DynamicReference[] {
  const found: DynamicReference[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    // A reference with Fn::Sub variables in it is read once Fn::Sub has replaced them.
    if (match[2]!.includes("${")) continue;
    const reference = parseReference(match[0], match[1]!, match[2]!);
    if (reference) found.push(reference);
  }
  return found;
}

export function containsReference(text: string): boolean {
  return findReferences(text).length > 0;
}

function parseReference(text: string, service: string, key: string): DynamicReference | undefined {
  if (service === "ssm" || service === "ssm-secure") {
    const match = SSM_KEY.exec(key);
    // A label (`name:prod`) or anything else: "Incorrect format is used in the following SSM reference" [LIVE T6d, T8e].
    if (!match) throw errors.incorrectSsmReference(text);
    return { service, text, name: match[1]!, ...(match[2] === undefined ? {} : { version: Number(match[2]) }) };
  }
  if (service === "secretsmanager") {
    const segments = key.split(":");
    // The secret id may be a full ARN: arn:aws:secretsmanager:region:account:secret:name-abc (seven segments).
    const idLength = segments[0] === "arn" ? 7 : 1;
    const secretId = segments.slice(0, idLength).join(":");
    const [stringType, jsonKey, versionStage, versionId] = segments.slice(idLength);
    if (secretId === "" || (stringType !== undefined && stringType !== "SecretString" && stringType !== "")) {
      // NOTE: the sandbox's wording; AWS's answer to a malformed secretsmanager reference was not found.
      throw errors.validationError(`The dynamic reference ${text} is not of the form {{resolve:secretsmanager:secret-id:SecretString:json-key:version-stage:version-id}}.`);
    }
    return {
      service,
      text,
      secretId,
      ...(jsonKey ? { jsonKey } : {}),
      ...(versionStage ? { versionStage } : {}),
      ...(versionId ? { versionId } : {}),
    };
  }
  // NOTE: other services are not simulated; the text stays as written.
  return undefined;
}

/** Calls another service as the caller, on CloudFormation's behalf (recorded on the trail with invokedBy). */
export function callAsCaller(ctx: OperationContext, service: "ssm" | "secretsmanager", operation: string, input: WireObject): WireObject {
  return ctx.call(service, operation, input, { via: "cloudformation.amazonaws.com" });
}

export interface SsmLookup {
  type: string;
  value: string;
}

/** One Parameter Store read (GetParameters, as CloudFormation documents: "you must have access to call GetParameters"). */
export function readSsmParameter(ctx: OperationContext, name: string, version: number | undefined, withDecryption: boolean): SsmLookup | undefined {
  const selector = version === undefined ? name : `${name}:${version}`;
  const output = callAsCaller(ctx, "ssm", "GetParameters", { Names: [selector], WithDecryption: withDecryption });
  const parameter = (output["Parameters"] as WireObject[] | undefined)?.[0];
  if (!parameter) return undefined;
  return { type: String(parameter["Type"]), value: String(parameter["Value"]) };
}

/**
 * An `ssm` reference's value. Missing: "Parameters: [ssm:NAME] cannot be found."; a SecureString:
 * "Non-secure ssm prefix was used for secure parameter NAME" (errors.ts). A denied read answers the SSM
 * denial as a ValidationError (NOTE: unverified how CloudFormation words a denied read).
 */
export function resolveSsm(ctx: OperationContext, reference: Extract<DynamicReference, { service: "ssm" | "ssm-secure" }>): string {
  let found: SsmLookup | undefined;
  try {
    found = readSsmParameter(ctx, reference.name, reference.version, reference.service === "ssm-secure");
  } catch (error) {
    if (isAwsServiceError(error)) throw errors.validationError(error.message);
    throw error;
  }
  if (!found) {
    // NOTE: for ssm-secure the wording follows the recorded ssm text ("Parameters: [ssm:NAME] cannot be found."); unverified.
    throw errors.ssmReferenceNotFound(reference.version === undefined ? reference.name : `${reference.name}:${reference.version}`, reference.service);
  }
  if (reference.service === "ssm" && found.type === "SecureString") throw errors.nonSecureSsmPrefix(reference.name);
  return found.value;
}

/**
 * A `secretsmanager` reference's value: GetSecretValue as the caller (resource policy, KMS key policy and
 * the caller's permissions all apply), then the json-key if there is one. Failures are the resource's
 * status reason: Secrets Manager's own message (e.g. "User: ... is not authorized to perform:
 * secretsmanager:GetSecretValue on resource: ...", recorded for a dynamic reference in
 * https://github.com/aws-samples/cdk-assume-role-credential-plugin/issues/49), or
 * "Could not parse SecretString JSON" / "Could not find a value associated with JSONKey in SecretString" [LIVE T9].
 */
export function resolveSecret(ctx: OperationContext, reference: Extract<DynamicReference, { service: "secretsmanager" }>): string {
  const output = callAsCaller(ctx, "secretsmanager", "GetSecretValue", {
    SecretId: reference.secretId,
    ...(reference.versionStage ? { VersionStage: reference.versionStage } : {}),
    ...(reference.versionId ? { VersionId: reference.versionId } : {}),
  });
  const secretString = output["SecretString"];
  if (typeof secretString !== "string") {
    // NOTE: unverified: a binary secret; the sandbox answers as for a value that is not JSON text.
    throw new AwsServiceError("ValidationError", errors.SECRET_NOT_JSON);
  }
  if (reference.jsonKey === undefined) return secretString;
  let parsed: unknown;
  try {
    parsed = JSON.parse(secretString);
  } catch {
    throw new AwsServiceError("ValidationError", errors.SECRET_NOT_JSON);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new AwsServiceError("ValidationError", errors.SECRET_NOT_JSON);
  const value = (parsed as Record<string, unknown>)[reference.jsonKey];
  if (value === undefined) throw new AwsServiceError("ValidationError", errors.JSON_KEY_NOT_FOUND);
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Visits every string in a value with its property path (list indexes left out, as AWS's property paths do).
 * NOTE: unverified how AWS names a path through a list; the sandbox leaves the index out.
 */
export function forEachString(value: unknown, visit: (text: string, path: string[]) => void, path: string[] = []): void {
  if (typeof value === "string") visit(value, path);
  else if (Array.isArray(value)) for (const item of value) forEachString(item, visit, path);
  else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      // Intrinsic functions are not properties: a reference inside Fn::Sub belongs to the property around it.
      const intrinsic = key === "Ref" || key.startsWith("Fn::");
      forEachString(item, visit, intrinsic ? path : [...path, key]);
    }
  }
}

/** Replaces every string in a value (same traversal as forEachString). */
export function mapStrings(value: unknown, map: (text: string, path: string[]) => string, path: string[] = []): unknown {
  if (typeof value === "string") return map(value, path);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map, path));
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = mapStrings(item, map, key === "Ref" || key.startsWith("Fn::") ? path : [...path, key]);
    return out;
  }
  return value;
}
