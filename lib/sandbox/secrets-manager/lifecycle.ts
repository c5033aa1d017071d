import { AwsServiceError } from "../core/errors";
import { metaOf, stepMachine } from "../core/machines";
import { rotationMachine, type RotationEvent, type RotationMeta } from "./rotation.machine";
import { secretLifecycleMachine, type LifecycleMeta, type SecretLifecycleEvent } from "./secret.machine";
import type { RotationMachineState, SecretLifecycleState, SecretRecord } from "./state";

/**
 * Operations ask the machines whether an event is allowed in the record's
 * current state; a refusal becomes the error in the state's meta.
 */

export type LifecycleStep = { accepted: true; next: SecretLifecycleState | "Deleted" } | { accepted: false; error: AwsServiceError };

export function stepLifecycle(secret: SecretRecord, type: SecretLifecycleEvent["type"]): LifecycleStep {
  const step = stepMachine(secretLifecycleMachine, secret.lifecycle, {}, { type });
  if (!step.accepted) {
    const error = metaOf<LifecycleMeta>(step.before).error;
    return { accepted: false, error: new AwsServiceError(error?.code ?? "InvalidRequestException", error?.message ?? "") };
  }
  return { accepted: true, next: step.after.value as SecretLifecycleState | "Deleted" };
}

/** Throws the lifecycle's error when the secret's state refuses the event; returns the next state. */
export function requireLifecycle(secret: SecretRecord, type: SecretLifecycleEvent["type"]): SecretLifecycleState | "Deleted" {
  const step = stepLifecycle(secret, type);
  if (!step.accepted) throw step.error;
  return step.next;
}

export type RotationStep = { accepted: true; next: RotationMachineState } | { accepted: false; error: AwsServiceError };

export function stepRotation(secret: SecretRecord, type: RotationEvent["type"]): RotationStep {
  const step = stepMachine(rotationMachine, secret.rotation.state, {}, { type });
  if (!step.accepted) {
    const error = metaOf<RotationMeta>(step.before).error;
    return { accepted: false, error: new AwsServiceError(error?.code ?? "InvalidRequestException", error?.message ?? "") };
  }
  return { accepted: true, next: step.after.value as RotationMachineState };
}

/** Applies a rotation event the caller knows to be allowed (throws the machine's error otherwise). */
export function applyRotation(secret: SecretRecord, type: RotationEvent["type"]): void {
  const step = stepRotation(secret, type);
  if (!step.accepted) throw step.error;
  secret.rotation.state = step.next;
}

/** Whether a rotation function is running a step for this secret right now. */
export function isRotating(secret: SecretRecord): boolean {
  return secret.rotation.state !== "idle" && secret.rotation.state !== "incomplete";
}
