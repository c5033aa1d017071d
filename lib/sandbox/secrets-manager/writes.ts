import type { OperationContext } from "../core/operation";
import { smErrors } from "./errors";
import type { ResolvedSecret } from "./names";
import { syncRotationWithLabels } from "./lifecycle";
import { recordAbandonedRotation, scheduleNextRotation } from "./rotation";
import { addVersion, AWSCURRENT, findVersion, labelVersion } from "./staging";
import type { SealedValue, SecretVersion } from "./state";
import { kmsKeyIdsLabel, openVersion, sameValue, sealFor, type PlainValue } from "./values";

/**
 * Writing a new secret value (PutSecretValue, UpdateSecret): validate and
 * encrypt first, then change the secret.
 *
 * The ClientRequestToken is the new version's id and makes the call
 * idempotent: a retry with the same token and value changes nothing; the
 * same token with another value is refused [CLI-DOC, MOTO @aws_verified]. A
 * token naming the empty AWSPENDING version a rotation created fills it in
 * (that is how a rotation function's createSecret step stores the new value).
 */

export type PreparedWrite =
  | { kind: "unchanged"; version: SecretVersion }
  | { kind: "fill"; version: SecretVersion; sealed: SealedValue }
  | { kind: "new"; versionId: string; sealed: SealedValue };

export function prepareWrite(ctx: OperationContext, resolved: ResolvedSecret, token: string, value: PlainValue, kmsKeyId?: string): PreparedWrite {
  const { secret } = resolved;
  const existing = findVersion(secret, token);
  if (existing?.value) {
    const stored = openVersion(ctx, secret, { ...existing, value: existing.value });
    if (sameValue(stored, value)) return { kind: "unchanged", version: existing };
    throw smErrors.tokenInUse(token, secret.arn);
  }
  const sealed = sealFor(ctx, resolved, token, value, kmsKeyId ?? secret.kmsKeyId);
  return existing ? { kind: "fill", version: existing, sealed } : { kind: "new", versionId: token, sealed };
}

/** Stores a prepared write with its labels; returns the version. */
export function commitWrite(ctx: OperationContext, resolved: ResolvedSecret, write: PreparedWrite, stages: readonly string[]): SecretVersion {
  const { secret } = resolved;
  if (write.kind === "unchanged") return write.version;
  let version: SecretVersion;
  let abandoned: boolean;
  if (write.kind === "fill") {
    version = write.version;
    version.value = write.sealed;
    version.kmsKeyIds = kmsKeyIdsLabel(secret);
    abandoned = labelVersion(secret, version, stages);
  } else {
    version = { versionId: write.versionId, stages: [], createdAt: ctx.now, value: write.sealed, kmsKeyIds: kmsKeyIdsLabel(secret) };
    abandoned = addVersion(secret, version, stages).abandonedRotation;
  }
  secret.lastChangedAt = ctx.now;
  if (abandoned) recordAbandonedRotation(ctx, resolved);
  syncRotationWithLabels(secret);
  // "Manually updating the secret value by calling PutSecretValue or UpdateSecret is considered a valid rotation"
  // for a schedule in days counted from the last rotation [API RotationRulesType].
  if (stages.includes(AWSCURRENT) && secret.rotation.enabled && secret.rotation.rules?.AutomaticallyAfterDays !== undefined) {
    scheduleNextRotation(ctx, resolved, ctx.now);
  }
  return version;
}
