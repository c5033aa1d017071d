import type { Json } from "../core/operation";
import { parsePolicyDocument } from "../iam/access";
import type { PolicyDocument } from "../iam/model";

/**
 * Key policies KMS writes itself, in the exact text AWS returns for them.
 * KMS formats the policies it generates with Jackson's default pretty
 * printer ("Version" : "2012-10-17", two-space indent, arrays inline):
 *
 *   {
 *     "Version" : "2012-10-17",
 *     "Id" : "key-default-1",
 *     "Statement" : [ {
 *       "Sid" : "Enable IAM User Permissions",
 *       ...
 *     } ]
 *   }
 *
 * (GetKeyPolicy example in the KMS API reference and SDK docs.) A policy a
 * user supplies is stored and returned exactly as given.
 */

/** JSON as Jackson's DefaultPrettyPrinter writes it: objects indented by nesting, arrays inline. */
export function jacksonPretty(value: Json, level = 0): string {
  const indent = (n: number) => "  ".repeat(n);
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[ ]";
    // Arrays do not add a nesting level: their objects indent as if they were the parent's.
    return `[ ${value.map((item) => jacksonPretty(item, level)).join(", ")} ]`;
  }
  const entries = Object.entries(value).filter((entry): entry is [string, Json] => entry[1] !== undefined);
  if (entries.length === 0) return "{ }";
  const inner = entries.map(([key, member]) => `${indent(level + 1)}${JSON.stringify(key)} : ${jacksonPretty(member, level + 1)}`);
  return `{\n${inner.join(",\n")}\n${indent(level)}}`;
}

const rootOf = (accountId: string) => `arn:aws:iam::${accountId}:root`;

/**
 * The key policy CreateKey gives a key when the request has none (the "API default":
 * KMS developer guide, "Default key policy"): the account may manage and use the key
 * through IAM policies.
 */
export function defaultKeyPolicy(accountId: string): string {
  return jacksonPretty({
    Version: "2012-10-17",
    Id: "key-default-1",
    Statement: [{ Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: rootOf(accountId) }, Action: "kms:*", Resource: "*" }],
  });
}

const METADATA_SID = "Allow direct access to key metadata to the account";

/**
 * The key policy of the aws/ssm AWS managed key: any principal of the account may use
 * the key through Parameter Store in this Region; the account may read the key's
 * metadata directly. (Policy "auto-ssm-1", as AWS attaches it.)
 */
export function ssmManagedKeyPolicy(accountId: string, region: string): string {
  const sid = "Allow access through SSM for all principals in the account that are authorized to use SSM";
  return jacksonPretty({
    Version: "2012-10-17",
    Id: "auto-ssm-1",
    Statement: [
      {
        Sid: sid,
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
        Resource: "*",
        Condition: { StringEquals: { "kms:CallerAccount": accountId, "kms:ViaService": `ssm.${region}.amazonaws.com` } },
      },
      { Sid: METADATA_SID, Effect: "Allow", Principal: { AWS: rootOf(accountId) }, Action: ["kms:Describe*", "kms:Get*", "kms:List*"], Resource: "*" },
    ],
  });
}

/**
 * The key policy of the aws/secretsmanager AWS managed key (policy "auto-secretsmanager-2"):
 * use through Secrets Manager in this Region, data keys through Secrets Manager in any
 * Region, metadata for the account.
 */
export function secretsManagerManagedKeyPolicy(accountId: string, region: string): string {
  const sid = "Allow access through AWS Secrets Manager for all principals in the account that are authorized to use AWS Secrets Manager";
  return jacksonPretty({
    Version: "2012-10-17",
    Id: "auto-secretsmanager-2",
    Statement: [
      {
        Sid: sid,
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:CreateGrant", "kms:DescribeKey"],
        Resource: "*",
        Condition: { StringEquals: { "kms:CallerAccount": accountId, "kms:ViaService": `secretsmanager.${region}.amazonaws.com` } },
      },
      {
        Sid: sid,
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: "kms:GenerateDataKey*",
        Resource: "*",
        Condition: { StringEquals: { "kms:CallerAccount": accountId }, StringLike: { "kms:ViaService": "secretsmanager.*.amazonaws.com" } },
      },
      { Sid: METADATA_SID, Effect: "Allow", Principal: { AWS: rootOf(accountId) }, Action: ["kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant"], Resource: "*" },
    ],
  });
}

const parsed = new Map<string, PolicyDocument | undefined>();

/** A stored key policy as a document for the evaluator (parsed once per text). */
export function keyPolicyDocument(text: string): PolicyDocument | undefined {
  if (parsed.has(text)) return parsed.get(text);
  const result = parsePolicyDocument(text, "resource");
  const document = result.ok ? result.document : undefined;
  if (parsed.size > 512) parsed.clear();
  parsed.set(text, document);
  return document;
}
