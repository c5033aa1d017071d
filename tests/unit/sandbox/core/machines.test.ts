import { describe, expect, it } from "vitest";
import { setup } from "xstate";
import { stateNames, stepMachine, type StateValueOf, type TopLevelStateOf } from "@/lib/sandbox/core/machines";

/**
 * `stateNames` ties a runtime list of state names to a machine: the names are
 * checked at compile time against the state values xstate infers from the
 * machine's config (the `@ts-expect-error` lines below are checked by
 * `tsc --noEmit`, which covers the tests).
 */

const doorMachine = setup({ types: { events: {} as { type: "open" } | { type: "close" } | { type: "lock" } } }).createMachine({
  id: "door",
  initial: "Closed",
  states: {
    Closed: { on: { open: "Open", lock: "Locked.Bolted" } },
    Open: { on: { close: "Closed" } },
    Locked: { initial: "Bolted", states: { Bolted: {}, Chained: {} } },
  },
});

describe("stateNames", () => {
  it("returns the list it is given, which names the machine's top-level states", () => {
    const names = stateNames(doorMachine, ["Closed", "Open", "Locked"]);
    expect(names).toEqual(["Closed", "Open", "Locked"]);
    expect(Object.keys(doorMachine.root.states)).toEqual([...names]);
  });

  it("refuses, at compile time, a list that leaves a state out or names one the machine does not have", () => {
    // @ts-expect-error Locked is missing.
    stateNames(doorMachine, ["Closed", "Open"]);
    // @ts-expect-error Ajar is not a state of the machine.
    stateNames(doorMachine, ["Closed", "Open", "Locked", "Ajar"]);
    expect(true).toBe(true);
  });

  it("types state values as xstate infers them from the config", () => {
    const value: StateValueOf<typeof doorMachine> = stepMachine(doorMachine, "Closed", {}, { type: "lock" }).after.value;
    expect(value).toEqual({ Locked: "Bolted" });
    const top: TopLevelStateOf<typeof doorMachine>[] = ["Closed", "Open", "Locked"];
    // @ts-expect-error Bolted is a substate, not a top-level state.
    const notTop: TopLevelStateOf<typeof doorMachine> = "Bolted";
    expect([top, notTop]).toHaveLength(2);
  });
});
