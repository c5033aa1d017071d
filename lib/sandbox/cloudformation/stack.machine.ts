import { setup } from "xstate";
import { AwsServiceError } from "../core/errors";
import { metaOf, refusalFor, stepMachine, type Refusal, type Refusals } from "../core/machines";
import type { StackStatus } from "./state";

/**
 * A stack's life. CreateStack starts it (CREATE_IN_PROGRESS); it ends
 * CREATE_COMPLETE, or after a failed resource rolls back (ROLLBACK_IN_PROGRESS
 * to ROLLBACK_COMPLETE, or ROLLBACK_FAILED when a resource cannot be
 * deleted), stays CREATE_FAILED (OnFailure DO_NOTHING / DisableRollback), or
 * is deleted at once (OnFailure DELETE). DeleteStack takes any settled stack
 * through DELETE_IN_PROGRESS to DELETE_COMPLETE (or DELETE_FAILED).
 *
 * NOTE: AWS works through these states asynchronously (CreateStack and
 * DeleteStack answer at once and the stack moves on in the background); the
 * sandbox runs the whole way inside the call, so DescribeStacks shows the
 * final status immediately. The in-progress states still appear in the
 * stack's events.
 *
 * A record stores its state as `status`; a stack that does not exist is
 * Absent. Each state's meta names the AWS error for events it refuses.
 */

export type StackEvent =
  | { type: "stack.create" }
  | { type: "stack.created" }
  | { type: "stack.createFailed"; onFailure: "ROLLBACK" | "DO_NOTHING" | "DELETE" }
  | { type: "stack.rolledBack" }
  | { type: "stack.rollbackFailed" }
  | { type: "stack.delete" }
  | { type: "stack.deleted" }
  | { type: "stack.deleteFailed" };

export type StackStateValue = "Absent" | StackStatus;

export interface StackStateMeta {
  description: string;
  /** The AWS error for each refused event (core/machines.ts), `{name}` standing for the stack name. */
  refusals?: Refusals<StackEvent["type"]>;
}

/** "Stack [NAME] already exists" (errors.ts stackAlreadyExists). */
const alreadyExists: Refusal = { code: "AlreadyExistsException", message: "Stack [{name}] already exists" };

export const stackMachine = setup({
  types: { context: {} as Record<string, never>, events: {} as StackEvent },
  guards: {
    rollback: ({ event }) => event.type === "stack.createFailed" && event.onFailure === "ROLLBACK",
    doNothing: ({ event }) => event.type === "stack.createFailed" && event.onFailure === "DO_NOTHING",
    deleteOnFailure: ({ event }) => event.type === "stack.createFailed" && event.onFailure === "DELETE",
  },
}).createMachine({
  id: "cloudFormationStack",
  initial: "Absent",
  context: {},
  states: {
    Absent: {
      meta: { description: "No stack has this name (a deleted stack's name is free again)." } satisfies StackStateMeta,
      on: { "stack.create": "CREATE_IN_PROGRESS" },
    },
    CREATE_IN_PROGRESS: {
      meta: { description: "CloudFormation is creating the resources in dependency order.", refusals: { "stack.create": alreadyExists } } satisfies StackStateMeta,
      on: {
        "stack.created": "CREATE_COMPLETE",
        "stack.createFailed": [
          { guard: "rollback", target: "ROLLBACK_IN_PROGRESS" },
          { guard: "doNothing", target: "CREATE_FAILED" },
          { guard: "deleteOnFailure", target: "DELETE_IN_PROGRESS" },
        ],
      },
    },
    CREATE_COMPLETE: {
      meta: { description: "Every resource was created.", refusals: { "stack.create": alreadyExists } } satisfies StackStateMeta,
      on: { "stack.delete": "DELETE_IN_PROGRESS" },
    },
    CREATE_FAILED: {
      meta: {
        description: "A resource failed and rollback was disabled: what was created stays, for you to inspect; delete the stack to clean up.",
        refusals: { "stack.create": alreadyExists },
      } satisfies StackStateMeta,
      on: { "stack.delete": "DELETE_IN_PROGRESS" },
    },
    ROLLBACK_IN_PROGRESS: {
      meta: { description: "A resource failed: CloudFormation deletes what it created, newest first.", refusals: { "stack.create": alreadyExists } } satisfies StackStateMeta,
      on: { "stack.rolledBack": "ROLLBACK_COMPLETE", "stack.rollbackFailed": "ROLLBACK_FAILED" },
    },
    ROLLBACK_COMPLETE: {
      meta: {
        description: "The failed creation was undone; the empty stack stays (its name taken) until you delete it.",
        refusals: { "stack.create": alreadyExists },
      } satisfies StackStateMeta,
      on: { "stack.delete": "DELETE_IN_PROGRESS" },
    },
    ROLLBACK_FAILED: {
      meta: { description: "The rollback could not delete a resource; delete the stack to try again.", refusals: { "stack.create": alreadyExists } } satisfies StackStateMeta,
      on: { "stack.delete": "DELETE_IN_PROGRESS" },
    },
    DELETE_IN_PROGRESS: {
      meta: { description: "CloudFormation deletes the stack's resources, newest first.", refusals: { "stack.create": alreadyExists } } satisfies StackStateMeta,
      on: { "stack.deleted": "DELETE_COMPLETE", "stack.deleteFailed": "DELETE_FAILED" },
    },
    DELETE_FAILED: {
      meta: { description: "A resource could not be deleted; delete the stack again once the cause is fixed.", refusals: { "stack.create": alreadyExists } } satisfies StackStateMeta,
      on: { "stack.delete": "DELETE_IN_PROGRESS" },
    },
    DELETE_COMPLETE: {
      meta: { description: "Deleted: visible by stack id and in ListStacks for 90 days, not by name; DeleteStack again changes nothing." } satisfies StackStateMeta,
      // DeleteStack on a deleted stack (by its id) succeeds and changes nothing.
      on: { "stack.delete": { target: "DELETE_COMPLETE" } },
    },
  },
});

/**
 * Asks the machine whether `event` may happen to a stack in `state`; returns
 * the next state or throws the AWS error the state's meta names.
 */
export function stepStack(state: StackStateValue, event: StackEvent, stackName: string): StackStateValue {
  const step = stepMachine(stackMachine, state, {}, event);
  if (!step.accepted) {
    const refusal = refusalFor(metaOf<StackStateMeta>(step.before), event.type);
    if (refusal) throw new AwsServiceError(refusal.code, refusal.message.replace("{name}", stackName));
    throw new AwsServiceError("InternalFailure", `The sandbox's stack lifecycle does not allow ${event.type} in state ${state}.`, 500);
  }
  return step.after.value as StackStateValue;
}
