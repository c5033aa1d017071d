import { parseArn } from "../core/arn";
import type { OperationContext, ScheduledHandler } from "../core/operation";
import type { ScheduledEvent } from "../core/scheduler";
import { DAY } from "../core/time";
import { keyStateOf, stepKey } from "./key.machine";
import { addMaterialVersion, DELETE_KEY_EVENT, ROTATE_KEY_EVENT, scheduleRotation, unscheduleRotation } from "./materials";
import { stepRotation } from "./rotation.machine";
import type { KmsKeyRecord, KmsState } from "./state";
import { aliasesOf, kmsState } from "./store";
import { copiesOf, setRegions, shareWithReplicas } from "./multi-region";
import { EXPIRE_MATERIAL_EVENT, removeMaterial } from "./imported-material";

/** What KMS does by itself as simulated time passes: deleting keys at the end of their waiting period, rotating key material. */

function keyOfEvent(ctx: OperationContext, event: ScheduledEvent): { state: KmsState; key: KmsKeyRecord } | undefined {
  const keyId = parseArn(event.resource)?.resource.replace(/^key\//, "");
  const state = kmsState(ctx, event.accountId, event.region);
  const key = keyId ? state.keys[keyId] : undefined;
  return key ? { state, key } : undefined;
}

/** The waiting period is over: the key, its material and its aliases are gone for good. */
export const deleteKeyHandler: ScheduledHandler = {
  eventName: "DeleteKey",
  run(ctx, event) {
    const found = keyOfEvent(ctx, event);
    if (!found) return;
    const { state, key } = found;
    // Only a key still pending deletion is deleted (CancelKeyDeletion removes the event, but be safe).
    stepKey(key, "key.delete");
    ctx.touches(key.arn, "AWS::KMS::Key");
    for (const alias of aliasesOf(state, key.keyId)) delete state.aliases[alias.aliasName];
    unscheduleRotation(ctx, key);
    delete state.keys[key.keyId];
    // A deleted key takes its grants with it.
    for (const [grantId, grant] of Object.entries(state.grants)) if (grant.keyId === key.keyId) delete state.grants[grantId];
    // A deleted replica leaves its multi-Region key (a primary is deleted only without replicas).
    if (key.multiRegion) {
      const { primaryRegion, replicaRegions } = key.multiRegion;
      const others = copiesOf(ctx, key).filter((copy) => copy !== key);
      if (others[0]) setRegions(ctx, others[0], primaryRegion, replicaRegions.filter((region) => region !== key.region));
    }
    state.deletedKeys[key.keyId] = ctx.now;
  },
};

/**
 * An automatic rotation falls due. An enabled key gets new key material and its
 * next rotation one period later; a disabled key or one pending deletion does not
 * rotate now, and rotates when it is enabled again (materials.ts, catchUpRotation).
 */
export const rotateKeyHandler: ScheduledHandler = {
  eventName: "RotateKey",
  run(ctx, event) {
    const found = keyOfEvent(ctx, event);
    if (!found) return;
    const { key } = found;
    ctx.touches(key.arn, "AWS::KMS::Key");
    const next = stepRotation(key.rotation.state, "rotation.rotate");
    if (!next || keyStateOf(key.state) !== "Enabled") return;
    addMaterialVersion(ctx, key, "AUTOMATIC");
    key.rotation.state = next;
    scheduleRotation(ctx, key, event.at + key.rotation.periodInDays * DAY);
    shareWithReplicas(ctx, key);
  },
};

/**
 * Imported key material reaches its ValidTo: KMS deletes it, as DeleteImportedKeyMaterial
 * would, and CloudTrail records DeleteExpiredKeyMaterial ("Logging AWS KMS API calls", developer guide).
 */
export const expireMaterialHandler: ScheduledHandler = {
  eventName: "DeleteExpiredKeyMaterial",
  run(ctx, event) {
    const [arn, materialId] = event.resource.split("#");
    const found = keyOfEvent(ctx, { ...event, resource: arn ?? "" });
    const material = found?.key.materials.find((candidate) => candidate.id === materialId);
    if (!found || !material) return;
    ctx.touches(found.key.arn, "AWS::KMS::Key");
    removeMaterial(found.key, material);
  },
};

export const kmsScheduledHandlers: Record<string, ScheduledHandler> = {
  [DELETE_KEY_EVENT]: deleteKeyHandler,
  [ROTATE_KEY_EVENT]: rotateKeyHandler,
  [EXPIRE_MATERIAL_EVENT]: expireMaterialHandler,
};
