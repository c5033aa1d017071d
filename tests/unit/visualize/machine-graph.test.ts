import { toDirectedGraph, type DirectedGraphNode } from "@xstate/graph";
import { transition, type AnyStateMachine, type StateValue } from "xstate";
import { describe, expect, it } from "vitest";
import { machineGraph, stateIdOf, transitionBetween, type MachineGraph } from "@/lib/visualize/machine-graph";
import { machineNames, machines } from "@/lib/visualize/machines";

/**
 * The graph a diagram is drawn from must have exactly the machine's states
 * and transitions. The expectation is derived without machine-graph.ts: the
 * states from @xstate/graph's directed graph, the transitions by sending
 * every event to every state with xstate's own `transition` and seeing where
 * the machine goes.
 */

/** Payloads for guarded events: every tier a parameter event can carry. */
const samples: Record<string, object[]> = {
  "parameter.create": [{ tier: "Standard" }, { tier: "Advanced" }],
  "parameter.overwrite": [{ tier: "Standard" }, { tier: "Advanced" }],
};

/** State ids ("PendingDeletion.WithKeyMaterial") of every node @xstate/graph finds under the root. */
function statesByXstateGraph(machine: AnyStateMachine): { id: string; leaf: boolean; final: boolean }[] {
  const out: { id: string; leaf: boolean; final: boolean }[] = [];
  const visit = (node: DirectedGraphNode) => {
    for (const child of node.children) {
      out.push({ id: child.id.slice(machine.id.length + 1), leaf: child.children.length === 0, final: child.stateNode.type === "final" });
      visit(child);
    }
  };
  visit(toDirectedGraph(machine));
  return out;
}

/** "PendingDeletion.WithKeyMaterial" -> { PendingDeletion: "WithKeyMaterial" }, as xstate writes state values. */
const toValue = (id: string): StateValue => {
  const parts = id.split(".");
  return parts.slice(0, -1).reduceRight<StateValue>((inner, key) => ({ [key]: inner }), parts[parts.length - 1]!);
};

/** (leaf, event type, leaf it ends in) for every event each leaf state accepts, found by running the machine. */
function triplesByRunning(machine: AnyStateMachine): Set<string> {
  const triples = new Set<string>();
  const leaves = statesByXstateGraph(machine).filter((state) => state.leaf && !state.final);
  for (const leaf of leaves) {
    const snapshot = machine.resolveState({ value: toValue(leaf.id), context: {} });
    for (const type of machine.root.events) {
      for (const payload of samples[type] ?? [{}]) {
        const event = { type, ...payload };
        if (!snapshot.can(event)) continue;
        const [next] = transition(machine, snapshot, event);
        triples.add(`${leaf.id} ${type} ${stateIdOf(next.value as StateValue)}`);
      }
    }
  }
  return triples;
}

/** The same triples as the graph states them: a transition or accepted event of a state applies to every leaf inside it. */
function triplesOfGraph(graph: MachineGraph): Set<string> {
  const triples = new Set<string>();
  const byId = new Map(graph.states.map((state) => [state.id, state]));
  const leafOf = (id: string): string => {
    const state = byId.get(id)!;
    if (state.children.length === 0) return id;
    return leafOf(graph.states.find((child) => child.parent === id && child.initial)!.id);
  };
  const within = (leaf: string, state: string) => leaf === state || leaf.startsWith(`${state}.`);
  for (const leaf of graph.states.filter((state) => state.children.length === 0 && state.kind !== "final")) {
    for (const type of graph.eventTypes) {
      // The innermost state around the leaf that handles the event decides, as in xstate.
      const handlers = graph.states.filter((state) => within(leaf.id, state.id)).sort((a, b) => b.depth - a.depth);
      for (const handler of handlers) {
        const moves = graph.transitions.filter((candidate) => candidate.from === handler.id && candidate.events.some((ref) => ref.event === type));
        const stays = handler.accepts.some((ref) => ref.event === type);
        if (moves.length === 0 && !stays) continue;
        for (const move of moves) triples.add(`${leaf.id} ${type} ${leafOf(move.to)}`);
        if (stays) triples.add(`${leaf.id} ${type} ${leaf.id}`);
        break;
      }
    }
  }
  return triples;
}

describe.each(machineNames.map((name) => [name, machines[name].machine] as const))("the graph of %s", (_name, machine) => {
  const graph = machineGraph(machine);

  it("has exactly the machine's states, each under its parent", () => {
    const expected = statesByXstateGraph(machine);
    expect(graph.states.map((state) => state.id).sort()).toEqual(expected.map((state) => state.id).sort());
    for (const state of graph.states) {
      expect(state.parent, state.id).toBe(state.id.includes(".") ? state.id.slice(0, state.id.lastIndexOf(".")) : null);
      expect(state.kind === "final", state.id).toBe(expected.find((candidate) => candidate.id === state.id)!.final);
    }
    expect(graph.initial).toBe(stateIdOf(machine.getInitialSnapshot(null as never).value as StateValue).split(".")[0]);
  });

  it("has exactly the machine's transitions: what every state does with every event", () => {
    expect([...triplesOfGraph(graph)].sort()).toEqual([...triplesByRunning(machine)].sort());
  });

  it("keeps events that do not leave a state off the edges, and groups the others per pair of states", () => {
    for (const edge of graph.transitions) {
      expect(edge.from).not.toBe(edge.to);
      expect(edge.id).toBe(`${edge.from}->${edge.to}`);
    }
    expect(new Set(graph.transitions.map((edge) => edge.id)).size).toBe(graph.transitions.length);
  });

  it("knows every event the machine handles", () => {
    expect([...graph.eventTypes].sort()).toEqual([...machine.root.events].sort());
  });
});

describe("the KMS key lifecycle as a graph", () => {
  const graph = machineGraph(machines["kms-key"].machine);
  const state = (id: string) => graph.states.find((candidate) => candidate.id === id)!;

  it("has the five key states AWS reports (Deleted being the end), with PendingDeletion split by whether there is key material", () => {
    expect(graph.states.filter((candidate) => candidate.parent === null).map((candidate) => candidate.id)).toEqual(["Enabled", "Disabled", "PendingImport", "PendingDeletion", "Deleted"]);
    expect(state("PendingDeletion").children).toEqual(["PendingDeletion.WithKeyMaterial", "PendingDeletion.AwaitingImport"]);
    expect(state("PendingDeletion.WithKeyMaterial")).toMatchObject({ initial: true, depth: 1 });
    expect(state("PendingDeletion.AwaitingImport").facts).toContainEqual({ name: "keyState", value: "PendingDeletion" });
  });

  it("lists the events a state accepts without leaving it, such as cryptographic use of an enabled key", () => {
    expect(state("Enabled").accepts.map((ref) => ref.event)).toEqual(["key.enable", "key.use", "key.modify", "key.configureRotation", "key.rotateOnDemand", "key.readRotation", "key.importMaterial"]);
    expect(state("PendingImport").accepts.map((ref) => ref.event)).toEqual(["key.modify"]);
  });

  it("groups ScheduleKeyDeletion from Enabled and from Disabled, and CancelKeyDeletion back to Disabled or PendingImport", () => {
    const edges = Object.fromEntries(graph.transitions.map((edge) => [edge.id, edge.events.map((ref) => ref.event)]));
    expect(edges).toEqual({
      "Enabled->Disabled": ["key.disable"],
      "Enabled->PendingDeletion.WithKeyMaterial": ["key.scheduleDeletion"],
      "Enabled->PendingImport": ["key.removeMaterial"],
      "Disabled->Enabled": ["key.enable"],
      "Disabled->PendingDeletion.WithKeyMaterial": ["key.scheduleDeletion"],
      "Disabled->PendingImport": ["key.removeMaterial"],
      "PendingImport->PendingDeletion.AwaitingImport": ["key.scheduleDeletion"],
      "PendingImport->Enabled": ["key.importMaterial"],
      "PendingDeletion->Deleted": ["key.delete"],
      "PendingDeletion.WithKeyMaterial->Disabled": ["key.cancelDeletion"],
      "PendingDeletion.WithKeyMaterial->PendingDeletion.AwaitingImport": ["key.removeMaterial"],
      "PendingDeletion.AwaitingImport->PendingImport": ["key.cancelDeletion"],
    });
  });

  it("carries the refusals of the key-state table, nested states inheriting their parent's", () => {
    expect(state("Disabled").refusals).toContainEqual({ event: "key.use", code: "DisabledException", message: "{keyArn} is disabled." });
    expect(state("PendingDeletion.WithKeyMaterial").refusals).toContainEqual({ event: "key.use", code: "KMSInvalidStateException", message: "{keyArn} is pending deletion." });
    expect(state("PendingDeletion.AwaitingImport").refusals).toContainEqual(expect.objectContaining({ event: "key.readRotation", code: "UnsupportedOperationException" }));
  });
});

describe("the other machines' meta", () => {
  it("reads a state-wide error (Secrets Manager) and [code, message] refusals (Parameter Store)", () => {
    const secret = machineGraph(machines["secret-lifecycle"].machine);
    expect(secret.states.find((state) => state.id === "PendingDeletion")!.refusals).toEqual([
      { event: null, code: "InvalidRequestException", message: "You can't perform this operation on the secret because it was marked for deletion." },
    ]);
    const parameter = machineGraph(machines["ssm-parameter"].machine);
    expect(parameter.states.find((state) => state.id === "Advanced")!.refusals.map((refusal) => [refusal.event, refusal.code])).toEqual([
      ["parameter.create", "ParameterAlreadyExists"],
      ["parameter.overwrite", "ValidationException"],
    ]);
    expect(parameter.transitions.find((edge) => edge.id === "Absent->Standard")!.events).toEqual([
      { event: "parameter.create", guard: "toStandard" },
      { event: "parameter.overwrite", guard: "toStandard" },
    ]);
  });
});

describe("naming states and the transition just taken", () => {
  const graph = machineGraph(machines["kms-key"].machine);

  it("turns xstate state values into graph ids", () => {
    expect(stateIdOf("Enabled")).toBe("Enabled");
    expect(stateIdOf({ PendingDeletion: "AwaitingImport" })).toBe("PendingDeletion.AwaitingImport");
  });

  it("finds the transition between two states given at any depth", () => {
    expect(transitionBetween(graph, "Enabled", "Disabled")?.id).toBe("Enabled->Disabled");
    expect(transitionBetween(graph, "Enabled", "PendingDeletion")?.id).toBe("Enabled->PendingDeletion.WithKeyMaterial");
    expect(transitionBetween(graph, "PendingDeletion.WithKeyMaterial", "Deleted")?.id).toBe("PendingDeletion->Deleted");
    expect(transitionBetween(graph, "PendingDeletion.AwaitingImport", "PendingImport")?.id).toBe("PendingDeletion.AwaitingImport->PendingImport");
    expect(transitionBetween(graph, "Deleted", "Enabled")).toBeUndefined();
  });
});
