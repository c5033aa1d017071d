import { AwsServiceError } from "../core/errors";

/**
 * Parameter Store's errors with AWS's codes and messages. Sources, per error:
 * - [CLI] /work/shared/AWS-CLI.md section 4 (verified against AWS);
 * - [GH] GitHub issues quoting real AWS output (named at each error);
 * - [MODEL] the API model's description of the error, where AWS's own text
 *   was not found: marked "NOTE: unverified text".
 *
 * The model names the message member "message" for most SSM errors and
 * "Message" for ValidationException, AccessDeniedException, InvalidFilterValue,
 * InvalidNextToken, TooManyUpdates and InternalServerError (see
 * `SSM_ERROR_MESSAGE_KEYS`, which the service passes to `toWire`).
 */
export const SSM_ERROR_MESSAGE_KEYS: Readonly<Record<string, "message" | "Message">> = {
  ValidationException: "Message",
  AccessDeniedException: "Message",
  InvalidFilterValue: "Message",
  InvalidNextToken: "Message",
  TooManyUpdates: "Message",
  InternalServerError: "Message",
};

const error = (code: string, message: string) => new AwsServiceError(code, message);

/** [CLI] AWS sends ParameterNotFound with an empty message for GetParameter, DeleteParameter, GetParameterHistory, LabelParameterVersion. */
export const parameterNotFound = () => error("ParameterNotFound", "");

/** [CLI] (moto's text, which AWS-CLI.md records for the error). */
export const parameterVersionNotFound = (version: string | number, name: string) =>
  error("ParameterVersionNotFound", `Systems Manager could not find version ${version} of ${name}. Verify the version and try again.`);

/** [CLI] */
export const parameterAlreadyExists = () =>
  error("ParameterAlreadyExists", "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");

/** [CLI] */
export const typeRequiredOnCreate = () => error("ValidationException", "A parameter type is required when you create a parameter.");

/** [CLI] */
export const tagsWithOverwrite = () =>
  error(
    "ValidationException",
    "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
  );

/**
 * [GH] aws-solutions/quota-monitor-for-aws#30 ("awslimitschecker"), awslabs/aws-deployment-framework#119
 * (DeleteParameter "aws-cdk-playground"), aws-cloudformation/cfn-lint#4089 ("/aws/test" shown as "aws/test"):
 * AWS names the parameter without its leading slash.
 */
export const reservedName = (name: string) => error("AccessDeniedException", `No access to reserved parameter name: ${name.replace(/^\//, "")}.`);

/**
 * [GH] boto/boto3#1499 (spaces), aws/aws-sdk-php#1952 ("@"), localstack/localstack#7712 (GetParameter "{test}-test"),
 * aws/aws-sdk-js-v3#5005 ("xxx/yyy" without a leading slash), aws-ia/terraform-aws-control_tower_account_factory#467:
 * AWS answers every malformed name, and the "ssm" prefix, with this one text.
 */
export const invalidName = () =>
  error(
    "ValidationException",
    'Parameter name: can\'t be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_',
  );

/**
 * [GH] aws/aws-sdk-js-v3#5928 (GetParametersByPath), aws-samples/resource-autotagger#1: the text really has
 * backslashes before the quotes around aws and ssm (and not around "/").
 */
export const invalidPath = () =>
  error(
    "ValidationException",
    'The parameter doesn\'t meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can\'t be prefixed with \\"aws\\" or \\"ssm\\" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.',
  );

/** [CLI] (moto's text for Path filters on /aws and /ssm). */
export const reservedPathFilter = () =>
  error(
    "ValidationException",
    'Filters for common parameters can\'t be prefixed with "aws" or "ssm" (case-insensitive). When using global parameters, please specify within a global namespace.',
  );

/** [CLI] "A hierarchy can have a maximum of 15 levels". */
export const hierarchyLevelLimit = () => error("HierarchyLevelLimitExceededException", "A hierarchy can have a maximum of 15 levels");

/**
 * NOTE: unverified text. AWS counts the 1011 characters with the ARN prefix; the
 * message is written in the model's constraint style.
 */
export const nameTooLong = (name: string, limit: number) =>
  error("ValidationException", `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must have length less than or equal to ${limit}`);

/**
 * [MODEL] The API reference's own description of the error. NOTE: unverified text; the
 * sandbox raises it for an Overwrite that changes the parameter's Type.
 */
export const hierarchyTypeMismatch = () =>
  error(
    "HierarchyTypeMismatchException",
    "Parameter Store doesn't support changing a parameter type in a hierarchy. For example, you can't change a parameter from a String type to a SecureString type. You must create a new, unique parameter.",
  );

/** The value is sensitive, so AWS names the member without showing it ([GH] ministryofjustice/cloud-platform-infrastructure#3906). */
export const valueLength = (bound: "min" | "max") =>
  error(
    "ValidationException",
    bound === "min"
      ? "1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1"
      : "1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length less than or equal to 32768",
  );

/** [CLI] [GH] aws/aws-sdk-net#3157 */
export const standardValueTooLarge = () =>
  error(
    "ValidationException",
    "Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html",
  );

/** Quoted from a failed apply in a public repository (the text also appears without its first sentence). */
export const advancedValueTooLarge = () =>
  error("ValidationException", "The specified parameter value is too large. Advanced-tier parameters support a maximum parameter value of 8192 characters.");

/**
 * The full text as CloudFormation relays it (AWS-CLI.md: Advanced -> Standard is refused);
 * terraform-provider-aws quotes the same text without its last sentence.
 */
export const tierDowngrade = () =>
  error(
    "ValidationException",
    "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter. Be aware that standard parameters have a value limit of 4096 characters.",
  );

/** Quoted by a public lint rule for AWS::SSM::Parameter. NOTE: unverified error code. */
export const policiesNeedAdvanced = () => error("ValidationException", "You can't assign parameter policies to a standard-parameter tier.");

/** [MODEL] NOTE: unverified text. */
export const invalidPolicyType = (type: string) =>
  error(
    "InvalidPolicyTypeException",
    `The policy type ${type} isn't supported. Parameter Store supports the following policy types: Expiration, ExpirationNotification, and NoChangeNotification.`,
  );

/** [MODEL] NOTE: unverified text. */
export const invalidPolicyAttribute = (detail: string) => error("InvalidPolicyAttributeException", `A policy attribute or its value is invalid. ${detail}`);

/** [MODEL] NOTE: unverified text. */
export const policiesLimit = () => error("PoliciesLimitExceededException", "You specified more than the maximum number of allowed policies for the parameter. The maximum is 10.");

/** [MODEL] NOTE: unverified text. */
export const incompatiblePolicy = (type: string) =>
  error("IncompatiblePolicyException", `There is a conflict in the policies specified for this parameter. You can't specify two ${type} policies for a parameter.`);

/** (moto's text.) */
export const unsupportedDataType = (dataType: string) =>
  error("ValidationException", `The following data type is not supported: ${dataType} (Data type names are all lowercase.)`);

/** NOTE: unverified text (the model says only that the value doesn't match the pattern). */
export const patternMismatch = (pattern: string) =>
  error("ParameterPatternMismatchException", `Parameter value failed to satisfy constraint specified by the parameter's AllowedPattern: ${pattern}`);

/** [MODEL] NOTE: unverified text. */
export const invalidAllowedPattern = (pattern: string) =>
  error("InvalidAllowedPatternException", `The request doesn't meet the regular expression requirement: ${pattern} is not a valid regular expression.`);

/** [GH] NordicSemiconductor/asset-tracker-cloud-aws-js#514 quotes AWS. */
export const standardParameterLimit = () =>
  error(
    "ParameterLimitExceeded",
    "You have reached the maximum number of standard parameters for this AWS account and Region (10000). To add more parameters, either delete existing parameters or upgrade to the advanced-parameter tier (charges apply).",
  );

/** NOTE: unverified text, written after the standard-tier one. */
export const advancedParameterLimit = () =>
  error("ParameterLimitExceeded", "You have reached the maximum number of advanced parameters for this AWS account and Region (100000). To add more parameters, delete existing parameters.");

/** [CLI] The text of the AWS SDK documentation of ParameterMaxVersionLimitExceeded. */
export const maxVersionLimit = (name: string, oldest: number) =>
  error(
    "ParameterMaxVersionLimitExceeded",
    `You attempted to create a new version of ${name} by calling the PutParameter API with the overwrite flag. Version ${oldest}, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.`,
  );

/** (moto's text without the "An error occurred ..." prefix it embeds.) */
export const labelLimit = () =>
  error("ParameterVersionLabelLimitExceeded", "A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.");

/** The model gives these shapes no message member, so AWS's CLI prints nothing after the colon. */
export const invalidResourceId = () => error("InvalidResourceId", "");
export const tooManyTags = () => error("TooManyTagsError", "");

/** [CLI] (moto tests). */
export const byPathFilterKey = (key: string) => error("InvalidFilterKey", `The following filter key is not valid: ${key}. Valid filter keys include: [Type, KeyId].`);
/** (moto's text.) */
export const describeFilterKey = (key: string) =>
  error("InvalidFilterKey", `The following filter key is not valid: ${key}. Valid filter keys include: [Path, Name, Type, KeyId, Tier].`);
/** (moto's text, with the key that was duplicated.) */
export const duplicateFilter = (key: string) =>
  error("InvalidFilterKey", `The following filter is duplicated in the request: ${key}. A request can contain only one occurrence of a specific filter.`);
/** (moto's text.) */
export const filterOption = (option: string, valid: string) =>
  error("InvalidFilterOption", `The following filter option is not valid: ${option}. Valid options include: [${valid}].`);
/** (moto's text, with the key whose values are missing.) */
export const filterValuesMissing = (key: string) => error("InvalidFilterValue", `The following filter values are missing : null for filter key ${key}.`);
/** (moto's text; moto raises it as InvalidFilterOption, the model's error for a bad value is InvalidFilterValue.) */
export const filterValue = (value: string, valid: string) =>
  error("InvalidFilterValue", `The following filter value is not valid: ${value}. Valid values include: [${valid}].`);

/** [CLI] (moto tests). */
export const bothFilterKinds = () => error("ValidationException", "You can use either Filters or ParameterFilters in a single request.");

/** [MODEL] NOTE: unverified text. */
export const invalidNextToken = () => error("InvalidNextToken", "The specified token isn't valid.");
