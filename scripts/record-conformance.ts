/**
 * Maintainer-only: re-records the conformance transcripts in
 * tests/conformance/cases/ with the real AWS CLI v2 (Debian's awscli 2.9.19
 * at /usr/bin/aws) pointed at the sandbox engine behind the local endpoint.
 *
 *   npx tsx scripts/record-conformance.ts [--only NAME]... [--aws /usr/bin/aws] [--no-stock]
 *
 * For each case and each command line, in order, from a fresh engine (fixed
 * seed and start time) and a fresh working directory holding the scenario's
 * files, bash runs the line with `aws` bound to the real CLI and
 * `--endpoint-url`, and the exit code, stdout and stderr are written back
 * into the case file.
 *
 * The CLI runs twice per case:
 * - with the current botocore service models (AWS_DATA_PATH, decompressed
 *   from the newest botocore on this machine): the reference, because the
 *   sandbox follows the current API and CLI, not 2.9.19's January 2023 models;
 * - with its own models ("stock"): kept in the transcript only where it
 *   differs, to document what Debian's package prints.
 * CI never runs this (no /usr/bin/aws there); the transcripts are committed.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { startEndpoint, type Exchange } from "@/lib/endpoint";
import { parseDuration, type Sandbox, type ServiceId, type WireObject } from "@/lib/sandbox";
import { scenarioWorld } from "@/lib/endpoint/scenarios";
import {
  caseFiles,
  CONFORMANCE_NOW,
  CONFORMANCE_SEED,
  loadCase,
  serialiseCase,
  type ConformanceCase,
  type Outcome,
  type RecordedCommand,
} from "@/tests/conformance/transcript";

const SERVICES = ["kms", "secretsmanager", "ssm", "sts"];

interface Recording {
  outcomes: Outcome[];
  calls: string[][];
}

function fail(message: string): never {
  process.stderr.write(`record-conformance: ${message}\n`);
  process.exit(1);
}

/** The newest botocore's data directory (the pyenv Python's botocore on the maintainers' machine). */
function botocoreData(): { dir: string; version: string } {
  const probe = spawnSync("python3", ["-c", "import botocore, os; print(botocore.__version__); print(os.path.dirname(botocore.__file__))"], { encoding: "utf8" });
  const [version, root] = probe.stdout.trim().split("\n");
  const dir = process.env["BOTOCORE_DATA_DIR"] ?? (root ? join(root, "data") : "");
  if (!version || !existsSync(join(dir, "kms"))) fail("cannot find a botocore with service models (set BOTOCORE_DATA_DIR to its data/ directory)");
  return { dir, version };
}

/** CLI 2.9.19 reads plain .json models only: decompress the four services into an AWS_DATA_PATH directory. */
function prepareModels(source: string, target: string): void {
  for (const service of SERVICES) {
    for (const version of readdirSync(join(source, service))) {
      const from = join(source, service, version);
      const to = join(target, service, version);
      mkdirSync(to, { recursive: true });
      for (const file of readdirSync(from)) {
        if (file.endsWith(".json.gz")) writeFileSync(join(to, file.slice(0, -3)), gunzipSync(readFileSync(join(from, file))));
        else if (file.endsWith(".json")) writeFileSync(join(to, file), readFileSync(join(from, file)));
      }
    }
  }
}

function decodeUtf8(bytes: Buffer, what: string): string {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (Buffer.from(text, "utf8").compare(bytes) !== 0) fail(`${what} is not UTF-8 text; keep binary output out of transcripts (redirect it to a file)`);
  return text;
}

function runBash(line: string, options: { cwd: string; env: Record<string, string> }): Promise<Outcome> {
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
function idempotencyTokens(models: string): Map<string, string[]> {
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
  if (ms === undefined) fail(`${caseName}: the recorder runs only "clock advance DURATION" as a sandbox line, not: ${line}`);
  engine.advanceClock(ms);
  return { exitCode: 0, stdout: "", stderr: "" };
}

async function recordCase(data: ConformanceCase, aws: string, modelsPath: string | undefined, tokens: Map<string, string[]>): Promise<Recording> {
  const world = scenarioWorld(data.scenario, { seed: CONFORMANCE_SEED, now: CONFORMANCE_NOW });
  if (!world) fail(`${data.name}: unknown scenario ${data.scenario}`);
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

function sameOutcomes(a: Outcome[], b: Outcome[]): boolean[] {
  return a.map((x, index) => {
    const y = b[index];
    return y !== undefined && x.exitCode === y.exitCode && x.stdout === y.stdout && x.stderr === y.stderr;
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: "string", multiple: true },
      aws: { type: "string", default: "/usr/bin/aws" },
      "no-stock": { type: "boolean", default: false },
    },
  });
  const aws = values.aws;
  const version = spawnSync(aws, ["--version"], { encoding: "utf8" });
  if (version.status !== 0) fail(`${aws} --version failed: is the real AWS CLI v2 installed? (apt-get install awscli)`);
  const cli = version.stdout.trim();
  if (!cli.startsWith("aws-cli/2.")) fail(`${aws} is not AWS CLI v2: ${cli}`);
  const botocore = botocoreData();
  const models = mkdtempSync(join(tmpdir(), "conformance-models-"));
  prepareModels(botocore.dir, models);
  const tokens = idempotencyTokens(models);

  try {
    for (const file of caseFiles()) {
      const data = loadCase(file);
      if (values.only && !values.only.includes(data.name) && !values.only.includes(basename(file, ".yaml"))) continue;
      const started = Date.now();
      const current = await recordCase(data, aws, models, tokens);
      const stock = values["no-stock"] ? undefined : await recordCase(data, aws, undefined, tokens);
      const same = stock ? sameOutcomes(current.outcomes, stock.outcomes) : [];
      const commands: RecordedCommand[] = data.commands.map((command, index) => {
        const outcome = current.outcomes[index] as Outcome;
        const stockOutcome = stock?.outcomes[index];
        const previous = values["no-stock"] ? command.stock : undefined;
        if (command.sandbox) return { run: command.run, ...(command.note ? { note: command.note } : {}), sandbox: true };
        return {
          run: command.run,
          ...(command.note ? { note: command.note } : {}),
          ...(command.versionDependent ? { versionDependent: command.versionDependent } : {}),
          exitCode: outcome.exitCode,
          stdout: outcome.stdout,
          stderr: outcome.stderr,
          calls: current.calls[index] ?? [],
          ...(stockOutcome && !same[index] ? { stock: stockOutcome } : previous ? { stock: previous } : {}),
        };
      });
      const recorded: ConformanceCase = {
        name: data.name,
        description: data.description,
        scenario: data.scenario,
        ...(data.requires ? { requires: data.requires } : {}),
        recorded: { cli, models: `botocore ${botocore.version}`, seed: CONFORMANCE_SEED, now: CONFORMANCE_NOW },
        commands,
      };
      writeFileSync(file, serialiseCase(recorded));
      const differing = same.filter((value) => !value).length;
      process.stdout.write(`${data.name}: ${commands.length} commands recorded in ${((Date.now() - started) / 1000).toFixed(1)} s${stock ? `, stock 2.9.19 differs on ${differing}` : ""}\n`);
    }
  } finally {
    rmSync(models, { recursive: true, force: true });
  }
}

void main();
