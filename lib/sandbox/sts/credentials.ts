import type { OperationContext } from "../core/operation";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** ms since the epoch */
  expiresAt: number;
}

/**
 * Temporary credentials of a role session, as STS issues them (AssumeRole,
 * and the sessions EC2 and Lambda start for instance profiles and execution
 * roles). The CLI recognises them in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY
 * and AWS_SESSION_TOKEN and acts as the role.
 */
export function issueRoleSession(ctx: Pick<OperationContext, "iamState" | "random" | "now">, accountId: string, roleName: string, sessionName: string, durationSeconds: number): TemporaryCredentials {
  const iam = ctx.iamState(accountId);
  if (!iam) throw new Error(`no account ${accountId}`);
  const credentials: TemporaryCredentials = {
    accessKeyId: `ASIA${ctx.random.string(BASE32, 16)}`,
    secretAccessKey: ctx.random.string(BASE64, 40),
    sessionToken: `IQoJb3JpZ2luX2Vj${ctx.random.string(BASE64, 340)}`,
    expiresAt: ctx.now + durationSeconds * 1000,
  };
  iam.sessions[credentials.accessKeyId] = { roleName, sessionName, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken, expiresAt: credentials.expiresAt };
  return credentials;
}

/** The same credentials again while they have at least five minutes left (as SDKs refresh them), else undefined. */
export function reusableSession(ctx: Pick<OperationContext, "iamState" | "now">, accountId: string, accessKeyId: string | undefined): TemporaryCredentials | undefined {
  if (!accessKeyId) return undefined;
  const session = ctx.iamState(accountId)?.sessions[accessKeyId];
  if (!session || session.expiresAt - ctx.now < 5 * 60_000) return undefined;
  return { accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken: session.sessionToken, expiresAt: session.expiresAt };
}

/** The environment variables the CLI and SDKs read credentials from. */
export function credentialVariables(credentials: TemporaryCredentials): Record<string, string> {
  return { AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey, AWS_SESSION_TOKEN: credentials.sessionToken };
}
