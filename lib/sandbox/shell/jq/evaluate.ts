import type { CheckTime } from "../cpu-budget";
import { FormatError, applyFormat, toText } from "./formats";
import { compareValues, describe, dumpTruncated, equalValues, formatJson, isObject, typeName, type JObject, type JV } from "./json";
import type { FunctionDef, Node, Param, Pattern } from "./parse";

/**
 * Running a jq filter as jq 1.6 does. Each Node hands its outputs, one at a
 * time, to a callback (`emit`): jq's backtracking as continuation calls,
 * so outputs print before a later error, `limit` and `first` stop a
 * generator early (by throwing a Break), and a `try` also catches what its
 * body's outputs raise further down the pipe, as in jq 1.6.
 *
 * Paths: in `path(f)`, assignments and del, each value carries the path it
 * was reached by (its Trail); a value computed otherwise has none, and
 * using it as a path fails with jq's "Invalid path expression" errors.
 */

/** A runtime error: jq's exit status 5. `value` is what error() was given (a message, or any value). */
export class JqError extends Error {
  constructor(readonly value: JV) {
    super(typeof value === "string" ? value : formatJson(value));
  }
}

/** `break $label`, and how limit and first stop a generator: not an error, so `try` lets it through. */
export class Break {
  constructor(readonly label: object) {}
}

/** halt and halt_error: the run ends with this status, and `message` for stderr (halt_error). */
export class Halt {
  constructor(
    readonly status: number,
    readonly message?: JV,
  ) {}
}

export type Path = JV[];
/** The path of a value: null when paths are not being followed, false for a value that is not from a path. */
export type Trail = Path | null | false;
export type Emit = (value: JV, trail: Trail) => void;

/** A function: a definition's body with the scope it was defined in, or an argument (a filter from the call site). */
interface Closure {
  params: readonly Param[];
  body: Node;
  scope: Scope | null;
}

/** Bindings, innermost first: `$x` variables, `name/arity` functions, `*label/name` labels. */
export interface Scope {
  parent: Scope | null;
  key: string;
  value?: JV;
  closure?: Closure;
  label?: object;
}

export interface NativeCall {
  input: JV;
  trail: Trail;
  args: readonly Node[];
  /** The caller's scope, where the arguments run. */
  scope: Scope | null;
  cx: RunContext;
  emit: Emit;
}

/** A builtin written in TypeScript. */
export type Native = (call: NativeCall) => void;

/** What one run of jq provides to its filter. */
export interface RunContext {
  /** Builtins by `name/arity`: TypeScript ones, and definitions written in jq (builtins.ts). */
  builtins: ReadonlyMap<string, Native | FunctionDef>;
  /** The command line's CPU-time check (cpu-budget.ts). */
  checkTime: CheckTime;
  /** Values produced by generators so far: a filter like `[range(1e9)]` stops at the limit. */
  produced: number;
  /** The next input value for `input`/`inputs`, or undefined after the last. */
  readInput(): JV | undefined;
  inputFilename(): JV;
  /** Seconds since the epoch on the sandbox's clock (`now`). */
  now(): number;
  environment: Readonly<Record<string, string>>;
  /** debug and stderr write here. */
  writeStderr(text: string): void;
}

/** Values generators may produce in one run before the sandbox stops it. */
const MAX_PRODUCED = 1_000_000;

export function count(cx: RunContext, amount = 1): void {
  cx.checkTime();
  cx.produced += amount;
  if (cx.produced > MAX_PRODUCED) throw new JqError("too many results (sandbox limit)");
}

export function truthy(value: JV): boolean {
  return value !== null && value !== false;
}

export const lost = (trail: Trail): Trail => (trail === null ? null : false);

function lookup(scope: Scope | null, key: string): Scope | undefined {
  for (let entry = scope; entry; entry = entry.parent) if (entry.key === key) return entry;
  return undefined;
}

export function bind(parent: Scope | null, key: string, binding: Omit<Scope, "parent" | "key">): Scope {
  return { parent, key, ...binding };
}

/** jv_get: `.[key]` of any value, with jq 1.6's rules and messages. */
function indexValue(target: JV, key: JV): JV {
  if (isObject(target) && typeof key === "string") return target.get(key) ?? null;
  if (Array.isArray(target) && typeof key === "number") {
    if (!Number.isInteger(key)) return null;
    return target[key < 0 ? target.length + key : key] ?? null;
  }
  if ((Array.isArray(target) || typeof target === "string") && isObject(key)) {
    const bounds = sliceBounds(target, key);
    if (!bounds) throw new JqError(`Start and end indices of an ${Array.isArray(target) ? "array" : "string"} slice must be numbers`);
    return Array.isArray(target) ? target.slice(bounds[0], bounds[1]) : codePointSlice(target, bounds[0], bounds[1]);
  }
  if (Array.isArray(target) && Array.isArray(key)) return arrayIndexes(target, key);
  if (target === null && (typeof key === "string" || typeof key === "number" || isObject(key))) return null;
  if (typeof key === "string" && new TextEncoder().encode(key).length < 30) throw new JqError(`Cannot index ${typeName(target)} with string "${key}"`);
  throw new JqError(`Cannot index ${typeName(target)} with ${typeName(key)}`);
}

function codePointSlice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join("");
}

/** parse_slice: {"start", "end"} as array (or string) offsets, or undefined when they are not numbers. */
function sliceBounds(target: JV[] | string, slice: JObject): [number, number] | undefined {
  const length = Array.isArray(target) ? target.length : [...target].length;
  let start = slice.has("start") ? (slice.get("start") ?? null) : undefined;
  let end = slice.has("end") ? (slice.get("end") ?? null) : undefined;
  if (start === null) start = 0;
  if (end === null) end = length;
  if (typeof start !== "number" || typeof end !== "number") return undefined;
  if (start < 0) start += length;
  if (end < 0) end += length;
  start = Math.min(Math.max(start, 0), length);
  end = Math.min(end, length);
  if (end < start) end = start;
  // The start is truncated, the end rounded up.
  return [Math.trunc(start), end > Math.trunc(end) ? Math.trunc(end) + 1 : Math.trunc(end)];
}

/** `.[[1,2]]`: where the subarray starts, null when nowhere. */
function arrayIndexes(target: JV[], needle: JV[]): JV {
  let result: JV[] | null = null;
  for (let start = 0; start < target.length; start++) {
    if (needle.length > 0 && needle.every((item, offset) => start + offset < target.length && equalValues(target[start + offset] ?? null, item))) (result ??= []).push(start);
  }
  return result;
}

function extendTrail(trail: Trail, container: JV, key: JV): Trail {
  if (trail === null) return null;
  if (trail === false) throw new JqError(`Invalid path expression near attempt to access element ${dumpTruncated(key, 15)} of ${dumpTruncated(container, 30)}`);
  return [...trail, key];
}

/** `.[key]` and `.[from:to]` of one target; an optional (`?`) index drops jq's errors. */
function emitIndexed(target: JV, targetTrail: Trail, key: JV, optional: boolean, emit: Emit): void {
  // The path is checked first: in a path expression its error wins, even under `?`.
  const valueTrail = extendTrail(targetTrail, target, key);
  let value: JV;
  try {
    value = indexValue(target, key);
  } catch (error) {
    if (optional && error instanceof JqError) return;
    throw error;
  }
  emit(value, valueTrail);
}

function iterate(target: JV, trail: Trail, optional: boolean, cx: RunContext, emit: Emit): void {
  if (trail === false) throw new JqError(`Invalid path expression near attempt to iterate through ${dumpTruncated(target, 30)}`);
  if (Array.isArray(target)) {
    count(cx, target.length);
    target.forEach((item, index) => emit(item, trail && [...trail, index]));
    return;
  }
  if (isObject(target)) {
    count(cx, target.size);
    for (const [key, value] of target) emit(value, trail && [...trail, key]);
    return;
  }
  if (optional) return;
  throw new JqError(`Cannot iterate over ${describe(target)}`);
}

/** `..`: the value and everything in it, depth first. */
function recurseAll(value: JV, trail: Trail, cx: RunContext, emit: Emit): void {
  count(cx);
  emit(value, trail);
  if (Array.isArray(value) || isObject(value)) iterate(value, trail, true, cx, (child, childTrail) => recurseAll(child, childTrail, cx, emit));
}

/**
 * reduce and foreach: for each output of SOURCE bound to PATTERN, UPDATE runs
 * on the state, which is taken out meanwhile (jq's LOADVN): it stays null if
 * UPDATE gives nothing, else is its last output. `step` sees every output.
 */
function fold(node: Extract<Node, { kind: "reduce" | "foreach" }>, input: JV, initial: JV, scope: Scope | null, cx: RunContext, step: (state: JV, inner: Scope | null) => void): JV {
  let state: JV = initial;
  each(node.source, input, scope, cx, (value) =>
    destructure(node.pattern, value, scope, cx, (inner) => {
      const current = state;
      state = null;
      each(node.update, current, inner, cx, (next) => {
        state = next;
        step(next, inner);
      });
    }),
  );
  return state;
}

type Handler<K extends Node["kind"]> = (node: Extract<Node, { kind: K }>, input: JV, trail: Trail, scope: Scope | null, cx: RunContext, emit: Emit) => void;

/** Runs `node` on one input, handing each output to `emit`. */
export function run(node: Node, input: JV, trail: Trail, scope: Scope | null, cx: RunContext, emit: Emit): void {
  if (trail === null && isDirect(node)) return emit(direct(node, input, scope, cx), null);
  // One small function per kind: a deep recursion in a filter holds fewer, smaller stack frames.
  (HANDLERS[node.kind] as Handler<Node["kind"]>)(node, input, trail, scope, cx, emit);
}

/** Runs a subexpression for its values (no paths). */
export function each(node: Node, input: JV, scope: Scope | null, cx: RunContext, next: (value: JV) => void): void {
  if (isDirect(node)) next(direct(node, input, scope, cx));
  else run(node, input, null, scope, cx, next);
}

const DIRECT = new WeakMap<Node, boolean>();

/**
 * Whether a node always has exactly one output, computed from its parts
 * alone (`.a.b`, `. + 1`, `"\(.x)"`, `[...]`): such a node is computed
 * directly, without a callback per step, which keeps the stack shallow
 * (deep recursion in a filter) and is quicker. The results and errors are
 * the same, as a single output has nothing to interleave with.
 */
function isDirect(node: Node): boolean {
  let known = DIRECT.get(node);
  if (known === undefined) {
    switch (node.kind) {
      case "literal":
      case "identity":
      case "variable":
      case "format":
      case "array":
        known = true;
        break;
      case "index":
        known = !node.optional && isDirect(node.target) && isDirect(node.key);
        break;
      case "binary":
        known = node.op !== "//" && isDirect(node.left) && isDirect(node.right);
        break;
      case "neg":
        known = isDirect(node.operand);
        break;
      case "string":
        known = node.parts.every((part) => typeof part === "string" || isDirect(part));
        break;
      case "object":
        known = node.entries.every((entry) => isDirect(entry.key) && isDirect(entry.value));
        break;
      default:
        known = false;
    }
    DIRECT.set(node, known);
  }
  return known;
}

/** The one output of a node for which isDirect holds, its parts evaluated in jq's order (the right operand first). */
function direct(node: Node, input: JV, scope: Scope | null, cx: RunContext): JV {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "identity":
      return input;
    case "variable":
      return lookup(scope, `$${node.name}`)?.value ?? null;
    case "format":
      return formatValue(node.name, input);
    case "array": {
      const items: JV[] = [];
      if (node.body) run(node.body, input, null, scope, cx, (value) => items.push(value));
      return items;
    }
    case "index": {
      const key = direct(node.key, input, scope, cx);
      return indexValue(direct(node.target, input, scope, cx), key);
    }
    case "binary": {
      if (node.op === "and" || node.op === "or") {
        const left = direct(node.left, input, scope, cx);
        if (truthy(left) === (node.op === "or")) return node.op === "or";
        return truthy(direct(node.right, input, scope, cx));
      }
      const right = direct(node.right, input, scope, cx);
      return operate(node.op, direct(node.left, input, scope, cx), right);
    }
    case "neg": {
      const value = direct(node.operand, input, scope, cx);
      if (typeof value !== "number") throw new JqError(`${describe(value)} cannot be negated`);
      return -value;
    }
    case "string": {
      let text = "";
      for (let index = node.parts.length - 1; index >= 0; index--) {
        const part = node.parts[index] as string | Node;
        if (typeof part === "string") text = part + text;
        else {
          const value = direct(part, input, scope, cx);
          text = (node.format === undefined ? toText(value) : formatValue(node.format, value)) + text;
        }
      }
      return text;
    }
    case "object": {
      const object: JObject = new Map();
      for (const entry of node.entries) {
        const key = direct(entry.key, input, scope, cx);
        const value = direct(entry.value, input, scope, cx);
        if (typeof key !== "string") throw new JqError(`Cannot use ${describe(key)} as object key`);
        object.set(key, value);
      }
      return object;
    }
    default:
      throw new Error(`${node.kind} is not computed directly`);
  }
}

const HANDLERS: { [K in Node["kind"]]: Handler<K> } = {
  identity: (_, input, trail, _scope, _cx, emit) => emit(input, trail),
  recurse: (_, input, trail, _scope, cx, emit) => recurseAll(input, trail, cx, emit),
  literal: (node, _input, trail, _scope, _cx, emit) => emit(node.value, lost(trail)),
  string: (node, input, trail, scope, cx, emit) => {
    // The last interpolation is the outer loop, as in jq.
    const { parts, format } = node;
    const build = (index: number, suffix: string): void => {
      if (index < 0) return emit(suffix, lost(trail));
      const part = parts[index] as string | Node;
      if (typeof part === "string") return build(index - 1, part + suffix);
      each(part, input, scope, cx, (value) => build(index - 1, (format === undefined ? toText(value) : formatValue(format, value)) + suffix));
    };
    build(parts.length - 1, "");
  },
  format: (node, input, trail, _scope, _cx, emit) => emit(formatValue(node.name, input), lost(trail)),
  index: (node, input, trail, scope, cx, emit) =>
    // The key is the outer loop, the target the inner one.
    each(node.key, input, scope, cx, (key) =>
      run(node.target, input, trail, scope, cx, (target, targetTrail) => emitIndexed(target, targetTrail, key, node.optional === true, emit)),
    ),
  slice: (node, input, trail, scope, cx, emit) => {
    const bound = (part: Node | undefined, next: (value: JV) => void) => (part ? each(part, input, scope, cx, next) : next(null));
    bound(node.from, (from) =>
      bound(node.to, (to) =>
        run(node.target, input, trail, scope, cx, (target, targetTrail) => {
          const key: JObject = new Map([["start", from], ["end", to]]);
          emitIndexed(target, targetTrail, key, node.optional === true, emit);
        }),
      ),
    );
  },
  iterate: (node, input, trail, scope, cx, emit) => run(node.target, input, trail, scope, cx, (target, targetTrail) => iterate(target, targetTrail, node.optional === true, cx, emit)),
  try: (node, input, trail, scope, cx, emit) => {
    try {
      run(node.body, input, trail, scope, cx, emit);
    } catch (error) {
      if (!(error instanceof JqError)) throw error;
      if (node.handler) run(node.handler, error.value, lost(trail), scope, cx, emit);
    }
  },
  pipe: (node, input, trail, scope, cx, emit) => run(node.left, input, trail, scope, cx, (value, valueTrail) => run(node.right, value, valueTrail, scope, cx, emit)),
  comma: (node, input, trail, scope, cx, emit) => {
    run(node.left, input, trail, scope, cx, emit);
    run(node.right, input, trail, scope, cx, emit);
  },
  neg: (node, input, trail, scope, cx, emit) =>
    each(node.operand, input, scope, cx, (value) => {
      if (typeof value !== "number") throw new JqError(`${describe(value)} cannot be negated`);
      emit(-value, lost(trail));
    }),
  binary: (node, input, trail, scope, cx, emit) => binary(node, input, trail, scope, cx, emit),
  array: (node, input, trail, scope, cx, emit) => {
    const items: JV[] = [];
    if (node.body) run(node.body, input, null, scope, cx, (value) => items.push(value));
    emit(items, lost(trail));
  },
  object: (node, input, trail, scope, cx, emit) => {
    // The first entry is the outer loop; in each, the key's loop is outside the value's.
    const build = (index: number, object: JObject): void => {
      const entry = node.entries[index];
      if (!entry) return emit(object, lost(trail));
      each(entry.key, input, scope, cx, (key) =>
        each(entry.value, input, scope, cx, (value) => {
          if (typeof key !== "string") throw new JqError(`Cannot use ${describe(key)} as object key`);
          build(index + 1, new Map(object).set(key, value));
        }),
      );
    };
    build(0, new Map());
  },
  if: (node, input, trail, scope, cx, emit) => each(node.condition, input, scope, cx, (condition) => run(truthy(condition) ? node.then : node.otherwise, input, trail, scope, cx, emit)),
  call: (node, input, trail, scope, cx, emit) => call(node, input, trail, scope, cx, emit),
  variable: (node, _input, trail, scope, _cx, emit) => emit(lookup(scope, `$${node.name}`)?.value ?? null, lost(trail)),
  bind: (node, input, trail, scope, cx, emit) => each(node.source, input, scope, cx, (value) => destructure(node.pattern, value, scope, cx, (inner) => run(node.body, input, trail, inner, cx, emit))),
  reduce: (node, input, trail, scope, cx, emit) =>
    each(node.init, input, scope, cx, (initial) => emit(fold(node, input, initial, scope, cx, () => {}), lost(trail))),
  foreach: (node, input, trail, scope, cx, emit) =>
    each(node.init, input, scope, cx, (initial) => {
      fold(node, input, initial, scope, cx, (next, inner) => {
        if (node.extract) each(node.extract, next, inner, cx, (extracted) => emit(extracted, lost(trail)));
        else emit(next, lost(trail));
      });
    }),
  label: (node, input, trail, scope, cx, emit) => {
    const label = {};
    try {
      run(node.body, input, trail, bind(scope, `*label/${node.name}`, { label }), cx, emit);
    } catch (error) {
      if (!(error instanceof Break && error.label === label)) throw error;
    }
  },
  break: (node, _input, _trail, scope) => {
    throw new Break(lookup(scope, `*label/${node.name}`)?.label ?? {});
  },
  def: (node, input, trail, scope, cx, emit) => run(node.body, input, trail, define(scope, node.def), cx, emit),
  assign: (node, input, trail, scope, cx, emit) => assign(node, input, trail, scope, cx, emit),
};

function formatValue(name: string, value: JV): string {
  try {
    return applyFormat(name, value);
  } catch (error) {
    if (error instanceof FormatError) throw new JqError(error.message);
    throw error;
  }
}

/** A definition in scope: its closure's scope holds the definition itself, so that it can call itself. */
function define(scope: Scope | null, def: FunctionDef): Scope {
  const closure: Closure = { params: def.params, body: def.body, scope: null };
  const entry = bind(scope, `${def.name}/${def.params.length}`, { closure });
  closure.scope = entry;
  return entry;
}

/** Calls a function: the filter's own (innermost first), else a builtin. */
function call(node: Extract<Node, { kind: "call" }>, input: JV, trail: Trail, scope: Scope | null, cx: RunContext, emit: Emit): void {
  const key = `${node.name}/${node.args.length}`;
  if (!node.builtin) {
    const closure = lookup(scope, key)?.closure;
    if (closure && closure.params.length === 0) {
      cx.checkTime();
      return run(closure.body, input, trail, closure.scope, cx, emit);
    }
    if (closure) return invoke(closure, node.args, input, trail, scope, cx, emit);
  }
  const builtin = cx.builtins.get(key);
  if (typeof builtin === "function") return builtin({ input, trail, args: node.args, scope, cx, emit });
  if (builtin) return invoke({ params: builtin.params, body: builtin.body, scope: null }, node.args, input, trail, scope, cx, emit);
  throw new JqError(`${key} is not defined`);
}

/** Runs a closure: each parameter is the caller's argument (a filter in the caller's scope); `$name` ones also bind each value, the first argument outermost. */
function invoke(closure: Closure, args: readonly Node[], input: JV, trail: Trail, callerScope: Scope | null, cx: RunContext, emit: Emit): void {
  cx.checkTime();
  let scope = closure.scope;
  closure.params.forEach((param, index) => {
    scope = bind(scope, `${param.name}/0`, { closure: { params: [], body: args[index] as Node, scope: callerScope } });
  });
  const bindValues = (index: number, inner: Scope | null): void => {
    const param = closure.params[index];
    if (!param) return run(closure.body, input, trail, inner, cx, emit);
    if (!param.value) return bindValues(index + 1, inner);
    each(args[index] as Node, input, callerScope, cx, (value) => bindValues(index + 1, bind(inner, `$${param.name}`, { value })));
  };
  bindValues(0, scope);
}

/** Binds a pattern's variables to the parts of `value` (`. as [$a, {b: $c}]`). */
function destructure(pattern: Pattern, value: JV, scope: Scope | null, cx: RunContext, next: (scope: Scope | null) => void): void {
  switch (pattern.kind) {
    case "variable":
      return next(bind(scope, `$${pattern.name}`, { value }));
    case "array": {
      const step = (index: number, inner: Scope | null): void => {
        const item = pattern.items[index];
        if (!item) return next(inner);
        destructure(item, indexValue(value, index), inner, cx, (deeper) => step(index + 1, deeper));
      };
      return step(0, scope);
    }
    case "object": {
      const step = (index: number, inner: Scope | null): void => {
        const entry = pattern.entries[index];
        if (!entry) return next(inner);
        each(entry.key, value, inner, cx, (key) => {
          if (typeof key !== "string") throw new JqError(`Cannot index ${typeName(value)} with ${typeName(key)}`);
          const member = indexValue(value, key);
          const withVariable = entry.variable !== undefined ? bind(inner, `$${entry.variable}`, { value: member }) : inner;
          if (entry.value) destructure(entry.value, member, withVariable, cx, (deeper) => step(index + 1, deeper));
          else step(index + 1, withVariable);
        });
      };
      return step(0, scope);
    }
  }
}

function binary(node: Extract<Node, { kind: "binary" }>, input: JV, trail: Trail, scope: Scope | null, cx: RunContext, emit: Emit): void {
  const { op } = node;
  if (op === "//") {
    // jq 1.6: the left side's truthy outputs as they come (its errors are not caught), else the right side.
    let found = false;
    run(node.left, input, trail, scope, cx, (value, valueTrail) => {
      if (!truthy(value)) return;
      found = true;
      emit(value, valueTrail);
    });
    if (!found) run(node.right, input, trail, scope, cx, emit);
    return;
  }
  if (op === "and" || op === "or") {
    each(node.left, input, scope, cx, (left) => {
      if (truthy(left) === (op === "or")) return emit(op === "or", lost(trail));
      each(node.right, input, scope, cx, (right) => emit(truthy(right), lost(trail)));
    });
    return;
  }
  // The right operand is the outer loop.
  each(node.right, input, scope, cx, (right) => each(node.left, input, scope, cx, (left) => emit(operate(op, left, right), lost(trail))));
}

export function operate(op: string, left: JV, right: JV): JV {
  switch (op) {
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
    case "+":
      return add(left, right);
    case "-":
      if (typeof left === "number" && typeof right === "number") return left - right;
      if (Array.isArray(left) && Array.isArray(right)) return left.filter((item) => !right.some((other) => equalValues(item, other)));
      throw new JqError(`${describe(left)} and ${describe(right)} cannot be subtracted`);
    case "*":
      if (typeof left === "number" && typeof right === "number") return left * right;
      if (typeof left === "string" && typeof right === "number") return repeatString(left, right);
      if (typeof left === "number" && typeof right === "string") return repeatString(right, left);
      if (isObject(left) && isObject(right)) return deepMerge(left, right);
      throw new JqError(`${describe(left)} and ${describe(right)} cannot be multiplied`);
    case "/":
      if (typeof left === "number" && typeof right === "number") {
        if (right === 0) throw new JqError(`${describe(left)} and ${describe(right)} cannot be divided because the divisor is zero`);
        return left / right;
      }
      if (typeof left === "string" && typeof right === "string") return splitString(left, right);
      throw new JqError(`${describe(left)} and ${describe(right)} cannot be divided`);
    default: {
      // %: C's remainder of the operands truncated to integers.
      if (typeof left !== "number" || typeof right !== "number") throw new JqError(`${describe(left)} and ${describe(right)} cannot be divided (remainder)`);
      const divisor = Math.abs(toInt(right));
      if (divisor === 0) throw new JqError(`${describe(left)} and ${describe(right)} cannot be divided (remainder) because the divisor is zero`);
      // An integer remainder: never -0.
      return toInt(left) % divisor || 0;
    }
  }
}

/** C's (intmax_t) conversion, as jq's % uses. */
function toInt(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.trunc(Math.max(Math.min(value, 9.2e18), -9.2e18));
}

/** `"x" * n` as jq 1.6 counts: one copy, plus one for each whole number in n - 1; null when n - 1 truncates below 0. */
function repeatString(text: string, times: number): JV {
  const more = Math.trunc(times - 1);
  if (!(more >= 0)) return null;
  const copies = more + 1;
  if (text.length * copies > 10_000_000) throw new JqError("String too long (sandbox limit)");
  return text.repeat(copies);
}

export function add(left: JV, right: JV): JV {
  if (left === null) return right;
  if (right === null) return left;
  if (typeof left === "number" && typeof right === "number") return left + right;
  if (typeof left === "string" && typeof right === "string") return left + right;
  if (Array.isArray(left) && Array.isArray(right)) return [...left, ...right];
  if (isObject(left) && isObject(right)) return new Map([...left, ...right]);
  throw new JqError(`${describe(left)} and ${describe(right)} cannot be added`);
}

function deepMerge(left: JObject, right: JObject): JObject {
  const result = new Map(left);
  for (const [key, value] of right) {
    const existing = result.get(key);
    result.set(key, existing !== undefined && isObject(existing) && isObject(value) ? deepMerge(existing, value) : value);
  }
  return result;
}

/** jv_string_split: "" gives [], and an empty separator splits into characters' bytes... as code points here. */
export function splitString(text: string, separator: string): JV[] {
  if (text === "") return [];
  return separator === "" ? [...text] : text.split(separator);
}

// ---- paths: getpath, setpath, delpaths, assignments

export function getPath(root: JV, path: readonly JV[]): JV {
  let value = root;
  for (const key of path) value = indexValue(value, key);
  return value;
}

/** jv_set: one key of a container (null becomes one). */
function setKey(target: JV, key: JV, value: JV): JV {
  if (typeof key === "string" && (target === null || isObject(target))) return new Map(target ?? []).set(key, value);
  if (typeof key === "number" && (target === null || Array.isArray(target))) {
    const copy = [...(target ?? [])];
    let index = Math.trunc(key);
    if (index < 0) index += copy.length;
    if (index < 0) throw new JqError("Out of bounds negative array index");
    if (index > 100_000) throw new JqError("Array index too large (sandbox limit)");
    while (copy.length < index) copy.push(null);
    copy[index] = value;
    return copy;
  }
  if (isObject(key) && (target === null || Array.isArray(target))) {
    const array = target ?? [];
    const bounds = sliceBounds(array, key);
    if (!bounds) throw new JqError("Start and end indices of an array slice must be numbers");
    if (!Array.isArray(value)) throw new JqError("A slice of an array can only be assigned another array");
    return [...array.slice(0, bounds[0]), ...value, ...array.slice(bounds[1])];
  }
  throw new JqError(`Cannot update field at object index of ${typeName(target)}`);
}

/** jv_setpath: the value at each step is read first, so a wrong type fails as indexing does. */
export function setPath(root: JV, path: readonly JV[], value: JV): JV {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [JV, ...JV[]];
  return setKey(root, key, setPath(indexValue(root, key), rest, value));
}

/** jv_delpaths: paths sorted, the longest and last deleted first, each container's keys at once. */
export function deletePaths(root: JV, paths: JV): JV {
  if (!Array.isArray(paths)) throw new JqError("Paths must be specified as an array");
  for (const path of paths) if (!Array.isArray(path)) throw new JqError("Path must be specified as an array");
  const sorted = [...(paths as JV[][])].sort(compareValues);
  if (sorted.length === 0) return root;
  if ((sorted[0] as JV[]).length === 0) return null;
  return deleteSorted(root, sorted, 0);
}

function deleteSorted(object: JV, paths: JV[][], depth: number): JV {
  const keys: JV[] = [];
  let result = object;
  for (let index = 0; index < paths.length; ) {
    const key = (paths[index] as JV[])[depth] ?? null;
    let end = index;
    while (end < paths.length && equalValues((paths[end] as JV[])[depth] ?? null, key)) end++;
    if ((paths[index] as JV[]).length === depth + 1) keys.push(key);
    else {
      const child = indexValue(result, key);
      if (child !== null) result = setKey(result, key, deleteSorted(child, paths.slice(index, end), depth + 1));
    }
    index = end;
  }
  return deleteKeys(result, keys);
}

/** jv_dels: removes keys from an object, or indices and slices from an array. */
function deleteKeys(target: JV, keys: JV[]): JV {
  if (target === null) return null;
  if (Array.isArray(target)) {
    const doomed = new Set<number>();
    for (const key of keys) {
      if (typeof key === "number") doomed.add(Math.trunc(key) < 0 ? target.length + Math.trunc(key) : Math.trunc(key));
      else if (isObject(key)) {
        const bounds = sliceBounds(target, key);
        if (!bounds) throw new JqError("Start and end indices of an array slice must be numbers");
        for (let index = bounds[0]; index < bounds[1]; index++) doomed.add(index);
      } else throw new JqError(`Cannot delete ${typeName(key)} element of array`);
    }
    return target.filter((_, index) => !doomed.has(index));
  }
  if (isObject(target)) {
    const copy = new Map(target);
    for (const key of keys) {
      if (typeof key !== "string") throw new JqError(`Cannot delete field at index of ${typeName(key)}`);
      copy.delete(key);
    }
    return copy;
  }
  throw new JqError(`Cannot delete fields from ${typeName(target)}`);
}

/** Each path `node` designates in `input` (path(f)). */
export function paths(node: Node, input: JV, scope: Scope | null, cx: RunContext, each: (path: Path) => void): void {
  run(node, input, [], scope, cx, (value, trail) => {
    if (trail === false || trail === null) throw new JqError(`Invalid path expression with result ${dumpTruncated(value, 30)}`);
    each(trail);
  });
}

/**
 * Assignments as jq 1.6's builtins define them: `a = v` sets every path of
 * `a` to each value of v; `a |= f` replaces each path's value with f's
 * first output, deleting the path when f has none (_modify); `a op= v` is
 * `a |= . op v` for each value of v, computed on the original input.
 */
function assign(node: Extract<Node, { kind: "assign" }>, input: JV, trail: Trail, scope: Scope | null, cx: RunContext, emit: Emit): void {
  if (node.op === "=") {
    run(node.value, input, null, scope, cx, (value) => {
      let state = input;
      paths(node.target, input, scope, cx, (path) => {
        state = setPath(state, path, value);
      });
      emit(state, lost(trail));
    });
    return;
  }
  const modify = (update: (current: JV, out: Emit) => void) => {
    let state = input;
    paths(node.target, input, scope, cx, (path) => {
      const label = {};
      let updated = false;
      try {
        update(getPath(state, path), (value) => {
          state = setPath(state, path, value);
          updated = true;
          throw new Break(label);
        });
      } catch (error) {
        if (!(error instanceof Break && error.label === label)) throw error;
      }
      if (!updated) state = deletePaths(state, [path]);
    });
    emit(state, lost(trail));
  };
  if (node.op === "|=") return modify((current, out) => run(node.value, current, null, scope, cx, out));
  const op = node.op.slice(0, -1);
  run(node.value, input, null, scope, cx, (value) => modify((current, out) => out(op === "//" ? (truthy(current) ? current : value) : operate(op, current, value), null)));
}
