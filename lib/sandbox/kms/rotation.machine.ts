import { setup } from "xstate";
import { stateNames, stepMachine, type StateValueOf } from "../core/machines";

/**
 * Automatic rotation of a symmetric key's material ("Rotate AWS KMS keys",
 * developer guide). Whether automatic rotation is on is its own small
 * machine, beside the key's lifecycle: the lifecycle decides whether the key
 * may be configured at all (key.configureRotation), this machine what the
 * configuration does.
 *
 *   rotation.enable           EnableKeyRotation (again while on: a new period and date)
 *   rotation.disable          DisableKeyRotation
 *   rotation.rotate           the scheduled automatic rotation (scheduled event kms.rotateKey)
 *   rotation.rotateOnDemand   RotateKeyOnDemand: allowed either way, and it leaves the
 *                             automatic schedule alone
 *
 * Every rotation adds a key material version; earlier versions stay, so old
 * ciphertexts always decrypt.
 */
export type RotationEvent = { type: "rotation.enable" } | { type: "rotation.disable" } | { type: "rotation.rotate" } | { type: "rotation.rotateOnDemand" };

export const keyRotationMachine = setup({
  types: { events: {} as RotationEvent },
}).createMachine({
  id: "kmsKeyRotation",
  initial: "AutomaticRotationDisabled",
  states: {
    AutomaticRotationDisabled: {
      meta: { keyRotationEnabled: false },
      on: {
        "rotation.enable": "AutomaticRotationEnabled",
        "rotation.disable": "AutomaticRotationDisabled",
        "rotation.rotateOnDemand": "AutomaticRotationDisabled",
      },
    },
    AutomaticRotationEnabled: {
      meta: { keyRotationEnabled: true },
      on: {
        "rotation.enable": "AutomaticRotationEnabled",
        "rotation.disable": "AutomaticRotationDisabled",
        "rotation.rotate": "AutomaticRotationEnabled",
        "rotation.rotateOnDemand": "AutomaticRotationEnabled",
      },
    },
  },
});

/** A key's automatic-rotation state: the machine's state values. */
export type RotationStateValue = StateValueOf<typeof keyRotationMachine>;
export const ROTATION_STATES = stateNames(keyRotationMachine, ["AutomaticRotationDisabled", "AutomaticRotationEnabled"] as const);

/** The next rotation state, or undefined when the machine refuses (an automatic rotation while rotation is off). */
export function stepRotation(state: RotationStateValue, type: RotationEvent["type"]): RotationStateValue | undefined {
  const step = stepMachine(keyRotationMachine, state, {}, { type });
  return step.accepted ? (step.after.value as RotationStateValue) : undefined;
}
