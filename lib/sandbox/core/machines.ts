import { transition, type AnyStateMachine, type ContextFrom, type EventFromLogic, type SnapshotFrom, type StateValue } from "xstate";

/**
 * Lifecycle machines drive plain, JSON-serialisable records: a record keeps
 * its machine state value (and whatever context the machine needs), and an
 * operation asks the machine whether an event is allowed in that state and
 * what the next state is. The machine is the single source of truth for what
 * is legal; the operation turns a refusal into AWS's error.
 */
export interface MachineStep<M extends AnyStateMachine> {
  accepted: boolean;
  before: SnapshotFrom<M>;
  after: SnapshotFrom<M>;
}

export function stepMachine<M extends AnyStateMachine>(
  machine: M,
  value: StateValue,
  context: ContextFrom<M>,
  event: EventFromLogic<M>,
): MachineStep<M> {
  const before = machine.resolveState({ value, context }) as SnapshotFrom<M>;
  if (!(before as { can(event: unknown): boolean }).can(event)) return { accepted: false, before, after: before };
  const [after] = transition(machine, before, event);
  return { accepted: true, before, after: after as SnapshotFrom<M> };
}

/**
 * The state value a record driven by `M` holds, as xstate infers it from the
 * machine's config: a union of state names, and `{ Parent: child }` for a
 * state with substates.
 */
export type StateValueOf<M extends AnyStateMachine> = SnapshotFrom<M>["value"];

/** The names of `M`'s top-level states, as xstate infers them from the machine's config. */
export type TopLevelStateOf<M extends AnyStateMachine> = StateValueOf<M> extends infer V ? (V extends string ? V : keyof V & string) : never;

type ListsAll<All extends string, Listed extends string> = [Exclude<All, Listed>] extends [never] ? unknown : { "missing states": Exclude<All, Listed> };

/**
 * A machine's top-level state names as a list, for what needs them at run
 * time (snapshot schemas' enums, drawings). The list is checked at compile
 * time against the names xstate infers from the machine's config: a name that
 * is not a state, or a state left out, does not compile. Write the names in
 * the config's order; the machine's tests check the list against
 * `machine.root.states` at run time too.
 */
export function stateNames<M extends AnyStateMachine, const Names extends readonly TopLevelStateOf<M>[]>(
  _machine: M,
  names: Names & ListsAll<TopLevelStateOf<M>, Names[number]>,
): Names {
  return names;
}

/** The `meta` objects of the state nodes a snapshot is in, merged (deepest wins). */
export function metaOf<T extends object>(snapshot: { getMeta(): Record<string, unknown> }): T {
  return Object.assign({}, ...Object.values(snapshot.getMeta()).filter((meta): meta is object => typeof meta === "object" && meta !== null)) as T;
}

/**
 * One refusal format for every service's machines: a state's meta lists, by
 * event type, the AWS error for the events it does not accept; "*" stands
 * for every event it does not name. Messages may hold placeholders the
 * caller fills in (`{keyArn}`, `{name}`).
 */
export interface Refusal {
  code: string;
  message: string;
}
export type Refusals<EventType extends string> = Partial<Record<EventType | "*", Refusal>>;

/** The refusal a state's meta names for an event (the event's own, else "*"). */
export function refusalFor(meta: { refusals?: Partial<Record<string, Refusal>> }, eventType: string): Refusal | undefined {
  return meta.refusals?.[eventType] ?? meta.refusals?.["*"];
}
