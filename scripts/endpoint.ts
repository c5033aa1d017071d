/**
 * npm run endpoint -- [--port 4566] [--host 127.0.0.1] [--scenario chapter-27] [--seed N] [--now ISO] [--log FILE] [--state FILE] [--request-quotas aws[,POOL=RATE...]]
 *
 * Serves the sandbox engine as a local AWS endpoint, so the real AWS CLI (or
 * an SDK) can be pointed at it:
 *
 *   AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 \
 *     aws --endpoint-url http://127.0.0.1:4566 kms list-keys
 *
 * Signatures are not checked. Temporary credentials the sandbox's STS issued
 * act as their role session; any other access key acts as the sandbox's
 * current caller (the learner account's admin). See lib/endpoint/README.md. --log appends one JSON line per
 * request (the recording); "-" logs to standard error. --state keeps the
 * sandbox in FILE: read back at start (then --scenario, --seed and --now do
 * not apply), written every few seconds after a change and on Ctrl-C; a file
 * that cannot be read back stops the endpoint and is never overwritten.
 * --request-quotas applies AWS's request quotas (requests past them answer
 * ThrottlingException); without it nothing is throttled.
 */
import { appendFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadStateFile, parseQuotaSpec, QuotaSpecError, RequestQuotas, saveStateFile, startEndpoint, StateFileError, type Exchange } from "@/lib/endpoint";
import { createEngine, type Sandbox } from "@/lib/sandbox";
import { scenarioEngine, SCENARIO_NAMES } from "@/lib/endpoint/scenarios";

/** How often a changed sandbox is written to --state. */
const SAVE_EVERY_MS = 5_000;

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run endpoint -- [--port 4566] [--host 127.0.0.1] [--scenario ${SCENARIO_NAMES.join("|")}] [--seed N] [--now ISO-8601] [--log FILE|-] [--state FILE] [--request-quotas aws[,POOL=RATE...]]\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: "string", default: "4566" },
        host: { type: "string", default: "127.0.0.1" },
        scenario: { type: "string" },
        seed: { type: "string" },
        now: { type: "string" },
        log: { type: "string" },
        state: { type: "string" },
        "request-quotas": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  if (values.help) usage("Serves the sandbox engine as a local AWS endpoint.");
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`invalid --port: ${values.port}`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) usage(`invalid --seed: ${values.seed}`);
  const options = { ...(seed === undefined ? {} : { seed }), ...(values.now === undefined ? {} : { now: values.now }) };

  let quotas: RequestQuotas | undefined;
  const quotaSpec = values["request-quotas"];
  if (quotaSpec !== undefined) {
    try {
      quotas = new RequestQuotas(parseQuotaSpec(quotaSpec));
    } catch (error) {
      if (!(error instanceof QuotaSpecError)) throw error;
      usage(error.message);
    }
  }

  let engine: Sandbox;
  if (values.scenario === undefined) engine = createEngine(options);
  else {
    const built = scenarioEngine(values.scenario, options);
    if (!built) usage(`unknown scenario: ${values.scenario}`);
    engine = built;
  }

  const statePath = values.state;
  let restored = false;
  if (statePath !== undefined) {
    try {
      restored = loadStateFile(engine, statePath) === "restored";
    } catch (error) {
      if (!(error instanceof StateFileError)) throw error;
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
  }
  let changed = false;
  const save = () => {
    if (statePath === undefined || !changed) return;
    changed = false;
    saveStateFile(engine, statePath);
  };
  const log = values.log;
  const onExchange = (exchange: Exchange) => {
    changed = true;
    if (log === undefined) return;
    const line = `${JSON.stringify(exchange)}\n`;
    if (log === "-") process.stderr.write(line);
    else appendFileSync(log, line);
  };
  const endpoint = await startEndpoint({ engine, port, host: values.host, onExchange, ...(quotas ? { quotas } : {}) });
  const origin = restored ? ` (restored from ${statePath})` : values.scenario ? ` (scenario ${values.scenario})` : "";
  process.stdout.write(`Sandbox AWS endpoint on ${endpoint.url}${origin}\n`);
  if (quotas) process.stdout.write(`  request quotas: ${quotas.pools.map((pool) => `${pool.name}=${pool.perSecond}`).join(", ")}\n`);
  if (statePath !== undefined) {
    // A new file is written at once, so the learner sees where the sandbox is kept.
    if (!restored) {
      changed = true;
      save();
    }
    setInterval(save, SAVE_EVERY_MS).unref();
  }
  process.stdout.write(`  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 aws --endpoint-url ${endpoint.url} kms list-keys\n`);
  const stop = () => {
    save();
    void endpoint.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
