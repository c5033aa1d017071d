/**
 * What the Python jmespath interpreter gets from Python itself: ==, the
 * ordering operators and their TypeErrors, truthiness, type names, int versus
 * float. JavaScript answers several of these differently (1 == true, string
 * order by UTF-16 unit, 2.0 printed as 2), so the port asks here.
 */
import { compareCodePoints, isDict, PyDatetime, PyException, PyFloat, pyRepr, pyTypeName, type PyValue } from "../python/values";
import type { Node } from "./ast";

/** An &expression passed to a function (jmespath.visitor._Expression). */
export class Expref {
  constructor(readonly expression: Node) {}
}

/** Every value the interpreter handles: the CLI's values plus exprefs. */
export type JValue = PyValue | Expref;

/** A stable stand-in for the memory address Python prints in an _Expression's repr. */
export const EXPREF_REPR = "<jmespath.visitor._Expression object at 0x7f3a5c1d2e50>";

export function isNumber(value: JValue): value is number | PyFloat {
  return typeof value === "number" || value instanceof PyFloat;
}

export function numberOf(value: number | PyFloat): number {
  return value instanceof PyFloat ? value.value : value;
}

export function isFloat(value: JValue): boolean {
  return value instanceof PyFloat || (typeof value === "number" && !Number.isInteger(value));
}

/** A Python float result: integral floats are marked so they print as 2.0. */
export function float(value: number): number | PyFloat {
  return Number.isInteger(value) ? new PyFloat(value) : value;
}

/** type(value).__name__, which the type checks compare against (`<class 'collections.OrderedDict'>` -> OrderedDict). */
export function pythonTypeName(value: JValue): string {
  if (value instanceof Expref) return "_Expression";
  return /^<class '(?:[\w.]*\.)?(\w+)'>$/.exec(pyTypeName(value))![1]!;
}

const JMESPATH_TYPES: Record<string, string> = {
  bool: "boolean",
  list: "array",
  dict: "object",
  OrderedDict: "object",
  NoneType: "null",
  str: "string",
  float: "number",
  int: "number",
  _Expression: "expref",
};

/** Functions._convert_to_jmespath_type. */
export function jmespathType(pythonName: string): string {
  return JMESPATH_TYPES[pythonName] ?? "unknown";
}

/** str(value), as %s formats it in error messages. */
export function strOf(value: JValue): string {
  return typeof value === "string" ? value : reprOf(value);
}

/** Python's repr, with exprefs anywhere inside (a list or dict can hold them: to_array(&a), {a: &a}). */
function reprOf(value: JValue): string {
  return pyRepr(value as PyValue, (item) => (item instanceof Expref ? EXPREF_REPR : undefined));
}

/** Python's ==: numbers by value (True == 1, 1 == 1.0), containers element by element, dicts regardless of order. */
export function pyEquals(left: JValue, right: JValue): boolean {
  if (left === right) return true;
  const leftNumeric = typeof left === "boolean" || isNumber(left);
  const rightNumeric = typeof right === "boolean" || isNumber(right);
  if (leftNumeric || rightNumeric) return leftNumeric && rightNumeric && numericValue(left) === numericValue(right);
  if (Array.isArray(left) && Array.isArray(right)) return left.length === right.length && left.every((item, index) => pyEquals(item, right[index]!));
  if (isDict(left) && isDict(right)) {
    if (left.size !== right.size) return false;
    for (const [key, item] of left) if (!right.has(key) || !pyEquals(item, right.get(key)!)) return false;
    return true;
  }
  if (left instanceof Uint8Array && right instanceof Uint8Array) return left.length === right.length && left.every((byte, index) => byte === right[index]);
  if (left instanceof PyDatetime && right instanceof PyDatetime) return left.iso === right.iso;
  return false;
}

function numericValue(value: JValue): number {
  if (typeof value === "boolean") return value ? 1 : 0;
  return numberOf(value as number | PyFloat);
}

export type Ordering = "<" | "<=" | ">" | ">=";

/**
 * left OP right for numbers and strings (the only values jmespath orders);
 * mixing them raises Python's TypeError, which the CLI prints.
 */
export function pyCompare(left: JValue, op: Ordering, right: JValue): boolean {
  let order: number;
  if (isNumber(left) && isNumber(right)) {
    const a = numberOf(left);
    const b = numberOf(right);
    if (Number.isNaN(a) || Number.isNaN(b)) return false;
    order = a < b ? -1 : a > b ? 1 : 0;
  } else if (typeof left === "string" && typeof right === "string") order = compareCodePoints(left, right);
  else throw new PyException("TypeError", `'${op}' not supported between instances of '${pythonTypeName(left)}' and '${pythonTypeName(right)}'`);
  switch (op) {
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
  }
}

/** TreeInterpreter._is_false: '', [], {}, None and False (not 0). */
export function isFalse(value: JValue): boolean {
  return value === "" || value === null || value === false || (Array.isArray(value) && value.length === 0) || (isDict(value) && value.size === 0);
}

/** visit_not_expression: Python's `not value`, except that !0 is false (0 is not false in JMESPath). */
export function pyNot(value: JValue): boolean {
  if (isNumber(value)) return false;
  if (value instanceof Uint8Array) return value.length === 0;
  return isFalse(value);
}
