import { setup } from "xstate";
import { stateNames, type Refusals } from "../core/machines";

/**
 * A secret's lifecycle: Active, then (DeleteSecret with a recovery window)
 * PendingDeletion until RestoreSecret brings it back or the clock passes the
 * end of the window, when Secrets Manager deletes it for good
 * (ForceDeleteWithoutRecovery deletes at once, from either state).
 *
 * While a secret waits for deletion DescribeSecret (and other reads of its
 * metadata) still work, but reading or changing its value, its rotation, its
 * labels, tags or policy fail with InvalidRequestException: "You can't perform
 * this operation on the secret because it was marked for deletion." [CLI-DOC].
 * DeleteSecret again (without force) fails the same way.
 */

/** The states a stored secret can be in (Deleted, the machine's final state, removes the record). */
export const SECRET_RECORD_STATES = ["Active", "PendingDeletion"] as const;

/** A stored secret's lifecycle state (`SecretRecord.lifecycle`). */
export type SecretLifecycleState = (typeof SECRET_RECORD_STATES)[number];

export type SecretLifecycleEvent =
  | { type: "secret.delete" }
  | { type: "secret.forceDelete" }
  | { type: "secret.restore" }
  | { type: "secret.windowElapsed" }
  /** Anything that reads the value or changes the secret. */
  | { type: "secret.modify" };

export interface LifecycleMeta {
  description: string;
  /** The error for the events this state refuses (all of them: "*"; core/machines.ts). */
  refusals?: Refusals<SecretLifecycleEvent["type"]>;
}

export const secretLifecycleMachine = setup({
  types: { events: {} as SecretLifecycleEvent },
}).createMachine({
  id: "secretLifecycle",
  initial: "Active",
  states: {
    Active: {
      meta: { description: "The secret is in use: its value can be read and changed." } satisfies LifecycleMeta,
      on: {
        "secret.modify": { target: "Active" },
        // RestoreSecret on a secret that is not scheduled for deletion changes nothing.
        "secret.restore": { target: "Active" },
        "secret.delete": { target: "PendingDeletion" },
        "secret.forceDelete": { target: "Deleted" },
      },
    },
    PendingDeletion: {
      meta: {
        description: "Scheduled for deletion: the value can't be read; RestoreSecret cancels the deletion until the recovery window ends.",
        refusals: { "*": { code: "InvalidRequestException", message: "You can't perform this operation on the secret because it was marked for deletion." } },
      } satisfies LifecycleMeta,
      on: {
        "secret.restore": { target: "Active" },
        "secret.windowElapsed": { target: "Deleted" },
        "secret.forceDelete": { target: "Deleted" },
      },
    },
    Deleted: {
      type: "final",
      meta: { description: "Deleted for good: the name can be used again." } satisfies LifecycleMeta,
    },
  },
});

/** Every state of the lifecycle, checked against the machine (see `stateNames`). */
export const SECRET_LIFECYCLE_STATES = stateNames(secretLifecycleMachine, [...SECRET_RECORD_STATES, "Deleted"]);

/** A state of the lifecycle machine: a stored secret's state, or Deleted. */
export type SecretLifecycleMachineState = (typeof SECRET_LIFECYCLE_STATES)[number];
