import { parseArn } from "../core/arn";
import type { OperationContext } from "../core/operation";
import { smErrors } from "./errors";
import type { SecretRecord, SecretsManagerState } from "./state";

/**
 * Secret names, ARNs and the three ways a SecretId names a secret: the
 * name, the full ARN (with the six random characters AWS appends), or a
 * partial ARN (the ARN without those characters) [CLI-DOC 3.1].
 */

/** ASCII letters, digits and /_+=.@- ("Invalid name. Must be a valid name containing ..."). */
const NAME = /^[A-Za-z0-9/_+=.@-]+$/;
const SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function isValidName(name: string): boolean {
  return NAME.test(name);
}

/** `arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 random characters>`. */
export function newSecretArn(ctx: OperationContext, name: string): string {
  return `arn:aws:secretsmanager:${ctx.region}:${ctx.accountId}:secret:${name}-${ctx.random.string(SUFFIX_ALPHABET, 6)}`;
}

export interface SecretLocation {
  accountId: string;
  region: string;
  state: SecretsManagerState;
}

export interface ResolvedSecret extends SecretLocation {
  secret: SecretRecord;
}

export function findByName(state: SecretsManagerState, name: string): SecretRecord | undefined {
  return Object.values(state.secrets).find((secret) => secret.name === name);
}

/**
 * Where a SecretId points: the caller's own account and Region for a name,
 * the ARN's account for an ARN (cross-account access needs the full ARN).
 * Throws ValidationException for a malformed name.
 */
export function locate(ctx: OperationContext, secretId: string): { location: SecretLocation | undefined; arnResource?: string } {
  if (secretId.startsWith("arn:")) {
    const arn = parseArn(secretId);
    if (!arn || arn.service !== "secretsmanager" || !arn.resource.startsWith("secret:")) return { location: undefined };
    // A call goes to one regional endpoint: an ARN from another Region names nothing here.
    if (arn.region !== ctx.region || !ctx.hasAccount(arn.account)) return { location: undefined };
    return {
      location: { accountId: arn.account, region: arn.region, state: ctx.regionState(arn.account, arn.region).secretsManager },
      arnResource: arn.resource.slice("secret:".length),
    };
  }
  if (!isValidName(secretId)) throw smErrors.invalidName();
  return { location: { accountId: ctx.accountId, region: ctx.region, state: ctx.regionState().secretsManager } };
}

/** The random suffix Secrets Manager appends to a secret's name in its ARN. */
const FULL_ARN_SUFFIX = /-[A-Za-z0-9]{6}$/;

/** The secret a SecretId names, or undefined. */
export function findSecret(ctx: OperationContext, secretId: string): ResolvedSecret | undefined {
  const { location, arnResource } = locate(ctx, secretId);
  if (!location) return undefined;
  const { state } = location;
  let secret: SecretRecord | undefined;
  if (arnResource !== undefined) {
    // A full ARN ends in a hyphen and six random characters; an ARN that ends like one is taken
    // for a full ARN, so a secret whose own name ends that way cannot be named by a partial ARN
    // (AWS answered ResourceNotFoundException for "...:secret:Invalid/_+=.@-Name-a1b2c3",
    // LocalStack snapshot test_create_and_update_secret recorded 2022; the user guide warns
    // against such names). Other ARNs are partial: the ARN without the suffix.
    secret = state.secrets[secretId] ?? (FULL_ARN_SUFFIX.test(arnResource) ? undefined : findByName(state, arnResource));
  } else {
    secret = findByName(state, secretId);
  }
  return secret ? { ...location, secret } : undefined;
}

/** The secret a SecretId names, or ResourceNotFoundException. */
export function resolveSecret(ctx: OperationContext, secretId: string): ResolvedSecret {
  const found = findSecret(ctx, secretId);
  if (!found) throw smErrors.secretNotFound();
  return found;
}
