import { fromBase64, toBase64 } from "../../core/encoding";
import type { CheckTime } from "../cpu-budget";
import { compareStrings, compareValues, equalValues, formatJson, isObject, parseJsonStream, typeName, type JObject, type JV } from "./json";
import { JqCompileError, type Node } from "./parse";
import { captureObject, JqRegexError, matchImpl, patternAndFlags, scanResult, splitPieces, substitute } from "./regex";

/**
 * Running a jq filter: each Node gives the list of its outputs for one
 * input (jq's generators, as arrays: the data learners filter is small, and
 * a result budget stops runaway filters). Paths (pathsOf) make assignments
 * (=, |=, +=, ...) and del() work. What is supported is listed in `help jq`.
 */

export class JqError extends Error {}

/** Results a single filter run may produce before the sandbox stops it. */
const MAX_RESULTS = 100_000;

export interface JqEnvironment {
  variables: Map<string, JV>;
  env: Record<string, string>;
  /** The whole input stream, for `input` and `inputs`. */
  inputs: JV[];
  /** Counts work, so that `range(1e9)` cannot hang the page. */
  budget: { results: number };
  /** The command line's CPU-time check (cpu-budget.ts). */
  checkTime: CheckTime;
}

function describe(value: JV): string {
  let text = formatJson(value, 0);
  if (text.length > 11) text = text.slice(0, 10) + "...";
  return `${typeName(value)} (${text})`;
}

function truthy(value: JV): boolean {
  return value !== null && value !== false;
}

function count(env: JqEnvironment, amount = 1): void {
  env.checkTime();
  env.budget.results += amount;
  if (env.budget.results > MAX_RESULTS) throw new JqError("too many results (sandbox limit)");
}

function indexValue(target: JV, key: JV): JV {
  if (target === null) {
    if (typeof key === "string" || typeof key === "number" || key === null) return null;
  }
  if (isObject(target)) {
    if (typeof key === "string") return target.get(key) ?? null;
    throw new JqError(`Cannot index object with ${typeName(key)}`);
  }
  if (Array.isArray(target)) {
    if (typeof key === "number") {
      const position = Math.floor(key);
      const index = position < 0 ? target.length + position : position;
      return target[index] ?? null;
    }
    if (typeof key === "string") throw new JqError(`Cannot index array with string "${key}"`);
    throw new JqError(`Cannot index array with ${typeName(key)}`);
  }
  if (typeof key === "string") throw new JqError(`Cannot index ${typeName(target)} with string "${key}"`);
  throw new JqError(`Cannot index ${typeName(target)} with ${typeName(key)}`);
}

function iterate(target: JV): JV[] {
  if (Array.isArray(target)) return target;
  if (isObject(target)) return [...target.values()];
  throw new JqError(`Cannot iterate over ${describe(target)}`);
}

function sliceValue(target: JV, from: JV, to: JV): JV {
  if (target === null) return null;
  if (typeof target !== "string" && !Array.isArray(target)) throw new JqError(`Cannot index ${typeName(target)} with object`);
  const length = target.length;
  const clamp = (value: JV, fallback: number) => {
    if (value === null) return fallback;
    if (typeof value !== "number") throw new JqError("Start and end indices of an array slice must be numbers");
    const position = Math.floor(value);
    return Math.max(0, Math.min(length, position < 0 ? length + position : position));
  };
  const start = clamp(from, 0);
  const end = clamp(to, length);
  return target.slice(start, Math.max(start, end));
}

function add(left: JV, right: JV): JV {
  if (left === null) return right;
  if (right === null) return left;
  if (typeof left === "number" && typeof right === "number") return left + right;
  if (typeof left === "string" && typeof right === "string") return left + right;
  if (Array.isArray(left) && Array.isArray(right)) return [...left, ...right];
  if (isObject(left) && isObject(right)) return new Map([...left, ...right]);
  throw new JqError(`${describe(left)} and ${describe(right)} cannot be added`);
}

function arithmetic(op: string, left: JV, right: JV): JV {
  if (op === "+") return add(left, right);
  if (op === "-") {
    if (typeof left === "number" && typeof right === "number") return left - right;
    if (Array.isArray(left) && Array.isArray(right)) return left.filter((item) => !right.some((other) => equalValues(item, other)));
    throw new JqError(`${describe(left)} and ${describe(right)} cannot be subtracted`);
  }
  if (op === "*") {
    if (typeof left === "number" && typeof right === "number") return left * right;
    if (typeof left === "string" && typeof right === "number") return right > 0 ? left.repeat(Math.min(Math.ceil(right), 1_000_000)) : null;
    if (isObject(left) && isObject(right)) return deepMerge(left, right);
    throw new JqError(`${describe(left)} and ${describe(right)} cannot be multiplied`);
  }
  if (op === "/") {
    if (typeof left === "number" && typeof right === "number") {
      if (right === 0) throw new JqError(`${describe(left)} and ${describe(right)} cannot be divided because the divisor is zero`);
      return left / right;
    }
    if (typeof left === "string" && typeof right === "string") return split(left, right);
    throw new JqError(`${describe(left)} and ${describe(right)} cannot be divided`);
  }
  if (typeof left === "number" && typeof right === "number") {
    const divisor = Math.trunc(right);
    if (divisor === 0) throw new JqError(`${describe(left)} and ${describe(right)} cannot be divided because the divisor is zero`);
    return Math.trunc(left) % divisor;
  }
  throw new JqError(`${describe(left)} and ${describe(right)} cannot be divided`);
}

function deepMerge(left: JObject, right: JObject): JObject {
  const result = new Map(left);
  for (const [key, value] of right) {
    const existing = result.get(key);
    result.set(key, existing !== undefined && isObject(existing) && isObject(value) ? deepMerge(existing, value) : value);
  }
  return result;
}

function split(text: string, separator: string): JV[] {
  if (text === "") return [];
  return separator === "" ? [...text] : text.split(separator);
}

function toText(value: JV): string {
  return typeof value === "string" ? value : formatJson(value, 0);
}

function applyFormat(name: string, value: JV): string {
  switch (name) {
    case "text":
      return toText(value);
    case "json":
      return formatJson(value, 0);
    case "base64":
      return toBase64(new TextEncoder().encode(toText(value)));
    case "base64d": {
      const text = toText(value).replace(/=+$/, "");
      try {
        return new TextDecoder().decode(fromBase64(text + "=".repeat((4 - (text.length % 4)) % 4)));
      } catch {
        throw new JqError(`${describe(value)} is not valid base64 data`);
      }
    }
    case "uri":
      return encodeURIComponent(toText(value)).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
    case "html":
      return toText(value).replace(/[<>&'"]/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&#39;", '"': "&quot;" })[char] ?? char);
    case "sh":
      return (Array.isArray(value) ? value : [value]).map((item) => {
        if (Array.isArray(item) || isObject(item)) throw new JqError(`${describe(item)} can not be escaped for shell`);
        return typeof item === "string" ? `'${item.replace(/'/g, "'\\''")}'` : toText(item);
      }).join(" ");
    case "csv":
    case "tsv": {
      if (!Array.isArray(value)) throw new JqError(`${describe(value)} cannot be ${name}-formatted, only an array can be`);
      return value
        .map((item) => {
          if (Array.isArray(item) || isObject(item)) throw new JqError(`${describe(item)} is not valid in a csv row`);
          if (typeof item === "string") return name === "csv" ? `"${item.replace(/"/g, '""')}"` : item.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
          return item === null ? "" : toText(item);
        })
        .join(name === "csv" ? "," : "\t");
    }
    default:
      throw new JqError(`${name} is not a valid format`);
  }
}

function lengthOf(value: JV): JV {
  if (value === null) return 0;
  if (typeof value === "boolean") throw new JqError(`${describe(value)} has no length`);
  if (typeof value === "number") return Math.abs(value);
  if (typeof value === "string") return [...value].length;
  if (Array.isArray(value)) return value.length;
  return value.size;
}

/** jq's regular-expression functions (jq/regex.ts), with their errors as jq errors. */
function regexCall<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof JqRegexError) throw new JqError(error.message);
    throw error;
  }
}

function regexContext(env: JqEnvironment) {
  return { check: env.checkTime, format: (value: JV) => formatJson(value, 0), count: () => count(env) };
}

/** The (pattern, flags) pairs of `f(re)` (a string or [re, flags]) or `f(re; flags)`. */
function regexArguments(first: Node | undefined, second: Node | undefined, input: JV, env: JqEnvironment): [JV, JV][] {
  const patterns = one(first, input, env);
  if (!second) return patterns.map((value) => regexCall(() => patternAndFlags(value)));
  return patterns.flatMap((pattern) => one(second, input, env).map((flags): [JV, JV] => [pattern, flags]));
}

/** jq's `"g" + flags` in splits and gsub. */
function withGlobal(flags: JV, before: boolean): JV {
  if (flags === null) return "g";
  if (typeof flags === "string") return before ? "g" + flags : flags + "g";
  throw new JqError(before ? `string ("g") and ${describe(flags)} cannot be added` : `${describe(flags)} and string ("g") cannot be added`);
}

/** Runs a filter on one input; returns every output. */
export function evaluate(node: Node, input: JV, env: JqEnvironment): JV[] {
  switch (node.kind) {
    case "identity":
      return [input];
    case "recurse": {
      const out: JV[] = [];
      const walk = (value: JV) => {
        count(env);
        out.push(value);
        if (Array.isArray(value)) value.forEach(walk);
        else if (isObject(value)) [...value.values()].forEach(walk);
      };
      walk(input);
      return out;
    }
    case "literal":
      return [node.value];
    case "variable": {
      if (node.name === "ENV") return [new Map(Object.entries(env.env))];
      const value = env.variables.get(node.name);
      if (value === undefined) throw new JqCompileError(`$${node.name} is not defined`);
      return [value];
    }
    case "string": {
      let results: string[] = [""];
      for (const part of node.parts) {
        if (typeof part === "string") {
          results = results.map((text) => text + part);
          continue;
        }
        const values = evaluate(part, input, env);
        results = results.flatMap((text) => values.map((value) => text + (node.format ? applyFormat(node.format, value) : toText(value))));
      }
      return results;
    }
    case "format":
      return [applyFormat(node.name, input)];
    case "index":
      return evaluate(node.target, input, env).flatMap((target) =>
        evaluate(node.key, input, env).flatMap((key) => {
          try {
            return [indexValue(target, key)];
          } catch (error) {
            if (node.optional && error instanceof JqError) return [];
            throw error;
          }
        }),
      );
    case "slice":
      return evaluate(node.target, input, env).flatMap((target) => {
        const froms = node.from ? evaluate(node.from, input, env) : [null];
        const tos = node.to ? evaluate(node.to, input, env) : [null];
        return froms.flatMap((from) =>
          tos.map((to) => {
            try {
              return sliceValue(target, from, to);
            } catch (error) {
              if (node.optional && error instanceof JqError) return null;
              throw error;
            }
          }),
        );
      });
    case "iterate":
      return evaluate(node.target, input, env).flatMap((target) => {
        try {
          const items = iterate(target);
          count(env, items.length);
          return items;
        } catch (error) {
          if (node.optional && error instanceof JqError) return [];
          throw error;
        }
      });
    case "try":
      try {
        return evaluate(node.body, input, env);
      } catch (error) {
        if (error instanceof JqError) return [];
        throw error;
      }
    case "pipe":
      return evaluate(node.left, input, env).flatMap((value) => evaluate(node.right, value, env));
    case "comma":
      return [...evaluate(node.left, input, env), ...evaluate(node.right, input, env)];
    case "neg":
      return evaluate(node.operand, input, env).map((value) => {
        if (typeof value !== "number") throw new JqError(`${describe(value)} cannot be negated`);
        return -value;
      });
    case "binary":
      return binary(node, input, env);
    case "array": {
      const items = node.body ? evaluate(node.body, input, env) : [];
      count(env, items.length);
      return [items];
    }
    case "object": {
      let results: JObject[] = [new Map()];
      for (const entry of node.entries) {
        const keys = evaluate(entry.key, input, env);
        const next: JObject[] = [];
        for (const result of results) {
          for (const key of keys) {
            if (typeof key !== "string") throw new JqError(`Object keys must be strings`);
            const values = entry.value ? evaluate(entry.value, input, env) : [indexValue(input, key)];
            for (const value of values) next.push(new Map([...result, [key, value]]));
          }
        }
        count(env, next.length);
        results = next;
      }
      return results;
    }
    case "if": {
      const run = (index: number, value: JV): JV[] => {
        const branch = node.branches[index];
        if (!branch) return node.otherwise ? evaluate(node.otherwise, value, env) : [value];
        return evaluate(branch.condition, value, env).flatMap((condition) => (truthy(condition) ? evaluate(branch.body, value, env) : run(index + 1, value)));
      };
      return run(0, input);
    }
    case "bind":
      return evaluate(node.source, input, env).flatMap((value) => {
        const variables = new Map(env.variables);
        variables.set(node.name, value);
        return evaluate(node.body, input, { ...env, variables });
      });
    case "call":
      return call(node.name, node.args, input, env);
    case "assign":
      return assign(node, input, env);
  }
}

type Path = JV[];

/** The paths a filter designates in `input` (for assignments, del, path). */
function pathsOf(node: Node, input: JV, env: JqEnvironment): Path[] {
  switch (node.kind) {
    case "identity":
      return [[]];
    case "recurse": {
      const out: Path[] = [];
      const walk = (value: JV, path: Path) => {
        count(env);
        out.push(path);
        if (Array.isArray(value)) value.forEach((child, index) => walk(child, [...path, index]));
        else if (isObject(value)) for (const [key, child] of value) walk(child, [...path, key]);
      };
      walk(input, []);
      return out;
    }
    case "index":
      return pathsOf(node.target, input, env).flatMap((path) => {
        const value = getPath(input, path);
        return evaluate(node.key, input, env).flatMap((key) => {
          try {
            indexValue(value, key);
            return [[...path, key]];
          } catch (error) {
            if (node.optional && error instanceof JqError) return [];
            throw error;
          }
        });
      });
    case "iterate":
      return pathsOf(node.target, input, env).flatMap((path) => {
        const value = getPath(input, path);
        if (value === null) return [];
        if (Array.isArray(value)) return value.map((_, index) => [...path, index]);
        if (isObject(value)) return [...value.keys()].map((key) => [...path, key]);
        if (node.optional) return [];
        throw new JqError(`Cannot iterate over ${describe(value)}`);
      });
    case "pipe":
      return pathsOf(node.left, input, env).flatMap((path) => pathsOf(node.right, getPath(input, path), env).map((rest) => [...path, ...rest]));
    case "comma":
      return [...pathsOf(node.left, input, env), ...pathsOf(node.right, input, env)];
    case "try":
      try {
        return pathsOf(node.body, input, env);
      } catch (error) {
        if (error instanceof JqError) return [];
        throw error;
      }
    case "if": {
      const run = (index: number): Path[] => {
        const branch = node.branches[index];
        if (!branch) return node.otherwise ? pathsOf(node.otherwise, input, env) : [[]];
        return evaluate(branch.condition, input, env).flatMap((condition) => (truthy(condition) ? pathsOf(branch.body, input, env) : run(index + 1)));
      };
      return run(0);
    }
    case "call":
      if (node.name === "select") return evaluate(node.args[0] as Node, input, env).some(truthy) ? [[]] : [];
      if (node.name === "empty") return [];
      if (node.name === "getpath") return evaluate(node.args[0] as Node, input, env).map((path) => needArray(path, "used as a path"));
      break;
    default:
      break;
  }
  const value = evaluate(node, input, env)[0] ?? null;
  throw new JqError(`Invalid path expression with result ${formatJson(value, 0).slice(0, 11)}`);
}

function getPath(root: JV, path: Path): JV {
  let value = root;
  for (const key of path) {
    if (value === null) return null;
    value = indexValue(value, key);
  }
  return value;
}

function setPath(root: JV, path: Path, replacement: JV): JV {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path;
  if (typeof key === "string") {
    if (root !== null && !isObject(root)) throw new JqError(`Cannot index ${typeName(root)} with "${key}"`);
    const copy: JObject = new Map(root ?? []);
    copy.set(key, setPath(copy.get(key) ?? null, rest, replacement));
    return copy;
  }
  if (typeof key === "number") {
    if (root !== null && !Array.isArray(root)) throw new JqError(`Cannot index ${typeName(root)} with number`);
    const copy = [...(root ?? [])];
    let index = Math.floor(key);
    if (index < 0) index += copy.length;
    if (index < 0) throw new JqError("Out of bounds negative array index");
    if (index > 100_000) throw new JqError("Array index too large (sandbox limit)");
    while (copy.length <= index) copy.push(null);
    copy[index] = setPath(copy[index] ?? null, rest, replacement);
    return copy;
  }
  throw new JqError(`Cannot update field at object index of ${typeName(root)}`);
}

function deletePaths(root: JV, paths: Path[]): JV {
  // Longest and last paths first, so earlier indices stay valid.
  const sorted = [...paths].sort((a, b) => compareValues(b, a));
  let result = root;
  for (const path of sorted) {
    if (path.length === 0) return null;
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1] ?? null;
    const parent = getPath(result, parentPath);
    if (parent === null) continue;
    let updated: JV;
    if (isObject(parent) && typeof key === "string") {
      updated = new Map(parent);
      updated.delete(key);
    } else if (Array.isArray(parent) && typeof key === "number") {
      const index = key < 0 ? parent.length + key : key;
      updated = parent.filter((_, position) => position !== index);
    } else throw new JqError(`Cannot delete field at ${typeName(key)} index of ${typeName(parent)}`);
    result = setPath(result, parentPath, updated);
  }
  return result;
}

function assign(node: Extract<Node, { kind: "assign" }>, input: JV, env: JqEnvironment): JV[] {
  const paths = pathsOf(node.target, input, env);
  if (node.op === "|=") {
    let result = input;
    for (const path of paths) result = setPath(result, path, evaluate(node.value, getPath(result, path), env)[0] ?? null);
    return [result];
  }
  return evaluate(node.value, input, env).map((value) => {
    let result = input;
    for (const path of paths) {
      const current = getPath(result, path);
      let next: JV;
      if (node.op === "=") next = value;
      else if (node.op === "//=") next = truthy(current) ? current : value;
      else next = arithmetic(node.op.slice(0, -1), current, value);
      result = setPath(result, path, next);
    }
    return result;
  });
}

function binary(node: Extract<Node, { kind: "binary" }>, input: JV, env: JqEnvironment): JV[] {
  if (node.op === "//") {
    let left: JV[];
    try {
      left = evaluate(node.left, input, env).filter(truthy);
    } catch (error) {
      if (!(error instanceof JqError)) throw error;
      left = [];
    }
    return left.length > 0 ? left : evaluate(node.right, input, env);
  }
  if (node.op === "and" || node.op === "or") {
    return evaluate(node.left, input, env).flatMap((left) => {
      if (node.op === "and" && !truthy(left)) return [false];
      if (node.op === "or" && truthy(left)) return [true];
      return evaluate(node.right, input, env).map(truthy);
    });
  }
  const rights = evaluate(node.right, input, env);
  return evaluate(node.left, input, env).flatMap((left) =>
    rights.map((right) => {
      switch (node.op) {
        case "==":
          return equalValues(left, right);
        case "!=":
          return !equalValues(left, right);
        case "<":
          return compareValues(left, right) < 0;
        case "<=":
          return compareValues(left, right) <= 0;
        case ">":
          return compareValues(left, right) > 0;
        case ">=":
          return compareValues(left, right) >= 0;
        default:
          return arithmetic(node.op, left, right);
      }
    }),
  );
}

function one(node: Node | undefined, input: JV, env: JqEnvironment): JV[] {
  return node ? evaluate(node, input, env) : [];
}

function sortByKeys(items: JV[], keys: JV[]): JV[] {
  return items
    .map((item, index) => ({ item, key: keys[index] ?? null, index }))
    .sort((a, b) => compareValues(a.key, b.key) || a.index - b.index)
    .map((entry) => entry.item);
}

function needArray(value: JV, what: string): JV[] {
  if (!Array.isArray(value)) throw new JqError(`${describe(value)} cannot be ${what}, as it is not an array`);
  return value;
}

function needString(value: JV, name: string): string {
  if (typeof value !== "string") throw new JqError(`${describe(value)} cannot be ${name}`);
  return value;
}

function call(name: string, args: Node[], input: JV, env: JqEnvironment): JV[] {
  const [first, second, third] = args;
  const mapEach = (values: JV[], fn: (value: JV) => JV[]) => values.flatMap(fn);
  switch (name) {
    case "empty":
      return [];
    case "error":
      throw new JqError(first ? toText(one(first, input, env)[0] ?? null) : toText(input) + " (not a string)");
    case "not":
      return [!truthy(input)];
    case "length":
      return [lengthOf(input)];
    case "utf8bytelength":
      return [new TextEncoder().encode(needString(input, "measured")).length];
    case "keys":
    case "keys_unsorted":
      if (isObject(input)) {
        const keys = [...input.keys()];
        return [name === "keys" ? keys.sort(compareStrings) : keys];
      }
      if (Array.isArray(input)) return [input.map((_, index) => index)];
      throw new JqError(`${describe(input)} has no keys`);
    case "values":
      return input === null ? [] : [input];
    case "has":
      return one(first, input, env).map((key) => {
        if (isObject(input) && typeof key === "string") return input.has(key);
        if (Array.isArray(input) && typeof key === "number") return key >= 0 && key < input.length;
        throw new JqError(`Cannot check whether ${typeName(input)} has a ${typeName(key)} key`);
      });
    case "in":
      return one(first, input, env).flatMap((container) => call("has", [{ kind: "literal", value: input }], container, env));
    case "map":
      return [iterate(input).flatMap((item) => one(first, item, env))];
    case "map_values":
      if (isObject(input)) return [new Map([...input].flatMap(([key, value]) => one(first, value, env).slice(0, 1).map((result) => [key, result] as [string, JV])))];
      return [iterate(input).flatMap((item) => one(first, item, env).slice(0, 1))];
    case "select":
      return one(first, input, env).some(truthy) ? [input] : [];
    case "add": {
      const items = iterate(input);
      return [items.reduce<JV>((sum, item) => add(sum, item), null)];
    }
    case "any":
    case "all": {
      const items = iterate(input);
      const test = (item: JV) => (first ? one(first, item, env).some(truthy) : truthy(item));
      return [name === "any" ? items.some(test) : items.every(test)];
    }
    case "range": {
      const starts = second ? one(first, input, env) : [0];
      const ends = one(second ?? first, input, env);
      const out: JV[] = [];
      for (const start of starts) {
        for (const end of ends) {
          if (typeof start !== "number" || typeof end !== "number") throw new JqError("Range bounds must be numeric");
          for (let value = start; value < end; value++) {
            count(env);
            out.push(value);
          }
        }
      }
      return out;
    }
    case "floor":
    case "ceil":
    case "round":
    case "sqrt":
    case "fabs":
    case "abs": {
      if (typeof input !== "number") throw new JqError(`${describe(input)} number required`);
      const fn = { floor: Math.floor, ceil: Math.ceil, round: Math.round, sqrt: Math.sqrt, fabs: Math.abs, abs: Math.abs }[name];
      return [fn(input)];
    }
    case "tostring":
      return [toText(input)];
    case "tonumber":
      if (typeof input === "number") return [input];
      if (typeof input === "string" && /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(input)) return [Number(input)];
      throw new JqError(`Cannot parse '${toText(input)}' as JSON`);
    case "type":
      return [typeName(input)];
    case "sort":
      return [[...needArray(input, "sorted")].sort(compareValues)];
    case "sort_by": {
      const items = needArray(input, "sorted");
      return [sortByKeys(items, items.map((item) => one(first, item, env)))];
    }
    case "group_by": {
      const items = needArray(input, "grouped");
      const keyed = items.map((item) => ({ item, key: one(first, item, env) as JV }));
      keyed.sort((a, b) => compareValues(a.key, b.key));
      const groups: JV[][] = [];
      keyed.forEach((entry, index) => {
        if (index > 0 && equalValues(entry.key, keyed[index - 1]?.key ?? null)) groups[groups.length - 1]?.push(entry.item);
        else groups.push([entry.item]);
      });
      return [groups];
    }
    case "unique":
      return [[...needArray(input, "sorted")].sort(compareValues).filter((item, index, all) => index === 0 || !equalValues(item, all[index - 1] ?? null))];
    case "unique_by": {
      const items = needArray(input, "sorted");
      const keyed = items.map((item) => ({ item, key: one(first, item, env) as JV })).sort((a, b) => compareValues(a.key, b.key));
      return [keyed.filter((entry, index) => index === 0 || !equalValues(entry.key, keyed[index - 1]?.key ?? null)).map((entry) => entry.item)];
    }
    case "min":
    case "max": {
      const items = [...needArray(input, "sorted")].sort(compareValues);
      return [(name === "min" ? items[0] : items[items.length - 1]) ?? null];
    }
    case "min_by":
    case "max_by": {
      const items = needArray(input, "sorted");
      const sorted = sortByKeys(items, items.map((item) => one(first, item, env)));
      return [(name === "min_by" ? sorted[0] : sorted[sorted.length - 1]) ?? null];
    }
    case "reverse":
      if (typeof input === "string") return [[...input].reverse().join("")];
      if (input === null) return [[]];
      return [[...needArray(input, "reversed")].reverse()];
    case "contains":
      return one(first, input, env).map((other) => contains(input, other));
    case "inside":
      return one(first, input, env).map((other) => contains(other, input));
    case "startswith":
    case "endswith":
      return one(first, input, env).map((other) => {
        if (typeof input !== "string" || typeof other !== "string") throw new JqError(`${name}() requires string inputs`);
        return name === "startswith" ? input.startsWith(other) : input.endsWith(other);
      });
    case "ltrimstr":
    case "rtrimstr":
      return one(first, input, env).map((other) => {
        if (typeof input !== "string" || typeof other !== "string") return input;
        if (name === "ltrimstr") return input.startsWith(other) ? input.slice(other.length) : input;
        return input.endsWith(other) && other !== "" ? input.slice(0, -other.length) : input;
      });
    case "trim":
      return [needString(input, "trimmed").trim()];
    case "ltrim":
      return [needString(input, "trimmed").trimStart()];
    case "rtrim":
      return [needString(input, "trimmed").trimEnd()];
    case "ascii_downcase":
      return [needString(input, "lowercased").replace(/[A-Z]/g, (char) => char.toLowerCase())];
    case "ascii_upcase":
      return [needString(input, "uppercased").replace(/[a-z]/g, (char) => char.toUpperCase())];
    case "split":
      if (second) {
        return regexCall(() =>
          one(first, input, env).flatMap((pattern) => one(second, input, env).map((flags) => splitPieces(input as string, matchImpl(input, pattern, withGlobal(flags, true), false, regexContext(env)) as JV[]))),
        );
      }
      return one(first, input, env).map((separator) => {
        if (typeof input !== "string" || typeof separator !== "string") throw new JqError("split input and separator must be strings");
        return split(input, separator);
      });
    case "splits":
      return regexCall(() =>
        one(first, input, env).flatMap((pattern) =>
          (second ? one(second, input, env) : [null]).flatMap((flags) => {
            const matches = matchImpl(input, pattern, withGlobal(flags, true), false, regexContext(env)) as JV[];
            return splitPieces(input as string, matches);
          }),
        ),
      );
    case "join":
      return one(first, input, env).map((separator) => {
        if (typeof separator !== "string") throw new JqError(`${describe(separator)} is not a string`);
        return iterate(input)
          .map((item) => {
            if (Array.isArray(item) || isObject(item)) throw new JqError(`Cannot join with ${typeName(item)}`);
            return item === null ? "" : toText(item);
          })
          .join(separator);
      });
    case "test":
      return regexCall(() => regexArguments(first, second, input, env).map(([pattern, flags]) => matchImpl(input, pattern, flags, true, regexContext(env))));
    case "match":
      return regexCall(() => regexArguments(first, second, input, env).flatMap(([pattern, flags]) => matchImpl(input, pattern, flags, false, regexContext(env)) as JV[]));
    case "capture":
      return regexCall(() => regexArguments(first, second, input, env).flatMap(([pattern, flags]) => (matchImpl(input, pattern, flags, false, regexContext(env)) as JV[]).map(captureObject)));
    case "scan":
      return regexCall(() => one(first, input, env).flatMap((pattern) => (matchImpl(input, pattern, "g", false, regexContext(env)) as JV[]).map(scanResult)));
    case "sub":
    case "gsub":
      // The replacement is a filter whose input is the object of named captures ("\(.name)").
      return regexCall(() =>
        one(first, input, env).flatMap((pattern) =>
          (third ? one(third, input, env) : [name === "gsub" ? "" : ""]).flatMap((flags) =>
            substitute(input, pattern, name === "gsub" ? withGlobal(flags, false) : flags, (captures) => one(second, captures, env), regexContext(env)),
          ),
        ),
      );
    case "explode":
      return [[...needString(input, "exploded")].map((char) => char.codePointAt(0) ?? 0)];
    case "implode":
      return [String.fromCodePoint(...needArray(input, "imploded").map((code) => (typeof code === "number" ? code : 0)))];
    case "to_entries":
      if (!isObject(input)) throw new JqError(`${describe(input)} has no keys`);
      return [[...input].map(([key, value]) => new Map<string, JV>([["key", key], ["value", value]]))];
    case "from_entries":
      return [
        new Map(
          iterate(input).map((entry) => {
            if (!isObject(entry)) throw new JqError(`Cannot index ${typeName(entry)} with "key"`);
            const key = entry.get("key") ?? entry.get("k") ?? entry.get("name") ?? entry.get("Name") ?? entry.get("Key") ?? entry.get("K") ?? null;
            const value = entry.has("value") ? (entry.get("value") ?? null) : entry.has("v") ? (entry.get("v") ?? null) : (entry.get("Value") ?? null);
            if (typeof key !== "string" && typeof key !== "number" && typeof key !== "boolean") throw new JqError(`Cannot use ${describe(key)} as object key`);
            return [String(key), value] as [string, JV];
          }),
        ),
      ];
    case "with_entries": {
      const entries = call("to_entries", [], input, env)[0] ?? [];
      return call("from_entries", [], iterate(entries).flatMap((entry) => one(first, entry, env)), env);
    }
    case "tojson":
      return [formatJson(input, 0)];
    case "fromjson": {
      try {
        const values = parseJsonStream(needString(input, "parsed"));
        return values.slice(0, 1);
      } catch (error) {
        throw new JqError(`${error instanceof Error ? error.message : String(error)} (while parsing '${toText(input)}')`);
      }
    }
    case "first":
      return first ? one(first, input, env).slice(0, 1) : [needArray(input, "indexed")[0] ?? null];
    case "last":
      return first ? one(first, input, env).slice(-1) : [needArray(input, "indexed").slice(-1)[0] ?? null];
    case "nth":
      return one(first, input, env).map((n) => (typeof n === "number" ? (needArray(input, "indexed")[n] ?? null) : null));
    case "limit": {
      const limits = one(first, input, env);
      return limits.flatMap((n) => (typeof n === "number" ? one(second, input, env).slice(0, Math.max(0, n)) : []));
    }
    case "until": {
      let value = input;
      for (let turns = 0; !one(first, value, env).some(truthy); turns++) {
        count(env);
        value = one(second, value, env)[0] ?? null;
      }
      return [value];
    }
    case "recurse": {
      if (!first) return evaluate({ kind: "recurse" }, input, env);
      const out: JV[] = [];
      const walk = (value: JV) => {
        count(env);
        out.push(value);
        for (const child of one(first, value, env)) walk(child);
      };
      walk(input);
      return out;
    }
    case "paths":
    case "leaf_paths": {
      const out: JV[] = [];
      const walk = (value: JV, path: JV[]) => {
        const children: [JV, JV][] = Array.isArray(value) ? value.map((child, index) => [index, child]) : isObject(value) ? [...value] : [];
        for (const [key, child] of children) {
          count(env);
          const childPath = [...path, key];
          const leaf = !Array.isArray(child) && !isObject(child);
          if (name === "paths" || leaf) out.push(childPath);
          walk(child, childPath);
        }
      };
      walk(input, []);
      return out;
    }
    case "del":
      return [deletePaths(input, pathsOf(first as Node, input, env))];
    case "delpaths":
      return one(first, input, env).map((paths) => deletePaths(input, needArray(paths, "used as paths").map((path) => needArray(path, "used as a path"))));
    case "setpath":
      return one(first, input, env).flatMap((path) => one(second, input, env).map((value) => setPath(input, needArray(path, "used as a path"), value)));
    case "path":
      return pathsOf(first as Node, input, env);
    case "getpath":
      return one(first, input, env).map((path) => needArray(path, "used as a path").reduce<JV>((value, key) => (value === null ? null : indexValue(value, key)), input));
    case "flatten": {
      const depths = first ? one(first, input, env) : [1e9];
      return depths.map((depth) => {
        if (typeof depth !== "number" || depth < 0) throw new JqError("flatten depth must not be negative");
        const flat = (items: JV[], level: number): JV[] => items.flatMap((item) => (Array.isArray(item) && level > 0 ? flat(item, level - 1) : [item]));
        return flat(needArray(input, "flattened"), depth);
      });
    }
    case "env":
      return [new Map(Object.entries(env.env))];
    case "input":
      if (env.inputs.length === 0) throw new JqError("No more inputs");
      return [env.inputs.shift() ?? null];
    case "inputs":
      return env.inputs.splice(0);
    case "debug":
      return [input];
    case "isnan":
      return [typeof input === "number" && Number.isNaN(input)];
    case "infinite":
      return [Infinity];
    case "nan":
      return [NaN];
    case "arrays":
    case "objects":
    case "strings":
    case "numbers":
    case "booleans":
    case "nulls": {
      const wanted = { arrays: "array", objects: "object", strings: "string", numbers: "number", booleans: "boolean", nulls: "null" }[name];
      return typeName(input) === wanted ? [input] : [];
    }
    case "iterables":
      return Array.isArray(input) || isObject(input) ? [input] : [];
    case "scalars":
      return Array.isArray(input) || isObject(input) ? [] : [input];
    case "indices":
    case "index":
    case "rindex":
      return one(first, input, env).map((target) => {
        const positions: number[] = [];
        if (typeof input === "string" && typeof target === "string" && target !== "") {
          for (let at = input.indexOf(target); at !== -1; at = input.indexOf(target, at + 1)) positions.push(at);
        } else if (Array.isArray(input)) {
          const needle = Array.isArray(target) ? target : [target];
          for (let at = 0; at + needle.length <= input.length; at++) if (needle.length > 0 && needle.every((item, offset) => equalValues(item, input[at + offset] ?? null))) positions.push(at);
        } else if (input !== null) throw new JqError(`Cannot determine indices in ${typeName(input)}`);
        if (name === "indices") return positions;
        return (name === "index" ? positions[0] : positions[positions.length - 1]) ?? null;
      });
    case "ascii":
      return [typeof input === "number" ? String.fromCharCode(input) : null];
    case "to_array":
      return [Array.isArray(input) ? input : [input]];
    case "tostream":
      throw new JqError("tostream is not supported in this sandbox's jq");
    case "now":
      return [0];
    case "todate":
      if (typeof input !== "number") throw new JqError("strftime/1 requires parsed datetime inputs");
      return [new Date(input * 1000).toISOString().replace(/\.\d{3}Z$/, "Z")];
    case "fromdate": {
      const ms = Date.parse(needString(input, "parsed as a date"));
      if (Number.isNaN(ms)) throw new JqError(`date "${toText(input)}" does not match format "%Y-%m-%dT%H:%M:%SZ"`);
      return [Math.floor(ms / 1000)];
    }
    case "halt":
      return [];
    case "halt_error":
      throw new JqError(toText(input));
    default:
      throw new JqCompileError(`${name}/${args.length} is not defined`);
  }
}

function contains(container: JV, item: JV): boolean {
  if (typeof container === "string" && typeof item === "string") return container.includes(item);
  if (Array.isArray(container) && Array.isArray(item)) return item.every((wanted) => container.some((have) => contains(have, wanted)));
  if (isObject(container) && isObject(item)) return [...item].every(([key, value]) => container.has(key) && contains(container.get(key) ?? null, value));
  if (typeName(container) !== typeName(item)) throw new JqError(`${describe(container)} and ${describe(item)} cannot have their containment checked`);
  return equalValues(container, item);
}


