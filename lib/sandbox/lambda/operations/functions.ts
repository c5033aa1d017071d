import { sha256 } from "@noble/hashes/sha2.js";
import { inputs } from "../../contracts/lambda";
import { toBase64 } from "../../core/encoding";
import { AwsServiceError } from "../../core/errors";
import { pageByOffset } from "../../core/pagination";
import { defineOperation, type OperationContext, type WireObject } from "../../core/operation";
import { parseRoleArn } from "../../iam/model";
import { parsePolicyDocument } from "../../iam/policy-document";
import { RESERVED_VARIABLES, unzip } from "../code";
import * as errors from "../errors";
import type { CodeFunctionRecord, FunctionRecord } from "../state";

/**
 * The learner's functions: create from a zip (the CLI's --zip-file), look
 * at, reconfigure, replace the code of, list and delete. Rotation functions
 * (see ../index.ts) are listed and described beside them, read-only.
 */

/** NOTE: Lambda takes zips of up to 50 MB; the sandbox keeps sessions small. */
const MAX_ZIP_BYTES = 256 * 1024;
/** A function name, full ARN or partial ARN (as the model's FunctionName pattern reads them), to find the name and qualifier in it. */
const NAME = /^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?$/;

/**
 * Lambda's limits for a function's timeout and memory, beyond the model: its Timeout shape has no maximum and its
 * MemorySize allows 32768, because functions on Lambda Managed Instances (CapacityProviderConfig) may run up to
 * 5400 s with more memory; other functions get at most 900 s and 10,240 MB (Lambda quotas). Texts as recorded:
 * "1 validation error detected: Value '3000' at 'timeout' failed to satisfy constraint: Member must have value less
 * than or equal to 900" (ValidationException, https://github.com/covidatlas/li/pull/575) and "'MemorySize' value
 * failed to satisfy constraint: Member must have value less than or equal to 3008" (ValidationException, an account's
 * lower memory quota, https://github.com/aws-samples/scheduled-website-screenshot-app/pull/3; the 10,240 MB cap is
 * assumed to read the same). NOTE: capacity providers are not simulated, so the limits apply to every function.
 */
function checkFunctionLimits(input: { Timeout?: number | undefined; MemorySize?: number | undefined }): void {
  if (input.Timeout !== undefined && input.Timeout > 900) {
    throw new AwsServiceError("ValidationException", `1 validation error detected: Value '${input.Timeout}' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900`);
  }
  if (input.MemorySize !== undefined && input.MemorySize > 10240) {
    throw new AwsServiceError("ValidationException", "'MemorySize' value failed to satisfy constraint: Member must have value less than or equal to 10240");
  }
}

export function functionArn(ctx: OperationContext, name: string): string {
  return `arn:aws:lambda:${ctx.region}:${ctx.accountId}:function:${name}`;
}

/** The function name in a name, full ARN or partial ARN (123456789012:function:name). */
export function nameOf(given: string): string {
  const match = NAME.exec(given);
  return match?.[7] ?? given;
}

export function findCodeFunction(ctx: OperationContext, given: string): CodeFunctionRecord {
  const name = nameOf(given);
  const fn = ctx.regionState().lambda.codeFunctions[name];
  if (!fn) throw errors.functionNotFound(functionArn(ctx, name));
  return fn;
}

function authorizeFunction(ctx: OperationContext, action: string, arn: string): void {
  // NOTE: function resource policies (add-permission) are not simulated: identity policies decide.
  ctx.authorize({ action, resource: arn, resourceAccount: ctx.accountId, resourceKind: "identity-only", context: {} });
}

/**
 * The role must exist and trust lambda.amazonaws.com; passing it needs iam:PassRole. The model's pattern is checked
 * with the request; an ARN it allows that names no role the sandbox can have (another partition) fails it here.
 */
function checkRole(ctx: OperationContext, roleArn: string): void {
  const parsed = parseRoleArn(roleArn);
  if (!parsed) throw new AwsServiceError("ValidationException", `1 validation error detected: Value '${roleArn}' at 'role' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+`);
  ctx.authorize({ action: "iam:PassRole", resource: roleArn, resourceAccount: parsed.accountId, resourceKind: "identity-only", context: { "iam:PassedToService": "lambda.amazonaws.com" } });
  const role = ctx.iamState(parsed.accountId)?.roles[parsed.name];
  const trust = role ? parsePolicyDocument(role.trustPolicy, "resource") : undefined;
  const statements = trust?.ok ? (Array.isArray(trust.document.Statement) ? trust.document.Statement : [trust.document.Statement]) : [];
  const trustsLambda = statements.some((statement) => {
    if (statement.Effect !== "Allow" || typeof statement.Principal !== "object") return false;
    const services = [statement.Principal.Service ?? []].flat();
    const actions = [statement.Action ?? []].flat();
    return services.includes("lambda.amazonaws.com") && actions.some((action) => action === "sts:AssumeRole" || action === "sts:*" || action === "*");
  });
  if (!trustsLambda) throw errors.roleCannotBeAssumed();
}

function checkEnvironment(variables: Record<string, string> | undefined): Record<string, string> {
  const given = variables ?? {};
  const reserved = Object.keys(given).filter((key) => RESERVED_VARIABLES.includes(key));
  if (reserved.length) throw errors.reservedEnvironmentKeys(reserved);
  // Lambda's limit: 4 KB for all variables together.
  const size = Object.entries(given).reduce((total, [key, value]) => total + key.length + value.length, 0);
  if (size > 4096) throw errors.invalidParameterValue(`Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${JSON.stringify(given)}`);
  return { ...given };
}

function checkZip(zip: Uint8Array): { zip: string; codeSha256: string; codeSize: number } {
  if (zip.length > MAX_ZIP_BYTES) throw new AwsServiceError("RequestEntityTooLargeException", `The sandbox takes deployment packages of up to ${MAX_ZIP_BYTES / 1024} KB (Lambda: 50 MB).`, 413);
  if (!unzip(zip)) throw errors.cannotUnzip();
  return { zip: toBase64(zip), codeSha256: toBase64(sha256(zip)), codeSize: zip.length };
}

/** RevisionId, when given, must be the function's current one (optimistic locking). */
function checkRevision(fn: CodeFunctionRecord, revisionId: string | undefined): void {
  if (revisionId !== undefined && revisionId !== fn.revisionId) {
    throw new AwsServiceError("PreconditionFailedException", "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id", 412);
  }
}

function lastModified(ms: number): string {
  // Lambda's format: 2026-12-04T23:00:00.000+0000
  return new Date(ms).toISOString().replace("Z", "+0000");
}

export function configurationOf(fn: CodeFunctionRecord): WireObject {
  return {
    FunctionName: fn.name,
    FunctionArn: fn.arn,
    Runtime: fn.runtime,
    Role: fn.role,
    Handler: fn.handler,
    CodeSize: fn.codeSize,
    Description: fn.description,
    Timeout: fn.timeout,
    MemorySize: fn.memorySize,
    LastModified: lastModified(fn.lastModified),
    CodeSha256: fn.codeSha256,
    Version: "$LATEST",
    ...(Object.keys(fn.environment).length ? { Environment: { Variables: { ...fn.environment } } } : {}),
    TracingConfig: { Mode: "PassThrough" },
    RevisionId: fn.revisionId,
    State: "Active",
    LastUpdateStatus: "Successful",
    PackageType: "Zip",
    Architectures: ["x86_64"],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: "None", OptimizationStatus: "Off" },
    LoggingConfig: { LogFormat: "Text", LogGroup: `/aws/lambda/${fn.name}` },
  };
}

/** A rotation function as Lambda would describe it: AWS's rotation templates are Python functions. */
function rotationConfigurationOf(fn: FunctionRecord): WireObject {
  return {
    FunctionName: fn.name,
    FunctionArn: fn.arn,
    Runtime: "python3.12",
    Role: fn.role,
    Handler: "lambda_function.lambda_handler",
    Description: `Rotates a ${fn.engine} secret (${fn.strategy} strategy)`,
    Timeout: 30,
    MemorySize: 128,
    LastModified: lastModified(fn.createdAt),
    Version: "$LATEST",
    TracingConfig: { Mode: "PassThrough" },
    State: "Active",
    LastUpdateStatus: "Successful",
    PackageType: "Zip",
    Architectures: ["x86_64"],
    EphemeralStorage: { Size: 512 },
  };
}

/**
 * NOTE: every runtime the model lists is accepted, deprecated ones too: Lambda refuses to create or update functions
 * on a runtime past its "block function create/update" date ("The runtime parameter of python2.7 is no longer
 * supported for creating or updating AWS Lambda functions. ..."), which the sandbox does not simulate.
 */
export const createFunction = defineOperation({
  name: "CreateFunction",
  input: inputs.CreateFunction,
  readOnly: false,
  sensitive: { request: ["Code", "Environment"], response: ["Environment"] },
  handler(ctx, input) {
    checkFunctionLimits(input);
    const name = nameOf(input.FunctionName);
    const arn = functionArn(ctx, name);
    authorizeFunction(ctx, "lambda:CreateFunction", arn);
    if (input.Code.S3Bucket !== undefined || input.Code.ImageUri !== undefined) {
      throw errors.invalidParameterValue("The sandbox deploys functions from a zip file only (--zip-file fileb://function.zip): it has no S3 and no container images.");
    }
    if (!input.Code.ZipFile) throw errors.invalidParameterValue("Please provide a source for function code.");
    if (!input.Runtime) throw errors.invalidParameterValue("Runtime is required for .zip file deployment packages.");
    if (!input.Handler) throw errors.invalidParameterValue("Handler is required for .zip file deployment packages.");
    checkRole(ctx, input.Role);
    const env = checkEnvironment(input.Environment?.Variables);
    const code = checkZip(input.Code.ZipFile);
    const lambda = ctx.regionState().lambda;
    if (lambda.codeFunctions[name] || lambda.functions[name]) throw errors.functionExists(name);
    const fn: CodeFunctionRecord = {
      name,
      arn,
      role: input.Role,
      runtime: input.Runtime,
      handler: input.Handler,
      description: input.Description ?? "",
      timeout: input.Timeout ?? 3,
      memorySize: input.MemorySize ?? 128,
      environment: env,
      ...code,
      createdAt: ctx.now,
      lastModified: ctx.now,
      revisionId: ctx.random.uuid(),
      tags: { ...(input.Tags ?? {}) },
      logs: [],
    };
    lambda.codeFunctions[name] = fn;
    ctx.touches(arn, "AWS::Lambda::Function");
    return configurationOf(fn);
  },
});

function checkQualifier(qualifier: string | undefined, ctx: OperationContext, name: string): void {
  // NOTE: versions and aliases are not simulated: only $LATEST exists.
  const embedded = NAME.exec(name)?.[9];
  const wanted = qualifier ?? embedded;
  if (wanted !== undefined && wanted !== "$LATEST") throw errors.functionNotFound(`${functionArn(ctx, nameOf(name))}:${wanted}`);
}

function describeAny(ctx: OperationContext, given: string): { config: WireObject; code?: CodeFunctionRecord } {
  const name = nameOf(given);
  const lambda = ctx.regionState().lambda;
  const code = lambda.codeFunctions[name];
  if (code) return { config: configurationOf(code), code };
  const rotation = lambda.functions[name];
  if (rotation) return { config: rotationConfigurationOf(rotation) };
  throw errors.functionNotFound(functionArn(ctx, name));
}

export const getFunction = defineOperation({
  name: "GetFunction",
  input: inputs.GetFunction,
  readOnly: true,
  sensitive: { response: ["Configuration"] },
  handler(ctx, input) {
    authorizeFunction(ctx, "lambda:GetFunction", functionArn(ctx, nameOf(input.FunctionName)));
    checkQualifier(input.Qualifier, ctx, input.FunctionName);
    const { config, code } = describeAny(ctx, input.FunctionName);
    return {
      Configuration: config,
      // NOTE: Lambda answers a presigned S3 URL valid for 10 minutes; the sandbox has no S3 and says so in the URL.
      Code: { RepositoryType: "S3", Location: `https://sandbox.invalid/lambda/${String(config.FunctionName)}.zip (the sandbox keeps the package; it has no S3 to download it from)` },
      ...(code && Object.keys(code.tags).length ? { Tags: { ...code.tags } } : {}),
    };
  },
});

export const getFunctionConfiguration = defineOperation({
  name: "GetFunctionConfiguration",
  input: inputs.GetFunctionConfiguration,
  readOnly: true,
  sensitive: { response: ["Environment"] },
  handler(ctx, input) {
    authorizeFunction(ctx, "lambda:GetFunctionConfiguration", functionArn(ctx, nameOf(input.FunctionName)));
    checkQualifier(input.Qualifier, ctx, input.FunctionName);
    return describeAny(ctx, input.FunctionName).config;
  },
});

export const listFunctions = defineOperation({
  name: "ListFunctions",
  input: inputs.ListFunctions,
  readOnly: true,
  sensitive: { response: ["Functions"] },
  handler(ctx, input) {
    ctx.authorize({ action: "lambda:ListFunctions", resource: "*", resourceAccount: ctx.accountId, resourceKind: "identity-only", context: {} });
    const lambda = ctx.regionState().lambda;
    const all = [...Object.values(lambda.codeFunctions).map(configurationOf), ...Object.values(lambda.functions).map(rotationConfigurationOf)].sort((a, b) =>
      String(a.FunctionName) < String(b.FunctionName) ? -1 : 1,
    );
    // Markers are offsets in the name-ordered list (core/pagination.ts); Lambda's default page is 50.
    const { page, next } = pageByOffset(all, input.MaxItems ?? 50, "lambda:ListFunctions", input.Marker, () => {
      throw errors.invalidParameterValue("Invalid marker");
    });
    return { ...(next ? { NextMarker: next } : {}), Functions: page };
  },
});

export const updateFunctionConfiguration = defineOperation({
  name: "UpdateFunctionConfiguration",
  input: inputs.UpdateFunctionConfiguration,
  readOnly: false,
  sensitive: { request: ["Environment"], response: ["Environment"] },
  handler(ctx, input) {
    checkFunctionLimits(input);
    const fn = findCodeFunction(ctx, input.FunctionName);
    authorizeFunction(ctx, "lambda:UpdateFunctionConfiguration", fn.arn);
    checkRevision(fn, input.RevisionId);
    if (input.Role !== undefined) checkRole(ctx, input.Role);
    const env = input.Environment ? checkEnvironment(input.Environment.Variables) : undefined;
    if (input.Role !== undefined && input.Role !== fn.role) delete fn.credentials;
    if (input.Role !== undefined) fn.role = input.Role;
    if (input.Handler !== undefined) fn.handler = input.Handler;
    if (input.Description !== undefined) fn.description = input.Description;
    if (input.Timeout !== undefined) fn.timeout = input.Timeout;
    if (input.MemorySize !== undefined) fn.memorySize = input.MemorySize;
    if (input.Runtime !== undefined) fn.runtime = input.Runtime;
    // Environment replaces all variables (an empty Variables clears them).
    if (env !== undefined) fn.environment = env;
    fn.lastModified = ctx.now;
    fn.revisionId = ctx.random.uuid();
    ctx.touches(fn.arn, "AWS::Lambda::Function");
    return configurationOf(fn);
  },
});

export const updateFunctionCode = defineOperation({
  name: "UpdateFunctionCode",
  input: inputs.UpdateFunctionCode,
  readOnly: false,
  sensitive: { request: ["ZipFile"], response: ["Environment"] },
  handler(ctx, input) {
    const fn = findCodeFunction(ctx, input.FunctionName);
    authorizeFunction(ctx, "lambda:UpdateFunctionCode", fn.arn);
    if (input.S3Bucket !== undefined || input.ImageUri !== undefined) throw errors.invalidParameterValue("The sandbox deploys functions from a zip file only (--zip-file fileb://function.zip): it has no S3 and no container images.");
    if (!input.ZipFile) throw errors.invalidParameterValue("Please provide a source for function code.");
    checkRevision(fn, input.RevisionId);
    const code = checkZip(input.ZipFile);
    if (input.DryRun) return configurationOf({ ...fn, ...code });
    Object.assign(fn, code);
    fn.lastModified = ctx.now;
    fn.revisionId = ctx.random.uuid();
    ctx.touches(fn.arn, "AWS::Lambda::Function");
    return configurationOf(fn);
  },
});

export const deleteFunction = defineOperation({
  name: "DeleteFunction",
  input: inputs.DeleteFunction,
  readOnly: false,
  handler(ctx, input) {
    const name = nameOf(input.FunctionName);
    authorizeFunction(ctx, "lambda:DeleteFunction", functionArn(ctx, name));
    checkQualifier(input.Qualifier, ctx, input.FunctionName);
    const lambda = ctx.regionState().lambda;
    if (lambda.functions[name]) throw errors.invalidParameterValue(`${name} is one of the sandbox's rotation functions, which Secrets Manager uses: the sandbox does not delete it.`);
    const fn = findCodeFunction(ctx, name);
    delete lambda.codeFunctions[name];
    ctx.touches(fn.arn, "AWS::Lambda::Function");
    return {};
  },
});
