import { createEngine, type Sandbox, type WireObject } from "@/lib/sandbox";
import { ACCOUNT, START } from "../shared";
import { putRotationFunction, type RotationFunctionSpec } from "@/lib/sandbox/lambda";
import { putDatabase } from "@/lib/sandbox/rds";
import type { SecretRecord } from "@/lib/sandbox/secrets-manager/state";

/** Shared set-up for the Secrets Manager specifications (what every service shares is in ../shared.ts). */

export { ACCOUNT, awsError as failure, expectError, PARTNER, START, START_MS } from "../shared";

export function sandbox(): Sandbox {
  return createEngine({ seed: 1, now: START });
}

export function sm(box: Sandbox, operation: string, input: WireObject = {}): WireObject {
  return box.call("secretsmanager", operation, input);
}

/** The engine's record of a secret (for assertions on state the API does not show). */
export function record(box: Sandbox, name: string, accountId = ACCOUNT): SecretRecord {
  const secret = Object.values(box.regionState(accountId).secretsManager.secrets).find((candidate) => candidate.name === name);
  if (!secret) throw new Error(`no secret ${name}`);
  return secret;
}

export function stagesOf(box: Sandbox, secretId: string): Record<string, string[]> {
  return (sm(box, "DescribeSecret", { SecretId: secretId })["VersionIdsToStages"] ?? {}) as Record<string, string[]>;
}

export function versionWith(box: Sandbox, secretId: string, stage: string): string | undefined {
  return Object.entries(stagesOf(box, secretId)).find(([, stages]) => stages.includes(stage))?.[0];
}

export function currentValue(box: Sandbox, secretId: string): string {
  return String(sm(box, "GetSecretValue", { SecretId: secretId })["SecretString"]);
}

export const token = (n: number) => `${String(n).padStart(8, "0")}-aaaa-4bbb-8ccc-dddddddddddd`;

/**
 * A database with an application user and a master user, a secret for the
 * application user and (for alternating users) a master secret, and a
 * rotation function for the strategy.
 */
export function rotationScenario(box: Sandbox, strategy: "single-user" | "alternating-users", fn: Partial<RotationFunctionSpec> = {}) {
  const database = putDatabase(box, { identifier: "mydb", dbname: "app", users: { admin: "MasterPass-1", appuser: "OldPass-1" }, master: "admin" });
  const fields = { engine: "mysql", host: database.host, port: database.port, dbname: "app" };
  const master = sm(box, "CreateSecret", { Name: "prod/mydb/master", SecretString: JSON.stringify({ ...fields, username: "admin", password: "MasterPass-1" }) });
  const app = sm(box, "CreateSecret", {
    Name: "prod/mydb/app",
    SecretString: JSON.stringify({ ...fields, username: "appuser", password: "OldPass-1", ...(strategy === "alternating-users" ? { masterarn: master["ARN"] } : {}) }),
  });
  const functionArn = putRotationFunction(box, { name: `rotate-${strategy}`, strategy, ...fn });
  return { database, functionArn, masterArn: String(master["ARN"]), appArn: String(app["ARN"]), appVersion: String(app["VersionId"]) };
}
