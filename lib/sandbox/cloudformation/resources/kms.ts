import { isAwsServiceError } from "../../core/errors";
import type { OperationContext, WireObject } from "../../core/operation";
import { handlerMessages } from "../errors";
import { callService, flag, integer, isNotFound, requestId, ResourceFailure, tagList, text, type ResourceProvider } from "./types";

/**
 * AWS::KMS::Key and AWS::KMS::Alias (user guide; handlers: aws-cloudformation/aws-cloudformation-resource-providers-kms).
 *
 * Key: CreateKey (the template's tags and the stack's; "KMS does not support system tags currently, so we will not
 * merge them in", TagHelper.generateTagsForCreate), then EnableKeyRotation when EnableKeyRotation is true and
 * DisableKey when Enabled is false. Deleting the resource schedules the key's deletion (ScheduleKeyDeletion with
 * PendingWindowInDays, 7-30, KMS's default 30). Ref is the key id; GetAtt Arn and KeyId.
 *
 * Alias: CreateAlias / DeleteAlias; Ref is the alias name.
 */

/**
 * How a failed KMS call reads in the stack event: the handler wraps KMS's exceptions (AbstractKmsApiHelper) and
 * CloudFormation quotes it as 'Resource handler returned message: "The new key policy will not allow you to update
 * the key policy in the future. (Service: Kms, Status Code: 400, Request ID: <REDACTED>) (SDK Attempt Count: 1)"
 * (RequestToken: <REDACTED>, HandlerErrorCode: InvalidRequest)'
 * (https://github.com/aws-solutions/innovation-sandbox-on-aws/issues/31, 2025). An access denial becomes
 * CfnAccessDeniedException(operation): "Access denied for operation 'CreateKey'." (recorded for an AWS::KMS::Key in
 * a public deployment note; text from the Java plugin's ExceptionMessages).
 */
export function kmsFailureReason(ctx: OperationContext, operation: string, error: unknown): string {
  if (!isAwsServiceError(error)) throw error;
  const sdkMessage = `${error.message} (Service: Kms, Status Code: ${error.status}, Request ID: ${requestId(ctx)}) (SDK Attempt Count: 1)`;
  let handlerCode: string;
  let message = sdkMessage;
  switch (error.code) {
    case "AlreadyExistsException":
      handlerCode = "AlreadyExists";
      break;
    case "InvalidAliasNameException":
    case "KMSInvalidStateException":
    case "InvalidArnException":
    case "MalformedPolicyDocumentException":
    case "TagException":
    case "UnsupportedOperationException":
    case "DisabledException":
    case "ValidationException":
      handlerCode = "InvalidRequest";
      break;
    case "LimitExceededException":
      handlerCode = "ServiceLimitExceeded";
      break;
    case "NotFoundException":
      handlerCode = "NotFound";
      break;
    case "AccessDeniedException":
      if (/kms:(TagResource|UntagResource|ListResourceTags)/.test(error.message)) handlerCode = "UnauthorizedTaggingOperation";
      else {
        handlerCode = "AccessDenied";
        message = handlerMessages.accessDenied(operation);
      }
      break;
    default:
      // CfnGeneralServiceException(operation, e): "Error occurred during operation '%s'." (ExceptionMessages.java).
      handlerCode = "GeneralServiceException";
      message = `Error occurred during operation '${operation}'.`;
  }
  return `Resource handler returned message: "${message}" (RequestToken: ${requestId(ctx)}, HandlerErrorCode: ${handlerCode})`;
}

function keyPolicyText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  // KeyPolicy may be given as an object or as JSON text (schema type ["object", "string"]).
  return typeof value === "string" ? value : JSON.stringify(value);
}

export const kmsKeyProvider: ResourceProvider = {
  type: "AWS::KMS::Key",
  properties: [
    "BypassPolicyLockoutSafetyCheck",
    "Description",
    "Enabled",
    "EnableKeyRotation",
    "KeyPolicy",
    "KeySpec",
    "KeyUsage",
    "MultiRegion",
    "Origin",
    "PendingWindowInDays",
    "RotationPeriodInDays",
    "Tags",
  ],
  required: [],
  attributes: ["Arn", "KeyId"],
  create(request) {
    const { ctx, properties } = request;
    const input: WireObject = {
      Description: text(properties["Description"]) ?? "",
      KeyUsage: text(properties["KeyUsage"]) ?? "ENCRYPT_DECRYPT",
      Origin: text(properties["Origin"]) ?? "AWS_KMS",
      KeySpec: text(properties["KeySpec"]) ?? "SYMMETRIC_DEFAULT",
      ...(properties["KeyPolicy"] === undefined ? {} : { Policy: keyPolicyText(properties["KeyPolicy"]) }),
      ...(properties["BypassPolicyLockoutSafetyCheck"] === undefined ? {} : { BypassPolicyLockoutSafetyCheck: flag(properties["BypassPolicyLockoutSafetyCheck"]) }),
      MultiRegion: flag(properties["MultiRegion"]) ?? false,
      ...(() => {
        const tags = [...tagList(properties["Tags"]), ...request.stackTags];
        return tags.length > 0 ? { Tags: tags.map((tag) => ({ TagKey: tag.Key, TagValue: tag.Value })) } : {};
      })(),
    };
    let keyId: string;
    let arn: string;
    try {
      const metadata = callService(ctx, "kms", "CreateKey", input)["KeyMetadata"] as WireObject;
      keyId = String(metadata["KeyId"]);
      arn = String(metadata["Arn"]);
    } catch (error) {
      throw new ResourceFailure(kmsFailureReason(ctx, "CreateKey", error));
    }
    const step = (operation: string, stepInput: WireObject) => {
      try {
        callService(ctx, "kms", operation, stepInput);
      } catch (error) {
        throw new ResourceFailure(kmsFailureReason(ctx, operation, error), keyId);
      }
    };
    if (flag(properties["EnableKeyRotation"]) === true) {
      const period = integer(properties["RotationPeriodInDays"]);
      step("EnableKeyRotation", { KeyId: keyId, ...(period === undefined ? {} : { RotationPeriodInDays: period }) });
    }
    if (flag(properties["Enabled"]) === false) step("DisableKey", { KeyId: keyId });
    return { physicalId: keyId, ref: keyId, attributes: { Arn: arn, KeyId: keyId } };
  },
  delete(request) {
    const window = integer(request.literalProperties["PendingWindowInDays"]);
    try {
      callService(request.ctx, "kms", "ScheduleKeyDeletion", { KeyId: request.physicalId, ...(window === undefined ? {} : { PendingWindowInDays: window }) });
    } catch (error) {
      // A key already gone, or already pending deletion, needs no deletion.
      // NOTE: the handler's exact treatment of a key already pending deletion was not checked.
      if (isNotFound(error, ["NotFoundException", "KMSInvalidStateException"])) return;
      throw new ResourceFailure(kmsFailureReason(request.ctx, "ScheduleKeyDeletion", error));
    }
  },
};

export const kmsAliasProvider: ResourceProvider = {
  type: "AWS::KMS::Alias",
  properties: ["AliasName", "TargetKeyId"],
  required: ["AliasName", "TargetKeyId"],
  attributes: [],
  create(request) {
    const { ctx, properties } = request;
    const aliasName = text(properties["AliasName"]) ?? "";
    try {
      callService(ctx, "kms", "CreateAlias", { AliasName: aliasName, TargetKeyId: text(properties["TargetKeyId"]) ?? "" });
    } catch (error) {
      throw new ResourceFailure(kmsFailureReason(ctx, "CreateAlias", error));
    }
    return { physicalId: aliasName, ref: aliasName, attributes: {} };
  },
  delete(request) {
    try {
      callService(request.ctx, "kms", "DeleteAlias", { AliasName: request.physicalId });
    } catch (error) {
      if (isNotFound(error, ["NotFoundException"])) return;
      throw new ResourceFailure(kmsFailureReason(request.ctx, "DeleteAlias", error));
    }
  },
};
