import type { OperationContext } from "../core/operation";
import { DAY } from "../core/time";
import type { KeySpec, KeyUsage, Origin } from "./key-specs";
import { DEFAULT_ROTATION_PERIOD_DAYS, newMaterial, scheduleRotation } from "./materials";
import type { KmsKeyRecord, KmsState, KmsTag } from "./state";
import { keyArn } from "./store";

export interface NewKey {
  accountId: string;
  region: string;
  description: string;
  keyUsage: KeyUsage;
  keySpec: KeySpec;
  origin: Origin;
  keyManager: "CUSTOMER" | "AWS";
  policy: string;
  tags: KmsTag[];
  /** AWS managed keys rotate every year, always. */
  automaticRotation?: boolean;
  /** A key id drawn beforehand (CreateKey needs the ARN for its lockout check). */
  keyId?: string;
}

/**
 * Creates a key record (in state Enabled, or PendingImport for EXTERNAL keys,
 * which have no key material yet) and stores it. Used by CreateKey and by the
 * creation of AWS managed keys on first use.
 */
export function createKeyRecord(ctx: OperationContext, state: KmsState, spec: NewKey): KmsKeyRecord {
  const keyId = spec.keyId ?? ctx.random.uuid();
  const external = spec.origin === "EXTERNAL";
  const key: KmsKeyRecord = {
    keyId,
    arn: keyArn(spec.region, spec.accountId, keyId),
    accountId: spec.accountId,
    region: spec.region,
    createdAt: ctx.now,
    description: spec.description,
    keyUsage: spec.keyUsage,
    keySpec: spec.keySpec,
    origin: spec.origin,
    keyManager: spec.keyManager,
    state: external ? "PendingImport" : "Enabled",
    policy: spec.policy,
    tags: spec.tags,
    rotation: { state: "AutomaticRotationDisabled", periodInDays: DEFAULT_ROTATION_PERIOD_DAYS, onDemandRotations: 0 },
    materials: external ? [] : [newMaterial(ctx, spec.keySpec)],
    currentMaterial: 0,
  };
  state.keys[keyId] = key;
  if (spec.automaticRotation) {
    key.rotation.state = "AutomaticRotationEnabled";
    scheduleRotation(ctx, key, ctx.now + DEFAULT_ROTATION_PERIOD_DAYS * DAY);
  }
  return key;
}
