import { setup } from "xstate";
import { stepMachine } from "../core/machines";

/**
 * An instance's life as the sandbox runs it: launched pending, running once
 * it has booted (and run its user data), shutting-down and terminated after
 * TerminateInstances. The codes are EC2's (InstanceState.Code).
 *
 * NOTE: booting takes no time in the sandbox: RunInstances answers
 * "pending", as EC2 does, and the instance is running when the command
 * returns. Stopping and starting are not simulated.
 */
export const INSTANCE_STATES = ["pending", "running", "shutting-down", "terminated"] as const;
export type InstanceStateName = (typeof INSTANCE_STATES)[number];

export const INSTANCE_STATE_CODES: Record<InstanceStateName, number> = { pending: 0, running: 16, "shutting-down": 32, terminated: 48 };

export type InstanceEvent = { type: "instance.booted" } | { type: "instance.terminate" } | { type: "instance.shutdown-complete" };

export const instanceMachine = setup({
  types: { context: {} as Record<string, never>, events: {} as InstanceEvent },
}).createMachine({
  id: "ec2Instance",
  initial: "pending",
  context: {},
  states: {
    pending: {
      meta: { description: "Launched; booting and running its user data." },
      on: { "instance.booted": "running", "instance.terminate": "shutting-down" },
    },
    running: {
      meta: { description: "Running; its programs act as the instance profile's role." },
      on: { "instance.terminate": "shutting-down" },
    },
    "shutting-down": {
      meta: { description: "Terminating." },
      on: { "instance.shutdown-complete": "terminated", "instance.terminate": "shutting-down" },
    },
    terminated: {
      meta: { description: "Terminated: it still shows in DescribeInstances for about an hour." },
      // TerminateInstances on a terminated instance succeeds and changes nothing.
      on: { "instance.terminate": "terminated" },
    },
  },
});

/** The state after `event`, or undefined when the machine refuses it. */
export function nextInstanceState(state: InstanceStateName, event: InstanceEvent): InstanceStateName | undefined {
  const step = stepMachine(instanceMachine, state, {}, event);
  return step.accepted ? (step.after.value as InstanceStateName) : undefined;
}
