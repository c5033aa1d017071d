import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths } from "@xstate/graph";
import { describe, expect, it } from "vitest";
import { DAY } from "@/lib/sandbox/core/time";
import type { Sandbox } from "@/lib/sandbox/index";
import { keyLifecycleMachine, type KeyLifecycleEvent } from "@/lib/sandbox/kms/key.machine";
import { keyRotationMachine, type RotationEvent } from "@/lib/sandbox/kms/rotation.machine";
import type { KmsKeyRecord } from "@/lib/sandbox/kms/state";
import { constants, createPublicKey, publicEncrypt } from "node:crypto";
import { fromBase64 } from "@/lib/sandbox/core/encoding";
import { ACCOUNT, b64, createKey, newSandbox, REGION } from "./helpers";

/**
 * Model-based tests: every transition of each KMS machine, reached by its
 * shortest path, is driven through the ENGINE with the operations that
 * correspond to the events, and the key record must end in the state the
 * machine predicts.
 */

const record = (sandbox: Sandbox, keyId: string): KmsKeyRecord | undefined => sandbox.peek().accounts[ACCOUNT]?.regions[REGION]?.kms.keys[keyId];

type AnySnapshot = { value: unknown };
const serialize = (snapshot: AnySnapshot) => JSON.stringify(snapshot.value);

/** Every transition, with the shortest path to its source state from the root the key starts in. */
function transitionsOf<E extends { type: string }>(
  machine: Parameters<typeof getShortestPaths>[0],
  roots: { name: string; snapshot: AnySnapshot; drives?: (event: E) => boolean }[],
) {
  const out: { root: string; path: E[]; from: unknown; event: E; to: unknown }[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    const options = { fromState: root.snapshot } as Parameters<typeof getShortestPaths>[1];
    const paths = new Map(getShortestPaths(machine, options).map((path) => [serialize(path.state as AnySnapshot), path.steps.map((step) => step.event as E)]));
    for (const { state, event, nextState } of adjacencyMapToArray(getAdjacencyMap(machine, options as never))) {
      const id = `${serialize(state as AnySnapshot)} ${(event as E).type}`;
      if (seen.has(id)) continue;
      const path = paths.get(serialize(state as AnySnapshot));
      if (!path) throw new Error(`no path to ${serialize(state as AnySnapshot)}`);
      // A root drives a transition only if it can send every event on the way.
      if (root.drives && ![...path, event as E].every(root.drives)) continue;
      seen.add(id);
      out.push({ root: root.name, path, from: (state as AnySnapshot).value, event: event as E, to: (nextState as AnySnapshot).value });
    }
  }
  return out;
}

describe("the key lifecycle machine, through the engine", () => {
  // Only keys created for imported material take or lose it; only keys with AWS_KMS material rotate automatically.
  const materialEvents = new Set(["key.importMaterial", "key.removeMaterial"]);
  const roots = [
    { name: "AWS_KMS", snapshot: keyLifecycleMachine.resolveState({ value: "Enabled", context: {} }), drives: (event: KeyLifecycleEvent) => !materialEvents.has(event.type) },
    { name: "EXTERNAL", snapshot: keyLifecycleMachine.resolveState({ value: "PendingImport", context: {} }) },
  ];
  /** The same material every time, so an import into a key that had material is a reimport. */
  const material = Buffer.alloc(32, 7);
  const transitions = transitionsOf<KeyLifecycleEvent>(keyLifecycleMachine, roots);

  /** The operation (or passage of time) that sends each event to a key. */
  function drive(sandbox: Sandbox, keyId: string, event: KeyLifecycleEvent): void {
    const call = (operation: string, input: Record<string, unknown> = {}) => sandbox.call("kms", operation, { KeyId: keyId, ...input } as never);
    switch (event.type) {
      case "key.enable":
        return void call("EnableKey");
      case "key.disable":
        return void call("DisableKey");
      case "key.scheduleDeletion":
        return void call("ScheduleKeyDeletion", { PendingWindowInDays: 7 });
      case "key.cancelDeletion":
        return void call("CancelKeyDeletion");
      case "key.delete":
        return void sandbox.advanceClock(7 * DAY);
      case "key.use":
        return void call("Encrypt", { Plaintext: b64("x") });
      case "key.modify":
        return void call("UpdateKeyDescription", { Description: "changed" });
      case "key.configureRotation":
        return void call("EnableKeyRotation");
      case "key.rotateOnDemand":
        return void call("RotateKeyOnDemand");
      case "key.readRotation":
        return void call("GetKeyRotationStatus");
      case "key.importMaterial": {
        const issued = call("GetParametersForImport", { WrappingAlgorithm: "RSAES_OAEP_SHA_256", WrappingKeySpec: "RSA_2048" });
        const publicKey = createPublicKey({ key: Buffer.from(fromBase64(String(issued.PublicKey))), format: "der", type: "spki" });
        const wrapped = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, material).toString("base64");
        return void call("ImportKeyMaterial", { ImportToken: issued.ImportToken, EncryptedKeyMaterial: wrapped, ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" });
      }
      case "key.removeMaterial":
        return void call("DeleteImportedKeyMaterial");
    }
  }

  it("covers every state and every event", () => {
    const states = new Set(transitions.flatMap((transition) => [JSON.stringify(transition.from), JSON.stringify(transition.to)]));
    expect(states).toEqual(
      new Set(['"Enabled"', '"Disabled"', '"PendingImport"', '{"PendingDeletion":"WithKeyMaterial"}', '{"PendingDeletion":"AwaitingImport"}', '"Deleted"']),
    );
    const events = new Set(transitions.map((transition) => transition.event.type));
    expect(events.size).toBe(12);
  });

  for (const transition of transitions) {
    it(`${JSON.stringify(transition.from)} --${transition.event.type}--> ${JSON.stringify(transition.to)}`, () => {
      const sandbox = newSandbox();
      const { keyId } = createKey(sandbox, transition.root === "EXTERNAL" ? { Origin: "EXTERNAL" } : {});
      for (const event of transition.path) drive(sandbox, keyId, event);
      expect(record(sandbox, keyId)?.state).toEqual(transition.from);
      drive(sandbox, keyId, transition.event);
      if (transition.to === "Deleted") expect(record(sandbox, keyId)).toBeUndefined();
      else expect(record(sandbox, keyId)?.state).toEqual(transition.to);
    });
  }

  it("every event a state does not accept has AWS's refusal in the state's meta", () => {
    const allEvents = [
      "key.enable",
      "key.disable",
      "key.scheduleDeletion",
      "key.cancelDeletion",
      "key.use",
      "key.modify",
      "key.configureRotation",
      "key.rotateOnDemand",
      "key.readRotation",
      "key.importMaterial",
      "key.removeMaterial",
    ] as const;
    for (const value of ["Enabled", "Disabled", "PendingImport", { PendingDeletion: "WithKeyMaterial" }, { PendingDeletion: "AwaitingImport" }] as const) {
      const snapshot = keyLifecycleMachine.resolveState({ value, context: {} });
      const meta = Object.assign({}, ...Object.values(snapshot.getMeta())) as { refusals: Record<string, { code: string; message: string }> };
      for (const type of allEvents) {
        if (snapshot.can({ type })) continue;
        expect(meta.refusals[type], `${JSON.stringify(value)} refuses ${type}`).toMatchObject({ code: expect.any(String), message: expect.stringContaining("{keyArn}") });
      }
    }
  });
});

describe("the key rotation machine, through the engine", () => {
  const transitions = transitionsOf<RotationEvent>(keyRotationMachine, [{ name: "new key", snapshot: keyRotationMachine.resolveState({ value: "AutomaticRotationDisabled", context: {} }) }]);

  function drive(sandbox: Sandbox, keyId: string, event: RotationEvent): void {
    switch (event.type) {
      case "rotation.enable":
        return void sandbox.call("kms", "EnableKeyRotation", { KeyId: keyId, RotationPeriodInDays: 90 });
      case "rotation.disable":
        return void sandbox.call("kms", "DisableKeyRotation", { KeyId: keyId });
      case "rotation.rotate":
        return void sandbox.advanceClock(90 * DAY);
      case "rotation.rotateOnDemand":
        return void sandbox.call("kms", "RotateKeyOnDemand", { KeyId: keyId });
    }
  }

  it("covers both states and all four events", () => {
    expect(new Set(transitions.map((transition) => transition.event.type))).toEqual(new Set(["rotation.enable", "rotation.disable", "rotation.rotate", "rotation.rotateOnDemand"]));
    expect(new Set(transitions.map((transition) => transition.from))).toEqual(new Set(["AutomaticRotationDisabled", "AutomaticRotationEnabled"]));
  });

  for (const transition of transitions) {
    it(`${String(transition.from)} --${transition.event.type}--> ${String(transition.to)}`, () => {
      const sandbox = newSandbox();
      const { keyId } = createKey(sandbox);
      for (const event of transition.path) drive(sandbox, keyId, event);
      expect(record(sandbox, keyId)?.rotation.state).toBe(transition.from);
      const materials = record(sandbox, keyId)?.materials.length ?? 0;
      drive(sandbox, keyId, transition.event);
      expect(record(sandbox, keyId)?.rotation.state).toBe(transition.to);
      const rotates = transition.event.type === "rotation.rotate" || transition.event.type === "rotation.rotateOnDemand";
      expect(record(sandbox, keyId)?.materials.length).toBe(materials + (rotates ? 1 : 0));
    });
  }

  it("an automatic rotation is refused while automatic rotation is off (no material is added)", () => {
    expect(keyRotationMachine.resolveState({ value: "AutomaticRotationDisabled", context: {} }).can({ type: "rotation.rotate" })).toBe(false);
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    sandbox.advanceClock(1000 * DAY);
    expect(record(sandbox, keyId)?.materials).toHaveLength(1);
  });
});

describe("state names come from the machines", () => {
  it("the key and rotation state lists are the machines' states, and the snapshot schema accepts exactly them", async () => {
    const { KEY_STATES, PENDING_DELETION_SUBSTATES } = await import("@/lib/sandbox/kms/key.machine");
    const { ROTATION_STATES } = await import("@/lib/sandbox/kms/rotation.machine");
    const { kmsStateSchema } = await import("@/lib/sandbox/kms/state");
    expect(Object.keys(keyLifecycleMachine.root.states)).toEqual([...KEY_STATES]);
    expect(Object.keys(keyLifecycleMachine.root.states["PendingDeletion"]!.states)).toEqual([...PENDING_DELETION_SUBSTATES]);
    expect(Object.keys(keyRotationMachine.root.states)).toEqual([...ROTATION_STATES]);
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    const state = structuredClone(sandbox.peek().accounts[ACCOUNT]!.regions[REGION]!.kms);
    expect(kmsStateSchema.safeParse(state).success).toBe(true);
    state.keys[keyId]!.state = "Deleted" as never;
    expect(kmsStateSchema.safeParse(state).success).toBe(false);
    state.keys[keyId]!.state = { PendingDeletion: "AwaitingImport" };
    expect(kmsStateSchema.safeParse(state).success).toBe(true);
  });
});
