import { AwsServiceError } from "../core/errors";

/**
 * CloudFormation's errors and status reasons in AWS's words. Each text names
 * where it was found: a recorded AWS answer quoted in a public issue or test
 * (URL), or AWS's documentation. Texts not found in AWS's own output are marked
 * "NOTE: unverified" and listed in lib/sandbox/README.md.
 *
 * Sources cited below by tag:
 * - [LIVE] cdktn-io/terraform-provider-cfncompat, RFCs/dynamic-ssm/live-test-results.md
 *   (CloudFormation answers recorded against a real account, us-east-1, 2026):
 *   https://github.com/cdktn-io/terraform-provider-cfncompat/blob/main/RFCs/dynamic-ssm/live-test-results.md
 * - [JAVA-PLUGIN] aws-cloudformation/cloudformation-cli-java-plugin, ExceptionMessages.java
 *   (the texts resource handlers written with the Java plugin return).
 */

const error = (code: string, message: string, status = 400) => new AwsServiceError(code, message, status);

/** CloudFormation answers request and template problems with ValidationError (model: Sender fault, 400). */
export const validationError = (message: string) => error("ValidationError", message);

const list = (names: readonly string[]) => `[${names.join(", ")}]`;

// --- Stacks -----------------------------------------------------------------

/**
 * "An error occurred (AlreadyExistsException) when calling the CreateStack operation: Stack [my-first-stack] already exists"
 * (CLI output quoted in many public READMEs and tutorials; found by exact-text search, no single URL kept).
 */
export const stackAlreadyExists = (name: string) => error("AlreadyExistsException", `Stack [${name}] already exists`);

/** "An error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id lab04-service does not exist" (CLI output recorded in public lab notes; the AWS CLI reference for describe-stacks: "If the stack does not exist, an ValidationError is returned"). */
export const stackDoesNotExist = (nameOrId: string) => validationError(`Stack with id ${nameOrId} does not exist`);

/** The API reference's example error response (Type Sender, Code ValidationError), quoted in a Go AWS library's test fixtures (exact-text search). */
export const noTemplate = () => validationError("Either Template URL or Template Body must be specified.");

/**
 * Model constraint failures are ValidationError (not ValidationException) in CloudFormation:
 * "1 validation error detected: Value '0MyStack' at 'stackName' failed to satisfy constraint: Member must satisfy
 * regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*" (CreateStack/UpdateStack, expected by a CloudFormation DSL's tests) and
 * "...: [a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*" for the read operations (quoted from describe_stack errors in
 * several public scripts; exact-text search).
 */
export const CREATE_STACK_NAME_PATTERN = "[a-zA-Z][-a-zA-Z0-9]*";
export const STACK_NAME_OR_ID_PATTERN = "[a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*";

// --- Template format errors (ValidationError, before any stack exists) --------

/** "Template format error: JSON not well-formed. (line 11, column 8)" (validate-template output recorded in a public README; exact-text search). */
export const jsonNotWellFormed = (line: number, column: number) => validationError(`Template format error: JSON not well-formed. (line ${line}, column ${column})`);

/** "Template format error: YAML not well-formed. (line 26, column 17)" (validate-template output recorded in public notes; exact-text search). */
export const yamlNotWellFormed = (line: number, column: number) => validationError(`Template format error: YAML not well-formed. (line ${line}, column ${column})`);

/** A body that parses to something other than a mapping: "Template format error: unsupported structure." (recorded widely, e.g. when --template-body is given a path without file://). */
export const unsupportedStructure = () => validationError("Template format error: unsupported structure.");

/** "Template format error: At least one Resources member must be defined." (recorded, e.g. convection's README and cfn tooling tests). */
export const noResources = () => validationError("Template format error: At least one Resources member must be defined.");

/** "Template format error: [/Resources/S3Bucket] Every Resources object must contain a Type member." (validate-template output recorded in a public Japanese walkthrough). */
export const resourceWithoutType = (logicalId: string) => validationError(`Template format error: [/Resources/${logicalId}] Every Resources object must contain a Type member.`);

/** "Template format error: Unrecognized resource types: [AWS::SNS::PlatformApplication]" (recorded in many deployment notes). */
export const unrecognizedResourceTypes = (types: readonly string[]) => validationError(`Template format error: Unrecognized resource types: ${list(types)}`);

/**
 * "Invalid template property or properties [esbuild]" (a SAM deploy's change-set reason, recorded in public
 * blog posts). NOTE: unverified whether CreateStack prefixes it with "Template format error: "; the sandbox
 * answers the recorded text as is.
 */
export const invalidTemplateProperties = (names: readonly string[]) => validationError(`Invalid template property or properties ${list(names)}`);

/**
 * "Template format error: Unresolved resource dependencies [S3IAMDelivereRoleStackSet] in the Resources block of the template"
 * (https://github.com/aws-samples/aws-shield-advanced-one-click-deployment/issues/14) and "... in the Outputs block of the template"
 * (recorded for SAM's ServerlessRestApi in public notes).
 */
export const unresolvedDependencies = (names: readonly string[], block: "Resources" | "Outputs") =>
  validationError(`Template format error: Unresolved resource dependencies ${list(names)} in the ${block} block of the template`);

/** "Template error: instance of Fn::GetAtt references undefined resource CodePipelineRole" (recorded in several public READMEs). */
export const getAttUndefinedResource = (logicalId: string) => validationError(`Template error: instance of Fn::GetAtt references undefined resource ${logicalId}`);

/** "Template error: resource RequirementsLayerApp does not support attribute type Outputs in Fn::GetAtt" (Serverless Framework output recorded in a public issue). */
export const getAttUnsupportedAttribute = (logicalId: string, attribute: string) =>
  validationError(`Template error: resource ${logicalId} does not support attribute type ${attribute} in Fn::GetAtt`);

/** "Circular dependency between resources: [storage0EC3F24A, auth179371D7, ...]" (ValidationError recorded by Amplify users). */
export const circularDependency = (logicalIds: readonly string[]) => validationError(`Circular dependency between resources: ${list(logicalIds)}`);

/** "Template format error: Unrecognized parameter type: SecureString" (https://github.com/aws/aws-cdk/issues/6786). */
export const unrecognizedParameterType = (type: string) => validationError(`Template format error: Unrecognized parameter type: ${type}`);

/** "Template error: Fn::Select  cannot select nonexistent value at index 2", a resource's CREATE_FAILED reason (https://github.com/stelligent/mu/issues/196; note AWS's two spaces). */
export const selectOutOfRange = (index: number) => validationError(`Template error: Fn::Select  cannot select nonexistent value at index ${index}`);

/**
 * A malformed intrinsic function (wrong number or kind of arguments).
 * NOTE: unverified: AWS words each function's complaint differently; the sandbox says which function and what it expects.
 */
export const malformedFunction = (name: string, expectation: string) => validationError(`Template error: ${name} ${expectation}`);

// --- Parameters ---------------------------------------------------------------

/** "Parameters: [MasterUserPassword] must have values" (UpdateStack ValidationError quoted in https://github.com/Sceptre/sceptre/issues/544). */
export const parametersMustHaveValues = (keys: readonly string[]) => validationError(`Parameters: ${list(keys)} must have values`);

/** "ValidationError: Parameters: [AdminEmail] do not exist in the template" (recorded in a public changelog). */
export const parametersNotInTemplate = (keys: readonly string[]) => validationError(`Parameters: ${list(keys)} do not exist in the template`);

/** "Parameter 'P' must be one of AllowedValues" [LIVE T2c]. */
export const notAnAllowedValue = (key: string) => validationError(`Parameter '${key}' must be one of AllowedValues`);

/** "Parameter 'P' must match pattern ^hello-.*$" [LIVE T2a]. */
export const patternMismatch = (key: string, pattern: string) => validationError(`Parameter '${key}' must match pattern ${pattern}`);

/** "Parameter 'P' must contain at most 5 characters" [LIVE T2d]. */
export const tooLong = (key: string, max: number) => validationError(`Parameter '${key}' must contain at most ${max} characters`);

/** NOTE: unverified; worded after the recorded "at most" text [LIVE T2d]. */
export const tooShort = (key: string, min: number) => validationError(`Parameter '${key}' must contain at least ${min} characters`);

/** NOTE: unverified text for a Number parameter given something that is not a number. */
export const notANumber = (key: string) => validationError(`Parameter '${key}' must be a number`);

/** "Unable to fetch parameters [/cfncompat/livetest/str:99] from parameter store for this account." [LIVE T1d]. */
export const unableToFetchSsmParameters = (names: readonly string[]) => validationError(`Unable to fetch parameters ${list(names)} from parameter store for this account.`);

/** "Parameters [/cfncompat/livetest/secure] referenced by template have types not supported by CloudFormation." [LIVE T3e]. */
export const ssmTypesNotSupported = (names: readonly string[]) => validationError(`Parameters ${list(names)} referenced by template have types not supported by CloudFormation.`);

/** "Types for SSM parameters [/cfncompat/livetest/strcommas] defined in CFN template and SSM are incompatible" [LIVE T4b-d] (no final period). */
export const ssmTypesIncompatible = (names: readonly string[]) => validationError(`Types for SSM parameters ${list(names)} defined in CFN template and SSM are incompatible`);

/** A label (`name:prod`) as the value of an SSM parameter type: "An error occurred (InternalFailure) when calling the CreateStack operation (reached max retries: 2): Unknown" [LIVE T1c]. */
export const ssmLabelInParameterType = () => error("InternalFailure", "Unknown", 500);

// --- Dynamic references ---------------------------------------------------------

/** "Incorrect format is used in the following SSM reference: [{{resolve:ssm:/cfncompat/livetest/str:prod}}]" [LIVE T6d, T8e]. */
export const incorrectSsmReference = (reference: string) => validationError(`Incorrect format is used in the following SSM reference: [${reference}]`);

/** "ValidationError: Parameters: [ssm:/xxxx/blueprintId] cannot be found." (https://github.com/aws-samples/data-mesh-datazone-cdk-cloudformation/issues/19). */
export const ssmReferenceNotFound = (name: string, prefix: "ssm" | "ssm-secure" = "ssm") => validationError(`Parameters: [${prefix}:${name}] cannot be found.`);

/** "Non-secure ssm prefix was used for secure parameter /cfncompat/livetest/secure" [LIVE T8d]. */
export const nonSecureSsmPrefix = (name: string) => validationError(`Non-secure ssm prefix was used for secure parameter ${name}`);

/**
 * "SSM Secure reference is not supported in: [AWS::SSM::Parameter/Properties/Value]" [LIVE T8a, T8b]; several
 * places are listed comma-separated without spaces, e.g. "[AWS::Lambda::Function/Properties/Environment/Variables/X,AWS::Lambda::Function/...]"
 * (https://github.com/lumigo-io/lumigo-cdk-constructs/issues/62).
 */
export const ssmSecureNotSupportedText = (paths: readonly string[]) => `SSM Secure reference is not supported in: [${paths.join(",")}]`;

/** "Template error: parameter P should not contain ssm versionless resolver" [LIVE T7a]. */
export const versionlessResolverInParameter = (key: string) => validationError(`Template error: parameter ${key} should not contain ssm versionless resolver`);

/** Resource-level failure reason [LIVE T9] (also https://github.com/aws/aws-sam-cli/issues/2153). */
export const JSON_KEY_NOT_FOUND = "Could not find a value associated with JSONKey in SecretString";

/** Resource-level failure reason for a json-key on a secret that is not JSON [LIVE T9]. */
export const SECRET_NOT_JSON = "Could not parse SecretString JSON";

// --- Status reasons ----------------------------------------------------------------

/** Stack CREATE_IN_PROGRESS / DELETE_IN_PROGRESS (recorded describe-stack-events output, e.g. ansible/ansible#63008). */
export const USER_INITIATED = "User Initiated";

/** The second CREATE_IN_PROGRESS event of a resource, once it has a physical id (recorded describe-stack-events output, e.g. aws-samples/aws-scalable-big-blue-button-example#36). */
export const CREATION_INITIATED = "Resource creation Initiated";

/**
 * The stack's reason when resources fail: "The following resource(s) failed to create: [X]. " (the sentence ends in
 * ". ", as in the recorded DELETE_FAILED reasons below), then the request: "The following resource(s) failed to create:
 * [VoiceToChatLambdaFunction]. Rollback requested by user." (console output recorded 2024-09-30, quoted in a public
 * note; older output, e.g. https://github.com/aws-samples/aws-serverless-workshops/issues/210 (2019), shows ". ."
 * instead). A reason without that ending gets ". ": "SSM Secure reference is not supported in: [...]. Rollback
 * requested by user." [LIVE T8a]; with OnFailure DELETE the request is "Delete requested by user." (a recorded
 * DELETE_IN_PROGRESS event of 2020: "The following resource(s) failed to create: [AuthGrant]. . Delete requested by
 * user.", in the older form).
 */
export const failedToCreate = (logicalIds: readonly string[]) => `The following resource(s) failed to create: ${list(logicalIds)}. `;
const sentence = (reason: string) => (reason.endsWith(". ") ? reason : `${reason}. `);
export const rollbackRequested = (reason: string) => `${sentence(reason)}Rollback requested by user.`;
export const deleteRequested = (reason: string) => `${sentence(reason)}Delete requested by user.`;

/**
 * Stack DELETE_FAILED (and ROLLBACK_FAILED): "The following resource(s) failed to delete: [SG]. " (eksctl output quoting the
 * stack reason, trailing space included, 2021) and "DELETE_FAILED (The following resource(s) failed to delete: [Runtime]. )"
 * (a 2025 deployment note).
 */
export const failedToDelete = (logicalIds: readonly string[]) => `The following resource(s) failed to delete: ${list(logicalIds)}. `;

/** AWS::SSM::Parameter with Type SecureString (aws-cloudformation-resource-providers-ssm CreateHandler; recorded in https://github.com/aws/aws-cdk/issues/6039). */
export const SSM_SECURESTRING_NOT_SUPPORTED = "SSM Parameters of type SecureString cannot be created using CloudFormation";

/** [JAVA-PLUGIN] HandlerErrorCode messages used by resource handlers (ExceptionMessages.java). */
export const handlerMessages = {
  accessDenied: (operation: string) => `Access denied for operation '${operation}'.`,
  alreadyExists: (type: string, id: string) => `Resource of type '${type}' with identifier '${id}' already exists.`,
  notFound: (type: string, id: string) => `Resource of type '${type}' with identifier '${id}' was not found.`,
  invalidRequest: (detail: string) => `Invalid request provided: ${detail}`,
};
