/**
 * botocore's client-side parameter validation, which the CLI runs before
 * sending a request: types, required members, unknown members and `min`
 * (length of strings and lists, value of numbers). Nothing else: `max`,
 * enums and patterns are left to the service (so they exit 254, not 252).
 */
import type { Shape } from "./model";
import { PyDatetime, PyDict, PyFloat, pyStr, pyTypeName, type PyValue } from "./python/values";

type Report = [kind: string, name: string, detail: Record<string, unknown>];

function displayName(name: string): string {
  if (!name) return "input";
  return name.startsWith(".") ? name.slice(1) : name;
}

function format([kind, rawName, detail]: Report): string {
  const name = displayName(rawName);
  switch (kind) {
    case "missing required field":
      return `Missing required parameter in ${name}: "${String(detail.required)}"`;
    case "unknown field":
      return `Unknown parameter in ${name}: "${String(detail.unknown)}", must be one of: ${(detail.valid as string[]).join(", ")}`;
    case "invalid type":
      return `Invalid type for parameter ${name}, value: ${pyStr(detail.param as PyValue)}, type: ${pyTypeName(detail.param as PyValue)}, valid types: ${(detail.validTypes as string[]).join(", ")}`;
    case "invalid range":
      return `Invalid value for parameter ${name}, value: ${pyStr(detail.param as PyValue)}, valid min value: ${String(detail.min)}`;
    case "invalid length":
      return `Invalid length for parameter ${name}, value: ${String(detail.param)}, valid min length: ${String(detail.min)}`;
    case "more than one input":
      return `Invalid number of parameters set for tagged union structure ${name}. Can only set one of the following keys: ${(detail.members as string[]).join(". ")}.`;
    case "empty input":
      return `Must set one of the following keys for tagged unionstructure ${name}: ${(detail.members as string[]).join(". ")}.`;
    default:
      return `${kind} ${name}`;
  }
}

const STR = "<class 'str'>";
const INT = "<class 'int'>";

function isInt(value: PyValue | undefined): boolean {
  // bool is an int subclass in Python.
  return (typeof value === "number" && Number.isInteger(value)) || typeof value === "boolean";
}

function numeric(value: PyValue): number {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof PyFloat) return value.value;
  return value as number;
}

class Validator {
  readonly reports: Report[] = [];

  private report(name: string, kind: string, detail: Record<string, unknown>): void {
    this.reports.push([kind, name, detail]);
  }

  private typeCheck(value: PyValue | undefined, ok: boolean, name: string, validTypes: string[]): boolean {
    if (!ok) this.report(name, "invalid type", { param: value ?? null, validTypes });
    return ok;
  }

  private rangeCheck(name: string, value: number, shape: Shape, kind: "invalid range" | "invalid length", param: PyValue): void {
    if (shape.spec.min !== undefined && value < shape.spec.min) this.report(name, kind, { param, min: shape.spec.min });
  }

  validate(value: PyValue | undefined, shape: Shape, name: string): void {
    switch (shape.type) {
      case "structure": {
        if (shape.spec.document) return;
        if (!this.typeCheck(value, value instanceof PyDict, name, ["<class 'dict'>"])) return;
        const params = value as PyDict;
        if (shape.spec.union) {
          if (params.size === 0) this.report(name, "empty input", { members: [...shape.members.keys()] });
          else if (params.size > 1) this.report(name, "more than one input", { members: [...shape.members.keys()] });
        }
        for (const required of shape.required) if (!params.has(required)) this.report(name, "missing required field", { required });
        const members = shape.members;
        const known: string[] = [];
        for (const key of params.keys()) {
          if (!members.has(key)) this.report(name, "unknown field", { unknown: key, valid: [...members.keys()] });
          else known.push(key);
        }
        for (const key of known) this.validate(params.get(key), members.get(key)!, `${name}.${key}`);
        return;
      }
      case "string":
        if (this.typeCheck(value, typeof value === "string", name, [STR])) this.rangeCheck(name, [...(value as string)].length, shape, "invalid length", [...(value as string)].length);
        return;
      case "list":
        if (!this.typeCheck(value, Array.isArray(value), name, ["<class 'list'>", "<class 'tuple'>"])) return;
        this.rangeCheck(name, (value as PyValue[]).length, shape, "invalid length", (value as PyValue[]).length);
        (value as PyValue[]).forEach((item, index) => this.validate(item, shape.member, `${name}[${index}]`));
        return;
      case "map":
        if (!this.typeCheck(value, value instanceof PyDict, name, ["<class 'dict'>"])) return;
        for (const [key, item] of value as PyDict) {
          this.validate(key, shape.key, `${name} (key: ${key})`);
          this.validate(item, shape.value, `${name}.${key}`);
        }
        return;
      case "integer":
      case "long":
        if (this.typeCheck(value, isInt(value), name, [INT])) this.rangeCheck(name, numeric(value as PyValue), shape, "invalid range", value as PyValue);
        return;
      case "double":
      case "float":
        if (this.typeCheck(value, isInt(value) || value instanceof PyFloat, name, ["<class 'float'>", "<class 'decimal.Decimal'>", INT])) {
          this.rangeCheck(name, numeric(value as PyValue), shape, "invalid range", value as PyValue);
        }
        return;
      case "boolean":
        this.typeCheck(value, typeof value === "boolean", name, ["<class 'bool'>"]);
        return;
      case "blob":
        if (!(typeof value === "string" || value instanceof Uint8Array)) this.report(name, "invalid type", { param: value ?? null, validTypes: ["<class 'bytes'>", "<class 'bytearray'>", "file-like object"] });
        return;
      case "timestamp":
        if (!(typeof value === "string" || typeof value === "number" || value instanceof PyDatetime)) {
          this.report(name, "invalid type", { param: value ?? null, validTypes: ["<class 'datetime.datetime'>", "timestamp-string"] });
        }
        return;
    }
  }
}

/** The "Parameter validation failed" report, or undefined when the parameters pass. */
export function validateParameters(params: PyDict, shape: Shape | undefined): string | undefined {
  if (!shape) return undefined;
  const validator = new Validator();
  validator.validate(params, shape, "");
  return validator.reports.length ? validator.reports.map(format).join("\n") : undefined;
}
