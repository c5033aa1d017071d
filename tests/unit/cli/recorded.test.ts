import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AwsServiceError, type Sandbox, type WireObject } from "@/lib/sandbox";
import { runAwsCli } from "@/lib/sandbox/cli";
import { MemoryFs } from "./helpers";

/**
 * The real AWS CLI v2 (2.9.19, Debian's awscli) was run against a local
 * endpoint answering canned JSON; fixtures/recorded.json holds each command
 * line, the canned answers, and what the real CLI printed, its exit code and
 * the requests it sent. Here the sandbox's aws runs the same command lines
 * against a stand-in engine that gives the same answers, and must print the
 * same bytes and send the same requests.
 */
interface Canned {
  status?: number;
  body?: Record<string, unknown>;
  raw?: string;
}

interface RecordedCase {
  name: string;
  argv: string[];
  responses?: Canned[];
  files?: Record<string, string | { base64: string }>;
  env?: Record<string, string>;
  engineResponse?: WireObject;
  engineError?: { code: string; message: string };
  stdout: string;
  stderr: string;
  exitCode: number;
  requests: { target: string; body: Record<string, unknown> | null }[];
}

const recorded = JSON.parse(readFileSync(new URL("./fixtures/recorded.json", import.meta.url), "utf8")) as { cases: RecordedCase[] };

/** An engine that answers with the recorded canned responses, in order (the last one repeats). */
function cannedEngine(testCase: RecordedCase) {
  const queue = [...(testCase.responses ?? [{ body: {} }])];
  const calls: { service: string; operation: string; input: WireObject; region: string | undefined }[] = [];
  let tokens = 0;
  const engine = {
    region: "us-east-1",
    newRequestToken: () => `00000000-0000-4000-8000-${String(++tokens).padStart(12, "0")}`,
    call(service: string, operation: string, input: WireObject = {}, options: { region?: string } = {}) {
      calls.push({ service, operation, input, region: options.region });
      const response = queue.length > 1 ? queue.shift()! : queue[0]!;
      const status = response.status ?? 200;
      if (status >= 400) {
        if (testCase.engineError) throw new AwsServiceError(testCase.engineError.code, testCase.engineError.message, status);
        const body = response.body ?? {};
        const message = (body.message ?? body.Message ?? "") as string;
        throw new AwsServiceError(String(body.__type), message, status);
      }
      return testCase.engineResponse ?? ((response.body ?? {}) as WireObject);
    },
  };
  return { engine: engine as unknown as Sandbox, calls };
}

function run(testCase: RecordedCase) {
  const { engine, calls } = cannedEngine(testCase);
  const fs = new MemoryFs();
  for (const [path, content] of Object.entries(testCase.files ?? {})) {
    fs.writeFile(path, typeof content === "string" ? new TextEncoder().encode(content) : Uint8Array.from(atob(content.base64), (char) => char.charCodeAt(0)));
  }
  const env = { HOME: "/home/learner", AWS_DEFAULT_REGION: "us-east-1", ...testCase.env };
  const result = runAwsCli(testCase.argv, { engine, fs, env, stdin: new Uint8Array() });
  const decoder = new TextDecoder();
  return { stdout: decoder.decode(result.stdout), stderr: decoder.decode(result.stderr), exitCode: result.exitCode, calls };
}

/** The "valid choices" block lists the commands of the CLI version; the sandbox follows the current model, 2.9.19 an older one. */
function withoutChoiceList(text: string): string {
  return text.replace(/valid choices are:\n\n[\s\S]*?\n\n(\n|$)/, "valid choices are:\n\n<choices>\n\n$1");
}

const TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function normaliseRequest(body: Record<string, unknown> | null): unknown {
  if (body === null) return {};
  if ("form" in body) return "query-protocol";
  const copy = { ...body };
  if (typeof copy.ClientRequestToken === "string" && TOKEN.test(copy.ClientRequestToken)) copy.ClientRequestToken = "<uuid4>";
  return copy;
}

/**
 * Where the sandbox prints something else only because it follows the
 * current API model (2.9.19 is from January 2023): members added since.
 */
const NEWER_MODEL: Record<string, { stdout?: (text: string) => string; stderr?: (text: string) => string }> = {
  "skeleton input": { stdout: (text) => text.replace('"EncryptionAlgorithm": "SYMMETRIC_DEFAULT"\n', '"EncryptionAlgorithm": "SYMMETRIC_DEFAULT",\n    "DryRun": true\n') },
  "skeleton input explicit": { stdout: (text) => text.replace('"ForceOverwriteReplicaSecret": true\n', '"ForceOverwriteReplicaSecret": true,\n    "Type": ""\n') },
  "skeleton output fails validation": {
    stderr: (text) => text.replace(/valid min value: 1\n$/, "valid min value: 1\nInvalid length for parameter KeyMetadata.CurrentKeyMaterialId, value: 20, valid min length: 64\n"),
  },
};

describe("the sandbox's aws prints what the real AWS CLI v2 printed", () => {
  for (const testCase of recorded.cases) {
    it(testCase.name + ": " + ["aws", ...testCase.argv].join(" "), () => {
      const result = run(testCase);
      const newer = NEWER_MODEL[testCase.name] ?? {};
      const expectedStdout = newer.stdout ? newer.stdout(testCase.stdout) : testCase.stdout;
      const expectedStderr = newer.stderr ? newer.stderr(testCase.stderr) : testCase.stderr;
      expect(withoutChoiceList(result.stderr)).toBe(withoutChoiceList(expectedStderr));
      expect(result.stdout).toBe(expectedStdout);
      expect(result.exitCode).toBe(testCase.exitCode);
      // The same requests, with the same bodies (an auto-filled token is any UUID4).
      const expected = testCase.requests.map((request) => ({ operation: request.target.split(".")[1] ?? request.target, body: normaliseRequest(request.body) }));
      const actual = result.calls.map((call) => ({ operation: call.operation, body: call.service === "sts" ? "query-protocol" : normaliseRequest(call.input as Record<string, unknown>) }));
      if (testCase.requests.length && testCase.requests[0]!.target === "") {
        // The query protocol (STS) carries the action in the body, not in X-Amz-Target.
        expect(actual.map((call) => call.operation)).toEqual(["GetCallerIdentity"]);
      } else expect(actual).toEqual(expected);
    });
  }
});
