import { AwsServiceError } from "../core/errors";

/**
 * Secrets Manager's errors, with AWS's codes and messages. Sources are noted
 * per message: [CLI-DOC] ../shared/AWS-CLI.md section 3 (verified), [GH] a
 * GitHub issue or project quoting real AWS output, [API] the API reference
 * text of the error shape, [MOTO] moto's tests marked @aws_verified. Where no
 * real message was found the text is the sandbox's own, marked NOTE.
 */

export const smErrors = {
  /** [CLI-DOC] [MOTO] */
  secretNotFound: () => new AwsServiceError("ResourceNotFoundException", "Secrets Manager can't find the specified secret."),

  /** [MOTO] GetSecretValue for a label no version carries, or a version without a value. */
  valueNotFoundForStage: (stage: string) => new AwsServiceError("ResourceNotFoundException", `Secrets Manager can't find the specified secret value for staging label: ${stage}`),

  /** [MOTO] */
  valueNotFoundForVersion: (versionId: string) => new AwsServiceError("ResourceNotFoundException", `Secrets Manager can't find the specified secret value for VersionId: ${versionId}`),

  /** [MOTO @aws_verified] */
  stageVersionMismatch: () => new AwsServiceError("InvalidRequestException", "You provided a VersionStage that is not associated to the provided VersionId."),

  /** [CLI-DOC] [GH external-secrets#4560] GetSecretValue, PutSecretValue, UpdateSecret, RotateSecret... on a secret in its recovery window. */
  markedForDeletion: () => new AwsServiceError("InvalidRequestException", "You can't perform this operation on the secret because it was marked for deletion."),

  /** [CLI-DOC] [GH udondan/cdk-ec2-key-pair#2] */
  nameScheduledForDeletion: () => new AwsServiceError("InvalidRequestException", "You can't create this secret because a secret with this name is already scheduled for deletion."),

  /** [CLI-DOC] [MOTO @aws_verified] [GH ibm-mas/cli#1408] */
  secretExists: (name: string) => new AwsServiceError("ResourceExistsException", `The operation failed because the secret ${name} already exists.`),

  /** [CLI-DOC] [MOTO @aws_verified] */
  tokenInUse: (token: string, arn: string) =>
    new AwsServiceError("ResourceExistsException", `You can't use ClientRequestToken ${token} because that value is already in use for a version of secret ${arn}.`),

  /** [GH Java/Kotlin mocks asserting AWS's text] */
  bothValues: () => new AwsServiceError("InvalidParameterException", "You can't specify both a binary secret value and a string secret value in the same secret."),

  /** [MOTO] PutSecretValue with neither value. */
  noValue: () => new AwsServiceError("InvalidRequestException", "You must provide either SecretString or SecretBinary."),

  /** [GH many, quoting ValidationException] A name, or a SecretId that is not an ARN, with characters outside the allowed set. */
  invalidName: () =>
    new AwsServiceError("ValidationException", "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!"),

  /** [CLI-DOC] [MOTO] */
  recoveryWindowRange: () => new AwsServiceError("InvalidParameterException", "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive)."),

  /** [CLI-DOC] [MOTO] */
  forceWithWindow: () => new AwsServiceError("InvalidParameterException", "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays."),

  /** [CLI-DOC] [GH getmoto/moto#3912 quoting AWS] */
  noRotationLambda: () => new AwsServiceError("InvalidRequestException", "No Lambda rotation function ARN is associated with this secret."),

  /** [GH many: terraform, CDK, floci tests quoting AWS] AWSPENDING on a version other than AWSCURRENT. */
  rotationIncomplete: () => new AwsServiceError("InvalidRequestException", "A previous rotation isn't complete. That rotation will be reattempted."),

  /** [GH hashicorp/terraform-provider-aws and CloudFormation failures quoting AWS] Function missing, or its policy does not allow Secrets Manager. */
  cannotInvoke: () =>
    new AwsServiceError(
      "AccessDeniedException",
      "Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.",
    ),

  /** [MOTO] */
  automaticallyAfterDaysRange: () => new AwsServiceError("InvalidParameterException", "RotationRules.AutomaticallyAfterDays must be within 1-1000."),

  /** [GH hashicorp/terraform-provider-aws#33329 quoting AWS] */
  frequencyAndSchedule: () => new AwsServiceError("InvalidParameterException", "You cannot specify both rotation frequency and schedule expression together."),

  /** NOTE: the sandbox's own text; AWS's exact wording for a malformed schedule was not found. */
  invalidSchedule: (reason: string) => new AwsServiceError("InvalidParameterException", `Invalid ScheduleExpression: ${reason}`),

  /** NOTE: the sandbox's own text for a Duration AWS would refuse. */
  invalidDuration: (reason: string) => new AwsServiceError("InvalidParameterException", `Invalid Duration: ${reason}`),

  /** [CLI-DOC] [MOTO @aws_verified] for AWSCURRENT; the sandbox uses the same text for any label. */
  removeFromRequired: (stage: string, versionId: string) =>
    new AwsServiceError(
      "InvalidParameterException",
      `The parameter RemoveFromVersionId can't be empty. Staging label ${stage} is currently attached to version ${versionId}, so you must explicitly reference that version in RemoveFromVersionId.`,
    ),

  /** NOTE: wording not verified against AWS (seen in emulators). */
  removeFromMismatch: (stage: string) =>
    new AwsServiceError(
      "InvalidParameterException",
      `When you move staging label ${stage}, if you specify RemoveFromVersionId, it must be set to the version that currently has the staging label ${stage}.`,
    ),

  /** NOTE: wording not verified against AWS. */
  versionNotFound: (versionId: string) => new AwsServiceError("InvalidParameterException", `Secrets Manager can't find the specified secret version: ${versionId}`),

  /** NOTE: wording not verified; AWS limits a version to 20 staging labels [API]. */
  tooManyLabels: () => new AwsServiceError("LimitExceededException", "A version of a secret can have at most 20 staging labels."),

  /** [CLI-DOC] CancelRotateSecret with no rotation configured; the text is one of the causes the API reference lists for InvalidRequestException (moto uses it too). */
  cancelWithoutLambda: () =>
    new AwsServiceError(
      "InvalidRequestException",
      "You tried to enable rotation on a secret that doesn't already have a Lambda function ARN configured and you didn't include such an ARN as a parameter in this call.",
    ),

  /** [CLI-DOC] [MOTO] BatchGetSecretValue */
  batchBoth: () => new AwsServiceError("InvalidParameterException", "Either 'SecretIdList' or 'Filters' must be provided, but not both."),
  batchMaxResultsWithoutFilters: () =>
    new AwsServiceError("InvalidParameterException", "'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided."),

  /** [MOTO] GetRandomPassword asked for more character types than characters. */
  passwordTooShort: () => new AwsServiceError("InvalidParameterException", "Password length is too short based on the required types."),

  /** NOTE: the sandbox's own text: every character class was excluded. */
  passwordNoCharacters: () => new AwsServiceError("InvalidParameterException", "The password can't be generated: every character was excluded."),

  /** [MOTO] ListSecrets / BatchGetSecretValue with a filter without Key, or without Values (the model makes neither required). */
  filterKeyMissing: () => new AwsServiceError("InvalidParameterException", "Invalid filter key"),
  filterValuesMissing: (key: string) => new AwsServiceError("InvalidParameterException", `Invalid filter values for key: ${key}`),

  /** NOTE: sandbox's own text for a NextToken it did not issue. */
  invalidNextToken: () => new AwsServiceError("InvalidNextTokenException", "The NextToken value is not valid."),

  /** [GH aws/aws-cdk#7677 and many, quoting AWS] KMS refused GenerateDataKey/Decrypt for the caller. */
  kmsAccessDenied: () => new AwsServiceError("AccessDeniedException", "Access to KMS is not allowed"),

  /**
   * [GH AWS GovCloud docs quoting get-secret-value] KMS refused Decrypt for any other reason:
   *   Secrets Manager can't decrypt the secret value: arn:aws:kms:...:key/... is disabled.
   *   (Service: AWSKMS; Status Code: 400; Error Code: DisabledException; Request ID: ...; Proxy: null)
   */
  decryptionFailure: (kmsCode: string, kmsMessage: string, requestId: string) =>
    new AwsServiceError(
      "DecryptionFailure",
      `Secrets Manager can't decrypt the secret value: ${kmsMessage} (Service: AWSKMS; Status Code: 400; Error Code: ${kmsCode}; Request ID: ${requestId}; Proxy: null)`,
    ),

  /**
   * [API] EncryptionFailure's documented meaning. NOTE: the exact message AWS sends was not
   * found; the sandbox uses the shape of the verified DecryptionFailure message.
   */
  encryptionFailure: (kmsCode: string, kmsMessage: string, requestId: string) =>
    new AwsServiceError(
      "EncryptionFailure",
      `Secrets Manager can't encrypt the secret value: ${kmsMessage} (Service: AWSKMS; Status Code: 400; Error Code: ${kmsCode}; Request ID: ${requestId}; Proxy: null)`,
    ),

  /** [IAM helper, Secrets Manager guide texts] */
  malformedPolicy: (message: string) => new AwsServiceError("MalformedPolicyDocumentException", message),
  publicPolicy: (message: string) => new AwsServiceError("PublicPolicyException", message),
};
