/**
 * Identities of the simulated AWS accounts: the account root, IAM users and
 * IAM roles (assumed as sessions), with the identity policies attached to
 * them. Policy documents are kept as the JSON text the user wrote, as AWS
 * keeps them.
 */

export type ConditionValue = string | number | boolean | (string | number | boolean)[];

export interface PolicyStatement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Principal?: "*" | { AWS?: string | string[]; Service?: string | string[] };
  NotPrincipal?: { AWS?: string | string[]; Service?: string | string[] };
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, ConditionValue>>;
}

export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: PolicyStatement | PolicyStatement[];
}

export interface NamedPolicy {
  name: string;
  /** The policy document as JSON text. */
  document: string;
}

export interface IamUser {
  name: string;
  userId: string;
  arn: string;
  createdAt: number;
  policies: NamedPolicy[];
}

export interface IamRole {
  name: string;
  roleId: string;
  arn: string;
  createdAt: number;
  description?: string;
  /** Who may assume the role, e.g. ec2.amazonaws.com for an instance role. */
  trustPolicy: string;
  policies: NamedPolicy[];
}

/** Temporary credentials STS issued for a role (AssumeRole), by access key id. */
export interface RoleSession {
  roleName: string;
  sessionName: string;
  secretAccessKey: string;
  sessionToken: string;
  /** ms since the epoch */
  expiresAt: number;
}

/** An instance profile: the container EC2 hands a role's credentials to an instance through. */
export interface InstanceProfile {
  name: string;
  instanceProfileId: string;
  arn: string;
  createdAt: number;
  /** Role names (AWS allows at most one). */
  roles: string[];
}

export interface IamState {
  users: Record<string, IamUser>;
  roles: Record<string, IamRole>;
  sessions: Record<string, RoleSession>;
  instanceProfiles: Record<string, InstanceProfile>;
}

/** Who makes a request. */
export type Principal =
  | { kind: "root"; accountId: string; arn: string }
  | { kind: "user"; accountId: string; name: string; arn: string }
  | { kind: "assumed-role"; accountId: string; roleName: string; sessionName: string; arn: string; roleArn: string }
  /** An AWS service acting on its own behalf (e.g. Secrets Manager invoking a rotation function). */
  | { kind: "service"; service: string; arn: string; accountId: string };

/** The account and name of a role ARN (`arn:aws:iam::ACCOUNT:role/PATH/NAME`), or undefined for anything else. */
export function parseRoleArn(arn: string): { accountId: string; name: string } | undefined {
  const match = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
  return match ? { accountId: match[1] ?? "", name: match[2] ?? "" } : undefined;
}

export function rootArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:root`;
}

export function emptyIamState(): IamState {
  return { users: {}, roles: {}, sessions: {}, instanceProfiles: {} };
}
