/**
 * Where a request comes from, as AWS's global condition keys and CloudTrail
 * describe it.
 *
 * The learner's requests (and their programs' on simulated instances and
 * functions) come from one address, 192.0.2.1, which is reserved for
 * documentation (RFC 5737): the sandbox has no network, and a policy with an
 * IpAddress condition can still be tried against it. A request an AWS
 * service makes with the caller's credentials (Secrets Manager or Parameter
 * Store calling KMS, CloudFormation creating resources) carries no
 * aws:SourceIp, as in AWS, and has aws:ViaAWSService true: which is why a
 * Deny on NotIpAddress blocks those calls unless it also tests
 * aws:ViaAWSService (IAM User Guide, "AWS global condition context keys").
 *
 * NOTE: on AWS, calls from an instance or a function come from their own
 * network addresses; the sandbox uses the one address for every request.
 */
export const LEARNER_SOURCE_IP = "192.0.2.1";

/** Services that set aws:CalledVia when they call on a principal's behalf (IAM User Guide, aws:CalledVia). */
const CALLED_VIA_SERVICES = new Set(["athena.amazonaws.com", "cloudformation.amazonaws.com", "dynamodb.amazonaws.com", "kms.amazonaws.com"]);

export function originContext(invokedBy: string | undefined): Record<string, string | boolean | string[]> {
  if (invokedBy === undefined) return { "aws:SourceIp": LEARNER_SOURCE_IP, "aws:ViaAWSService": false };
  return { "aws:ViaAWSService": true, ...(CALLED_VIA_SERVICES.has(invokedBy) ? { "aws:CalledVia": [invokedBy] } : {}) };
}
