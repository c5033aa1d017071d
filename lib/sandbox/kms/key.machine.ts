import { setup } from "xstate";
import { AwsServiceError } from "../core/errors";
import { metaOf, refusalFor, stateNames, stepMachine, type Refusal, type Refusals, type StateValueOf, type TopLevelStateOf } from "../core/machines";

/**
 * The lifecycle of a KMS key, and the AWS key-state table ("Key states of AWS
 * KMS keys", developer guide) as a machine: each state lists the events it
 * accepts; an event a state does not accept is refused with the error its
 * `meta.refusals` names, with AWS's message. Operations never test key
 * states themselves: they send the event for what they are about to do.
 *
 * Events:
 *   key.enable / key.disable           EnableKey, DisableKey
 *   key.scheduleDeletion               ScheduleKeyDeletion
 *   key.cancelDeletion                 CancelKeyDeletion (the key comes back Disabled,
 *                                      or PendingImport if it never had key material)
 *   key.delete                         the waiting period ends (scheduled event kms.deleteKey)
 *   key.use                            Encrypt, Decrypt, ReEncrypt, GenerateDataKey*, Sign, Verify,
 *                                      GetPublicKey, GenerateMac, VerifyMac
 *   key.modify                         CreateAlias/UpdateAlias target, TagResource, UntagResource,
 *                                      UpdateKeyDescription
 *   key.configureRotation              EnableKeyRotation, DisableKeyRotation
 *   key.rotateOnDemand                 RotateKeyOnDemand
 *   key.readRotation                   GetKeyRotationStatus
 *   key.importMaterial                 ImportKeyMaterial, GetParametersForImport (a key awaiting
 *                                      material becomes Enabled, as the API reference says)
 *   key.removeMaterial                 DeleteImportedKeyMaterial or expiry of the current imported
 *                                      material (the key waits for material again)
 * DescribeKey, Get/PutKeyPolicy, ListAliases, DeleteAlias, ListResourceTags, ListKeyPolicies and
 * ListKeyRotations work in every state and need no event.
 *
 * NOTE: the states Creating, Updating, Unavailable and PendingReplicaDeletion (multi-Region
 * keys, custom key stores) are not simulated.
 */
export type KeyLifecycleEvent =
  | { type: "key.enable" }
  | { type: "key.disable" }
  | { type: "key.scheduleDeletion" }
  | { type: "key.cancelDeletion" }
  | { type: "key.delete" }
  | { type: "key.use" }
  | { type: "key.modify" }
  | { type: "key.configureRotation" }
  | { type: "key.rotateOnDemand" }
  | { type: "key.readRotation" }
  | { type: "key.importMaterial" }
  | { type: "key.removeMaterial" };

export type KeyLifecycleEventType = KeyLifecycleEvent["type"];

/** An AWS error; `{keyArn}` in the message is replaced by the key's ARN (core/machines.ts). */
export type { Refusal } from "../core/machines";

export interface KeyStateMeta {
  /** The KeyState AWS reports in this state. */
  keyState: "Enabled" | "Disabled" | "PendingDeletion" | "PendingImport" | "Deleted";
  refusals: Refusals<KeyLifecycleEventType>;
}

const disabled: Refusal = { code: "DisabledException", message: "{keyArn} is disabled." };
const pendingDeletion: Refusal = { code: "KMSInvalidStateException", message: "{keyArn} is pending deletion." };
const pendingImport: Refusal = { code: "KMSInvalidStateException", message: "{keyArn} is pending import." };
const notPendingDeletion: Refusal = { code: "KMSInvalidStateException", message: "{keyArn} is not pending deletion." };
/**
 * Rotation of a key without key material: the table says UnsupportedOperationException.
 * NOTE: the message is the one AWS gives for operations a key's origin does not support
 * ("<key ARN> origin is EXTERNAL which is not valid for this operation.").
 */
const importedMaterial: Refusal = { code: "UnsupportedOperationException", message: "{keyArn} origin is EXTERNAL which is not valid for this operation." };

const meta = (keyState: KeyStateMeta["keyState"], refusals: KeyStateMeta["refusals"]): KeyStateMeta => ({ keyState, refusals });

/** The refusals of the PendingDeletion state (both substates). */
const pendingDeletionRefusals: KeyStateMeta["refusals"] = {
  "key.enable": pendingDeletion,
  "key.disable": pendingDeletion,
  "key.scheduleDeletion": pendingDeletion,
  "key.use": pendingDeletion,
  "key.modify": pendingDeletion,
  "key.configureRotation": pendingDeletion,
  "key.rotateOnDemand": pendingDeletion,
  "key.importMaterial": pendingDeletion,
};

export const keyLifecycleMachine = setup({
  types: { events: {} as KeyLifecycleEvent },
}).createMachine({
  id: "kmsKey",
  initial: "Enabled",
  states: {
    Enabled: {
      meta: meta("Enabled", { "key.cancelDeletion": notPendingDeletion }),
      on: {
        "key.enable": "Enabled",
        "key.disable": "Disabled",
        "key.scheduleDeletion": "#kmsKey.PendingDeletion.WithKeyMaterial",
        "key.use": "Enabled",
        "key.modify": "Enabled",
        "key.configureRotation": "Enabled",
        "key.rotateOnDemand": "Enabled",
        "key.readRotation": "Enabled",
        "key.importMaterial": "Enabled",
        "key.removeMaterial": "PendingImport",
      },
    },
    Disabled: {
      meta: meta("Disabled", { "key.use": disabled, "key.configureRotation": disabled, "key.rotateOnDemand": disabled, "key.cancelDeletion": notPendingDeletion }),
      on: {
        "key.enable": "Enabled",
        "key.disable": "Disabled",
        "key.scheduleDeletion": "#kmsKey.PendingDeletion.WithKeyMaterial",
        "key.modify": "Disabled",
        "key.readRotation": "Disabled",
        "key.importMaterial": "Disabled",
        "key.removeMaterial": "PendingImport",
      },
    },
    PendingImport: {
      meta: meta("PendingImport", {
        "key.enable": pendingImport,
        "key.disable": pendingImport,
        "key.use": pendingImport,
        "key.configureRotation": importedMaterial,
        // RotateKeyOnDemand on a key awaiting material: "is pending import" (LocalStack snapshot
        // test_rotate_key_on_demand_on_external_key_with_no_key_material, recorded 2025-11).
        "key.rotateOnDemand": pendingImport,
        "key.readRotation": importedMaterial,
        "key.cancelDeletion": notPendingDeletion,
        "key.removeMaterial": pendingImport,
      }),
      on: {
        "key.scheduleDeletion": "#kmsKey.PendingDeletion.AwaitingImport",
        "key.modify": "PendingImport",
        "key.importMaterial": "Enabled",
      },
    },
    PendingDeletion: {
      meta: meta("PendingDeletion", pendingDeletionRefusals),
      initial: "WithKeyMaterial",
      on: {
        "key.delete": "Deleted",
      },
      states: {
        /** Scheduled from Enabled or Disabled: cancelling leaves the key Disabled. */
        WithKeyMaterial: {
          // Imported material may still expire or be deleted while the key waits for deletion.
          on: { "key.cancelDeletion": "#kmsKey.Disabled", "key.readRotation": "WithKeyMaterial", "key.removeMaterial": "AwaitingImport" },
        },
        /** Scheduled before any key material was imported: cancelling returns to PendingImport. */
        AwaitingImport: {
          meta: meta("PendingDeletion", { ...pendingDeletionRefusals, "key.readRotation": importedMaterial, "key.removeMaterial": pendingDeletion }),
          on: { "key.cancelDeletion": "#kmsKey.PendingImport" },
        },
      },
    },
    /** The waiting period has ended: the key and its material are gone (the record is removed). */
    Deleted: {
      type: "final",
      meta: meta("Deleted", {}),
    },
  },
});

/** A key record's state: the machine's state values (xstate infers them from the config), Deleted aside (the record is gone). */
export type KeyStateValue = Exclude<StateValueOf<typeof keyLifecycleMachine>, "Deleted">;

/** The machine's top-level states, checked at compile time against the config (snapshot schemas use the list). */
export const KEY_STATES = stateNames(keyLifecycleMachine, ["Enabled", "Disabled", "PendingImport", "PendingDeletion", "Deleted"] as const);
/** PendingDeletion's substates: whether the key had material when its deletion was scheduled. */
export const PENDING_DELETION_SUBSTATES = ["WithKeyMaterial", "AwaitingImport"] as const satisfies readonly Extract<KeyStateValue, object>["PendingDeletion"][];

/** The KeyState AWS reports for a record's machine state. */
export function keyStateOf(value: KeyStateValue): Exclude<TopLevelStateOf<typeof keyLifecycleMachine>, "Deleted"> {
  return typeof value === "string" ? value : "PendingDeletion";
}

/**
 * Asks the machine whether `event` is allowed for a key in state `value`;
 * returns the next state value, or throws the refusal AWS sends.
 */
export function stepKey(key: { arn: string; state: KeyStateValue }, type: KeyLifecycleEventType): KeyStateValue | "Deleted" {
  const step = stepMachine(keyLifecycleMachine, key.state, {}, { type });
  if (!step.accepted) {
    const refusal = refusalFor(metaOf<KeyStateMeta>(step.before), type);
    // Every refused event has a refusal in the table; a missing one is a bug in the machine.
    const { code, message } = refusal ?? { code: "KMSInvalidStateException", message: `{keyArn} is ${keyStateOf(key.state)}.` };
    throw new AwsServiceError(code, message.replace("{keyArn}", key.arn));
  }
  return step.after.value as KeyStateValue | "Deleted";
}

/** The state a key moves to on `type` (any event but key.delete, which removes the key), or the refusal. */
export function nextKeyState(key: { arn: string; state: KeyStateValue }, type: Exclude<KeyLifecycleEventType, "key.delete">): KeyStateValue {
  return stepKey(key, type) as KeyStateValue;
}
