import { setup } from "xstate";
import { stateNames, type Refusals } from "../core/machines";
import { ROTATION_STEPS, type RotationStep } from "../lambda/state";

/**
 * Where a secret's rotation stands. A rotation runs the rotation function
 * for four steps in order (createSecret -> setSecret -> testSecret ->
 * finishSecret) against the version whose id is the rotation's
 * ClientRequestToken and which carries the AWSPENDING label.
 *
 * A step that fails stops the rotation where it is and leaves the secret as
 * AWS leaves it: the AWSPENDING version stays (empty if createSecret failed,
 * with the new value after), AWSCURRENT stays on the old version, and for a
 * single-user rotation the database may already have the new password. While
 * AWSPENDING sits on a version other than AWSCURRENT the rotation is
 * `incomplete`, and RotateSecret fails with "A previous rotation isn't
 * complete. That rotation will be reattempted." [GH: terraform, CDK issues
 * quoting AWS]. The next scheduled rotation resumes it with the same token;
 * moving or removing AWSPENDING by hand clears it.
 */

export type RotationEvent =
  /** RotateSecret (immediate rotation) or a scheduled rotation when none is pending. */
  | { type: "rotation.start" }
  /** RotateSecret with RotateImmediately=false: only records the schedule. */
  | { type: "rotation.schedule" }
  /** A scheduled rotation that continues an incomplete one with its token. */
  | { type: "rotation.resume" }
  | { type: "rotation.stepSucceeded" }
  | { type: "rotation.stepFailed" }
  /** AWSPENDING was attached by hand to a version other than AWSCURRENT. */
  | { type: "rotation.pendingSet" }
  /** AWSPENDING was removed, or now shares the AWSCURRENT version (by hand, or a new AWSCURRENT version abandoned the rotation). */
  | { type: "rotation.pendingCleared" };

export interface RotationMeta {
  description: string;
  /** The rotation function step this state runs. */
  step?: RotationStep;
  /** The error for the events this state refuses (all of them: "*"; core/machines.ts). */
  refusals?: Refusals<RotationEvent["type"]>;
}

const incomplete: Refusals<RotationEvent["type"]> = { "*": { code: "InvalidRequestException", message: "A previous rotation isn't complete. That rotation will be reattempted." } };

export const rotationMachine = setup({
  types: { events: {} as RotationEvent },
}).createMachine({
  id: "secretRotation",
  initial: "idle",
  states: {
    idle: {
      meta: { description: "No rotation in progress: AWSPENDING is absent or on the AWSCURRENT version." } satisfies RotationMeta,
      on: {
        "rotation.start": { target: "createSecret" },
        "rotation.schedule": { target: "idle" },
        "rotation.pendingSet": { target: "incomplete" },
      },
    },
    createSecret: {
      meta: { description: "The function creates the new secret value as the AWSPENDING version.", step: "createSecret", refusals: incomplete } satisfies RotationMeta,
      on: { "rotation.stepSucceeded": { target: "setSecret" }, "rotation.stepFailed": { target: "incomplete" } },
    },
    setSecret: {
      meta: { description: "The function sets the new credentials in the database.", step: "setSecret", refusals: incomplete } satisfies RotationMeta,
      on: { "rotation.stepSucceeded": { target: "testSecret" }, "rotation.stepFailed": { target: "incomplete" } },
    },
    testSecret: {
      meta: { description: "The function logs in with the AWSPENDING credentials.", step: "testSecret", refusals: incomplete } satisfies RotationMeta,
      on: { "rotation.stepSucceeded": { target: "finishSecret" }, "rotation.stepFailed": { target: "incomplete" } },
    },
    finishSecret: {
      meta: { description: "The function moves AWSCURRENT to the new version; AWSPREVIOUS follows.", step: "finishSecret", refusals: incomplete } satisfies RotationMeta,
      on: { "rotation.stepSucceeded": { target: "idle" }, "rotation.stepFailed": { target: "incomplete" } },
    },
    incomplete: {
      meta: { description: "A rotation did not finish: AWSPENDING is on a version other than AWSCURRENT.", refusals: incomplete } satisfies RotationMeta,
      on: {
        "rotation.resume": { target: "createSecret" },
        "rotation.pendingCleared": { target: "idle" },
      },
    },
  },
});

/**
 * The machine's states, checked against it (see `stateNames`): idle, the
 * rotation function's steps in the order it runs them, incomplete.
 */
export const ROTATION_MACHINE_STATES = stateNames(rotationMachine, ["idle", ...ROTATION_STEPS, "incomplete"]);

/** Where a secret's rotation stands (`RotationRecord.state`). */
export type RotationMachineState = (typeof ROTATION_MACHINE_STATES)[number];
