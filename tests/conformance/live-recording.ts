/**
 * Running a conformance case with the real AWS CLI v2 against the sandbox
 * engine behind the local endpoint: what scripts/record-conformance.ts
 * records into the transcripts, and what live-awscli.test.ts runs again in CI
 * with Debian's awscli to check the recordings still hold.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { startEndpoint, type Exchange } from "@/lib/endpoint";
import { scenarioWorld } from "@/lib/endpoint/scenarios";
import { parseDuration, type Sandbox, type ServiceId, type WireObject } from "@/lib/sandbox";
import { CONFORMANCE_NOW, CONFORMANCE_SEED, type ConformanceCase, type Outcome } from "./transcript";

export const SERVICES = ["kms", "secretsmanager", "ssm", "sts"];

export interface Recording {
  outcomes: Outcome[];
  calls: string[][];
}

function decodeUtf8(bytes: Buffer, what: string): string {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (Buffer.from(text, "utf8").compare(bytes) !== 0) throw new Error(`${what} is not UTF-8 text; keep binary output out of transcripts (redirect it to a file)`);
  return text;
}

export function runBash(line: string, options: { cwd: string; env: Record<string, string> }): Promise<Outcome> {
  // `aws` is a function so that it also works inside pipes and $(...); the real CLI 2.9.19
  // has no AWS_ENDPOINT_URL, so the endpoint goes on the command line, before the service.
  const script = `aws() { "$SANDBOX_AWS" --endpoint-url "$SANDBOX_ENDPOINT" "$@"; }\n${line}\n`;
  return new Promise((resolve, reject) => {
    const child = spawn("/bin/bash", ["--noprofile", "--norc", "-c", script], { cwd: options.cwd, env: options.env as unknown as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({ exitCode: code ?? -1, stdout: decodeUtf8(Buffer.concat(out), `stdout of: ${line}`), stderr: decodeUtf8(Buffer.concat(err), `stderr of: ${line}`) });
    });
  });
}

/** Top-level input members with the idempotencyToken trait, per "service.Operation" (from the botocore models). */
export function idempotencyTokens(models: string): Map<string, string[]> {
  const tokens = new Map<string, string[]>();
  for (const service of SERVICES) {
    for (const version of readdirSync(join(models, service))) {
      const model = JSON.parse(readFileSync(join(models, service, version, "service-2.json"), "utf8")) as {
        operations: Record<string, { input?: { shape: string } }>;
        shapes: Record<string, { members?: Record<string, { idempotencyToken?: boolean }> }>;
      };
      for (const [operation, spec] of Object.entries(model.operations)) {
        const members = spec.input ? model.shapes[spec.input.shape]?.members ?? {} : {};
        const names = Object.entries(members).filter(([, member]) => member.idempotencyToken).map(([name]) => name);
        if (names.length > 0) tokens.set(`${service}.${operation}`, names);
      }
    }
  }
  return tokens;
}

/**
 * The real CLI fills an idempotency token the learner did not give with a
 * random UUID of its own; the sandbox's CLI draws it from the engine
 * (Sandbox.newRequestToken), in member order, before the call. Doing the same
 * here keeps both engines' random streams in step, so secret version ids,
 * ARN suffixes and everything drawn later are equal on both sides and the
 * transcripts need no normalisation.
 */
function tokenSwapper(engine: Sandbox, tokens: Map<string, string[]>, commandLine: () => string) {
  return (service: ServiceId, operation: string, input: WireObject): WireObject => {
    const members = tokens.get(`${service}.${operation}`) ?? [];
    const swapped = { ...input };
    for (const member of members) {
      const given = input[member];
      if (typeof given === "string" && !commandLine().includes(given)) swapped[member] = engine.newRequestToken();
    }
    return swapped;
  };
}

/** The sandbox-only lines a case may hold (see RecordedCommand.sandbox): `clock advance DURATION`. */
function sandboxBuiltin(engine: Sandbox, line: string, caseName: string): Outcome {
  const match = /^clock advance (\S+)$/.exec(line.trim());
  const ms = match?.[1] === undefined ? undefined : parseDuration(match[1]);
  if (ms === undefined) throw new Error(`${caseName}: the recorder runs only "clock advance DURATION" as a sandbox line, not: ${line}`);
  engine.advanceClock(ms);
  return { exitCode: 0, stdout: "", stderr: "" };
}

export async function recordCase(data: ConformanceCase, aws: string, modelsPath: string | undefined, tokens: Map<string, string[]>): Promise<Recording> {
  const world = scenarioWorld(data.scenario, { seed: CONFORMANCE_SEED, now: CONFORMANCE_NOW });
  if (!world) throw new Error(`${data.name}: unknown scenario ${data.scenario}`);
  const { engine } = world;
  const exchanges: Exchange[] = [];
  let current = "";
  const endpoint = await startEndpoint({ engine, onExchange: (exchange) => exchanges.push(exchange), prepareInput: tokenSwapper(engine, tokens, () => current) });
  const home = mkdtempSync(join(tmpdir(), `conformance-${data.name}-`));
  try {
    for (const [path, content] of Object.entries(world.files)) {
      mkdirSync(dirname(join(home, path)), { recursive: true });
      writeFileSync(join(home, path), content);
    }
    const env: Record<string, string> = {
      PATH: "/usr/bin:/bin",
      HOME: home,
      LANG: "C.UTF-8",
      LC_ALL: "C.UTF-8",
      // The width the CLI's usage and "Invalid choice" listings assume when there is no terminal.
      COLUMNS: "80",
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_DEFAULT_REGION: "us-east-1",
      AWS_PAGER: "",
      AWS_CONFIG_FILE: join(home, "no-config"),
      AWS_SHARED_CREDENTIALS_FILE: join(home, "no-credentials"),
      SANDBOX_AWS: aws,
      SANDBOX_ENDPOINT: endpoint.url,
      ...(modelsPath ? { AWS_DATA_PATH: modelsPath } : {}),
    };
    const recording: Recording = { outcomes: [], calls: [] };
    for (const command of data.commands) {
      current = command.run;
      const before = exchanges.length;
      if (command.sandbox) {
        recording.outcomes.push(sandboxBuiltin(engine, command.run, data.name));
        recording.calls.push([]);
        continue;
      }
      recording.outcomes.push(await runBash(command.run, { cwd: home, env }));
      recording.calls.push(exchanges.slice(before).map((exchange) => `${exchange.service ?? "?"}.${exchange.operation ?? "?"}`));
    }
    return recording;
  } finally {
    await endpoint.close();
    rmSync(home, { recursive: true, force: true });
  }
}
