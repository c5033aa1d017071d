import { setup } from "xstate";
import { metaOf, refusalFor, stateNames, stepMachine, type Refusal, type Refusals } from "../core/machines";
import { AwsServiceError } from "../core/errors";
import * as errors from "./errors";
import { STORED_TIERS, type StoredTier } from "./state";

/**
 * A parameter's life: it does not exist (Absent), or it exists in the
 * standard or the advanced tier. PutParameter creates it or, with Overwrite,
 * adds a version in the tier the request resolves to; DeleteParameter removes
 * it. AWS lets a standard parameter move up to the advanced tier but never
 * back ("You can change a standard parameter to an advanced parameter any
 * time. But you can't revert an advanced parameter to a standard parameter",
 * API reference, PutParameter Tier).
 *
 * A record stores its state as `tier`; a missing record is Absent. Each
 * state's meta names the AWS error for the events it refuses, so the drawing
 * and the behaviour come from one place.
 */

export type ParameterEvent =
  | { type: "parameter.create"; tier: StoredTier }
  | { type: "parameter.overwrite"; tier: StoredTier }
  | { type: "parameter.delete" };

/** The machine's state: Absent, or the tier a stored parameter is in (`ParameterRecord.tier`). */
export type ParameterStateValue = (typeof PARAMETER_STATES)[number];

interface RefusalMeta {
  description: string;
  /** The AWS error for each refused event type (core/machines.ts). */
  refusals: Refusals<ParameterEvent["type"]>;
}

const wire = (error: AwsServiceError): Refusal => ({ code: error.code, message: error.message });

export const parameterMachine = setup({
  types: { context: {} as Record<string, never>, events: {} as ParameterEvent },
  guards: {
    toStandard: ({ event }) => "tier" in event && event.tier === "Standard",
    toAdvanced: ({ event }) => "tier" in event && event.tier === "Advanced",
  },
}).createMachine({
  id: "ssmParameter",
  initial: "Absent",
  context: {},
  states: {
    Absent: {
      meta: {
        description: "No parameter has this name.",
        refusals: { "parameter.delete": wire(errors.parameterNotFound()) },
      } satisfies RefusalMeta,
      on: {
        "parameter.create": [
          { guard: "toStandard", target: "Standard" },
          { guard: "toAdvanced", target: "Advanced" },
        ],
        // PutParameter with Overwrite creates a parameter that does not exist yet.
        "parameter.overwrite": [
          { guard: "toStandard", target: "Standard" },
          { guard: "toAdvanced", target: "Advanced" },
        ],
      },
    },
    Standard: {
      meta: {
        description: "A standard parameter: values up to 4 KB, no policies, free.",
        refusals: { "parameter.create": wire(errors.parameterAlreadyExists()) },
      } satisfies RefusalMeta,
      on: {
        "parameter.overwrite": [
          { guard: "toStandard", target: "Standard", reenter: true },
          { guard: "toAdvanced", target: "Advanced" },
        ],
        "parameter.delete": "Absent",
      },
    },
    Advanced: {
      meta: {
        description: "An advanced parameter: values up to 8 KB, parameter policies; it can never go back to the standard tier.",
        refusals: { "parameter.create": wire(errors.parameterAlreadyExists()), "parameter.overwrite": wire(errors.tierDowngrade()) },
      } satisfies RefusalMeta,
      on: {
        "parameter.overwrite": { guard: "toAdvanced", target: "Advanced", reenter: true },
        "parameter.delete": "Absent",
      },
    },
  },
});

/** The machine's states, checked against it (see `stateNames`): Absent, then the stored tiers. */
export const PARAMETER_STATES = stateNames(parameterMachine, ["Absent", ...STORED_TIERS]);

/**
 * Asks the machine whether `event` may happen to a parameter in `state`;
 * returns the next state or throws the AWS error the state's meta names.
 */
export function stepParameter(state: ParameterStateValue, event: ParameterEvent): ParameterStateValue {
  const step = stepMachine(parameterMachine, state, {}, event);
  if (!step.accepted) {
    const refusal = refusalFor(metaOf<RefusalMeta>(step.before), event.type);
    if (refusal) throw new AwsServiceError(refusal.code, refusal.message);
    throw new AwsServiceError("InternalServerError", `The parameter lifecycle does not allow ${event.type} in state ${state}.`, 500);
  }
  return step.after.value;
}

/**
 * The tier PutParameter leaves a parameter in (`existing` undefined: the name
 * is Absent), or the error the machine's meta names. Creating and overwriting
 * never lead to Absent.
 */
export function nextTier(existing: StoredTier | undefined, event: Extract<ParameterEvent, { tier: StoredTier }>): StoredTier {
  return stepParameter(existing ?? "Absent", event) as StoredTier;
}
