import type { AnyStateMachine, StateValue } from "xstate";

/**
 * A lifecycle machine read as a graph to draw: its states (nested ones with
 * their parent), the transitions between different states grouped per
 * (from, to), the events a state accepts without leaving it, and what its
 * `meta` says (description, AWS-visible fields, refusals). Everything comes
 * from the machine definition itself, so a drawing made from this graph
 * cannot disagree with what the engine enforces.
 */

/** An event, and the guard that must hold for it (xstate guard name), if any. */
export interface EventRef {
  event: string;
  guard?: string;
}

/** A scalar field of a state's meta other than its description, e.g. keyState: "Enabled". */
export interface StateFact {
  name: string;
  value: string;
}

/** The AWS error a state answers an event with; `event` null means any event the state does not accept. */
export interface Refusal {
  event: string | null;
  code: string;
  message: string;
}

export type StateKind = "atomic" | "compound" | "parallel" | "final" | "history";

export interface GraphState {
  /** The state's path joined with dots, e.g. "PendingDeletion.WithKeyMaterial". */
  id: string;
  /** The state's own key, e.g. "WithKeyMaterial". */
  key: string;
  parent: string | null;
  children: string[];
  /** 0 for top-level states. */
  depth: number;
  kind: StateKind;
  /** Whether it is the initial state of its parent (or of the machine). */
  initial: boolean;
  description?: string;
  /** Scalar meta fields, inherited from ancestors unless the state sets its own (as the engine reads meta). */
  facts: StateFact[];
  /** Events handled without leaving the state (self-transitions and targetless transitions). */
  accepts: EventRef[];
  /** The errors the state's meta names for events it refuses. */
  refusals: Refusal[];
}

export interface GraphTransition {
  /** `${from}->${to}` */
  id: string;
  from: string;
  to: string;
  /** Every event (with its guard) that moves from `from` to `to`, in definition order. */
  events: EventRef[];
}

export interface MachineGraph {
  machineId: string;
  /** Parents before their children, in definition order. */
  states: GraphState[];
  transitions: GraphTransition[];
  /** Every event type the machine handles somewhere, in definition order. */
  eventTypes: string[];
  /** The machine's initial top-level state. */
  initial: string;
}

/** The slice of xstate's StateNode this module reads. */
interface StateNodeView {
  key: string;
  path: string[];
  type: StateKind;
  meta?: unknown;
  states: Record<string, StateNodeView>;
  transitions: Map<string, { target?: readonly StateNodeView[] | undefined; guard?: unknown }[]>;
  initial?: { target: readonly StateNodeView[] } | undefined;
}

const idOf = (node: StateNodeView) => node.path.join(".");

function guardName(guard: unknown): string | undefined {
  if (guard === undefined || guard === null) return undefined;
  if (typeof guard === "string") return guard;
  if (typeof guard === "object" && "type" in guard && typeof guard.type === "string") return guard.type;
  if (typeof guard === "function") return guard.name || "guard";
  return "guard";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function refusalOf(value: unknown): { code: string; message: string } | undefined {
  if (isRecord(value) && typeof value.code === "string" && typeof value.message === "string") return { code: value.code, message: value.message };
  return undefined;
}

/** Meta as the engine reads it: the state's meta merged over its ancestors' (deepest wins, field by field). */
function effectiveMeta(chain: readonly StateNodeView[]): Record<string, unknown> {
  return Object.assign({}, ...chain.map((node) => (isRecord(node.meta) ? node.meta : {})));
}

function readMeta(meta: Record<string, unknown>): Pick<GraphState, "description" | "facts" | "refusals"> {
  const facts: StateFact[] = [];
  const refusals: Refusal[] = [];
  let description: string | undefined;
  for (const [name, value] of Object.entries(meta)) {
    if (name === "description" && typeof value === "string") description = value;
    else if (name === "refusals" && isRecord(value)) {
      // One refusal format (core/machines.ts): by event type, "*" for every event the state does not name.
      for (const [event, refusal] of Object.entries(value)) {
        const parsed = refusalOf(refusal);
        if (parsed) refusals.push({ event: event === "*" ? null : event, ...parsed });
      }
    } else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      facts.push({ name, value: String(value) });
    }
  }
  return { ...(description === undefined ? {} : { description }), facts, refusals };
}

/** Reads a machine's states and transitions from its definition (machine.root and each node's transitions). */
export function machineGraph(machine: AnyStateMachine): MachineGraph {
  const root = machine.root as unknown as StateNodeView;
  const states: GraphState[] = [];
  const transitions = new Map<string, GraphTransition>();
  const eventTypes: string[] = [];

  const visit = (node: StateNodeView, chain: StateNodeView[], parent: StateNodeView) => {
    const id = idOf(node);
    const initialTargets = parent.initial?.target ?? [];
    const state: GraphState = {
      id,
      key: node.key,
      parent: parent === root ? null : idOf(parent),
      children: Object.values(node.states).map(idOf),
      depth: node.path.length - 1,
      kind: node.type,
      initial: initialTargets.some((target) => target === node),
      ...readMeta(effectiveMeta(chain)),
      accepts: [],
    };
    states.push(state);

    for (const [event, definitions] of node.transitions) {
      if (!eventTypes.includes(event)) eventTypes.push(event);
      for (const definition of definitions) {
        const guard = guardName(definition.guard);
        const ref: EventRef = guard === undefined ? { event } : { event, guard };
        const targets = definition.target ?? [];
        if (targets.length === 0) state.accepts.push(ref);
        for (const target of targets) {
          const to = idOf(target);
          if (to === id) {
            state.accepts.push(ref);
            continue;
          }
          const key = `${id}->${to}`;
          const existing = transitions.get(key);
          if (existing) existing.events.push(ref);
          else transitions.set(key, { id: key, from: id, to, events: [ref] });
        }
      }
    }
    for (const child of Object.values(node.states)) visit(child, [...chain, child], node);
  };
  for (const child of Object.values(root.states)) visit(child, [child], root);

  const initial = root.initial?.target[0];
  if (!initial) throw new Error(`machine ${machine.id} has no initial state`);
  return { machineId: machine.id, states, transitions: [...transitions.values()], eventTypes, initial: idOf(initial) };
}

/** A state value as xstate and the engine's records hold it ("Enabled", { PendingDeletion: "WithKeyMaterial" }). */
export type StateRef = string | { readonly [key: string]: StateRef };

/** The graph id of a state value: "Enabled", or "PendingDeletion.WithKeyMaterial" for a nested one. */
export function stateIdOf(value: StateRef | StateValue): string {
  if (typeof value === "string") return value;
  const [key, child] = Object.entries(value)[0] ?? [];
  if (key === undefined) return "";
  return child === undefined ? key : `${key}.${stateIdOf(child as StateRef)}`;
}

/** The state and its ancestors, innermost first: "A.B.C" -> ["A.B.C", "A.B", "A"]. */
export function selfAndAncestors(id: string): string[] {
  const parts = id.split(".");
  return parts.map((_, index) => parts.slice(0, parts.length - index).join("."));
}

/**
 * The transition a learner just took from `previous` to `current`, either
 * given as the state itself or as an ancestor or descendant of it (a
 * workspace may only know the top-level state). Undefined when no single
 * transition of the graph joins them.
 */
export function transitionBetween(graph: MachineGraph, previous: string, current: string): GraphTransition | undefined {
  const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  const candidates = graph.transitions.filter((transition) => related(transition.from, previous) && related(transition.to, current));
  // The most specific one: its ends share the most path segments with the states given.
  const score = (transition: GraphTransition) => depthShared(transition.from, previous) + depthShared(transition.to, current);
  return candidates.sort((a, b) => score(b) - score(a))[0];
}

function depthShared(a: string, b: string): number {
  const left = a.split(".");
  const right = b.split(".");
  let shared = 0;
  while (shared < left.length && left[shared] === right[shared]) shared++;
  return shared;
}
