/**
 * Maintainer script: generates the engine's API contracts,
 * lib/sandbox/contracts/<service>.ts, from the AWS API models botocore ships
 * (Apache License 2.0):
 *
 *   npx tsx scripts/generate-contracts.mjs [BOTOCORE_DATA_DIR]
 *
 * For every operation the engine implements it writes
 * - `inputs.<Operation>`: the request as AWS's front end validates it (types,
 *   required members, lengths, ranges, enums, patterns), built with the
 *   helpers of lib/sandbox/core/validation.ts so failures read as AWS's
 *   ValidationException; blobs arrive base64 and leave as bytes;
 * - `outputs.<Operation>`: the response's shape on the wire (blobs base64,
 *   timestamps epoch seconds), strict, so a test can check that the engine
 *   answers nothing the model does not have;
 * - the operation's documented error codes.
 * The request and response are defined once, here, from the model: the
 * engine's operations take `inputs.X` instead of writing the members by hand.
 * CI never runs this script: the generated files are committed.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { services } from "../lib/sandbox/index.ts";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dataDir = process.argv[2] ?? "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/botocore/data";
const outDir = path.join(root, "lib/sandbox/contracts");

function botocoreVersion() {
  try {
    return /__version__ = '([^']+)'/.exec(readFileSync(path.join(dataDir, "..", "__init__.py"), "utf8"))?.[1] ?? "unknown";
  } catch {
    return "unknown";
  }
}

function loadModel(service) {
  const versions = readdirSync(path.join(dataDir, service)).filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name)).sort();
  const dir = path.join(dataDir, service, versions[versions.length - 1]);
  const file = readdirSync(dir).find((name) => name.startsWith("service-2.json"));
  const raw = readFileSync(path.join(dir, file));
  return JSON.parse((file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8"));
}

/**
 * A model pattern as a JavaScript RegExp source, anchored (AWS matches the
 * whole value), or undefined when JavaScript cannot express it the same way.
 */
function jsPattern(pattern) {
  let source = pattern;
  let flags = "u";
  if (source.startsWith("(?s)")) {
    source = source.slice(4);
    flags += "s";
  }
  const anchored = `^(?:${source})$`;
  // Unicode mode first (\p{L} classes need it); Java's identity escapes such as \! and \= are
  // errors there but plain characters without it.
  for (const candidate of [flags, flags.replace("u", "")]) {
    try {
      new RegExp(anchored, candidate);
      return { source: anchored, flags: candidate };
    } catch {
      // try the next
    }
  }
  return undefined;
}

const js = (value) => JSON.stringify(value);

function constraints(shape, keys) {
  const parts = keys.filter((key) => shape[key] !== undefined).map((key) => `${key}: ${shape[key]}`);
  return parts.length ? `{ ${parts.join(", ")} }` : "";
}

/** Writes zod expressions for a model's shapes, one function per named shape (recursion goes through z.lazy). */
class Emitter {
  constructor(model, direction) {
    this.model = model;
    this.direction = direction; // "input" | "output"
    this.emitted = new Map();
    this.order = [];
    this.stack = new Set();
    this.recursive = new Set();
  }

  name(shapeName) {
    return `${this.direction === "input" ? "in" : "out"}_${shapeName.replace(/[^A-Za-z0-9_]/g, "_")}`;
  }

  ref(shapeName) {
    if (this.stack.has(shapeName)) {
      // A recursive shape: its declaration needs a type annotation (TypeScript cannot infer a cycle).
      this.recursive.add(shapeName);
      return `z.lazy(() => ${this.name(shapeName)}())`;
    }
    if (!this.emitted.has(shapeName)) {
      this.stack.add(shapeName);
      this.emitted.set(shapeName, null);
      const body = this.expression(this.model.shapes[shapeName]);
      this.emitted.set(shapeName, body);
      this.order.push(shapeName);
      this.stack.delete(shapeName);
    }
    return `${this.name(shapeName)}()`;
  }

  expression(shape) {
    const input = this.direction === "input";
    switch (shape.type) {
      case "string": {
        if (shape.enum) return input ? `aws.enum(${js(shape.enum)} as const)` : `z.string()`;
        if (!input) return "z.string()";
        const options = [];
        if (shape.min !== undefined) options.push(`min: ${shape.min}`);
        if (shape.max !== undefined) options.push(`max: ${shape.max}`);
        const pattern = shape.pattern !== undefined ? jsPattern(shape.pattern) : undefined;
        if (pattern) options.push(`pattern: new RegExp(${js(pattern.source)}, ${js(pattern.flags)}), patternText: ${js(shape.pattern)}`);
        if (shape.sensitive) options.push("sensitive: true");
        return `aws.string(${options.length ? `{ ${options.join(", ")} }` : ""})`;
      }
      case "integer":
      case "long":
        return input ? `aws.integer(${constraints(shape, ["min", "max"])})` : "z.number().int()";
      case "float":
      case "double":
        return "z.number()";
      case "boolean":
        return input ? "aws.boolean()" : "z.boolean()";
      case "blob":
        return input ? `aws.blob(${constraints(shape, ["min", "max"])})` : "z.string()";
      case "timestamp":
        // The engine's wire format: epoch seconds.
        return "z.number()";
      case "list": {
        const member = this.ref(shape.member.shape);
        return input ? `aws.list(${member}${constraints(shape, ["min", "max"]) ? `, ${constraints(shape, ["min", "max"])}` : ""})` : `z.array(${member})`;
      }
      case "map":
        return `z.record(${this.ref(shape.key.shape)}, ${this.ref(shape.value.shape)})`;
      case "structure": {
        const required = new Set(shape.required ?? []);
        const members = Object.entries(shape.members ?? {}).map(([memberName, member]) => {
          const expression = this.ref(member.shape);
          // Responses: members may be absent whatever the model says (AWS omits empty ones).
          const optional = !input || !required.has(memberName);
          return `    ${js(memberName)}: ${expression}${optional ? ".optional()" : ""},`;
        });
        // Requests: members the model does not have are ignored, as AWS's JSON front end does.
        // Responses: strict, so the engine answers nothing the model does not have.
        return `${input ? "z.object" : "z.strictObject"}({\n${members.join("\n")}\n  })`;
      }
      default:
        throw new Error(`unknown shape type ${shape.type}`);
    }
  }

  declarations() {
    return this.order.map((shapeName) => `const ${this.name(shapeName)} = ()${this.recursive.has(shapeName) ? ": z.ZodType" : ""} => ${this.emitted.get(shapeName)};`).join("\n");
  }
}

function generate(serviceId) {
  const spec = services.find((candidate) => candidate.id === serviceId);
  if (!spec) throw new Error(`the engine has no service ${serviceId}`);
  const model = loadModel(serviceId);
  const implemented = Object.keys(spec.operations).sort();
  const inputs = new Emitter(model, "input");
  const outputs = new Emitter(model, "output");
  const inputLines = [];
  const outputLines = [];
  const errorLines = [];
  for (const name of implemented) {
    const operation = model.operations[name];
    if (!operation) throw new Error(`${serviceId}.${name} is implemented by the engine but missing from the botocore model`);
    inputLines.push(`  ${name}: ${operation.input ? inputs.ref(operation.input.shape) : "z.object({})"},`);
    outputLines.push(`  ${name}: ${operation.output ? outputs.ref(operation.output.shape) : "z.strictObject({})"},`);
    errorLines.push(`  ${name}: ${js((operation.errors ?? []).map((error) => error.shape))},`);
  }
  const text = `// Generated by scripts/generate-contracts.mjs from botocore ${botocoreVersion()}'s ${serviceId} model (Apache License 2.0). Do not edit.
/* eslint-disable */
import * as z from "zod";
import { aws } from "../core/validation";

${inputs.declarations()}

${outputs.declarations()}

/** Requests as AWS validates them, per operation the engine implements. */
export const inputs = {
${inputLines.join("\n")}
} as const;

/** Responses on the wire, strict. */
export const outputs = {
${outputLines.join("\n")}
} as const;

/** The error codes the model documents for each operation. */
export const errors: Record<keyof typeof inputs, readonly string[]> = {
${errorLines.join("\n")}
};
`;
  writeFileSync(path.join(outDir, `${serviceId}.ts`), text);
  console.log(`${serviceId}: ${implemented.length} operations, ${inputs.order.length} request shapes, ${outputs.order.length} response shapes`);
}

mkdirSync(outDir, { recursive: true });
for (const service of ["kms", "secretsmanager", "ssm", "sts", "ec2", "lambda", "cloudformation", "cloudtrail"]) generate(service);
