import { AwsServiceError } from "../core/errors";

/**
 * KMS's errors, with AWS's texts. Sources: AWS-CLI.md §2 (captures and the
 * API model), and real-AWS responses recorded in LocalStack's @aws_validated
 * snapshots (tests/aws/services/kms/test_kms.snapshot.json). Texts marked
 * NOTE could not be confirmed against AWS and are the sandbox's own wording.
 */
export const kmsErrors = {
  keyNotFound: (keyArn: string) => new AwsServiceError("NotFoundException", `Key '${keyArn}' does not exist`),
  invalidKeyId: (text: string) => new AwsServiceError("NotFoundException", `Invalid keyId '${text}'`),
  aliasNotFound: (aliasArn: string) => new AwsServiceError("NotFoundException", `Alias ${aliasArn} is not found.`),
  /** A key ARN naming another Region than the one the request is sent to. */
  invalidArnRegion: (region: string) => new AwsServiceError("NotFoundException", `Invalid arn ${region}`),
  invalidKeyUsage: (keyArn: string, usage: string, operation: string) =>
    new AwsServiceError("InvalidKeyUsageException", `${keyArn} key usage is ${usage} which is not valid for ${operation}.`),
  incompatibleAlgorithm: (algorithm: string, keySpec: string) => new AwsServiceError("InvalidKeyUsageException", `Algorithm ${algorithm} is incompatible with key spec ${keySpec}.`),
  /** AWS sends InvalidCiphertextException with an empty message (wrong context, tampering, other key). */
  invalidCiphertext: () => new AwsServiceError("InvalidCiphertextException", ""),
  incorrectKey: () => new AwsServiceError("IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this operation."),
  /** AWS sends KMSInvalidSignatureException / KMSInvalidMacException with an empty message. */
  invalidSignature: () => new AwsServiceError("KMSInvalidSignatureException", ""),
  invalidMac: () => new AwsServiceError("KMSInvalidMacException", ""),
  validation: (message: string) => new AwsServiceError("ValidationException", message),
  /** EnableKeyRotation etc. on a key type that cannot rotate: AWS answers with an empty message (terraform-aws-modules/terraform-aws-kms#20). */
  rotationUnsupported: () => new AwsServiceError("UnsupportedOperationException", ""),
  /** GetPublicKey on a symmetric or HMAC key. NOTE: wording not confirmed against AWS. */
  noPublicKey: (keyArn: string, keySpec: string) => new AwsServiceError("UnsupportedOperationException", `${keyArn} key spec ${keySpec} is not valid for this operation.`),
  aliasPrefix: () =>
    new AwsServiceError(
      "ValidationException",
      'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    ),
  /** NOTE: AWS refuses names under alias/aws/ (reserved for AWS managed keys); the empty message is the sandbox's. */
  reservedAlias: () => new AwsServiceError("NotAuthorizedException", ""),
  aliasExists: (aliasArn: string) => new AwsServiceError("AlreadyExistsException", `An alias with the name ${aliasArn} already exists`),
  invalidMarker: () => new AwsServiceError("InvalidMarkerException", "Invalid marker"),
};
