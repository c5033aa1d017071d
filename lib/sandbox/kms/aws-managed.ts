import type { OperationContext } from "../core/operation";
import { createKeyRecord } from "./key-records";
import { unscheduleRotation } from "./materials";
import { secretsManagerManagedKeyPolicy, ssmManagedKeyPolicy } from "./policies";
import type { KmsAliasRecord, KmsState } from "./state";
import { aliasArn } from "./store";

/**
 * AWS managed keys: the keys a service uses when the customer names none.
 * AWS creates one the first time a request names its alias (the service's
 * own call, or a DescribeKey of the alias), with a fixed description and key
 * policy, automatic yearly rotation and KeyManager AWS. The key policy only
 * lets the account use the key through its service and read its metadata, so
 * nobody can disable, delete, re-policy or re-configure it: those requests
 * fail with AccessDeniedException, as in AWS.
 *
 * NOTE: the sandbox simulates the AWS managed keys of Parameter Store and
 * Secrets Manager only.
 */
export interface AwsManagedKeyDefinition {
  aliasName: string;
  description: string;
  policy: (accountId: string, region: string) => string;
}

export const AWS_MANAGED_KEYS: Record<string, AwsManagedKeyDefinition> = {
  "alias/aws/ssm": {
    aliasName: "alias/aws/ssm",
    description: "Default key that protects my SSM parameters when no other key is defined",
    policy: ssmManagedKeyPolicy,
  },
  "alias/aws/secretsmanager": {
    aliasName: "alias/aws/secretsmanager",
    description: "Default key that protects my Secrets Manager data when no other key is defined",
    policy: secretsManagerManagedKeyPolicy,
  },
};

/** The alias names other services pass as KeyId to use their AWS managed key. */
export const AWS_MANAGED_KEY_ALIASES = { ssm: "alias/aws/ssm", secretsmanager: "alias/aws/secretsmanager" } as const;

export const isAwsManagedAliasName = (aliasName: string): boolean => aliasName in AWS_MANAGED_KEYS;

/**
 * The alias of an AWS managed key, creating the key and alias if this is the
 * first request that names it. Only the account's own principals cause the
 * creation (a service acting for them included).
 */
export function ensureAwsManagedKey(ctx: OperationContext, state: KmsState, accountId: string, region: string, aliasName: string): KmsAliasRecord | undefined {
  const existing = state.aliases[aliasName];
  if (existing) return existing;
  const definition = AWS_MANAGED_KEYS[aliasName];
  if (!definition || ctx.caller.accountId !== accountId) return undefined;
  const key = createKeyRecord(ctx, state, {
    accountId,
    region,
    description: definition.description,
    keyUsage: "ENCRYPT_DECRYPT",
    keySpec: "SYMMETRIC_DEFAULT",
    origin: "AWS_KMS",
    keyManager: "AWS",
    policy: definition.policy(accountId, region),
    tags: [],
    automaticRotation: true,
  });
  const alias: KmsAliasRecord = { aliasName, aliasArn: aliasArn(region, accountId, aliasName), targetKeyId: key.keyId, createdAt: ctx.now, lastUpdatedAt: ctx.now };
  state.aliases[aliasName] = alias;
  ctx.touches(key.arn, "AWS::KMS::Key");
  // A request that names the key and then fails (denied, a dry run) leaves no key behind.
  ctx.onFailure(() => {
    delete state.aliases[aliasName];
    delete state.keys[key.keyId];
    unscheduleRotation(ctx, key);
  });
  return alias;
}
