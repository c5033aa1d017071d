import { machineGraph, selfAndAncestors, stateIdOf, transitionBetween, type GraphState, type MachineGraph, type StateRef } from "./machine-graph";
import { layoutMachine, type MachineLayout } from "./machine-layout";
import { describeEvent, machines, type MachineEntry, type MachineName } from "./machines";

/**
 * Everything a renderer needs to draw a registered machine: its graph, its
 * layout and the same graph in words (the text equivalent), plus which
 * state is current and which transition was just taken. Pure and cached per
 * machine and mode, so a server render and a client render agree.
 */
export interface MachineDiagramModel {
  name: MachineName;
  title: string;
  description: string;
  graph: MachineGraph;
  layout: MachineLayout;
  text: MachineText;
}

export interface MachineText {
  /** One entry per state, nested states under their parent. */
  states: StateText[];
  /** "DisableKey: Enabled → Disabled", one line per event and transition. */
  transitions: { id: string; transition: string; event: string; line: string }[];
}

export interface StateText {
  id: string;
  name: string;
  /** "initial", "final", "KeyState: PendingDeletion", ... */
  notes: string[];
  description?: string;
  accepts: string[];
  refusals: string[];
  children: StateText[];
}

/** How a state is named in words: nested states with their parent, "PendingDeletion (WithKeyMaterial)". */
export function stateName(id: string): string {
  const [top, ...rest] = id.split(".");
  return rest.length === 0 ? top! : `${top} (${rest.join(", ")})`;
}

function factLines(entry: MachineEntry, graph: MachineGraph, state: GraphState): string[] {
  const parent = graph.states.find((candidate) => candidate.id === state.parent);
  return state.facts.flatMap((fact) => {
    const shownAs = entry.facts?.[fact.name];
    if (!shownAs) return [];
    // Said already by the state's own name, or by the box it sits in.
    if (fact.value === state.key) return [];
    if (parent?.facts.some((other) => other.name === fact.name && other.value === fact.value)) return [];
    return [`${shownAs}: ${fact.value}`];
  });
}

function startsOf(entry: MachineEntry, graph: MachineGraph) {
  return [{ state: graph.initial, label: entry.start }, ...(entry.otherStarts ?? [])];
}

function textOf(entry: MachineEntry, graph: MachineGraph): MachineText {
  const starts = startsOf(entry, graph);
  const describe = (state: GraphState): StateText => {
    const parent = graph.states.find((candidate) => candidate.id === state.parent);
    const notes: string[] = [];
    const start = starts.find((candidate) => candidate.state === state.id);
    if (start) notes.push(start.label ? `start: ${start.label}` : "initial state");
    if (state.kind === "final") notes.push("final: nothing leaves it");
    notes.push(...factLines(entry, graph, state));
    return {
      id: state.id,
      name: state.key,
      notes,
      ...(state.description === undefined ? {} : { description: state.description }),
      accepts: state.accepts.map((ref) => describeEvent(entry, ref)),
      // A nested state inherits its parent's refusals: list only what it adds or changes.
      refusals: state.refusals
        .filter((refusal) => !parent?.refusals.some((other) => other.event === refusal.event && other.code === refusal.code))
        .map((refusal) => `${refusal.event === null ? "anything else" : describeEvent(entry, { event: refusal.event })}: ${refusal.code}`),
      children: graph.states.filter((child) => child.parent === state.id).map(describe),
    };
  };
  return {
    states: graph.states.filter((state) => state.parent === null).map(describe),
    transitions: graph.transitions.flatMap((transition) =>
      transition.events.map((ref, index) => ({
        id: `${transition.id}#${index}`,
        transition: transition.id,
        event: describeEvent(entry, ref),
        line: `${describeEvent(entry, ref)}: ${stateName(transition.from)} → ${stateName(transition.to)}`,
      })),
    ),
  };
}

const cache = new Map<string, MachineDiagramModel>();

export function machineDiagram(name: MachineName, compact: boolean): MachineDiagramModel {
  const key = `${name}:${compact}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const entry = machines[name];
  const graph = machineGraph(entry.machine);
  const layout = layoutMachine({
    graph,
    compact,
    eventLabel: (ref) => describeEvent(entry, ref),
    factLines: (state) => factLines(entry, graph, state),
    starts: startsOf(entry, graph),
  });
  const model = { name, title: entry.title, description: entry.description, graph, layout, text: textOf(entry, graph) };
  cache.set(key, model);
  return model;
}

export interface Highlight {
  /** The current state and its ancestors (a nested state is also in its parent). */
  active: ReadonlySet<string>;
  /** The current state as the graph names it, if it is one of the machine's. */
  current: string | undefined;
  /** The transition from `previous` to `current`, to animate. */
  taken: string | undefined;
}

/** Resolves `current` and `previous` (graph ids or xstate state values) against the graph; unknown states highlight nothing. */
export function highlightOf(graph: MachineGraph, current?: StateRef, previous?: StateRef): Highlight {
  const known = new Set(graph.states.map((state) => state.id));
  const currentId = current === undefined ? undefined : stateIdOf(current);
  if (currentId === undefined || !known.has(currentId)) return { active: new Set(), current: undefined, taken: undefined };
  const previousId = previous === undefined ? undefined : stateIdOf(previous);
  const taken = previousId !== undefined && known.has(previousId) && previousId !== currentId ? transitionBetween(graph, previousId, currentId)?.id : undefined;
  return { active: new Set(selfAndAncestors(currentId)), current: currentId, taken };
}
