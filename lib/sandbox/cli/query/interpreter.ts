/**
 * jmespath.visitor.TreeInterpreter, ported node for node: the result the
 * AWS CLI's --query computes, including Python's None for anything that does
 * not apply (a field of a list, an index of a string) and the projections'
 * dropping of None.
 */
import { isDict, PyDict, PyException, type PyValue } from "../python/values";
import type { Comparator, Node } from "./ast";
import { callFunction } from "./functions";
import { Expref, isFalse, isNumber, numberOf, pyCompare, pyEquals, pyNot, type JValue, type Ordering } from "./semantics";

const ORDERINGS: Record<Exclude<Comparator, "eq" | "ne">, Ordering> = { lt: "<", lte: "<=", gt: ">", gte: ">=" };

/** Python's 0 == False and 1 == True are not JMESPath equalities. */
function isSpecialNumberCase(x: JValue, y: JValue): boolean {
  if (isNumber(x) && (numberOf(x) === 0 || numberOf(x) === 1)) return typeof y === "boolean";
  if (isNumber(y) && (numberOf(y) === 0 || numberOf(y) === 1)) return typeof x === "boolean";
  return false;
}

function jmesEquals(x: JValue, y: JValue): boolean {
  return !isSpecialNumberCase(x, y) && pyEquals(x, y);
}

function isComparable(value: JValue): boolean {
  return isNumber(value) || typeof value === "string";
}

/** list[slice(start, stop, step)] with Python's clamping of out-of-range bounds. */
function pySlice<T>(list: T[], start: number | null, stop: number | null, step: number | null): T[] {
  const by = step ?? 1;
  if (by === 0) throw new PyException("ValueError", "slice step cannot be zero");
  const length = list.length;
  const clamp = (bound: number | null, fallback: number, low: number, high: number) => {
    if (bound === null) return fallback;
    const absolute = bound < 0 ? bound + length : bound;
    return Math.min(Math.max(absolute, low), high);
  };
  const out: T[] = [];
  if (by > 0) {
    const from = clamp(start, 0, 0, length);
    const to = clamp(stop, length, 0, length);
    for (let index = from; index < to; index += by) out.push(list[index]!);
  } else {
    const from = clamp(start, length - 1, -1, length - 1);
    const to = clamp(stop, -1, -1, length - 1);
    for (let index = from; index > to; index += by) out.push(list[index]!);
  }
  return out;
}

export function visit(node: Node, value: JValue): JValue {
  switch (node.type) {
    case "identity":
    case "current":
      return value;
    case "field":
      return isDict(value) ? (value.get(node.name) ?? null) : null;
    case "literal":
      return node.value;
    case "subexpression":
    case "index_expression":
      return node.children.reduce<JValue>((result, child) => visit(child, result), value);
    case "pipe":
      return visit(node.right, visit(node.left, value));
    case "index": {
      if (!Array.isArray(value)) return null;
      const index = node.index < 0 ? node.index + value.length : node.index;
      return index >= 0 && index < value.length ? value[index]! : null;
    }
    case "slice":
      return Array.isArray(value) ? pySlice(value, node.start, node.stop, node.step) : null;
    case "comparator": {
      const left = visit(node.left, value);
      const right = visit(node.right, value);
      if (node.comparator === "eq") return jmesEquals(left, right);
      if (node.comparator === "ne") return !jmesEquals(left, right);
      // Ordering applies to numbers and strings only; anything else gives None.
      if (!isComparable(left) || !isComparable(right)) return null;
      return pyCompare(left, ORDERINGS[node.comparator], right);
    }
    case "expref":
      return new Expref(node.child);
    case "function_expression": {
      const args = node.args.map((arg) => visit(arg, value));
      return callFunction(node.name, args, (expref, item) => visit(expref.expression, item));
    }
    case "filter_projection": {
      const base = visit(node.left, value);
      if (!Array.isArray(base)) return null;
      const collected: PyValue[] = [];
      for (const element of base) {
        if (isFalse(visit(node.condition, element))) continue;
        const current = visit(node.right, element);
        if (current !== null) collected.push(current as PyValue);
      }
      return collected;
    }
    case "flatten": {
      const base = visit(node.child, value);
      if (!Array.isArray(base)) return null;
      return base.flatMap((element) => (Array.isArray(element) ? element : [element]));
    }
    case "multi_select_dict": {
      if (value === null) return null;
      const collected = new PyDict();
      for (const pair of node.pairs) collected.set(pair.key, visit(pair.value, value) as PyValue);
      return collected;
    }
    case "multi_select_list":
      if (value === null) return null;
      return node.children.map((child) => visit(child, value) as PyValue);
    case "or_expression": {
      const matched = visit(node.left, value);
      return isFalse(matched) ? visit(node.right, value) : matched;
    }
    case "and_expression": {
      const matched = visit(node.left, value);
      return isFalse(matched) ? matched : visit(node.right, value);
    }
    case "not_expression":
      return pyNot(visit(node.child, value));
    case "projection":
    case "value_projection": {
      const base = visit(node.left, value);
      const elements = node.type === "projection" ? (Array.isArray(base) ? base : null) : isDict(base) ? [...base.values()] : null;
      if (!elements) return null;
      const collected: PyValue[] = [];
      for (const element of elements) {
        const current = visit(node.right, element);
        if (current !== null) collected.push(current as PyValue);
      }
      return collected;
    }
  }
}
