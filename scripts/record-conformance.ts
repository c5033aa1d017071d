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
 * CI does not re-record (the newest botocore models are not there); it runs the cases again with
 * Debian's stock CLI in tests/conformance/live-awscli.test.ts and compares with these recordings.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { idempotencyTokens, recordCase, SERVICES } from "@/tests/conformance/live-recording";
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
