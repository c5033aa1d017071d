/**
 * Maintainer script: regenerates lib/sandbox/cli/models/*.json from the AWS
 * API models that botocore ships (Apache License 2.0).
 *
 *   npx tsx scripts/extract-cli-models.mjs [BOTOCORE_DATA_DIR]
 *
 * (tsx because it reads the engine's ServiceSpecs, which are TypeScript.)
 * The default data directory is the botocore of this machine's pyenv Python;
 * CI never runs this script: the generated JSON is committed.
 *
 * What is kept, and why:
 * - every operation's name, so the sandbox's `aws` knows every command of
 *   the real CLI and can say "not simulated" instead of "invalid choice";
 * - for the operations the engine implements, the input and output shapes
 *   the CLI needs to parse arguments (types, required members, the `min`
 *   constraints botocore checks client-side, enums for completion,
 *   idempotency tokens) and to format output (member order, timestamps);
 * - the paginators of those operations.
 * All documentation text is dropped: the sandbox's help is written in its own words.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { services } from "../lib/sandbox/index.ts";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dataDir = process.argv[2] ?? "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/botocore/data";
const outDir = path.join(root, "lib/sandbox/cli/models");

/** botocore's service directory name → the engine's ServiceId (the same names). */
const SERVICES = ["kms", "secretsmanager", "ssm", "sts", "ec2", "lambda", "cloudformation", "cloudtrail"];

function botocoreVersion() {
  try {
    const init = readFileSync(path.join(dataDir, "..", "__init__.py"), "utf8");
    return /__version__ = '([^']+)'/.exec(init)?.[1] ?? "unknown";
  } catch {
    return "unknown";
  }
}

/**
 * The real CLI's top-level commands: one per botocore service, in sorted
 * order, except those the CLI renames or replaces, then its own commands.
 * (Observed from CLI v2's "Invalid choice" list; the list is printed in this order.)
 */
const REPLACED_SERVICES = new Set(["s3", "config", "codedeploy"]);
const CLI_OWN_COMMANDS = ["s3api", "s3", "ddb", "configure", "deploy", "configservice", "history", "cli-dev", "help"];

function topLevelCommands() {
  const names = readdirSync(dataDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("_"))
    .map((entry) => entry.name)
    .filter((name) => {
      try {
        return readdirSync(path.join(dataDir, name)).some((version) => /^\d{4}-\d{2}-\d{2}$/.test(version));
      } catch {
        return false;
      }
    })
    .sort();
  return [...names.filter((name) => !REPLACED_SERVICES.has(name)), ...CLI_OWN_COMMANDS];
}

function newestVersionDir(service) {
  const versions = readdirSync(path.join(dataDir, service)).sort();
  return path.join(dataDir, service, versions[versions.length - 1]);
}

/** The shape with documentation and wire-only details removed. */
function trimShape(shape) {
  const out = { type: shape.type };
  if (shape.type === "structure") {
    out.members = {};
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      const trimmed = { shape: member.shape };
      if (member.idempotencyToken) trimmed.idempotencyToken = true;
      if (member.deprecated) trimmed.deprecated = true;
      out.members[name] = trimmed;
    }
    if (shape.required?.length) out.required = shape.required;
    if (shape.union) out.union = true;
    if (shape.document) out.document = true;
  }
  if (shape.type === "list") out.member = shape.member.shape;
  if (shape.type === "map") {
    out.key = shape.key.shape;
    out.value = shape.value.shape;
  }
  if (shape.min !== undefined) out.min = shape.min;
  if (shape.max !== undefined) out.max = shape.max;
  if (shape.enum) out.enum = shape.enum;
  if (shape.sensitive) out.sensitive = true;
  return out;
}

function collectShapes(model, rootName, into) {
  if (!rootName || into[rootName]) return;
  const shape = model.shapes[rootName];
  into[rootName] = trimShape(shape);
  if (shape.type === "structure") for (const member of Object.values(shape.members ?? {})) collectShapes(model, member.shape, into);
  if (shape.type === "list") collectShapes(model, shape.member.shape, into);
  if (shape.type === "map") {
    collectShapes(model, shape.key.shape, into);
    collectShapes(model, shape.value.shape, into);
  }
}

function sortedObject(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

mkdirSync(outDir, { recursive: true });
const version = botocoreVersion();
const commands = topLevelCommands();
writeFileSync(
  path.join(outDir, "commands.json"),
  JSON.stringify({ NOTICE: `Service names of botocore ${version} (Apache License 2.0) and the AWS CLI v2's own commands.`, commands }, null, 1) + "\n",
);
console.log(`commands: ${commands.length} top-level commands`);
for (const service of SERVICES) {
  const dir = newestVersionDir(service);
  const model = JSON.parse(gunzipSync(readFileSync(path.join(dir, "service-2.json.gz"))).toString("utf8"));
  let paginators = {};
  try {
    paginators = JSON.parse(readFileSync(path.join(dir, "paginators-1.json"), "utf8")).pagination;
  } catch {
    paginators = {};
  }
  const spec = services.find((candidate) => candidate.id === service);
  if (!spec) throw new Error(`the engine has no service ${service}`);
  const implemented = new Set(Object.keys(spec.operations));

  const operations = {};
  const shapes = {};
  // The model's operation order is alphabetical; the CLI lists commands in this order too.
  for (const [name, operation] of Object.entries(model.operations)) {
    const entry = {};
    if (operation.deprecated) entry.deprecated = true;
    if (implemented.has(name)) {
      entry.implemented = true;
      if (operation.input) entry.input = operation.input.shape;
      if (operation.output) entry.output = operation.output.shape;
      collectShapes(model, operation.input?.shape, shapes);
      collectShapes(model, operation.output?.shape, shapes);
    }
    operations[name] = entry;
  }
  for (const name of implemented) if (!(name in operations)) throw new Error(`${service}.${name} is implemented by the engine but missing from the botocore model`);

  const keptPaginators = Object.fromEntries(Object.entries(paginators).filter(([name]) => implemented.has(name)));
  const { metadata } = model;
  const out = {
    NOTICE:
      `Derived from the AWS API model "${service}" (apiVersion ${metadata.apiVersion}) shipped in botocore ${version}, ` +
      "Copyright Amazon.com, Inc. or its affiliates, licensed under the Apache License, Version 2.0 " +
      "(http://www.apache.org/licenses/LICENSE-2.0). Trimmed by scripts/extract-cli-models.mjs: all documentation removed.",
    service,
    metadata: {
      apiVersion: metadata.apiVersion,
      endpointPrefix: metadata.endpointPrefix,
      protocol: metadata.protocol,
      serviceFullName: metadata.serviceFullName,
      serviceId: metadata.serviceId,
      ...(metadata.targetPrefix ? { targetPrefix: metadata.targetPrefix } : {}),
    },
    operations,
    shapes: sortedObject(shapes),
    paginators: keptPaginators,
  };
  writeFileSync(path.join(outDir, `${service}.json`), JSON.stringify(out, null, 1) + "\n");
  console.log(`${service}: ${Object.keys(operations).length} operations (${implemented.size} implemented), ${Object.keys(shapes).length} shapes, ${Object.keys(keptPaginators).length} paginators`);
}

// The commercial partition's Regions and their names (botocore's endpoints.json), for the public
// parameters /aws/service/global-infrastructure/regions/* (lib/sandbox/ssm/public-parameters.ts).
{
  const endpoints = JSON.parse(readFileSync(path.join(dataDir, "endpoints.json"), "utf8"));
  const aws = endpoints.partitions.find((partition) => partition.partition === "aws");
  const regions = Object.fromEntries(Object.entries(aws.regions).map(([code, region]) => [code, region.description]).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(
    path.join(root, "lib/sandbox/ssm/public-regions.json"),
    JSON.stringify({ NOTICE: `The aws partition's Regions in botocore ${version}'s endpoints.json (Apache License 2.0).`, regions }, null, 1) + "\n",
  );
  console.log(`public regions: ${Object.keys(regions).length}`);
}
