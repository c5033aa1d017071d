import type { OperationContext } from "../core/operation";
import { keyPolicyDocument } from "./policies";
import type { KmsKeyRecord } from "./state";
import { grantAllowing } from "./grants";
import { aliasesOf, stateOfKey } from "./store";

/**
 * Authorisation of KMS actions as AWS evaluates them: the key policy is the
 * primary control (resourceKind "kms-key"), with KMS's condition keys in the
 * request context ("AWS KMS condition keys", developer guide).
 */

type ContextValue = string | string[] | boolean | number;
export type KmsConditionContext = Record<string, ContextValue>;

/**
 * kms:ViaService names the service with its Region, e.g. "ssm.us-east-1.amazonaws.com";
 * callers pass `via: "ssm.amazonaws.com"`.
 */
export function viaServiceOf(invokedBy: string, region: string): string {
  const match = /^([a-z0-9-]+)\.amazonaws\.com$/.exec(invokedBy);
  return match ? `${match[1]}.${region}.amazonaws.com` : invokedBy;
}

/** Condition keys every KMS request carries. */
export function baseContext(ctx: OperationContext): KmsConditionContext {
  const context: KmsConditionContext = { "kms:CallerAccount": ctx.caller.accountId };
  if (ctx.invokedBy) context["kms:ViaService"] = viaServiceOf(ctx.invokedBy, ctx.region);
  return context;
}

/** Condition keys for an encryption context: kms:EncryptionContext:<key> and kms:EncryptionContextKeys. */
export function encryptionContextKeys(context: Record<string, string> | undefined): KmsConditionContext {
  const out: KmsConditionContext = {};
  const keys = Object.keys(context ?? {});
  for (const key of keys) out[`kms:EncryptionContext:${key}`] = (context ?? {})[key] ?? "";
  if (keys.length > 0) out["kms:EncryptionContextKeys"] = keys;
  return out;
}

export interface KeyAuthorization {
  /** The KMS operation, e.g. "Encrypt" (the action is kms:Encrypt). */
  operation: string;
  /** Further condition keys (kms:EncryptionAlgorithm, kms:EncryptionContext:..., kms:RequestAlias, ...). */
  context?: KmsConditionContext;
  /** Decrypt without a KeyId: AWS's denial names "the resource associated with this ciphertext". */
  ciphertext?: boolean;
}

/** The request's encryption context, read back from its kms:EncryptionContext:<key> condition keys. */
function encryptionContextOf(conditions: KmsConditionContext): Record<string, string> {
  const context: Record<string, string> = {};
  for (const [key, value] of Object.entries(conditions)) {
    if (key.startsWith("kms:EncryptionContext:") && typeof value === "string") context[key.slice("kms:EncryptionContext:".length)] = value;
  }
  return context;
}

/** Authorises kms:<operation> on a key for the caller (policies, then grants), or throws AccessDeniedException. */
export function authorizeKey(ctx: OperationContext, key: KmsKeyRecord, { operation, context = {}, ciphertext = false }: KeyAuthorization): void {
  const aliases = aliasesOf(stateOfKey(ctx, key), key.keyId).map((alias) => alias.aliasName);
  const conditions: KmsConditionContext = {
    ...baseContext(ctx),
    "kms:KeySpec": key.keySpec,
    "kms:KeyUsage": key.keyUsage,
    "kms:KeyOrigin": key.origin,
    "kms:MultiRegion": key.multiRegion !== undefined,
    ...(key.multiRegion ? { "kms:MultiRegionKeyType": key.multiRegion.primaryRegion === key.region ? "PRIMARY" : "REPLICA" } : {}),
    ...(aliases.length > 0 ? { "kms:ResourceAliases": aliases } : {}),
    ...context,
  };
  const grant = grantAllowing(stateOfKey(ctx, key), key, ctx.caller, operation, encryptionContextOf(conditions));
  ctx.authorize(
    {
      action: `kms:${operation}`,
      resource: key.arn,
      resourceAccount: key.accountId,
      resourceKind: "kms-key",
      resourcePolicy: keyPolicyDocument(key.policy),
      context: conditions,
      ...(grant ? { grant: { grantId: grant.grantId, grantee: grant.granteePrincipal } } : {}),
    },
    ciphertext
      ? {
          message: (text) =>
            text.replace(`on resource: ${key.arn}`, "on the resource associated with this ciphertext").replace("on this resource", "on the resource associated with this ciphertext"),
        }
      : undefined,
  );
}

/** Actions with no resource (CreateKey, ListKeys, ListAliases, GenerateRandom): identity policies decide. */
export function authorizeAccountAction(ctx: OperationContext, operation: string, context: KmsConditionContext = {}): void {
  ctx.authorize({
    action: `kms:${operation}`,
    resource: "*",
    resourceAccount: ctx.accountId,
    resourceKind: "identity-only",
    context: { ...baseContext(ctx), ...context },
  });
}

/** Alias actions are also authorised on the alias itself, by IAM policies only (aliases have no policy). */
export function authorizeAlias(ctx: OperationContext, operation: string, aliasArn: string, accountId: string): void {
  ctx.authorize({ action: `kms:${operation}`, resource: aliasArn, resourceAccount: accountId, resourceKind: "identity-only", context: baseContext(ctx) });
}
