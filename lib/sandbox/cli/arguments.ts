/**
 * An operation's arguments as the CLI builds them from the model (one
 * `--kebab-name` per input member, `--no-x` beside each boolean, lists with
 * any number of values, the CLI's own --cli-input-json, --cli-input-yaml,
 * --generate-cli-skeleton and, for paginated operations, --starting-token,
 * --page-size and --max-items), and how each value becomes a parameter
 * (awscli/argprocess.py: file://, shorthand, JSON, numbers).
 */
import type { ArgAction } from "./argparse";
import { ParamError } from "./errors";
import { inputShape, xformName, type OperationInfo, type PaginatorSpec, type Shape } from "./model";
import { getParamfile, ResourceLoadingError, type FileAccess } from "./paramfile";
import { JsonDecodeError, jsonLoads } from "./python/json";
import { PyDict, PyException, PyFloat, pyFloat, pyInt, pyLstrip, pyStr, pyStrip, type PyValue } from "./python/values";
import { backCompatVisit, ShorthandParseError, ShorthandParser } from "./shorthand";
import { customizeArguments } from "./customizations";

export interface CliArgument {
  /** kebab-case name without dashes: "key-id", "no-recursive", "cli-input-json". */
  name: string;
  kind: "member" | "list" | "boolean" | "custom" | "page";
  /** Input member it fills (members and booleans). */
  memberName?: string;
  shape?: Shape;
  required: boolean;
  /** Hidden from help (the negative booleans, paging members the CLI replaces). */
  undocumented?: boolean;
  /** The boolean pair's positive name, for help. */
  negates?: string;
  /** For page arguments: the PaginationConfig key; its parse type. */
  pageKey?: "StartingToken" | "PageSize" | "MaxItems";
  parseType?: "string" | "integer" | "long";
  /** Custom arguments: their argparse details. */
  custom?: Partial<ArgAction>;
  /** Custom arguments of a command's customization (customizations.ts): how the value fills the parameters. */
  apply?: (params: PyDict, value: PyValue) => void;
  /** A positional argument (lambda invoke's outfile). */
  positional?: boolean;
}

export const SCALAR_TYPES = new Set(["string", "float", "integer", "long", "boolean", "double", "blob", "timestamp"]);

export function cliName(argument: CliArgument): string {
  return "--" + argument.name;
}

export function pyName(name: string): string {
  return name.replace(/-/g, "_");
}

const intType = { name: "int", convert: (text: string): PyValue => pyInt(text) };
const floatType = { name: "float", convert: (text: string): PyValue => new PyFloat(pyFloat(text)) };

export function paginatorOf(operation: OperationInfo): PaginatorSpec | undefined {
  return operation.model.paginators[operation.name];
}

function asList<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function paginatorInputTokens(paginator: PaginatorSpec): string[] {
  return [...asList(paginator.input_token), ...(paginator.limit_key ? [paginator.limit_key] : [])];
}

const tables = new WeakMap<OperationInfo, readonly CliArgument[]>();

/** The argument table, in the order the CLI builds it (built once per operation; do not modify). */
export function argumentTable(operation: OperationInfo): readonly CliArgument[] {
  let cached = tables.get(operation);
  if (!cached) {
    cached = buildArgumentTable(operation);
    tables.set(operation, cached);
  }
  return cached;
}

function buildArgumentTable(operation: OperationInfo): CliArgument[] {
  const table: CliArgument[] = [];
  const shape = inputShape(operation);
  const paginator = paginatorOf(operation);
  const pagingMembers = new Set(paginator ? paginatorInputTokens(paginator) : []);
  if (shape) {
    for (const [memberName, memberShape] of shape.members) {
      const ref = shape.memberRef(memberName);
      const name = xformName(memberName);
      const required = shape.required.includes(memberName) && !ref?.idempotencyToken;
      const undocumented = ref?.deprecated || pagingMembers.has(memberName) ? true : undefined;
      if (memberShape.type === "boolean") {
        table.push({ name, kind: "boolean", memberName, shape: memberShape, required, undocumented });
        table.push({ name: `no-${name}`, kind: "boolean", memberName, shape: memberShape, required: false, undocumented: true, negates: name });
      } else {
        table.push({ name, kind: memberShape.type === "list" ? "list" : "member", memberName, shape: memberShape, required, undocumented });
      }
    }
  }
  table.push({ name: "cli-input-json", kind: "custom", required: false });
  table.push({ name: "cli-input-yaml", kind: "custom", required: false });
  if (paginator) {
    table.push({ name: "starting-token", kind: "page", pageKey: "StartingToken", parseType: "string", required: false });
    const limitShape = paginator.limit_key ? shape?.members.get(paginator.limit_key) : undefined;
    const limitType = (limitShape?.type ?? "integer") as "string" | "integer" | "long";
    if (paginator.limit_key) table.push({ name: "page-size", kind: "page", pageKey: "PageSize", parseType: limitType, required: false });
    table.push({ name: "max-items", kind: "page", pageKey: "MaxItems", parseType: limitType, required: false });
  }
  table.push({
    name: "generate-cli-skeleton",
    kind: "custom",
    required: false,
    custom: { nargs: "?", const: "input", choices: ["input", "output", "yaml-input"] },
  });
  return customizeArguments(operation, table);
}

/** The argparse action of an argument. */
export function actionOf(argument: CliArgument): ArgAction {
  if (argument.positional) return { optionStrings: [], dest: pyName(argument.name), kind: "store", required: argument.required };
  const optionStrings = [cliName(argument)];
  switch (argument.kind) {
    case "boolean":
      return {
        optionStrings,
        dest: pyName(argument.negates ?? argument.name),
        kind: argument.negates ? "store_false" : "store_true",
        default: null,
      };
    case "list":
      return { optionStrings, dest: pyName(argument.name), kind: "store", nargs: "*", required: argument.required };
    case "member": {
      const type = argument.shape?.type;
      // CLIArgument.TYPE_MAP: only long, float and double are converted by argparse; integers later by int().
      const converter = type === "long" ? intType : type === "float" || type === "double" ? floatType : undefined;
      return { optionStrings, dest: pyName(argument.name), kind: "store", required: argument.required, ...(converter ? { type: converter } : {}) };
    }
    case "page":
      return { optionStrings, dest: pyName(argument.name), kind: "store", ...(argument.parseType === "string" ? {} : { type: intType }) };
    case "custom":
      return { optionStrings, dest: pyName(argument.name), kind: "store", required: false, ...argument.custom };
  }
}

// --- Values -------------------------------------------------------------------

/** load-cli-arg: a file:// or fileb:// value is replaced by the file's contents. */
export function loadArgument(argument: CliArgument, value: PyValue | undefined, access: FileAccess): PyValue | undefined {
  const candidate = Array.isArray(value) && value.length === 1 ? value[0] : value;
  try {
    const loaded = getParamfile(candidate, access);
    return loaded === null ? value : loaded;
  } catch (error) {
    if (error instanceof ResourceLoadingError) throw new ParamError(cliName(argument), error.message);
    throw error;
  }
}

function supportsShorthand(shape: Shape): boolean {
  if (shape.type === "structure") return !shape.spec.document;
  if (shape.type === "map") return true;
  if (shape.type === "list") return ["structure", "list", "map"].includes(shape.member.type);
  return false;
}

function startsLikeJson(value: PyValue | undefined): boolean {
  // Only str values are looked at (fileb:// bytes never count as JSON).
  if (typeof value !== "string") return false;
  const stripped = pyStrip(value);
  return stripped.startsWith("[") || stripped.startsWith("{");
}

const shorthandParser = new ShorthandParser();

/** process-cli-arg: shorthand when it applies, otherwise unpack_cli_arg. */
export function unpackValue(argument: CliArgument, value: PyValue): PyValue {
  const shape = argument.shape!;
  const check = Array.isArray(value) && value.length > 0 ? value[0] : value;
  if (!startsLikeJson(check) && supportsShorthand(shape)) {
    try {
      // The structure-with-only-Value special case.
      if (shape.type === "structure" && shape.members.size === 1 && shape.members.get("Value")?.type === "string" && typeof value === "string" && !value.includes("=")) {
        return PyDict.from([["Value", value]]);
      }
      let parsed: PyValue;
      if (Array.isArray(value)) parsed = value.map((item) => shorthandParser.parse(stringValue(item)));
      else parsed = shorthandParser.parse(stringValue(value));
      backCompatVisit(parsed, shape);
      return parsed;
    } catch (error) {
      if (error instanceof ShorthandParseError) throw new ParamError(cliName(argument), error.message);
      throw error;
    }
  }
  return unpackCliArg(shape, value, cliName(argument));
}

function stringValue(value: PyValue): string {
  if (typeof value === "string") return value;
  throw new PyException("TypeError", `expected string or bytes-like object, got '${value === null ? "NoneType" : Array.isArray(value) ? "list" : value instanceof PyDict ? "dict" : "bytes"}'`);
}

export function unpackCliArg(shape: Shape, value: PyValue, name: string): PyValue {
  if (shape.type === "structure" && shape.spec.document) return unpackJson(value, name);
  if (SCALAR_TYPES.has(shape.type)) return unpackScalar(shape, value);
  if (shape.type === "structure" || shape.type === "map" || shape.type === "list") return unpackComplex(shape, value, name);
  return pyStr(value);
}

function unpackJson(value: PyValue, name: string): PyValue {
  const text = value instanceof Uint8Array ? new TextDecoder().decode(value) : pyStr(value);
  try {
    return jsonLoads(text, { ordered: true });
  } catch (error) {
    if (error instanceof JsonDecodeError) throw new ParamError(name, `Invalid JSON: ${error.message}\nJSON received: ${pyStr(value)}`);
    throw error;
  }
}

function firstChar(value: PyValue): string {
  // value.lstrip()[0], with Python's IndexError on an empty string.
  const text = typeof value === "string" ? pyLstrip(value) : value instanceof Uint8Array ? "" : pyStr(value);
  if (value instanceof Uint8Array) {
    if (value.length === 0) throw new PyException("IndexError", "index out of range");
    return "";
  }
  if (text.length === 0) throw new PyException("IndexError", "string index out of range");
  return text[0]!;
}

function unpackComplex(shape: Shape, value: PyValue, name: string): PyValue {
  if (shape.type === "structure" || shape.type === "map") {
    if (firstChar(value) === "{") return unpackJson(value, name);
    throw new ParamError(name, `Invalid JSON:\n${pyStr(value)}`);
  }
  // A list: JSON when it looks like JSON, otherwise each value on its own.
  if (typeof value === "string") {
    if (firstChar(value) === "[") return unpackJson(value, name);
  } else if (Array.isArray(value) && value.length === 1) {
    const single = typeof value[0] === "string" ? pyStrip(value[0]) : "";
    if (single && single[0] === "[") return unpackJson(value[0]!, name);
  }
  const items: PyValue[] = typeof value === "string" ? [...value] : Array.isArray(value) ? value : value instanceof Uint8Array ? [...value] : [];
  try {
    return items.map((item) => unpackCliArg(shape.member, item, name));
  } catch (error) {
    // ValueError and TypeError become "Error parsing parameter '--x': <first value>".
    if (error instanceof PyException && ["ValueError", "TypeError", "JSONDecodeError"].includes(error.pyType)) {
      const first = typeof value === "string" ? value[0] : Array.isArray(value) ? value[0] : undefined;
      throw new ParamError(name, pyStr(first ?? null));
    }
    throw error;
  }
}

function unpackScalar(shape: Shape, value: PyValue): PyValue {
  switch (shape.type) {
    case "integer":
    case "long":
      if (typeof value === "number") return value;
      if (typeof value === "string") return pyInt(value);
      if (value instanceof Uint8Array) return pyInt(new TextDecoder("latin1").decode(value));
      throw new PyException("TypeError", `int() argument must be a string, a bytes-like object or a real number, not '${Array.isArray(value) ? "list" : "dict"}'`);
    case "float":
    case "double":
      if (value instanceof PyFloat) return value;
      if (typeof value === "number") return new PyFloat(value);
      return new PyFloat(pyFloat(typeof value === "string" ? value : pyStr(value)));
    case "boolean":
      if (typeof value === "string" && value.toLowerCase() === "false") return false;
      return truthy(value);
    default:
      return value;
  }
}

function truthy(value: PyValue): boolean {
  if (value === null || value === false || value === 0 || value === "") return false;
  if (value instanceof PyFloat) return value.value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof PyDict) return value.size > 0;
  if (value instanceof Uint8Array) return value.length > 0;
  return true;
}
