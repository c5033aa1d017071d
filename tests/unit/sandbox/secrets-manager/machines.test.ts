import { getShortestPaths } from "@xstate/graph";
import { describe, expect, it } from "vitest";
import type { AnyStateMachine } from "xstate";
import { DAY } from "@/lib/sandbox/core/time";
import { metaOf, stepMachine, refusalFor } from "@/lib/sandbox/core/machines";
import { setRotationFunctionFault } from "@/lib/sandbox/lambda";
import { ROTATION_STEPS } from "@/lib/sandbox/lambda/state";
import { rotationMachine, type RotationEvent, type RotationMeta } from "@/lib/sandbox/secrets-manager/rotation.machine";
import { secretLifecycleMachine, type LifecycleMeta, type SecretLifecycleEvent } from "@/lib/sandbox/secrets-manager/secret.machine";
import { failure, record, rotationScenario, sandbox, sm, versionWith } from "./helpers";

/**
 * Model-based tests: every transition of each machine, reached by the
 * shortest path to its source state, is replayed against the engine through
 * the operations that correspond to the events; the engine's record must be
 * in the state the machine predicts after every step. Events a state refuses
 * must fail in the engine with the error the state's meta names.
 */

type Transition<E> = { path: { event: E; target: string }[] };

/** For each state reachable from the initial one, and each event it accepts: the shortest path there plus that event. */
function allTransitions<E extends { type: string }>(machine: AnyStateMachine, events: readonly E[]): Transition<E>[] {
  const transitions: Transition<E>[] = [];
  for (const path of getShortestPaths(machine, { events: events as never })) {
    const prefix = path.steps.slice(1).map((step) => ({ event: step.event as unknown as E, target: String(step.state.value) }));
    for (const event of events) {
      const next = stepMachine(machine, path.state.value, {}, event as never);
      if (next.accepted) transitions.push({ path: [...prefix, { event, target: String(next.after.value) }] });
    }
  }
  return transitions;
}

function refusals<E extends { type: string }>(machine: AnyStateMachine, events: readonly E[]) {
  const refused: { state: string; prefix: { event: E; target: string }[]; event: E }[] = [];
  for (const path of getShortestPaths(machine, { events: events as never })) {
    const prefix = path.steps.slice(1).map((step) => ({ event: step.event as unknown as E, target: String(step.state.value) }));
    for (const event of events) {
      if (!stepMachine(machine, path.state.value, {}, event as never).accepted) refused.push({ state: String(path.state.value), prefix, event });
    }
  }
  return refused;
}

const label = (path: { event: { type: string }; target: string }[]) => path.map((step) => `${step.event.type} -> ${step.target}`).join(", ");

describe("the secret lifecycle machine, against the engine", () => {
  const events: SecretLifecycleEvent[] = [{ type: "secret.modify" }, { type: "secret.delete" }, { type: "secret.forceDelete" }, { type: "secret.restore" }, { type: "secret.windowElapsed" }];

  function drive(box: ReturnType<typeof sandbox>, event: SecretLifecycleEvent["type"]) {
    switch (event) {
      case "secret.modify":
        return sm(box, "PutSecretValue", { SecretId: "app", SecretString: `v-${box.now}` });
      case "secret.delete":
        return sm(box, "DeleteSecret", { SecretId: "app", RecoveryWindowInDays: 7 });
      case "secret.forceDelete":
        return sm(box, "DeleteSecret", { SecretId: "app", ForceDeleteWithoutRecovery: true });
      case "secret.restore":
        return sm(box, "RestoreSecret", { SecretId: "app" });
      case "secret.windowElapsed":
        return box.advanceClock(7 * DAY);
    }
  }

  function observed(box: ReturnType<typeof sandbox>): string {
    const secret = Object.values(box.regionState().secretsManager.secrets).find((candidate) => candidate.name === "app");
    return secret ? secret.lifecycle : "Deleted";
  }

  const transitions = allTransitions(secretLifecycleMachine, events);

  it("covers every transition of the machine", () => {
    const covered = new Set(transitions.map(({ path }) => `${path.at(-2)?.target ?? "Active"}:${path.at(-1)?.event.type}`));
    expect([...covered].sort()).toEqual(
      [
        "Active:secret.delete",
        "Active:secret.forceDelete",
        "Active:secret.modify",
        "Active:secret.restore",
        "PendingDeletion:secret.forceDelete",
        "PendingDeletion:secret.restore",
        "PendingDeletion:secret.windowElapsed",
      ].sort(),
    );
  });

  for (const { path } of transitions) {
    it(`reaches each state of: ${label(path)}`, () => {
      const box = sandbox();
      sm(box, "CreateSecret", { Name: "app", SecretString: "v0" });
      for (const step of path) {
        drive(box, step.event.type);
        expect(observed(box)).toBe(step.target);
      }
    });
  }

  for (const { state, prefix, event } of refusals(secretLifecycleMachine, events)) {
    if (state === "Deleted" || event.type === "secret.windowElapsed") continue;
    it(`${state} refuses ${event.type} with the error in its meta`, () => {
      const box = sandbox();
      sm(box, "CreateSecret", { Name: "app", SecretString: "v0" });
      for (const step of prefix) drive(box, step.event.type);
      const before = secretLifecycleMachine.resolveState({ value: state, context: {} });
      const meta = refusalFor(metaOf<LifecycleMeta>(before), event.type);
      expect(failure(() => drive(box, event.type))).toEqual({ code: meta?.code, message: meta?.message });
      expect(observed(box)).toBe(state);
    });
  }

  it("Deleted is final: the secret is gone", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "app", SecretString: "v0" });
    drive(box, "secret.forceDelete");
    expect(failure(() => drive(box, "secret.restore")).code).toBe("ResourceNotFoundException");
  });
});

describe("the rotation machine, against the engine", () => {
  const events: RotationEvent[] = [
    { type: "rotation.start" },
    { type: "rotation.schedule" },
    { type: "rotation.resume" },
    { type: "rotation.stepSucceeded" },
    { type: "rotation.stepFailed" },
    { type: "rotation.pendingSet" },
    { type: "rotation.pendingCleared" },
  ];
  const resting = new Set(["idle", "incomplete"]);
  const APP = "prod/mydb/app";

  function setup() {
    const box = sandbox();
    const { functionArn } = rotationScenario(box, "single-user");
    // Configure rotation (with a daily schedule for resumes) without rotating: rotation.schedule from idle.
    sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn, RotationRules: { AutomaticallyAfterDays: 1 }, RotateImmediately: false });
    return { box, functionArn };
  }

  /**
   * Replays a path. A run (start or resume) and the step events after it become one engine action: a
   * fault is injected at the step that fails, or, when the path ends inside the run, at the step the path
   * ends in (the rotation cannot be paused), which is then checked to be the last step invoked.
   */
  function replay(path: { event: RotationEvent; target: string }[]) {
    const scenario = setup();
    const { box, functionArn } = scenario;
    let index = 0;
    while (index < path.length) {
      const step = path[index]!;
      const type = step.event.type;
      if (type === "rotation.start" || type === "rotation.resume") {
        let end = index + 1;
        while (end < path.length && !resting.has(path[end - 1]!.target)) end++;
        const run = path.slice(index, end);
        const last = run.at(-1)!;
        const endsInside = !resting.has(last.target);
        const failedStep = last.event.type === "rotation.stepFailed" ? ROTATION_STEPS[run.length - 2] : endsInside ? (last.target as (typeof ROTATION_STEPS)[number]) : undefined;
        setRotationFunctionFault(box, functionArn, failedStep ? { step: failedStep, message: `stop at ${failedStep}` } : undefined);
        if (type === "rotation.start") sm(box, "RotateSecret", { SecretId: APP });
        else box.advanceClock(DAY);
        const attempt = record(box, APP).rotation.lastAttempt;
        // Every state of the run was entered: the function was invoked for each step the path visits.
        const visited = run.map((entry) => entry.target).filter((target) => !resting.has(target));
        expect(attempt?.steps.map((entry) => entry.step)).toEqual(visited);
        if (!endsInside) expect(record(box, APP).rotation.state).toBe(last.target);
        index = end;
        continue;
      }
      if (type === "rotation.schedule") sm(box, "RotateSecret", { SecretId: APP, RotateImmediately: false });
      if (type === "rotation.pendingSet") {
        const current = JSON.parse(String(sm(box, "GetSecretValue", { SecretId: APP })["SecretString"])) as object;
        sm(box, "PutSecretValue", { SecretId: APP, SecretString: JSON.stringify({ ...current, password: "Manual-2" }), VersionStages: ["AWSPENDING"] });
      }
      if (type === "rotation.pendingCleared") {
        sm(box, "UpdateSecretVersionStage", { SecretId: APP, VersionStage: "AWSPENDING", RemoveFromVersionId: versionWith(box, APP, "AWSPENDING") });
      }
      expect(record(box, APP).rotation.state).toBe(step.target);
      index++;
    }
    return scenario;
  }

  const transitions = allTransitions(rotationMachine, events);

  it("covers every transition of the machine", () => {
    const covered = new Set(transitions.map(({ path }) => `${path.at(-2)?.target ?? "idle"}:${path.at(-1)?.event.type}`));
    const expected = ["idle", "createSecret", "setSecret", "testSecret", "finishSecret", "incomplete"].flatMap((state) =>
      events.filter((event) => stepMachine(rotationMachine, state, {}, event).accepted).map((event) => `${state}:${event.type}`),
    );
    expect(expected).toHaveLength(13);
    expect([...covered].sort()).toEqual(expected.sort());
  });

  for (const { path } of transitions) {
    it(`replays: ${label(path)}`, () => replay(path));
  }

  for (const { state, prefix, event } of refusals(rotationMachine, events)) {
    if (state !== "incomplete" || (event.type !== "rotation.start" && event.type !== "rotation.schedule")) continue;
    it(`incomplete refuses ${event.type}: RotateSecret fails with the error in the state's meta`, () => {
      const { box } = replay(prefix);
      expect(record(box, APP).rotation.state).toBe("incomplete");
      const meta = refusalFor(metaOf<RotationMeta>(rotationMachine.resolveState({ value: state, context: {} })), event.type);
      const error = failure(() => sm(box, "RotateSecret", { SecretId: APP, ...(event.type === "rotation.schedule" ? { RotateImmediately: false } : {}) }));
      expect(error).toEqual({ code: meta?.code, message: meta?.message });
      expect(record(box, APP).rotation.state).toBe("incomplete");
    });
  }
});
