/** Principals, keys and policies shared by the IAM specifications. */
import type { AuthorizationRequest } from "@/lib/sandbox/iam/evaluate";
import type { PolicyDocument, PolicyStatement, Principal } from "@/lib/sandbox/iam/model";

export const ACCOUNT = "111122223333";
export const OTHER = "444455556666";

export const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const SECRET_ARN = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/db-AbCdEf`;
export const PARAMETER_ARN = `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/db/host`;

export const user = (name: string, accountId = ACCOUNT): Principal => ({ kind: "user", accountId, name, arn: `arn:aws:iam::${accountId}:user/${name}` });
export const root = (accountId = ACCOUNT): Principal => ({ kind: "root", accountId, arn: `arn:aws:iam::${accountId}:root` });
export const session = (roleName: string, sessionName: string, accountId = ACCOUNT): Principal => ({
  kind: "assumed-role",
  accountId,
  roleName,
  sessionName,
  arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
  roleArn: `arn:aws:iam::${accountId}:role/${roleName}`,
});
export const service = (name: string): Principal => ({ kind: "service", service: name, arn: name, accountId: ACCOUNT });

export const policy = (...Statement: PolicyStatement[]): PolicyDocument => ({ Version: "2012-10-17", Statement });
export const allow = (Action: string | string[], Resource: string | string[] = "*", extra: Partial<PolicyStatement> = {}): PolicyStatement => ({
  Effect: "Allow",
  Action,
  Resource,
  ...extra,
});
export const denyStatement = (Action: string | string[], Resource: string | string[] = "*", extra: Partial<PolicyStatement> = {}): PolicyStatement => ({
  Effect: "Deny",
  Action,
  Resource,
  ...extra,
});

/** The key policy KMS applies when CreateKey is called without one (KMS Developer Guide, "Default key policy"). */
export const defaultKeyPolicy = (accountId = ACCOUNT): PolicyDocument => ({
  Version: "2012-10-17",
  Id: "key-default-1",
  Statement: [{ Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "kms:*", Resource: "*" }],
});

export function kmsRequest(principal: Principal, overrides: Partial<AuthorizationRequest> = {}): AuthorizationRequest {
  return {
    principal,
    action: "kms:Decrypt",
    resource: KEY_ARN,
    resourceAccount: ACCOUNT,
    resourceKind: "kms-key",
    resourcePolicy: defaultKeyPolicy(),
    identityPolicies: [],
    context: {},
    ...overrides,
  };
}

export function secretRequest(principal: Principal, overrides: Partial<AuthorizationRequest> = {}): AuthorizationRequest {
  return {
    principal,
    action: "secretsmanager:GetSecretValue",
    resource: SECRET_ARN,
    resourceAccount: ACCOUNT,
    resourceKind: "resource-policy",
    resourcePolicy: undefined,
    identityPolicies: [],
    context: {},
    ...overrides,
  };
}

export function parameterRequest(principal: Principal, overrides: Partial<AuthorizationRequest> = {}): AuthorizationRequest {
  return {
    principal,
    action: "ssm:GetParameter",
    resource: PARAMETER_ARN,
    resourceAccount: ACCOUNT,
    resourceKind: "identity-only",
    identityPolicies: [],
    context: {},
    ...overrides,
  };
}

export const identityPolicy = (name: string, ...statements: PolicyStatement[]) => ({ name, document: policy(...statements) });
