import { bytesEqual, toBase64, utf8 } from "../core/encoding";
import type { OperationContext, WireObject } from "../core/operation";
import { DAY } from "../core/time";
import { AWS_MANAGED_KEY_ALIAS, kmsKeyFor, openValue, sealValue } from "./envelope";
import { smErrors } from "./errors";
import type { ResolvedSecret } from "./names";
import type { SealedValue, SecretRecord, SecretVersion } from "./state";

/**
 * A secret value as the caller sends it (SecretString or SecretBinary) and
 * as the engine stores it (sealed bytes), and the reads and writes that go
 * through KMS.
 */

export interface PlainValue {
  type: SealedValue["type"];
  bytes: Uint8Array;
}

/** SecretString / SecretBinary of a request: exactly one, or none; both is an error. */
export function valueFromRequest(input: { SecretString?: string | undefined; SecretBinary?: Uint8Array | undefined }): PlainValue | undefined {
  if (input.SecretString !== undefined && input.SecretBinary !== undefined) throw smErrors.bothValues();
  if (input.SecretString !== undefined) return { type: "string", bytes: utf8.encode(input.SecretString) };
  if (input.SecretBinary !== undefined) return { type: "binary", bytes: input.SecretBinary };
  return undefined;
}

/** The value's wire member: SecretString or SecretBinary (base64). */
export function valueToWire(value: PlainValue): WireObject {
  return value.type === "string" ? { SecretString: utf8.decode(value.bytes) } : { SecretBinary: toBase64(value.bytes) };
}

export function sameValue(a: PlainValue, b: PlainValue): boolean {
  return a.type === b.type && bytesEqual(a.bytes, b.bytes);
}

/** What ListSecretVersionIds reports as a version's KMS key: "DEFAULT" for the AWS managed key. */
export function kmsKeyIdsLabel(secret: SecretRecord): string[] {
  return [secret.kmsKeyId && secret.kmsKeyId !== AWS_MANAGED_KEY_ALIAS ? secret.kmsKeyId : "DEFAULT"];
}

export function sealFor(ctx: OperationContext, resolved: ResolvedSecret, versionId: string, value: PlainValue, kmsKeyId: string | undefined = resolved.secret.kmsKeyId): SealedValue {
  const keyId = kmsKeyFor(ctx, { arn: resolved.secret.arn, kmsKeyId }, resolved.accountId, resolved.region);
  return sealValue(ctx, { secretArn: resolved.secret.arn, versionId, keyId, type: value.type, plaintext: value.bytes });
}

export function openVersion(ctx: OperationContext, secret: SecretRecord, version: SecretVersion & { value: SealedValue }): PlainValue {
  return { type: version.value.type, bytes: openValue(ctx, secret.arn, version.versionId, version.value) };
}

/** LastAccessedDate is a date: AWS reports the day (00:00 UTC) of the last read. */
export function markAccessed(ctx: OperationContext, secret: SecretRecord, version: SecretVersion): void {
  const day = Math.floor(ctx.now / DAY) * DAY;
  secret.lastAccessedAt = day;
  version.lastAccessedAt = day;
}
