import { initialTransition } from "xstate";
import { AwsServiceError } from "../core/errors";
import { metaOf, refusalFor, stepMachine } from "../core/machines";
import { rotationMachine, type RotationEvent, type RotationMeta } from "./rotation.machine";
import { secretLifecycleMachine, type LifecycleMeta, type SecretLifecycleEvent, type SecretLifecycleMachineState } from "./secret.machine";
import { AWSPENDING, pendingElsewhere, versionWithStage } from "./staging";
import type { RotationMachineState, SecretLifecycleState, SecretRecord } from "./state";

/**
 * Operations ask the machines whether an event is allowed in the record's
 * current state; a refusal becomes the error in the state's meta. This is the
 * only module that writes `secret.lifecycle` and `secret.rotation.state`:
 * `applyLifecycle` and `applyRotation` step a machine and write the state it
 * moves to, and `syncRotationWithLabels` is where the rotation follows the
 * staging labels.
 */

/** The states a new secret starts in: the machines' initial states. */
export function initialStates(): { lifecycle: SecretLifecycleState; rotation: RotationMachineState } {
  return {
    lifecycle: initialTransition(secretLifecycleMachine)[0].value as SecretLifecycleState,
    rotation: initialTransition(rotationMachine)[0].value,
  };
}

export type LifecycleStep = { accepted: true; next: SecretLifecycleMachineState } | { accepted: false; error: AwsServiceError };

export function stepLifecycle(secret: SecretRecord, type: SecretLifecycleEvent["type"]): LifecycleStep {
  const step = stepMachine(secretLifecycleMachine, secret.lifecycle, {}, { type });
  if (!step.accepted) {
    const refusal = refusalFor(metaOf<LifecycleMeta>(step.before), type);
    return { accepted: false, error: new AwsServiceError(refusal?.code ?? "InvalidRequestException", refusal?.message ?? "") };
  }
  return { accepted: true, next: step.after.value };
}

/** Throws the lifecycle's error when the secret's state refuses the event; returns the next state without writing it. */
export function requireLifecycle(secret: SecretRecord, type: SecretLifecycleEvent["type"]): SecretLifecycleMachineState {
  const step = stepLifecycle(secret, type);
  if (!step.accepted) throw step.error;
  return step.next;
}

/**
 * Steps the lifecycle and writes the state it moves to (throws the
 * lifecycle's error when the state refuses the event). The final state,
 * Deleted, is not written: the caller removes the record.
 */
export function applyLifecycle(secret: SecretRecord, type: SecretLifecycleEvent["type"]): SecretLifecycleMachineState {
  const next = requireLifecycle(secret, type);
  if (next !== "Deleted") secret.lifecycle = next;
  return next;
}

export type RotationStep = { accepted: true; next: RotationMachineState } | { accepted: false; error: AwsServiceError };

export function stepRotation(secret: SecretRecord, type: RotationEvent["type"]): RotationStep {
  const step = stepMachine(rotationMachine, secret.rotation.state, {}, { type });
  if (!step.accepted) {
    const refusal = refusalFor(metaOf<RotationMeta>(step.before), type);
    return { accepted: false, error: new AwsServiceError(refusal?.code ?? "InvalidRequestException", refusal?.message ?? "") };
  }
  return { accepted: true, next: step.after.value };
}

/** Steps the rotation machine and, when it accepts the event, writes the state it moves to. */
function advanceRotation(secret: SecretRecord, type: RotationEvent["type"]): RotationStep {
  const step = stepRotation(secret, type);
  if (step.accepted) secret.rotation.state = step.next;
  return step;
}

/** Applies a rotation event the caller knows to be allowed (throws the machine's error otherwise); returns the new state. */
export function applyRotation(secret: SecretRecord, type: RotationEvent["type"]): RotationMachineState {
  const step = advanceRotation(secret, type);
  if (!step.accepted) throw step.error;
  return step.next;
}

/**
 * Keeps the rotation machine in step with the labels after they change
 * (PutSecretValue, UpdateSecretVersionStage, the end of a rotation's run):
 * AWSPENDING on another version than AWSCURRENT means a rotation is
 * incomplete (rotation.pendingSet), its removal clears it
 * (rotation.pendingCleared). The machine decides whether that changes
 * anything: only an idle rotation becomes incomplete and only an incomplete
 * one idle; while the function runs a step (and moves labels) both are
 * refused and nothing changes.
 */
export function syncRotationWithLabels(secret: SecretRecord): void {
  const incomplete = pendingElsewhere(secret);
  if (!advanceRotation(secret, incomplete ? "rotation.pendingSet" : "rotation.pendingCleared").accepted) return;
  if (incomplete) secret.rotation.token = versionWithStage(secret, AWSPENDING)?.versionId;
  else delete secret.rotation.token;
}
