import { inputs } from "../../contracts/kms";
import { AwsServiceError } from "../../core/errors";
import { defineOperation, type OperationContext } from "../../core/operation";
import { DAY } from "../../core/time";
import { authorizeKey } from "../access";
import { kmsErrors } from "../errors";
import { resolveKey } from "../key-ids";
import { supportsOnDemandRotation, supportsRotation } from "../key-specs";
import { pendingMaterial } from "../imported-material";
import { requireNotReplica, shareWithReplicas } from "../multi-region";
import { keyStateOf, stepKey } from "../key.machine";
import { addMaterialVersion, ON_DEMAND_ROTATION_LIMIT, scheduleRotation, unscheduleRotation } from "../materials";
import { paginate } from "../pagination";
import { stepRotation } from "../rotation.machine";
import type { KmsKeyRecord } from "../state";
import { seconds } from "../store";

/**
 * Key material rotation: automatic (EnableKeyRotation, every
 * RotationPeriodInDays) and on demand (RotateKeyOnDemand, at most 25 times).
 * Only symmetric encryption keys with AWS_KMS origin rotate.
 *
 * NOTE: rotations complete at once (AWS rotates asynchronously), so
 * GetKeyRotationStatus never shows OnDemandRotationStartDate and
 * RotateKeyOnDemand never meets ConflictException.
 */

const KEY_RESOURCE = "AWS::KMS::Key";

/** Finds the key (key id or ARN), authorises the action and checks the key's state. */
function rotationTarget(ctx: OperationContext, keyId: string, operation: string, event: "key.configureRotation" | "key.rotateOnDemand" | "key.readRotation", context = {}): KmsKeyRecord {
  const { key } = resolveKey(ctx, keyId, { aliases: false });
  ctx.touches(key.arn, KEY_RESOURCE);
  authorizeKey(ctx, key, { operation, context });
  stepKey(key, event);
  return key;
}

function requireRotatable(key: KmsKeyRecord): void {
  if (!supportsRotation(key.keySpec, key.origin)) throw kmsErrors.rotationUnsupported();
}

/**
 * Keys with imported material rotate on demand only.
 * NOTE: for other keys that cannot rotate, the sandbox answers as for automatic rotation.
 */
function requireRotatableOnDemand(key: KmsKeyRecord): void {
  if (key.origin === "EXTERNAL" && key.keySpec !== "SYMMETRIC_DEFAULT") throw new AwsServiceError("UnsupportedOperationException", `${key.arn} origin is EXTERNAL which is not valid for this operation.`);
  if (!supportsOnDemandRotation(key.keySpec, key.origin)) throw kmsErrors.rotationUnsupported();
}

export const enableKeyRotation = defineOperation({
  name: "EnableKeyRotation",
  input: inputs.EnableKeyRotation,
  readOnly: false,
  handler(ctx, input) {
    const key = rotationTarget(ctx, input.KeyId, "EnableKeyRotation", "key.configureRotation", {
      ...(input.RotationPeriodInDays !== undefined ? { "kms:RotationPeriodInDays": input.RotationPeriodInDays } : {}),
    });
    requireRotatable(key);
    requireNotReplica(key);
    const wasEnabled = key.rotation.state === "AutomaticRotationEnabled";
    const next = stepRotation(key.rotation.state, "rotation.enable");
    if (!next) throw kmsErrors.rotationUnsupported();
    const period = input.RotationPeriodInDays ?? (wasEnabled ? key.rotation.periodInDays : 365);
    key.rotation.state = next;
    // The first rotation is one period after rotation is enabled; enabling it again with a new
    // period restarts the schedule. NOTE: AWS's exact rescheduling rule for a changed period is not documented.
    if (!wasEnabled || period !== key.rotation.periodInDays || key.rotation.nextRotationAt === undefined) {
      key.rotation.periodInDays = period;
      scheduleRotation(ctx, key, ctx.now + period * DAY);
    }
    shareWithReplicas(ctx, key);
    return {};
  },
});

export const disableKeyRotation = defineOperation({
  name: "DisableKeyRotation",
  input: inputs.DisableKeyRotation,
  readOnly: false,
  handler(ctx, input) {
    const key = rotationTarget(ctx, input.KeyId, "DisableKeyRotation", "key.configureRotation");
    requireRotatable(key);
    requireNotReplica(key);
    const next = stepRotation(key.rotation.state, "rotation.disable");
    if (!next) throw kmsErrors.rotationUnsupported();
    key.rotation.state = next;
    unscheduleRotation(ctx, key);
    shareWithReplicas(ctx, key);
    return {};
  },
});

export const getKeyRotationStatus = defineOperation({
  name: "GetKeyRotationStatus",
  input: inputs.GetKeyRotationStatus,
  readOnly: true,
  handler(ctx, input) {
    const key = rotationTarget(ctx, input.KeyId, "GetKeyRotationStatus", "key.readRotation");
    // "While a KMS key is pending deletion, its key rotation status is false [...]. If you cancel the
    // deletion, the original key rotation status is restored." (API reference, GetKeyRotationStatus)
    const enabled = key.rotation.state === "AutomaticRotationEnabled" && keyStateOf(key.state) !== "PendingDeletion";
    // NOTE: for asymmetric and HMAC keys the sandbox answers KeyRotationEnabled false (as AWS does
    // now, per emulator reports), rather than UnsupportedOperationException.
    if (!supportsRotation(key.keySpec, key.origin) || !enabled) return { KeyRotationEnabled: false, KeyId: key.arn };
    return {
      KeyRotationEnabled: true,
      KeyId: key.arn,
      RotationPeriodInDays: key.rotation.periodInDays,
      ...(key.rotation.nextRotationAt !== undefined ? { NextRotationDate: seconds(key.rotation.nextRotationAt) } : {}),
    };
  },
});

export const rotateKeyOnDemand = defineOperation({
  name: "RotateKeyOnDemand",
  input: inputs.RotateKeyOnDemand,
  readOnly: false,
  handler(ctx, input) {
    const key = rotationTarget(ctx, input.KeyId, "RotateKeyOnDemand", "key.rotateOnDemand");
    requireRotatableOnDemand(key);
    requireNotReplica(key);
    if (key.rotation.onDemandRotations >= ON_DEMAND_ROTATION_LIMIT) {
      // AWS's text (LocalStack snapshot test_key_rotations_limits, recorded when the limit was 10; it is 25 now).
      throw new AwsServiceError("LimitExceededException", `The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${key.arn}`);
    }
    const next = stepRotation(key.rotation.state, "rotation.rotateOnDemand");
    if (!next) throw kmsErrors.rotationUnsupported();
    if (key.origin === "EXTERNAL") {
      // Imported material rotates to the material imported for it (NEW_KEY_MATERIAL); AWS's message
      // without one is recorded (LocalStack snapshot test_rotate_key_on_demand_raises_for_no_pending_key_material).
      const pending = pendingMaterial(key);
      if (!pending?.imported) throw new AwsServiceError("KMSInvalidStateException", `No available key material pending rotation for the key: ${key.arn}.`);
      delete pending.imported.pendingRotation;
      pending.rotationType = "ON_DEMAND";
      pending.createdAt = ctx.now;
      key.currentMaterial = key.materials.indexOf(pending);
      key.rotation.onDemandRotations += 1;
      key.rotation.state = next;
      // Recorded: an imported key answers with its ARN (test_rotate_key_on_demand_updates_current_key_material_for_external_keys).
      return { KeyId: key.arn };
    }
    addMaterialVersion(ctx, key, "ON_DEMAND");
    key.rotation.onDemandRotations += 1;
    key.rotation.state = next;
    shareWithReplicas(ctx, key);
    return { KeyId: key.keyId };
  },
});

export const listKeyRotations = defineOperation({
  name: "ListKeyRotations",
  input: inputs.ListKeyRotations,
  readOnly: true,
  handler(ctx, input) {
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, { operation: "ListKeyRotations" });
    requireRotatableOnDemand(key);
    // Completed rotations, oldest first; ALL_KEY_MATERIAL adds the first material and material pending rotation.
    const all = input.IncludeKeyMaterial === "ALL_KEY_MATERIAL";
    const rotations = key.materials
      .filter((material) => all || material.rotationType !== undefined)
      .map((material) => rotationEntry(key, material, key.materials.indexOf(material) === key.currentMaterial));
    const { page, tail } = paginate("ListKeyRotations", rotations, input.Limit ?? 100, input.Marker);
    return { Rotations: page, ...tail };
  },
});

/** One RotationsListEntry (API model): imported material says how it was imported and when it expires. */
function rotationEntry(key: KmsKeyRecord, material: KmsKeyRecord["materials"][number], current: boolean) {
  const imported = material.imported;
  return {
    KeyId: key.keyId,
    KeyMaterialId: material.id,
    ...(imported?.description !== undefined ? { KeyMaterialDescription: imported.description } : {}),
    ...(imported ? { ImportState: imported.importState } : {}),
    KeyMaterialState: imported?.pendingRotation ? "PENDING_ROTATION" : current ? "CURRENT" : "NON_CURRENT",
    ...(imported ? { ExpirationModel: imported.expirationModel } : {}),
    ...(imported?.validTo !== undefined ? { ValidTo: seconds(imported.validTo) } : {}),
    ...(material.rotationType !== undefined ? { RotationDate: seconds(material.createdAt), RotationType: material.rotationType } : {}),
  };
}
