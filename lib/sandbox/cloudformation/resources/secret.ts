import { isAwsServiceError } from "../../core/errors";
import type { OperationContext, WireObject } from "../../core/operation";
import { callService, flag, integer, isNotFound, requestId, ResourceFailure, systemTags, tagList, text, type ResourceProvider } from "./types";

/**
 * AWS::SecretsManager::Secret (user guide): CreateSecret (GenerateSecretString through GetRandomPassword first,
 * as the property documents: "generating a random password by using the functionality of the GetRandomPassword
 * API"), deleted with ForceDeleteWithoutRecovery ("the default deletionpolicy for an AWS::SecretsManager::Secret
 * resource is force-delete-without-recovery",
 * https://github.com/aws-cloudformation/cloudformation-coverage-roadmap/issues/1999), so the name is free at once.
 * Ref and GetAtt Id are the ARN.
 *
 * - No Name: "<LogicalId>-<12 random letters and digits>", as secrets created by CloudFormation are named
 *   (e.g. "SecretA720EF05-qa4X020B9S3f" in a recorded ARN, wheatstalk/aws-cdk-exec README).
 * - Tags: the template's, the stack's and the aws:cloudformation tags.
 *   NOTE: that CloudFormation tags secrets with the aws:cloudformation tags follows the user guide's rule that
 *   stack-level tags propagate to resources that take tags; no recorded DescribeSecret confirmed it.
 */

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * "Access to KMS is not allowed (Service: AWSSecretsManager; Status Code: 400; Error Code: AccessDeniedException;
 * Request ID: <an id>)" (CREATE_FAILED AWS::SecretsManager::Secret, https://github.com/aws/aws-cdk/issues/7677, 2020).
 * NOTE: newer SDK versions append "; Proxy: null"; the sandbox keeps the recorded form.
 */
export function secretsManagerFailureReason(ctx: OperationContext, error: unknown): string {
  if (!isAwsServiceError(error)) throw error;
  return `${error.message} (Service: AWSSecretsManager; Status Code: ${error.status}; Error Code: ${error.code}; Request ID: ${requestId(ctx)})`;
}

function generatedSecretString(request: Parameters<ResourceProvider["create"]>[0], generator: Record<string, unknown>): string {
  const template = text(generator["SecretStringTemplate"]);
  const key = text(generator["GenerateStringKey"]);
  if ((template === undefined || template === "") !== (key === undefined || key === "")) {
    // Quoted as the handler's text by a public CloudFormation linter rule; https://github.com/aws/aws-cdk/issues/5951
    // records its beginning ("SecretStringTemplate and GenerateStringKey must both ...").
    // NOTE: unverified end of the sentence.
    throw new ResourceFailure("SecretStringTemplate and GenerateStringKey must both be set or removed.");
  }
  let base: Record<string, unknown> | undefined;
  if (template) {
    try {
      const parsed: unknown = JSON.parse(template);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      base = parsed as Record<string, unknown>;
    } catch {
      // "Failed to parse SecretStringTemplate as JSON" (https://github.com/aws/aws-cdk/issues/7676).
      throw new ResourceFailure("Failed to parse SecretStringTemplate as JSON");
    }
  }
  const options: WireObject = {};
  const numeric = integer(generator["PasswordLength"]);
  if (numeric !== undefined) options["PasswordLength"] = numeric;
  if (generator["ExcludeCharacters"] !== undefined) options["ExcludeCharacters"] = text(generator["ExcludeCharacters"]) ?? "";
  for (const name of ["ExcludeLowercase", "ExcludeNumbers", "ExcludePunctuation", "ExcludeUppercase", "IncludeSpace", "RequireEachIncludedType"]) {
    const value = flag(generator[name]);
    if (value !== undefined) options[name] = value;
  }
  let password: string;
  try {
    password = String(callService(request.ctx, "secretsmanager", "GetRandomPassword", options)["RandomPassword"]);
  } catch (error) {
    throw new ResourceFailure(secretsManagerFailureReason(request.ctx, error));
  }
  if (!base || !key) return password;
  return JSON.stringify({ ...base, [key]: password });
}

export const secretProvider: ResourceProvider = {
  type: "AWS::SecretsManager::Secret",
  properties: ["Description", "GenerateSecretString", "KmsKeyId", "Name", "ReplicaRegions", "SecretString", "Tags"],
  required: [],
  attributes: ["Id"],
  create(request) {
    const { ctx, properties } = request;
    const name = text(properties["Name"]) ?? `${request.logicalId}-${ctx.random.string(ALPHANUMERIC, 12)}`;
    const generator = properties["GenerateSecretString"];
    if (properties["SecretString"] !== undefined && generator !== undefined) {
      // NOTE: unverified wording; the user guide says only one of the two may be given.
      throw new ResourceFailure("You can't specify both SecretString and GenerateSecretString.");
    }
    const secretString =
      properties["SecretString"] !== undefined
        ? text(properties["SecretString"])
        : typeof generator === "object" && generator !== null && !Array.isArray(generator)
          ? generatedSecretString(request, generator as Record<string, unknown>)
          : undefined;
    const replicas = Array.isArray(properties["ReplicaRegions"]) ? (properties["ReplicaRegions"] as Record<string, unknown>[]) : undefined;
    const input: WireObject = {
      Name: name,
      ...(properties["Description"] === undefined ? {} : { Description: text(properties["Description"]) }),
      ...(properties["KmsKeyId"] === undefined ? {} : { KmsKeyId: text(properties["KmsKeyId"]) }),
      ...(secretString === undefined ? {} : { SecretString: secretString }),
      Tags: [...tagList(properties["Tags"]), ...request.stackTags, ...systemTags(request)],
      ...(replicas ? { AddReplicaRegions: replicas.map((replica) => ({ Region: text(replica["Region"]) ?? "", ...(replica["KmsKeyId"] === undefined ? {} : { KmsKeyId: text(replica["KmsKeyId"]) }) })) } : {}),
    };
    let arn: string;
    try {
      arn = String(callService(ctx, "secretsmanager", "CreateSecret", input)["ARN"]);
    } catch (error) {
      throw new ResourceFailure(secretsManagerFailureReason(ctx, error));
    }
    return { physicalId: arn, ref: arn, attributes: { Id: arn } };
  },
  delete(request) {
    try {
      callService(request.ctx, "secretsmanager", "DeleteSecret", { SecretId: request.physicalId, ForceDeleteWithoutRecovery: true });
    } catch (error) {
      if (isNotFound(error, ["ResourceNotFoundException"])) return;
      throw new ResourceFailure(secretsManagerFailureReason(request.ctx, error));
    }
  },
};
