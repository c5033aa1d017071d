import { getShortestPaths, getSimplePaths } from "@xstate/graph";
import { describe, expect, it } from "vitest";
import { metaOf, stepMachine, refusalFor, type Refusals } from "@/lib/sandbox/core/machines";
import type { Sandbox } from "@/lib/sandbox/index";
import { parameterMachine, type ParameterEvent, type ParameterStateValue } from "@/lib/sandbox/ssm/parameter.machine";
import { failure, sandbox, ssm } from "./helpers";

/**
 * Model-based tests: every path the graph library finds through the
 * parameter lifecycle is driven through the engine with the operations that
 * correspond to its events, and the stored record must be in the state the
 * path ends in. Every (state, event) pair is checked too: accepted ones land
 * where the machine says, refused ones fail with the error the state's meta
 * names.
 */

const NAME = "/model/parameter";

const EVENTS: ParameterEvent[] = [
  { type: "parameter.create", tier: "Standard" },
  { type: "parameter.create", tier: "Advanced" },
  { type: "parameter.overwrite", tier: "Standard" },
  { type: "parameter.overwrite", tier: "Advanced" },
  { type: "parameter.delete" },
];

/** The operation a machine event stands for. */
function perform(box: Sandbox, event: ParameterEvent | { type: "xstate.init" }): void {
  switch (event.type) {
    case "xstate.init":
      return;
    case "parameter.create":
      ssm(box, "PutParameter", { Name: NAME, Value: "v", Type: "String", Tier: event.tier });
      return;
    case "parameter.overwrite":
      ssm(box, "PutParameter", { Name: NAME, Value: "v", Type: "String", Overwrite: true, Tier: event.tier });
      return;
    case "parameter.delete":
      ssm(box, "DeleteParameter", { Name: NAME });
  }
}

function stateOf(box: Sandbox): ParameterStateValue {
  return box.regionState().ssm.parameters[NAME]?.tier ?? "Absent";
}

const shortest = getShortestPaths(parameterMachine, { events: EVENTS });
const simple = getSimplePaths(parameterMachine, { events: EVENTS });

/** The shortest way to reach each state, as engine operations. */
function reach(box: Sandbox, state: ParameterStateValue): void {
  const path = shortest.find((candidate) => candidate.state.value === state);
  if (!path) throw new Error(`no path to ${state}`);
  for (const step of path.steps) perform(box, step.event as ParameterEvent);
}

const STATES: ParameterStateValue[] = ["Absent", "Standard", "Advanced"];

describe("parameterMachine", () => {
  it("has the states Absent, Standard and Advanced, all reachable", () => {
    expect(Object.keys(parameterMachine.states).sort()).toEqual(["Absent", "Advanced", "Standard"]);
    expect(shortest.map((path) => path.state.value).sort()).toEqual(["Absent", "Advanced", "Standard"]);
  });

  for (const [kind, paths] of [["shortest", shortest], ["simple", simple]] as const) {
    describe(`${kind} paths`, () => {
      it.each(paths.map((path) => [path.steps.map((step) => step.event.type + ("tier" in step.event ? `(${String(step.event.tier)})` : "")).join(" → "), path] as const))(
        "%s: the engine's record follows the path",
        (_title, path) => {
          const box = sandbox();
          for (const step of path.steps) {
            perform(box, step.event as ParameterEvent);
            expect(stateOf(box)).toBe(step.state.value);
          }
        },
      );
    });
  }

  const pairs = STATES.flatMap((state) => EVENTS.map((event) => [state, event] as const));

  it.each(pairs.map(([state, event]) => [`${state} + ${event.type}${"tier" in event ? `(${event.tier})` : ""}`, state, event] as const))(
    "%s: the engine does what the machine says",
    (_title, state, event) => {
      const box = sandbox();
      reach(box, state);
      const step = stepMachine(parameterMachine, state, {}, event);
      if (step.accepted) {
        perform(box, event);
        expect(stateOf(box)).toBe(step.after.value);
      } else {
        const refusal = refusalFor(metaOf<{ refusals: Refusals<string> }>(step.before), event.type);
        expect(refusal).toBeDefined();
        const error = failure(() => perform(box, event));
        expect({ code: error.code, message: error.message }).toEqual(refusal);
        expect(stateOf(box)).toBe(state);
      }
    },
  );

  it("refuses exactly: create on an existing parameter, delete of a missing one, and Advanced → Standard", () => {
    const refused = pairs.filter(([state, event]) => !stepMachine(parameterMachine, state, {}, event).accepted).map(([state, event]) => `${state}:${event.type}:${"tier" in event ? event.tier : ""}`);
    expect(refused.sort()).toEqual(
      [
        "Absent:parameter.delete:",
        "Standard:parameter.create:Standard",
        "Standard:parameter.create:Advanced",
        "Advanced:parameter.create:Standard",
        "Advanced:parameter.create:Advanced",
        "Advanced:parameter.overwrite:Standard",
      ].sort(),
    );
  });
});
