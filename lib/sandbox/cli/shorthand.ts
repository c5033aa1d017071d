/**
 * The CLI's shorthand syntax (`--rotation-rules AutomaticallyAfterDays=30`,
 * `--tags Key=a,Value=b Key=c,Value=d`, `Values=a,b`, `[...]`, `{...}`,
 * quoting), ported from awscli/shorthand.py with its error messages, and the
 * back-compatibility pass that converts values with the model (ints,
 * booleans, single values where a list is expected).
 */
import type { Shape } from "./model";
import { PyDict, PyException, PyFloat, pyInt, pyFloat, type PyValue } from "./python/values";

export class ShorthandParseError extends Error {}

function errorLocation(value: string[], index: number): string {
  let consumed = value.join("");
  let remaining = "";
  let spaces = index;
  const before = value.slice(0, index);
  const lastNewline = before.lastIndexOf("\n");
  if (lastNewline >= 0) spaces = index - lastNewline - 1;
  const after = value.slice(index);
  const nextNewline = after.indexOf("\n");
  if (nextNewline >= 0) {
    consumed = value.slice(0, index + nextNewline).join("");
    remaining = value.slice(index + nextNewline).join("");
  }
  return `${consumed}\n${" ".repeat(Math.max(0, spaces))}^${remaining}`;
}

class SyntaxError_ extends ShorthandParseError {
  constructor(value: string[], expected: string, actual: string, index: number) {
    super(`Expected: '${expected}', received: '${actual}' for input:\n${errorLocation(value, index)}`);
  }
}

class DuplicateKeyError extends ShorthandParseError {
  constructor(key: string, value: string[], index: number) {
    super(`Second instance of key "${key}" encountered for input:\n${errorLocation(value, index)}\nThis is often because there is a preceding "," instead of a space.`);
  }
}

// Python's \s in a str pattern: Unicode whitespace.
const WS = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const START_WORD = "!#-&(-+\\--<>-Z\\\\-z|-\\uffff";
const FIRST_FOLLOW = `${WS}!#-&(-+\\--\\\\^-|~-\\uffff`;
const SECOND_FOLLOW = `${WS}!#-&(-+\\--<>-\\uffff`;
const FIRST_VALUE = new RegExp(`^(?:\\\\,|[${START_WORD}])(?:\\\\,|[${FIRST_FOLLOW}])*`, "u");
const SECOND_VALUE = new RegExp(`^(?:\\\\,|[${START_WORD}])(?:\\\\,|[${SECOND_FOLLOW}])*`, "u");
const SINGLE_QUOTED = /^'(?:\\\\|\\'|[^'])*'/u;
const DOUBLE_QUOTED = /^"(?:\\\\|\\"|[^"])*"/u;
const KEY_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.#/:";
const WHITESPACE = " \t\n\r\x0b\x0c";
const EOF = Symbol("EOF");

function rstrip(value: string): string {
  return value.replace(/[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/u, "");
}

export class ShorthandParser {
  private input: string[] = [];
  private index = 0;

  parse(value: string): PyDict {
    this.input = [...value];
    this.index = 0;
    return this.parameter();
  }

  private parameter(): PyDict {
    const params = new PyDict();
    const [key, value] = this.keyval();
    params.set(key, value);
    let lastIndex = this.index;
    while (this.index < this.input.length) {
      this.expect(",", true);
      const [nextKey, nextValue] = this.keyval();
      if (params.has(nextKey)) throw new DuplicateKeyError(nextKey, this.input, lastIndex + 1);
      params.set(nextKey, nextValue);
      lastIndex = this.index;
    }
    return params;
  }

  private keyval(): [string, PyValue] {
    const key = this.key();
    this.expect("=", true);
    return [key, this.values()];
  }

  private key(): string {
    const start = this.index;
    while (!this.atEof() && KEY_CHARS.includes(this.input[this.index]!)) this.index++;
    return this.input.slice(start, this.index).join("");
  }

  private values(): PyValue {
    if (this.atEof()) return "";
    if (this.current() === "[") return this.explicitList();
    if (this.current() === "{") return this.hashLiteral();
    return this.csvValue();
  }

  private csvValue(): PyValue {
    const first = this.firstValue();
    this.consumeWhitespace();
    if (this.atEof() || this.input[this.index] !== ",") return first;
    this.expect(",", true);
    const list: PyValue[] = [first];
    for (;;) {
      try {
        const current = this.secondValue();
        this.consumeWhitespace();
        if (this.atEof()) {
          list.push(current);
          break;
        }
        this.expect(",", true);
        list.push(current);
      } catch (error) {
        if (!(error instanceof SyntaxError_)) throw error;
        if (this.atEof()) throw error;
        this.backtrackTo(",");
        break;
      }
    }
    return list.length === 1 ? first : list;
  }

  private value(): string {
    const match = FIRST_VALUE.exec(this.rest());
    if (match) return rstrip(this.consume(match[0]).replace(/\\,/g, ","));
    return "";
  }

  private explicitList(): PyValue[] {
    this.expect("[", true);
    const values: PyValue[] = [];
    while (this.current() !== "]") {
      values.push(this.explicitValues());
      this.consumeWhitespace();
      if (this.current() !== "]") {
        this.expect(",");
        this.consumeWhitespace();
      }
    }
    this.expect("]");
    return values;
  }

  private explicitValues(): PyValue {
    if (this.current() === "[") return this.explicitList();
    if (this.current() === "{") return this.hashLiteral();
    return this.firstValue();
  }

  private hashLiteral(): PyDict {
    this.expect("{", true);
    const values = new PyDict();
    while (this.current() !== "}") {
      const key = this.key();
      this.expect("=", true);
      const value = this.explicitValues();
      this.consumeWhitespace();
      if (this.current() !== "}") {
        this.expect(",");
        this.consumeWhitespace();
      }
      values.set(key, value);
    }
    this.expect("}");
    return values;
  }

  private firstValue(): string {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    return this.value();
  }

  private secondValue(): string {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    return rstrip(this.mustConsume(SECOND_VALUE, "second").replace(/\\,/g, ","));
  }

  private quoted(regex: RegExp, escaped: string): string {
    const name = escaped === "'" ? "singled quoted" : "double quoted";
    const text = this.mustConsume(regex, name);
    const inner = [...text].slice(1, -1).join("");
    return inner.split(`\\${escaped}`).join(escaped).split("\\\\").join("\\");
  }

  private expect(char: string, consumeWhitespace = false): void {
    if (consumeWhitespace) this.consumeWhitespace();
    if (this.index >= this.input.length) throw new SyntaxError_(this.input, char, "EOF", this.index);
    const actual = this.input[this.index]!;
    if (actual !== char) throw new SyntaxError_(this.input, char, actual, this.index);
    this.index++;
    if (consumeWhitespace) this.consumeWhitespace();
  }

  private mustConsume(regex: RegExp, name: string): string {
    const match = regex.exec(this.rest());
    if (match) return this.consume(match[0]);
    throw new SyntaxError_(this.input, `<${name}>`, "<none>", this.index);
  }

  private consume(text: string): string {
    this.index += [...text].length;
    return text;
  }

  private rest(): string {
    return this.input.slice(Math.max(0, this.index)).join("");
  }

  private current(): string | typeof EOF {
    return this.index < this.input.length && this.index >= 0 ? this.input[this.index]! : EOF;
  }

  private atEof(): boolean {
    return this.index >= this.input.length;
  }

  private backtrackTo(char: string): void {
    while (this.index >= 0 && this.input[this.index] !== char) this.index--;
  }

  private consumeWhitespace(): void {
    for (let current = this.current(); current !== EOF && WHITESPACE.includes(current); current = this.current()) this.index++;
  }
}

// --- The model-driven pass ----------------------------------------------------

function typeNameOf(value: PyValue): string {
  if (Array.isArray(value)) return "list";
  if (value instanceof PyDict) return "dict";
  return "str";
}

/** int(value) on whatever the parser produced (a list raises TypeError as in Python). */
function toInt(value: PyValue): number {
  if (typeof value === "string") return pyInt(value);
  throw new PyException("TypeError", `int() argument must be a string, a bytes-like object or a real number, not '${typeNameOf(value)}'`);
}

function toFloat(value: PyValue): number {
  if (typeof value === "string") return pyFloat(value);
  throw new PyException("TypeError", `float() argument must be a string or a real number, not '${typeNameOf(value)}'`);
}

type Parent = PyDict | PyValue[];

function setIn(parent: Parent, name: string | number, value: PyValue): void {
  if (parent instanceof PyDict) parent.set(String(name), value);
  else parent[name as number] = value;
}

/**
 * BackCompatVisitor: converts scalars by the model, and wraps a single value
 * where the model wants a list (Values=a → ["a"]).
 */
export function backCompatVisit(value: PyValue, shape: Shape): void {
  visit(new PyDict(), shape, "", value);
}

function visit(parent: Parent, shape: Shape, name: string | number, value: PyValue | undefined): void {
  switch (shape.type) {
    case "structure": {
      if (shape.spec.document && value !== undefined && value !== null) {
        throw new ShorthandParseError("Shorthand syntax does not support document types. Use JSON input for top-level argument to specify nested parameter: " + String(name));
      }
      if (!(value instanceof PyDict)) return;
      for (const [memberName, memberShape] of shape.members) {
        if (memberShape.spec.document && value.get(memberName) !== undefined && value.get(memberName) !== null) {
          throw new ShorthandParseError(`Shorthand syntax does not support document types. Use JSON input for top-level argument to specify nested parameter: ${memberName}`);
        }
        visit(value, memberShape, memberName, value.get(memberName));
      }
      return;
    }
    case "list":
      if (!Array.isArray(value)) {
        if (value !== undefined && value !== null) setIn(parent, name, [value]);
        return;
      }
      value.forEach((element, index) => visit(value, shape.member, index, element));
      return;
    case "map":
      if (!(value instanceof PyDict)) return;
      for (const [key, element] of value) visit(value, shape.value, key, element);
      return;
    default:
      if (value === undefined || value === null) return;
      if (shape.type === "integer" || shape.type === "long") setIn(parent, name, toInt(value));
      else if (shape.type === "double" || shape.type === "float") setIn(parent, name, new PyFloat(toFloat(value)));
      else if (shape.type === "boolean") {
        if (typeof value !== "string") throw new PyException("AttributeError", `'${typeNameOf(value)}' object has no attribute 'lower'`);
        if (value.toLowerCase() === "true") setIn(parent, name, true);
        else if (value.toLowerCase() === "false") setIn(parent, name, false);
      }
  }
}
