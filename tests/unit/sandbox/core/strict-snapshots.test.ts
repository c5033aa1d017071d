import { describe, expect, it } from "vitest";
import { createSandbox } from "@/lib/sandbox/create-sandbox";
import { SandboxUsageError } from "@/lib/sandbox/core/errors";

/**
 * One snapshot schema style for every service: a saved session whose records
 * carry a field the engine does not know is refused, whichever service the
 * record belongs to, rather than kept (and silently saved again) or dropped.
 */

type Path = (string | number)[];

function world() {
  const session = createSandbox({ scenario: "empty", seed: 81 });
  for (const line of [
    "aws kms create-key --description k",
    "aws secretsmanager create-secret --name s --secret-string v",
    "aws ssm put-parameter --name /p --type String --value v",
  ]) session.runSync(line);
  return session;
}

/** The first record under `path` in a snapshot (records are kept in maps by id). */
function firstRecord(snapshot: Record<string, unknown>, path: Path): Record<string, unknown> | undefined {
  let node: unknown = snapshot;
  for (const step of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = step === "*" ? Object.values(node as object)[0] : (node as Record<string | number, unknown>)[step];
  }
  return node as Record<string, unknown> | undefined;
}

describe("sandbox snapshots are strict in every service", () => {
  const cases: [string, Path][] = [
    ["a KMS key", ["accounts", "*", "regions", "us-east-1", "kms", "keys", "*"]],
    ["a secret", ["accounts", "*", "regions", "us-east-1", "secretsManager", "secrets", "*"]],
    ["a secret's version", ["accounts", "*", "regions", "us-east-1", "secretsManager", "secrets", "*", "versions", 0]],
    ["a parameter", ["accounts", "*", "regions", "us-east-1", "ssm", "parameters", "*"]],
    ["an account", ["accounts", "*"]],
    ["a trail event", ["trail", 0]],
    ["a trail event's identity", ["trail", 0, "userIdentity"]],
    ["the caller", ["caller"]],
  ];
  for (const [what, path] of cases) {
    it(`refuses ${what} with an unknown field`, () => {
      const session = world();
      const snapshot = JSON.parse(JSON.stringify(session.engine.snapshot())) as Record<string, unknown>;
      const record = firstRecord(snapshot, path);
      expect(record, `${what} exists in the snapshot`).toBeTypeOf("object");
      record!.unexpected = "kept?";
      let refused: unknown;
      try {
        createSandbox({ scenario: "empty", seed: 1 }).engine.restore(snapshot);
      } catch (error) {
        refused = error;
      }
      expect(refused instanceof SandboxUsageError, `${what}: the snapshot is refused`).toBe(true);
      expect(String((refused as Error).message)).toMatch(/damaged.*unexpected|unrecognized/i);
    });
  }
});
