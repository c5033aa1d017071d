import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEndpoint, type RunningEndpoint } from "@/lib/endpoint";
import { scenarioEngine } from "@/lib/endpoint/scenarios";

/**
 * boto3 (Debian's python3-boto3, which .ci/run installs) runs the chapter's
 * envelope encryption and rotation against the endpoint on the chapter-27
 * scenario (boto3/envelope-and-rotation.py). What it reports is boto3's
 * reading of the answers: bytes, booleans, dates, and the error codes it
 * raises.
 */
let endpoint: RunningEndpoint;
beforeAll(async () => {
  const engine = scenarioEngine("chapter-27", { seed: 27, now: "2026-01-15T10:00:00Z" });
  if (!engine) throw new Error("no chapter-27 scenario");
  endpoint = await startEndpoint({ engine });
});
afterAll(() => endpoint.close());

function runPython(script: string, env: Record<string, string>): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("/usr/bin/python3", [script], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}

describe("boto3 against the endpoint", () => {
  it("does the chapter's envelope encryption and secret rotation", async () => {
    const result = await runPython("tests/conformance/boto3/envelope-and-rotation.py", { ENDPOINT_URL: endpoint.url });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      dataKeyBytes: 32,
      dataKeyReopened: true,
      wrongContext: "InvalidCiphertextException",
      rotationEnabled: true,
      rotationDays: 30,
      lastRotated: true,
      username: "admin",
      passwordChanged: true,
      previousPassword: "MyPassword123",
      missing: "ResourceNotFoundException",
    });
  }, 60_000);
});
