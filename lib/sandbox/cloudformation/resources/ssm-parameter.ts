import { isAwsServiceError } from "../../core/errors";
import type { OperationContext, WireObject } from "../../core/operation";
import * as errors from "../errors";
import { callService, isNotFound, requestId, ResourceFailure, systemTags, text, type ResourceProvider } from "./types";

/**
 * AWS::SSM::Parameter (user guide; handler: aws-cloudformation/aws-cloudformation-resource-providers-ssm,
 * aws-ssm-parameter CreateHandler/DeleteHandler): PutParameter (Overwrite false, the template's tags, the stack's
 * tags and the three aws:cloudformation tags) and DeleteParameter. Ref is the name; GetAtt Type and Value.
 *
 * - No Name: the handler generates "CFN-<LogicalId>-<12 random letters and digits>" (Constants.java:
 *   CF_PARAMETER_NAME_PREFIX "CFN", logical id cut to 500 characters, GUID_LENGTH 12).
 * - Type SecureString is refused before any call: "SSM Parameters of type SecureString cannot be created using
 *   CloudFormation".
 * - GetAtt Value is the Value property as the template gave it: a dynamic reference stays unresolved there.
 *   NOTE: the handler's Read call would return the stored value; the sandbox keeps resolved values out of
 *   everything CloudFormation shows.
 */

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * How the stack event shows a failed Parameter Store call: "User: arn:aws:iam::433962424511:user/deployuser is not
 * authorized to perform: ssm:PutParameter on resource: arn:aws:ssm:us-east-1:433962424511:parameter/cdk-bootstrap/hnb659fds/version
 * because no identity-based policy allows the ssm:PutParameter action (Service: AmazonSSM; Status Code: 400; Error Code:
 * AccessDeniedException; Request ID: 3e0d382a-16f0-4a38-ab01-8c6c384a2c27; Proxy: null)"
 * (CREATE_FAILED AWS::SSM::Parameter, https://github.com/aws/aws-dotnet-deploy/issues/687).
 */
export function ssmFailureReason(ctx: OperationContext, error: unknown): string {
  if (!isAwsServiceError(error)) throw error;
  return `${error.message} (Service: AmazonSSM; Status Code: ${error.status}; Error Code: ${error.code}; Request ID: ${requestId(ctx)}; Proxy: null)`;
}

function tagsOf(value: unknown): { Key: string; Value: string }[] {
  // AWS::SSM::Parameter takes Tags as a map (user guide: "Tags: Key: Value").
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  return Object.entries(value).map(([Key, tagValue]) => ({ Key, Value: text(tagValue) ?? "" }));
}

export const ssmParameterProvider: ResourceProvider = {
  type: "AWS::SSM::Parameter",
  properties: ["AllowedPattern", "DataType", "Description", "Name", "Policies", "Tags", "Tier", "Type", "Value"],
  required: ["Type", "Value"],
  attributes: ["Type", "Value"],
  create(request) {
    const { ctx, properties } = request;
    const type = text(properties["Type"]) ?? "";
    if (type.toLowerCase() === "securestring") throw new ResourceFailure(errors.SSM_SECURESTRING_NOT_SUPPORTED);
    const name = text(properties["Name"]) ?? `CFN-${request.logicalId.slice(0, 500)}-${ctx.random.string(ALPHANUMERIC, 12)}`;
    const input: WireObject = {
      Name: name,
      ...(properties["Description"] === undefined ? {} : { Description: text(properties["Description"]) }),
      Value: text(properties["Value"]) ?? "",
      Type: type,
      Overwrite: false,
      ...(properties["AllowedPattern"] === undefined ? {} : { AllowedPattern: text(properties["AllowedPattern"]) }),
      Tags: [...tagsOf(properties["Tags"]), ...request.stackTags, ...systemTags(request)],
      ...(properties["Tier"] === undefined ? {} : { Tier: text(properties["Tier"]) }),
      ...(properties["Policies"] === undefined ? {} : { Policies: text(properties["Policies"]) }),
      ...(properties["DataType"] === undefined ? {} : { DataType: text(properties["DataType"]) }),
    };
    try {
      callService(ctx, "ssm", "PutParameter", input);
    } catch (error) {
      throw new ResourceFailure(ssmFailureReason(ctx, error));
    }
    return { physicalId: name, ref: name, attributes: { Type: type, Value: text(request.literalProperties["Value"]) ?? "" } };
  },
  delete(request) {
    try {
      callService(request.ctx, "ssm", "DeleteParameter", { Name: request.physicalId });
    } catch (error) {
      // A parameter already gone is deleted as far as CloudFormation is concerned (the handler answers NotFound).
      if (isNotFound(error, ["ParameterNotFound"])) return;
      throw new ResourceFailure(ssmFailureReason(request.ctx, error));
    }
  },
};
