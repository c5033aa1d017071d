/**
 * The built-in functions of Python jmespath 1.0.1 (jmespath/functions.py):
 * the same signatures, the same type checks in the same order (with their
 * quirks: an element's type is named the Python way, "str", "int"), and the
 * results Python computes (floats from avg, code points for strings).
 */
import { compareCodePoints, isDict, PyDict, PyException, pyFloat, pyInt, pyRepr, type PyValue } from "../python/values";
import { encodeCompact } from "./compact-json";
import { Expref, float, isFloat, isNumber, jmespathType, numberOf, pyCompare, pyEquals, pythonTypeName, strOf, type JValue } from "./semantics";

/** Evaluates an expref's expression against a value (the interpreter's visit). */
export type Visit = (expref: Expref, value: JValue) => JValue;

interface ArgumentSpec {
  types: string[];
  variadic?: boolean;
}

interface FunctionSpec {
  signature: ArgumentSpec[];
  call(args: JValue[], visit: Visit): JValue;
}

const REVERSE_TYPES: Record<string, string[]> = {
  boolean: ["bool"],
  array: ["list", "_Projection"],
  object: ["dict", "OrderedDict"],
  null: ["NoneType"],
  string: ["unicode", "str"],
  number: ["float", "int", "long"],
  expref: ["_Expression"],
};

function typeError(functionName: string, value: JValue, actualType: string, expected: string[]): PyException {
  return new PyException("JMESPathTypeError", `In function ${functionName}(), invalid type for value: ${strOf(value)}, expected one of: ${pyRepr(expected)}, received: "${actualType}"`);
}

function arityError(expected: number, actual: number, name: string, variadic: boolean): PyException {
  const noun = expected === 1 ? "argument" : "arguments";
  return new PyException(variadic ? "VariadictArityError" : "ArityError", `Expected ${variadic ? "at least " : ""}${expected} ${noun} for function ${name}(), received ${actual}`);
}

function checkArguments(args: JValue[], signature: ArgumentSpec[], name: string): void {
  const variadic = signature.at(-1)?.variadic === true;
  if (variadic ? args.length < signature.length : args.length !== signature.length) throw arityError(signature.length, args.length, name, variadic);
  // Only as many arguments as the signature lists are checked: merge() checks its first object only.
  signature.forEach((spec, index) => {
    if (spec.types.length) checkType(args[index]!, spec.types, name);
  });
}

function checkType(value: JValue, types: string[], name: string): void {
  const allowed: string[] = [];
  const allowedSubtypes: string[][] = [];
  for (const type of types) {
    const [outer, subtype] = type.split("-", 2) as [string, string | undefined];
    if (subtype !== undefined) allowedSubtypes.push(REVERSE_TYPES[subtype]!);
    allowed.push(...REVERSE_TYPES[outer]!);
  }
  const actual = pythonTypeName(value);
  if (!allowed.includes(actual)) throw typeError(name, value, jmespathType(actual), types);
  if (!allowedSubtypes.length || !Array.isArray(value)) return;
  if (allowedSubtypes.length === 1) {
    for (const element of value) {
      const elementType = pythonTypeName(element);
      // Python names the element's type as Python does here ("str"), not as jmespath does.
      if (!allowedSubtypes[0]!.includes(elementType)) throw typeError(name, element, elementType, types);
    }
  } else if (value.length) {
    // The first element decides which of the element types the rest must share.
    const first = pythonTypeName(value[0]!);
    const subtypes = allowedSubtypes.find((candidate) => candidate.includes(first));
    if (!subtypes) throw typeError(name, value[0]!, first, types);
    for (const element of value) {
      const elementType = pythonTypeName(element);
      if (!subtypes.includes(elementType)) throw typeError(name, element, elementType, types);
    }
  }
}

function sumOf(values: PyValue[]): number | ReturnType<typeof float> {
  let total = 0;
  let floating = false;
  for (const value of values) {
    total += numberOf(value as number);
    floating ||= isFloat(value);
  }
  return floating ? float(total) : total;
}

/** math.ceil() and math.floor() return ints, which NaN and infinity cannot become. */
function toInt(value: number): number {
  if (Number.isNaN(value)) throw new PyException("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(value)) throw new PyException("OverflowError", "cannot convert float infinity to integer");
  // math.ceil(-0.5) is the int 0, which has no sign.
  return value === 0 ? 0 : value;
}

/** Python's < for the values sort() and sort_by() order: numbers or strings, never mixed (checked before). */
function ascending(a: JValue, b: JValue): number {
  if (typeof a === "string" && typeof b === "string") return compareCodePoints(a, b);
  const x = numberOf(a as number);
  const y = numberOf(b as number);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** max()/min() keep the first of equal elements and compare each new element with the best so far (new OP best). */
function extreme<T>(items: T[], key: (item: T) => JValue, op: ">" | "<"): T {
  let best = items[0] as T;
  let bestKey = key(best);
  for (const item of items.slice(1)) {
    const itemKey = key(item);
    if (pyCompare(itemKey, op, bestKey)) {
      best = item;
      bestKey = itemKey;
    }
  }
  return best;
}

/** Functions._create_key_func: evaluates the expref and checks the key's type. */
function keyFunction(expref: Expref, allowed: string[], name: string, visit: Visit): (item: JValue) => JValue {
  return (item) => {
    const result = visit(expref, item);
    const type = jmespathType(pythonTypeName(result));
    if (!allowed.includes(type)) throw typeError(name, result, type, allowed);
    return result;
  };
}

/** dict.update(other) when other is not a dict (merge() checks only its first argument's type). */
function updateFromSequence(target: PyDict, other: JValue): void {
  if (other === null || typeof other === "boolean" || isNumber(other) || other instanceof Expref) {
    throw new PyException("TypeError", `'${pythonTypeName(other)}' object is not iterable`);
  }
  const elements: JValue[] = typeof other === "string" ? [...other] : Array.isArray(other) ? other : other instanceof Uint8Array ? [...other] : [];
  elements.forEach((element, index) => {
    const items: JValue[] | undefined = typeof element === "string" ? [...element] : Array.isArray(element) ? element : isDict(element) ? [...element.keys()] : undefined;
    if (!items) throw new PyException("TypeError", `cannot convert dictionary update sequence element #${index} to a sequence`);
    if (items.length !== 2) throw new PyException("ValueError", `dictionary update sequence element #${index} has length ${items.length}; 2 is required`);
    const [key, value] = items as [JValue, JValue];
    if (Array.isArray(key) || isDict(key)) throw new PyException("TypeError", `unhashable type: '${pythonTypeName(key)}'`);
    if (value instanceof Expref || key instanceof Expref) throw new PyException("TypeError", "the sandbox cannot hold an expression in an object");
    // json.dumps writes the non-string keys Python allows as these strings, so the printed output is the same.
    target.set(typeof key === "string" ? key : encodeCompact(key), value);
  });
}

const FUNCTIONS: Record<string, FunctionSpec> = {
  abs: {
    signature: [{ types: ["number"] }],
    call: ([arg]) => (isFloat(arg!) ? float(Math.abs(numberOf(arg as number))) : Math.abs(arg as number)),
  },
  avg: {
    signature: [{ types: ["array-number"] }],
    call: ([arg]) => {
      const values = arg as PyValue[];
      if (!values.length) return null;
      return float(numberOf(sumOf(values) as number) / values.length);
    },
  },
  not_null: {
    signature: [{ types: [], variadic: true }],
    call: (args) => args.find((argument) => argument !== null) ?? null,
  },
  to_array: {
    signature: [{ types: [] }],
    call: ([arg]) => (Array.isArray(arg) ? arg : [arg as PyValue]),
  },
  to_string: {
    signature: [{ types: [] }],
    call: ([arg]) => (typeof arg === "string" ? arg : encodeCompact(arg!)),
  },
  to_number: {
    signature: [{ types: [] }],
    call: ([arg]) => {
      if (arg === null || typeof arg === "boolean" || Array.isArray(arg) || isDict(arg)) return null;
      if (isNumber(arg!)) return arg!;
      if (typeof arg !== "string") return null;
      try {
        return pyInt(arg);
      } catch {
        try {
          return float(pyFloat(arg));
        } catch {
          return null;
        }
      }
    },
  },
  contains: {
    signature: [{ types: ["array", "string"] }, { types: [] }],
    call: ([subject, search]) => {
      if (typeof subject === "string") {
        if (typeof search !== "string") throw new PyException("TypeError", `'in <string>' requires string as left operand, not ${pythonTypeName(search!)}`);
        return subject.includes(search);
      }
      return (subject as PyValue[]).some((item) => pyEquals(item, search!));
    },
  },
  length: {
    signature: [{ types: ["string", "array", "object"] }],
    call: ([arg]) => (typeof arg === "string" ? [...arg].length : Array.isArray(arg) ? arg.length : (arg as PyDict).size),
  },
  ends_with: {
    signature: [{ types: ["string"] }, { types: ["string"] }],
    call: ([subject, suffix]) => (subject as string).endsWith(suffix as string),
  },
  starts_with: {
    signature: [{ types: ["string"] }, { types: ["string"] }],
    call: ([subject, prefix]) => (subject as string).startsWith(prefix as string),
  },
  reverse: {
    signature: [{ types: ["array", "string"] }],
    call: ([arg]) => (typeof arg === "string" ? [...arg].reverse().join("") : [...(arg as PyValue[])].reverse()),
  },
  ceil: {
    signature: [{ types: ["number"] }],
    call: ([arg]) => toInt(Math.ceil(numberOf(arg as number))),
  },
  floor: {
    signature: [{ types: ["number"] }],
    call: ([arg]) => toInt(Math.floor(numberOf(arg as number))),
  },
  join: {
    signature: [{ types: ["string"] }, { types: ["array-string"] }],
    call: ([separator, array]) => (array as string[]).join(separator as string),
  },
  map: {
    signature: [{ types: ["expref"] }, { types: ["array"] }],
    call: ([expref, array], visit) => (array as PyValue[]).map((element) => visit(expref as Expref, element) as PyValue),
  },
  max: {
    signature: [{ types: ["array-number", "array-string"] }],
    call: ([arg]) => ((arg as PyValue[]).length ? extreme(arg as PyValue[], (item) => item, ">") : null),
  },
  merge: {
    signature: [{ types: ["object"], variadic: true }],
    call: (args) => {
      const merged = new PyDict();
      for (const argument of args) {
        if (isDict(argument)) for (const [key, value] of argument) merged.set(key, value);
        else updateFromSequence(merged, argument);
      }
      return merged;
    },
  },
  min: {
    signature: [{ types: ["array-number", "array-string"] }],
    call: ([arg]) => ((arg as PyValue[]).length ? extreme(arg as PyValue[], (item) => item, "<") : null),
  },
  sort: {
    signature: [{ types: ["array-string", "array-number"] }],
    call: ([arg]) => [...(arg as PyValue[])].sort(ascending),
  },
  sum: {
    signature: [{ types: ["array-number"] }],
    call: ([arg]) => sumOf(arg as PyValue[]),
  },
  keys: {
    signature: [{ types: ["object"] }],
    call: ([arg]) => [...(arg as PyDict).keys()],
  },
  values: {
    signature: [{ types: ["object"] }],
    call: ([arg]) => [...(arg as PyDict).values()],
  },
  type: {
    signature: [{ types: [] }],
    call: ([arg]) => {
      const type = jmespathType(pythonTypeName(arg!));
      // Python's _func_type has no branch for an expref (or bytes), so it returns None.
      return type === "expref" || type === "unknown" ? null : type;
    },
  },
  sort_by: {
    signature: [{ types: ["array"] }, { types: ["expref"] }],
    call: ([arg, expref], visit) => {
      const array = arg as PyValue[];
      if (!array.length) return array;
      // The first element's key decides the type every key must have.
      const required = jmespathType(pythonTypeName(visit(expref as Expref, array[0]!)));
      if (required !== "number" && required !== "string") throw typeError("sort_by", array[0]!, required, ["string", "number"]);
      const key = keyFunction(expref as Expref, [required], "sort_by", visit);
      const keyed = array.map((item) => ({ item, key: key(item) }));
      return keyed.sort((a, b) => ascending(a.key, b.key)).map(({ item }) => item);
    },
  },
  min_by: {
    signature: [{ types: ["array"] }, { types: ["expref"] }],
    call: ([arg, expref], visit) => {
      const array = arg as PyValue[];
      return array.length ? extreme(array, keyFunction(expref as Expref, ["number", "string"], "min_by", visit), "<") : null;
    },
  },
  max_by: {
    signature: [{ types: ["array"] }, { types: ["expref"] }],
    call: ([arg, expref], visit) => {
      const array = arg as PyValue[];
      return array.length ? extreme(array, keyFunction(expref as Expref, ["number", "string"], "max_by", visit), ">") : null;
    },
  },
};

/** Functions.call_function: unknown names, arity and types are checked when the call is evaluated, as in Python. */
export function callFunction(name: string, args: JValue[], visit: Visit): JValue {
  const spec = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!spec) throw new PyException("UnknownFunctionError", `Unknown function: ${name}()`);
  checkArguments(args, spec.signature, name);
  return spec.call(args, visit);
}
