import type { AnyStateMachine } from "xstate";
// The machines' own modules, not lib/sandbox's index: a page that draws a
// machine needs its definition, not the whole engine.
import { keyLifecycleMachine } from "../sandbox/kms/key.machine";
import { keyRotationMachine } from "../sandbox/kms/rotation.machine";
import { rotationMachine as secretRotationMachine } from "../sandbox/secrets-manager/rotation.machine";
import { secretLifecycleMachine } from "../sandbox/secrets-manager/secret.machine";
import { parameterMachine } from "../sandbox/ssm/parameter.machine";
import type { EventRef } from "./machine-graph";

/**
 * The engine's lifecycle machines that the course and the sandbox draw, each
 * with the words a learner needs beside the machine's own structure: a title,
 * a one-line description, what sends each event (the API operation or the
 * happening), what its guards mean, which meta fields AWS shows, and how a
 * resource comes into being. The states and transitions themselves are read
 * from the machine (machine-graph.ts); tests check that these labels cover
 * exactly the machine's events, guards and states.
 */
export interface MachineEntry {
  machine: AnyStateMachine;
  title: string;
  description: string;
  /** Event type -> what sends it, in the learner's terms. */
  events: Readonly<Record<string, string>>;
  /** Guard name -> the condition in the learner's terms. */
  guards?: Readonly<Record<string, string>>;
  /** Meta field -> the name AWS shows it under (fields not listed are not drawn). */
  facts?: Readonly<Record<string, string>>;
  /** What creates a resource in the machine's initial state (none when the initial state is "does not exist"). */
  start?: string;
  /** Other states a resource can be created in, and what creates it there. */
  otherStarts?: readonly { state: string; label: string }[];
}

export const machineNames = ["kms-key", "kms-key-rotation", "secret-rotation", "secret-lifecycle", "ssm-parameter"] as const;
export type MachineName = (typeof machineNames)[number];

export const machines: Readonly<Record<MachineName, MachineEntry>> = {
  "kms-key": {
    machine: keyLifecycleMachine,
    title: "Lifecycle of a KMS key",
    description: "The key states KMS reports, the operations that move a key between them, and what each state still accepts.",
    events: {
      "key.enable": "EnableKey",
      "key.disable": "DisableKey",
      "key.scheduleDeletion": "ScheduleKeyDeletion",
      "key.cancelDeletion": "CancelKeyDeletion",
      "key.delete": "waiting period ends",
      "key.use": "cryptographic operations",
      "key.modify": "aliases, tags, description",
      "key.configureRotation": "rotation settings",
      "key.rotateOnDemand": "RotateKeyOnDemand",
      "key.readRotation": "GetKeyRotationStatus",
      "key.importMaterial": "ImportKeyMaterial",
      "key.removeMaterial": "DeleteImportedKeyMaterial, material expires",
    },
    facts: { keyState: "KeyState" },
    start: "CreateKey",
    otherStarts: [{ state: "PendingImport", label: "CreateKey, origin EXTERNAL" }],
  },
  "kms-key-rotation": {
    machine: keyRotationMachine,
    title: "Automatic rotation of a KMS key",
    description: "Whether KMS rotates a symmetric key's material on a schedule; rotation on demand works either way.",
    events: {
      "rotation.enable": "EnableKeyRotation",
      "rotation.disable": "DisableKeyRotation",
      "rotation.rotate": "scheduled rotation",
      "rotation.rotateOnDemand": "RotateKeyOnDemand",
    },
    facts: { keyRotationEnabled: "KeyRotationEnabled" },
    start: "CreateKey",
  },
  "secret-rotation": {
    machine: secretRotationMachine,
    title: "Rotation of a secret",
    description: "The four steps a rotation function runs in order, and where a failed step leaves the rotation.",
    events: {
      "rotation.start": "RotateSecret",
      "rotation.schedule": "RotateSecret, not immediately",
      "rotation.resume": "next scheduled rotation",
      "rotation.stepSucceeded": "step succeeds",
      "rotation.stepFailed": "step fails",
      "rotation.pendingSet": "AWSPENDING moved by hand",
      "rotation.pendingCleared": "AWSPENDING removed",
    },
    start: "CreateSecret",
  },
  "secret-lifecycle": {
    machine: secretLifecycleMachine,
    title: "Lifecycle of a secret",
    description: "A secret from creation through scheduled deletion, restore and deletion for good.",
    events: {
      "secret.delete": "DeleteSecret",
      "secret.forceDelete": "DeleteSecret without recovery",
      "secret.restore": "RestoreSecret",
      "secret.windowElapsed": "recovery window ends",
      "secret.modify": "read or change the value",
    },
    start: "CreateSecret",
  },
  "ssm-parameter": {
    machine: parameterMachine,
    title: "Tiers of a parameter",
    description: "How PutParameter and DeleteParameter move a parameter between absent, standard and advanced; an advanced parameter never goes back.",
    events: {
      "parameter.create": "PutParameter",
      "parameter.overwrite": "PutParameter --overwrite",
      "parameter.delete": "DeleteParameter",
    },
    guards: { toStandard: "Standard tier", toAdvanced: "Advanced tier" },
  },
};

export function isMachineName(name: string): name is MachineName {
  return (machineNames as readonly string[]).includes(name);
}

/** How an event reads in a diagram: what sends it, and its guard's condition. */
export function describeEvent(entry: MachineEntry, ref: EventRef): string {
  const label = entry.events[ref.event] ?? ref.event;
  if (ref.guard === undefined) return label;
  return `${label} (${entry.guards?.[ref.guard] ?? ref.guard})`;
}
