/**
 * `aws ...` in the sandbox: the AWS CLI v2's driver (awscli/clidriver.py)
 * step by step, so that output, error text and exit codes match the real
 * CLI, with the engine in place of the network.
 */
import type { CallerRef } from "../state";
import { isAwsServiceError, SandboxUsageError } from "../core/errors";
import type { ServiceId } from "../core/operation";
import { ArgParseError, ArgParser, type ArgAction } from "./argparse";
import { actionOf, argumentTable, loadArgument, paginatorInputTokens, paginatorOf, pyName, unpackValue, type CliArgument } from "./arguments";
import { ClientError, CliError, ConfigurationError, CliParamValidationError, EXIT, GeneralError, ParamError, ParamValidationError, UnknownArgumentError } from "./errors";
import { mainParserActions } from "./globals";
import { operationHelp, serviceHelp, topLevelHelp } from "./help";
import { commandTable, inputShape, outputShape, SERVICE_MODELS, TOP_LEVEL_COMMANDS, xformName, type OperationInfo } from "./model";
import { formatResponse } from "./output";
import { PageIterator, type PaginationConfig } from "./paginate";
import { b64decode, BinasciiError } from "./python/base64";
import { JsonDecodeError, jsonDumps, jsonLoads } from "./python/json";
import { isDict, PyDict, PyException, pyStr, pyTypeName, type PyValue } from "./python/values";
import { compileQuery, JmesPathSyntaxError, type CompiledQuery } from "./query";
import { skeletonInput, skeletonOutput, skeletonYamlInput } from "./skeleton";
import type { AwsCliContext, CommandResult, RunAwsCli } from "./types";
import { validateParameters } from "./validate";
import { parseShape, serializeRequest } from "./wire";
import { getParamfile } from "./paramfile";
import { afterCall, beforeParameterBuild } from "./customizations";
import { notSimulatedOperation, notSimulatedService } from "./not-simulated";
import { parse as parseYaml } from "yaml";
import { knownRegion } from "./regions";

/** Commands a service has besides its operations (the CLI's customizations). */
const EXTRA_COMMANDS: Record<string, string[]> = { ssm: ["wait"] };

interface Globals {
  output: string;
  query: CompiledQuery | null;
  region: string;
  paginate: boolean;
  binaryFormat: string;
  color: string;
  debug: boolean;
}

class Output {
  stdout: string[] = [];
  stderr: string[] = [];
}

const encoder = new TextEncoder();

export const runAwsCli: RunAwsCli = (argv, context) => {
  const out = new Output();
  let exitCode: number;
  try {
    exitCode = main([...argv], context, out);
  } catch (error) {
    exitCode = report(error, out);
  }
  return { stdout: encoder.encode(out.stdout.join("")), stderr: encoder.encode(out.stderr.join("")), exitCode } satisfies CommandResult;
};

/** The CLI's error handlers: each failure printed as "\n" + message + "\n" with its exit code. */
function report(error: unknown, out: Output): number {
  if (error instanceof ArgParseError) {
    out.stderr.push("\n" + error.message + "\n");
    return EXIT.USAGE;
  }
  if (error instanceof CliError) {
    out.stderr.push("\n" + error.message + "\n");
    return error.exitCode;
  }
  if (error instanceof PyException) {
    out.stderr.push("\n" + error.message + "\n");
    return EXIT.GENERAL;
  }
  // A fault of the sandbox itself: still an exit code and a message, never a crash.
  const message = error instanceof Error ? error.message : String(error);
  out.stderr.push(`\nThe sandbox's aws command failed unexpectedly: ${message}\n`);
  return EXIT.GENERAL;
}

// Parsers keep no state between parses: each is built once.
let mainParserInstance: ArgParser | undefined;
const serviceParsers = new Map<string, ArgParser>();
const operationParsers = new Map<string, ArgParser>();

function main(argv: string[], context: AwsCliContext, out: Output): number {
  mainParserInstance ??= new ArgParser(mainParserActions([...TOP_LEVEL_COMMANDS]));
  const mainParser = mainParserInstance;
  const parsed = mainParser.parseKnownArgs(argv);
  if (parsed.versionText !== undefined) {
    out.stdout.push(parsed.versionText + "\n");
    return EXIT.OK;
  }
  const ns = parsed.namespace;
  const globals = resolveGlobals(ns, context);
  const command = ns.get("command") as string;

  if (command === "help") {
    out.stdout.push(topLevelHelp());
    return EXIT.OK;
  }
  const service = SERVICE_MODELS.get(command);
  if (!service) throw new GeneralError(notSimulatedService(command));

  const table = commandTable(command);
  let serviceParser = serviceParsers.get(command);
  if (!serviceParser) {
    const choices = [...table.keys(), ...(EXTRA_COMMANDS[command] ?? []), "help"];
    serviceParser = new ArgParser([{ optionStrings: [], dest: "operation", kind: "command", choices, required: true }]);
    serviceParsers.set(command, serviceParser);
  }
  const serviceParsed = serviceParser.parseKnownArgs(parsed.extras);
  const operationName = serviceParsed.namespace.get("operation") as string;
  if (operationName === "help") {
    out.stdout.push(serviceHelp(command));
    return EXIT.OK;
  }
  const operation = table.get(operationName);
  if (!operation || !operation.entry.implemented) throw new GeneralError(notSimulatedOperation(command, operationName, operation?.name));
  return runOperation(operation, serviceParsed.extras, globals, context, out);
}

function resolveGlobals(ns: Map<string, PyValue | undefined>, context: AwsCliContext): Globals {
  // top-level-args-parsed: --query compiles first, then --endpoint-url is checked, then the timeouts.
  let query: CompiledQuery | null = null;
  const queryText = ns.get("query");
  if (typeof queryText === "string") {
    try {
      query = compileQuery(queryText);
    } catch (error) {
      if (error instanceof JmesPathSyntaxError) throw new CliParamValidationError(`Bad value for --query ${queryText}: ${error.message}`);
      throw error;
    }
  }
  const endpoint = ns.get("endpoint_url");
  if (typeof endpoint === "string" && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(endpoint)) {
    throw new CliParamValidationError(`Bad value for --endpoint-url "${endpoint}": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/`);
  }
  for (const timeout of ["read_timeout", "connect_timeout"]) {
    const value = ns.get(timeout);
    if (typeof value === "string") {
      // int(value) as the CLI does.
      if (!/^\s*[+-]?\d+(_\d+)*\s*$/.test(value)) throw new PyException("ValueError", `invalid literal for int() with base 10: '${value}'`);
    }
  }
  const regionArg = ns.get("region");
  const region = (typeof regionArg === "string" && regionArg) || context.env.AWS_REGION || context.env.AWS_DEFAULT_REGION || context.engine.region;
  const outputArg = ns.get("output");
  const output = typeof outputArg === "string" ? outputArg : context.env.AWS_DEFAULT_OUTPUT || "json";
  const binary = ns.get("cli_binary_format");
  return {
    output,
    query,
    region,
    paginate: ns.get("paginate") !== false,
    binaryFormat: typeof binary === "string" ? binary : "base64",
    color: String(ns.get("color") ?? "auto"),
    debug: ns.get("debug") === true,
  };
}

function runOperation(operation: OperationInfo, args: string[], globals: Globals, context: AwsCliContext, out: Output): number {
  const table = argumentTable(operation);
  // before-building-argument-table-parser: --cli-input-json/yaml and --generate-cli-skeleton lift "required".
  const skeletonAt = args.indexOf("--generate-cli-skeleton");
  const overrideRequired = args.includes("--cli-input-json") || args.includes("--cli-input-yaml") || (skeletonAt >= 0 && args[skeletonAt + 1] !== "output");
  if (args.length === 1 && args[0] === "help") {
    out.stdout.push(operationHelp(operation));
    return EXIT.OK;
  }
  const parserKey = `${operation.service} ${operation.command} ${overrideRequired}`;
  let parser = operationParsers.get(parserKey);
  if (!parser) {
    const actions: ArgAction[] = table.map((argument) => {
      const action = actionOf(argument);
      return overrideRequired ? { ...action, required: false } : action;
    });
    parser = new ArgParser([...actions, { optionStrings: [], dest: "help", kind: "store", nargs: "?" }]);
    operationParsers.set(parserKey, parser);
  }
  const { namespace, extras } = parser.parseKnownArgs(args);
  const helpValue = namespace.get("help");
  if (helpValue === "help") {
    out.stdout.push(operationHelp(operation));
    return EXIT.OK;
  }
  const remaining = [...extras];
  if (typeof helpValue === "string") remaining.push(helpValue);
  if (remaining.length) throw new UnknownArgumentError(remaining);

  // operation-args-parsed: a paging member given by hand turns automatic pagination off.
  const paginator = paginatorOf(operation);
  let paginate = globals.paginate;
  if (paginator) {
    for (const token of paginatorInputTokens(paginator)) {
      const value = namespace.get(pyName(xformName(token)));
      if (value !== undefined && value !== null) paginate = false;
    }
    if (!paginate) {
      const used = ["starting_token", "page_size", "max_items"].filter((name) => truthy(namespace.get(name)));
      if (used.length) throw new CliParamValidationError(`Cannot specify --no-paginate along with pagination arguments: ${used.map((name) => "--" + name.replace(/_/g, "-")).join(", ")}`);
    }
  }

  const access = { fs: context.fs, env: context.env, stdin: context.stdin };
  const params = new PyDict();
  const positionals = new Map<string, PyValue>();
  for (const argument of table) {
    if (argument.positional) positionals.set(argument.name, namespace.get(pyName(argument.name)) ?? null);
    // The negative boolean's own name (no_x) is not a destination: only the positive one adds the member.
    const key = pyName(argument.name);
    if (!namespace.has(key) || argument.negates) continue;
    const value = loadArgument(argument, namespace.get(key), access);
    addToParams(argument, params, value);
  }

  // calling-command: --cli-input-json/yaml fill what the command line did not give.
  const inputJson = namespace.get("cli_input_json");
  const inputYaml = namespace.get("cli_input_yaml");
  if ((inputJson !== undefined && inputJson !== null) || (inputYaml !== undefined && inputYaml !== null)) {
    if (inputJson !== undefined && inputJson !== null && inputYaml !== undefined && inputYaml !== null) {
      throw new CliParamValidationError("Only one --cli-input- parameter may be specified.");
    }
    const isJson = inputJson !== undefined && inputJson !== null;
    const raw = (isJson ? inputJson : inputYaml) as PyValue;
    const loaded = loadCliInput(isJson ? "cli-input-json" : "cli-input-yaml", raw, access);
    for (const [key, value] of loaded) if (!params.has(key)) params.set(key, value);
  }
  if (paginator) for (const key of params.keys()) if (paginatorInputTokens(paginator).includes(key)) paginate = false;

  const skeleton = namespace.get("generate_cli_skeleton");
  if (typeof skeleton === "string" && skeleton) {
    if (skeleton === "input") {
      out.stdout.push(skeletonInput(inputShape(operation)));
      return EXIT.OK;
    }
    if (skeleton === "yaml-input") {
      out.stdout.push(skeletonYamlInput(inputShape(operation)));
      return EXIT.OK;
    }
    // output: the sample response is checked first (botocore's Stubber), then the input as the real call would.
    const sample = skeletonOutput(outputShape(operation));
    const prepared = prepareParams(operation, params, globals, context);
    const report = validateParameters(prepared, inputShape(operation));
    if (report) throw new ParamValidationError(report);
    formatResponse(operation.name, sample, formatOptions(globals, context), (text) => out.stdout.push(text));
    return EXIT.OK;
  }

  return invoke(operation, params, paginate && paginator !== undefined, globals, context, out, positionals);
}

function truthy(value: PyValue | undefined): boolean {
  return !(value === undefined || value === null || value === false || value === 0 || value === "");
}

function addToParams(argument: CliArgument, params: PyDict, value: PyValue | undefined): void {
  if (value === undefined || value === null) return;
  switch (argument.kind) {
    case "boolean":
      params.set(argument.memberName!, value);
      return;
    case "member":
    case "list":
      params.set(argument.memberName!, unpackValue(argument, value));
      return;
    case "page": {
      const existing = params.get("PaginationConfig");
      const config = isDict(existing) ? existing : new PyDict();
      config.set(argument.pageKey!, value);
      params.set("PaginationConfig", config);
      return;
    }
    case "custom":
      argument.apply?.(params, value);
      return;
  }
}

function loadCliInput(name: "cli-input-json" | "cli-input-yaml", raw: PyValue, access: Parameters<typeof getParamfile>[1]): PyDict {
  let text = raw;
  const file = getParamfile(raw, access);
  if (file !== null) text = file;
  const source = text instanceof Uint8Array ? new TextDecoder().decode(text) : pyStr(text);
  let loaded: PyValue;
  if (name === "cli-input-json") {
    try {
      loaded = jsonLoads(source);
    } catch (error) {
      if (error instanceof JsonDecodeError) throw new ParamError(name, "Invalid JSON received.");
      throw error;
    }
  } else {
    try {
      loaded = yamlToPy(parseYaml(source, { version: "1.2" }) as unknown);
    } catch {
      throw new ParamError(name, "Invalid YAML received.");
    }
  }
  if (!isDict(loaded)) throw new ParamError(`--${name}`, `Invalid type: expecting map, received ${pyTypeName(loaded)}`);
  return loaded;
}

function yamlToPy(value: unknown): PyValue {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(yamlToPy);
  if (value instanceof Uint8Array) return value;
  if (typeof value === "object") {
    const dict = new PyDict();
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) dict.set(key, yamlToPy(item));
    return dict;
  }
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

function formatOptions(globals: Globals, context: AwsCliContext) {
  const columns = Number(context.env.COLUMNS);
  return { output: globals.output, query: globals.query, color: globals.color, terminalWidth: Number.isInteger(columns) && columns > 0 ? columns : 80 };
}

/**
 * What botocore does to the parameters of each request before sending it:
 * blobs base64-decoded (cli_binary_format base64), idempotency tokens filled.
 */
function prepareParams(operation: OperationInfo, params: PyDict, globals: Globals, context: AwsCliContext): PyDict {
  const shape = inputShape(operation);
  const prepared = PyDict.from(params);
  beforeParameterBuild(operation, prepared);
  if (!shape) return prepared;
  if (globals.binaryFormat === "base64") decodeBlobs(prepared, shape);
  for (const [member] of shape.members) {
    if (shape.memberRef(member)?.idempotencyToken && !prepared.has(member)) prepared.set(member, context.engine.newRequestToken());
  }
  return prepared;
}

function decodeBlobs(value: PyValue, shape: ReturnType<typeof inputShape> & object, parent?: { set(value: PyValue): void }): void {
  switch (shape.type) {
    case "structure":
      if (!isDict(value)) return;
      for (const [name, member] of shape.members) {
        if (!value.has(name)) continue;
        decodeBlobs(value.get(name)!, member, { set: (decoded) => value.set(name, decoded) });
      }
      return;
    case "list":
      if (!Array.isArray(value)) return;
      value.forEach((item, index) => decodeBlobs(item, shape.member, { set: (decoded) => (value[index] = decoded) }));
      return;
    case "map":
      if (!isDict(value)) return;
      for (const [key, item] of value) decodeBlobs(item, shape.value, { set: (decoded) => value.set(key, decoded) });
      return;
    case "blob":
      if (typeof value !== "string") return;
      try {
        parent?.set(b64decode(value));
      } catch (error) {
        if (error instanceof BinasciiError) throw new GeneralError(`Invalid base64: "${value}"`);
        throw error;
      }
      return;
    default:
      return;
  }
}

const RETRYABLE_CODES = new Set([
  "RequestTimeout",
  "RequestTimeoutException",
  "PriorRequestNotComplete",
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestThrottledException",
  "TooManyRequestsException",
  "ProvisionedThroughputExceededException",
  "TransactionInProgressException",
  "RequestLimitExceeded",
  "BandwidthLimitExceeded",
  "LimitExceededException",
  "RequestThrottled",
  "SlowDown",
  "EC2ThrottledException",
]);
const MAX_ATTEMPTS = 3;

function invoke(operation: OperationInfo, params: PyDict, paginate: boolean, globals: Globals, context: AwsCliContext, out: Output, positionals: ReadonlyMap<string, PyValue>): number {
  const region = globals.region;
  if (!/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/.test(region)) throw new GeneralError(`Provided region_name '${region}' doesn't match a supported format.`);
  const format = formatOptions(globals, context);
  if (!["json", "text", "table", "yaml", "yaml-stream"].includes(format.output)) throw new PyException("ValueError", `Unknown output type: ${format.output}`);

  const call = (requestParams: PyDict): PyDict => callEngine(operation, requestParams, globals, context, out, positionals);
  const write = (text: string) => out.stdout.push(text);
  if (paginate) {
    const paginator = paginatorOf(operation)!;
    const config = params.get("PaginationConfig");
    params.delete("PaginationConfig");
    const pagination: PaginationConfig = {};
    if (isDict(config)) {
      const maxItems = config.get("MaxItems");
      if (maxItems !== undefined && maxItems !== null) pagination.maxItems = Number(maxItems);
      const pageSize = config.get("PageSize");
      if (pageSize !== undefined && pageSize !== null) pagination.pageSize = pageSize;
      const starting = config.get("StartingToken");
      if (typeof starting === "string") pagination.startingToken = starting;
    }
    formatResponse(operation.name, new PageIterator(paginator, call, params, pagination), format, write);
  } else {
    formatResponse(operation.name, call(params), format, write);
  }
  return EXIT.OK;
}

function callEngine(operation: OperationInfo, params: PyDict, globals: Globals, context: AwsCliContext, out: Output, positionals: ReadonlyMap<string, PyValue>): PyDict {
  const shape = inputShape(operation);
  const prepared = prepareParams(operation, params, globals, context);
  const report = validateParameters(prepared, shape);
  if (report) throw new ParamValidationError(report);
  if (!knownRegion(globals.region)) {
    const host = operation.serviceId === "sts" ? `sts.${globals.region}.amazonaws.com` : `${operation.model.metadata.endpointPrefix}.${globals.region}.amazonaws.com`;
    throw new GeneralError(`Could not connect to the endpoint URL: "https://${host}/"`);
  }
  const request = serializeRequest(prepared, shape);
  const as = callerOfCredentials(operation, context);
  if (globals.debug) out.stderr.push(`sandbox debug: ${operation.service}.${operation.name} request ${jsonDumps(prepared instanceof PyDict ? debugView(prepared) : prepared)}\n`);
  for (let attempt = 1; ; attempt++) {
    try {
      const response = context.engine.call(operation.serviceId as ServiceId, operation.name, request, { region: globals.region, ...(as ? { as } : {}) });
      const output = outputShape(operation);
      const parsed = output ? parseShape(output, response) : new PyDict();
      if (globals.debug) out.stderr.push(`sandbox debug: ${operation.service}.${operation.name} response ${JSON.stringify(response)}\n`);
      if (!isDict(parsed)) return new PyDict();
      afterCall(operation, parsed, positionals, context);
      // The real CLI strips ResponseMetadata from every response except those with a
      // top-level "Errors" member (its formatter's _remove_request_id); BatchGetSecretValue has one.
      if (parsed.has("Errors")) parsed.set("ResponseMetadata", responseMetadata(context, response, attempt - 1));
      return parsed;
    } catch (error) {
      if (isAwsServiceError(error)) {
        const retryable = error.status >= 500 || RETRYABLE_CODES.has(error.code);
        if (retryable && attempt < MAX_ATTEMPTS) continue;
        const retries = retryable ? ` (reached max retries: ${attempt - 1})` : "";
        throw new ClientError(error.code, operation.name, error.message, retries);
      }
      if (error instanceof SandboxUsageError) throw new GeneralError(error.message);
      throw error;
    }
  }
}

/**
 * The identity of temporary credentials in the environment (what `aws sts
 * assume-role` gave and the learner exported), as AWS would authenticate
 * the request; undefined without them (the sandbox's own caller acts). Bad
 * credentials fail as AWS fails them: STS answers in its Query protocol's
 * codes, the JSON services in theirs.
 */
function callerOfCredentials(operation: OperationInfo, context: AwsCliContext): CallerRef | undefined {
  const accessKeyId = context.env.AWS_ACCESS_KEY_ID;
  if (!accessKeyId) {
    if (context.credentials === "environment-only") throw new ConfigurationError('Unable to locate credentials. You can configure credentials by running "aws configure".');
    return undefined;
  }
  const check = context.engine.checkCredentials(accessKeyId, context.env.AWS_SECRET_ACCESS_KEY, context.env.AWS_SESSION_TOKEN || undefined);
  if (check.ok) return check.caller;
  const sts = operation.serviceId === "sts";
  const [code, message]: readonly [string, string] = ({
    unknown: [sts ? "InvalidClientTokenId" : "UnrecognizedClientException", "The security token included in the request is invalid."],
    expired: [sts ? "ExpiredToken" : "ExpiredTokenException", "The security token included in the request is expired"],
    signature: [sts ? "SignatureDoesNotMatch" : "InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."],
  } as const)[check.problem];
  throw new ClientError(code, operation.name, message, "");
}

/** What botocore reports about the HTTP exchange, with the headers the sandbox's endpoint sends. */
function responseMetadata(context: AwsCliContext, response: unknown, retries: number): PyDict {
  const requestId = context.engine.lastRequestId ?? "";
  const headers = new PyDict();
  headers.set("x-amzn-requestid", requestId);
  headers.set("content-type", "application/x-amz-json-1.1");
  headers.set("content-length", String(new TextEncoder().encode(JSON.stringify(response)).length));
  headers.set("date", new Date(context.engine.now).toUTCString());
  const metadata = new PyDict();
  metadata.set("RequestId", requestId);
  metadata.set("HTTPStatusCode", 200);
  metadata.set("HTTPHeaders", headers);
  metadata.set("RetryAttempts", retries);
  return metadata;
}

function debugView(params: PyDict): PyDict {
  const view = new PyDict();
  for (const [key, value] of params) view.set(key, value instanceof Uint8Array ? `<${value.length} bytes>` : value);
  return view;
}
