import { describe, expect, it } from "vitest";
import { ROTATION_STEPS } from "@/lib/sandbox/lambda/state";
import { applyLifecycle, applyRotation, initialStates, syncRotationWithLabels } from "@/lib/sandbox/secrets-manager/lifecycle";
import { ROTATION_MACHINE_STATES, rotationMachine, type RotationMeta } from "@/lib/sandbox/secrets-manager/rotation.machine";
import { SECRET_LIFECYCLE_STATES, SECRET_RECORD_STATES, secretLifecycleMachine } from "@/lib/sandbox/secrets-manager/secret.machine";
import { secretSchema, type SecretRecord } from "@/lib/sandbox/secrets-manager/state";

/**
 * The machines are the one definition of the secret's states: the exported
 * lists (and the types and snapshot enums built from them) must name exactly
 * the machines' states, and only lifecycle.ts writes them.
 */

describe("the secret lifecycle machine's states", () => {
  it("are the exported list, in the machine's order", () => {
    expect(Object.keys(secretLifecycleMachine.root.states)).toEqual([...SECRET_LIFECYCLE_STATES]);
  });

  it("a stored secret is in any state but the final one, which removes the record", () => {
    const nonFinal = Object.entries(secretLifecycleMachine.root.states)
      .filter(([, node]) => node.type !== "final")
      .map(([name]) => name);
    expect(nonFinal).toEqual([...SECRET_RECORD_STATES]);
    expect(secretSchema.shape.lifecycle.options).toEqual([...SECRET_RECORD_STATES]);
  });
});

describe("the rotation machine's states", () => {
  it("are the exported list, in the machine's order", () => {
    expect(Object.keys(rotationMachine.root.states)).toEqual([...ROTATION_MACHINE_STATES]);
    expect(secretSchema.shape.rotation.shape.state.options).toEqual([...ROTATION_MACHINE_STATES]);
  });

  it("has one state per rotation function step, in the order the steps run", () => {
    const steps = Object.entries(rotationMachine.root.states).flatMap(([name, node]) => {
      const step = (node.meta as RotationMeta | undefined)?.step;
      return step === undefined ? [] : [{ name, step }];
    });
    expect(steps.map((entry) => entry.name)).toEqual([...ROTATION_STEPS]);
    expect(steps.every((entry) => entry.name === entry.step)).toBe(true);
  });
});

function secretIn(lifecycle: SecretRecord["lifecycle"], rotation: SecretRecord["rotation"]["state"], stages: string[][] = []): SecretRecord {
  return {
    arn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:app-AbCdEf",
    name: "app",
    createdAt: 0,
    lastChangedAt: 0,
    tags: [],
    versions: stages.map((labels, index) => ({ versionId: `v${index}`, stages: labels, createdAt: 0 })),
    lifecycle,
    rotation: { configured: true, enabled: true, state: rotation },
  };
}

describe("writing the machines' states (lifecycle.ts)", () => {
  it("a new secret starts in the machines' initial states", () => {
    expect(initialStates()).toEqual({ lifecycle: "Active", rotation: "idle" });
  });

  it("applyLifecycle writes the state the machine moves to, but not the final one", () => {
    const secret = secretIn("Active", "idle");
    expect(applyLifecycle(secret, "secret.delete")).toBe("PendingDeletion");
    expect(secret.lifecycle).toBe("PendingDeletion");
    expect(() => applyLifecycle(secret, "secret.modify")).toThrow("marked for deletion");
    expect(secret.lifecycle).toBe("PendingDeletion");
    expect(applyLifecycle(secret, "secret.windowElapsed")).toBe("Deleted");
    expect(secret.lifecycle).toBe("PendingDeletion");
    expect(applyLifecycle(secret, "secret.restore")).toBe("Active");
    expect(secret.lifecycle).toBe("Active");
  });

  it("applyRotation writes the next state, or throws the machine's error and writes nothing", () => {
    const secret = secretIn("Active", "idle");
    expect(applyRotation(secret, "rotation.start")).toBe("createSecret");
    expect(() => applyRotation(secret, "rotation.start")).toThrow("A previous rotation isn't complete.");
    expect(secret.rotation.state).toBe("createSecret");
  });

  it("syncRotationWithLabels follows AWSPENDING, except while a step runs", () => {
    const pending = secretIn("Active", "idle", [["AWSCURRENT"], ["AWSPENDING"]]);
    syncRotationWithLabels(pending);
    expect(pending.rotation).toMatchObject({ state: "incomplete", token: "v1" });

    const cleared = secretIn("Active", "incomplete", [["AWSCURRENT", "AWSPENDING"]]);
    cleared.rotation.token = "v0";
    syncRotationWithLabels(cleared);
    expect(cleared.rotation.state).toBe("idle");
    expect(cleared.rotation.token).toBeUndefined();

    for (const step of ROTATION_STEPS) {
      const running = secretIn("Active", step, [["AWSCURRENT"], ["AWSPENDING"]]);
      running.rotation.token = "v1";
      syncRotationWithLabels(running);
      expect(running.rotation).toMatchObject({ state: step, token: "v1" });
    }
  });
});
