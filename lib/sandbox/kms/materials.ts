import { fromBase64, toBase64, toHex } from "../core/encoding";
import { AwsServiceError } from "../core/errors";
import type { OperationContext } from "../core/operation";
import { DAY } from "../core/time";
import { HMAC_KEY_BYTES, isHmacSpec, type KeySpec } from "./key-specs";
import { keyStateOf } from "./key.machine";
import { isPrimary, shareWithReplicas } from "./multi-region";
import { stepRotation } from "./rotation.machine";
import type { KeyMaterial, KmsKeyRecord } from "./state";

/**
 * Key material: every version a key has had, drawn from the sandbox's seeded
 * generator, and the automatic rotation schedule that adds versions.
 */

export const ROTATE_KEY_EVENT = "kms.rotateKey";
export const DELETE_KEY_EVENT = "kms.deleteKey";
export const DEFAULT_ROTATION_PERIOD_DAYS = 365;
/** RotateKeyOnDemand may run this many times per key ("Rotate keys on demand", developer guide). */
export const ON_DEMAND_ROTATION_LIMIT = 25;

function secretLength(spec: KeySpec): number {
  // Symmetric keys: an AES-256 key. HMAC keys: a key of the digest's size. Asymmetric keys:
  // a 32-byte seed the key pair is derived from (crypto/signing.ts).
  return isHmacSpec(spec) ? HMAC_KEY_BYTES[spec] : 32;
}

export function newMaterial(ctx: OperationContext, spec: KeySpec, rotationType?: KeyMaterial["rotationType"]): KeyMaterial {
  const secret = ctx.random.bytes(secretLength(spec));
  const id = toHex(ctx.random.bytes(32));
  return { id, secret: toBase64(secret), createdAt: ctx.now, ...(rotationType ? { rotationType } : {}) };
}

export function currentMaterial(key: KmsKeyRecord): KeyMaterial | undefined {
  return key.materials[key.currentMaterial];
}

/**
 * The bytes of a material version. Imported material that was deleted or has
 * expired is gone until it is reimported.
 * NOTE: AWS's answer to a Decrypt under deleted non-current imported material
 * is not recorded; the sandbox says the material is pending import.
 */
export function materialSecret(material: KeyMaterial, keyArn = "The KMS key"): Uint8Array {
  if (material.secret === undefined) throw new AwsServiceError("KMSInvalidStateException", `${keyArn} is pending import.`);
  return fromBase64(material.secret);
}

/** Adds a key material version and makes it current: later encryptions use it, earlier versions still decrypt. */
export function addMaterialVersion(ctx: OperationContext, key: KmsKeyRecord, rotationType: "AUTOMATIC" | "ON_DEMAND"): KeyMaterial {
  const material = newMaterial(ctx, key.keySpec, rotationType);
  key.materials.push(material);
  key.currentMaterial = key.materials.length - 1;
  return material;
}

/** (Re)schedules the next automatic rotation of a key at `at`. */
export function scheduleRotation(ctx: OperationContext, key: KmsKeyRecord, at: number): void {
  key.rotation.nextRotationAt = at;
  ctx.cancelScheduled(ROTATE_KEY_EVENT, key.arn);
  ctx.schedule({ kind: ROTATE_KEY_EVENT, at, resource: key.arn, accountId: key.accountId, region: key.region });
}

export function unscheduleRotation(ctx: OperationContext, key: KmsKeyRecord): void {
  delete key.rotation.nextRotationAt;
  ctx.cancelScheduled(ROTATE_KEY_EVENT, key.arn);
}

/**
 * An automatic rotation that fell due while the key could not rotate (disabled or
 * pending deletion) happens as soon as the key is enabled again, and the schedule
 * restarts from then.
 * NOTE: AWS describes this catch-up for keys re-enabled after their rotation date; the
 * sandbox applies it whenever a key returns to Enabled.
 */
export function catchUpRotation(ctx: OperationContext, key: KmsKeyRecord): void {
  const due = key.rotation.nextRotationAt;
  // A multi-Region replica's material follows its primary's (multi-region.ts).
  if (due === undefined || due > ctx.now || keyStateOf(key.state) !== "Enabled" || (key.multiRegion && !isPrimary(key))) return;
  const next = stepRotation(key.rotation.state, "rotation.rotate");
  if (!next) return;
  addMaterialVersion(ctx, key, "AUTOMATIC");
  key.rotation.state = next;
  scheduleRotation(ctx, key, ctx.now + key.rotation.periodInDays * DAY);
  shareWithReplicas(ctx, key);
}
