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

/** The `meta` objects of the state nodes a snapshot is in, merged (deepest wins). */
export function metaOf<T extends object>(snapshot: { getMeta(): Record<string, unknown> }): T {
  return Object.assign({}, ...Object.values(snapshot.getMeta()).filter((meta): meta is object => typeof meta === "object" && meta !== null)) as T;
}
