import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAwsServiceError, SandboxUsageError } from "@/lib/sandbox";
import { DAY } from "@/lib/sandbox/core/time";
import { record, rotationScenario, sandbox, sm, token } from "./helpers";

/**
 * Properties of the staging labels and of the engine as a whole, over
 * random sequences of operations.
 */

const STAGES = ["AWSCURRENT", "AWSPREVIOUS", "AWSPENDING", "blue"];

type Action =
  | { kind: "put"; n: number; stages?: string[] }
  | { kind: "move"; stage: string; to: number; from?: number }
  | { kind: "update"; n: number }
  | { kind: "get"; stage: string }
  | { kind: "rotate" }
  | { kind: "delete"; force: boolean }
  | { kind: "restore" }
  | { kind: "advance"; days: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant("put" as const), n: fc.integer({ min: 1, max: 8 }), stages: fc.option(fc.subarray(STAGES, { minLength: 1 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant("move" as const), stage: fc.constantFrom(...STAGES), to: fc.integer({ min: 0, max: 8 }), from: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant("update" as const), n: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant("get" as const), stage: fc.constantFrom(...STAGES) }),
  fc.record({ kind: fc.constant("rotate" as const) }),
  fc.record({ kind: fc.constant("delete" as const), force: fc.boolean() }),
  fc.record({ kind: fc.constant("restore" as const) }),
  fc.record({ kind: fc.constant("advance" as const), days: fc.integer({ min: 0, max: 10 }) }),
);

function apply(box: ReturnType<typeof sandbox>, step: Action): void {
  const id = "prod/mydb/app";
  switch (step.kind) {
    case "put":
      sm(box, "PutSecretValue", { SecretId: id, SecretString: `{"engine":"mysql"}-${step.n}`, ClientRequestToken: token(step.n), ...(step.stages ? { VersionStages: step.stages } : {}) });
      return;
    case "move":
      sm(box, "UpdateSecretVersionStage", { SecretId: id, VersionStage: step.stage, MoveToVersionId: token(step.to), ...(step.from === undefined ? {} : { RemoveFromVersionId: token(step.from) }) });
      return;
    case "update":
      sm(box, "UpdateSecret", { SecretId: id, SecretString: `u-${step.n}`, ClientRequestToken: token(100 + step.n) });
      return;
    case "get":
      sm(box, "GetSecretValue", { SecretId: id, VersionStage: step.stage });
      return;
    case "rotate":
      sm(box, "RotateSecret", { SecretId: id });
      return;
    case "delete":
      sm(box, "DeleteSecret", { SecretId: id, ...(step.force ? { ForceDeleteWithoutRecovery: true } : { RecoveryWindowInDays: 7 }) });
      return;
    case "restore":
      sm(box, "RestoreSecret", { SecretId: id });
      return;
    case "advance":
      box.advanceClock(step.days * DAY);
  }
}

describe("random sequences of operations", () => {
  it("only ever fail with AWS-shaped errors, and keep the staging label invariants", () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        const box = sandbox();
        const { functionArn } = rotationScenario(box, "single-user");
        sm(box, "RotateSecret", { SecretId: "prod/mydb/app", RotationLambdaARN: functionArn, RotationRules: { AutomaticallyAfterDays: 3 }, RotateImmediately: false });
        for (const step of actions) {
          try {
            apply(box, step);
          } catch (error) {
            if (!isAwsServiceError(error)) throw error;
            expect(error.code).not.toBe("InternalFailure");
          }
          const secret = Object.values(box.regionState().secretsManager.secrets).find((candidate) => candidate.name === "prod/mydb/app");
          if (!secret) continue;
          // Each label is on at most one version.
          const labels = secret.versions.flatMap((version) => version.stages);
          expect(new Set(labels).size).toBe(labels.length);
          // AWSPREVIOUS never shares the AWSCURRENT version, and at most 100 versions are kept.
          expect(secret.versions.some((version) => version.stages.includes("AWSCURRENT") && version.stages.includes("AWSPREVIOUS"))).toBe(false);
          expect(secret.versions.length).toBeLessThanOrEqual(100);
          // The rotation machine agrees with the labels when no rotation is running.
          const pending = secret.versions.find((version) => version.stages.includes("AWSPENDING"));
          expect(secret.rotation.state).toBe(pending && !pending.stages.includes("AWSCURRENT") ? "incomplete" : "idle");
          // Only ciphertext is kept.
          expect(JSON.stringify(secret)).not.toContain('"engine":"mysql"}-');
        }
        // The whole state survives a snapshot round trip.
        const copy = sandbox();
        copy.restore(JSON.parse(JSON.stringify(box.snapshot())));
        expect(copy.snapshot()).toEqual(box.snapshot());
      }),
      { numRuns: 60 },
    );
  });
});

describe("snapshots", () => {
  it("restore rejects a damaged Secrets Manager, Lambda or database record and leaves the state untouched", () => {
    const box = sandbox();
    rotationScenario(box, "single-user");
    const good = box.snapshot();
    const damage = (edit: (state: ReturnType<typeof box.snapshot>) => void) => {
      const copy = structuredClone(good);
      edit(copy);
      return copy;
    };
    const region = (state: ReturnType<typeof box.snapshot>) => state.accounts["123456789012"]!.regions["us-east-1"]!;
    const broken = [
      damage((state) => {
        Object.values(region(state).secretsManager.secrets)[0]!.lifecycle = "Gone" as never;
      }),
      damage((state) => {
        Object.values(region(state).secretsManager.secrets)[0]!.versions[0]!.value!.type = "text" as never;
      }),
      damage((state) => {
        Object.values(region(state).lambda.functions)[0]!.strategy = "multi-user" as never;
      }),
      damage((state) => {
        region(state).rds.databases["mydb"]!.port = 70000;
      }),
    ];
    for (const snapshot of broken) expect(() => box.restore(snapshot)).toThrow(SandboxUsageError);
    expect(record(box, "prod/mydb/app").lifecycle).toBe("Active");
  });
});
