/**
 * --query: checked as the CLI's Python jmespath checks it (same error text),
 * evaluated with the `jmespath` npm package (the reference JavaScript
 * implementation of the same specification).
 */
import { search } from "jmespath";
import { PyException, type PyValue } from "../python/values";
import { fromPlain, toPlain } from "../wire";
import { checkExpression } from "./parse";

export { checkExpression, JmesPathSyntaxError } from "./parse";

export interface CompiledQuery {
  expression: string;
  search(data: PyValue): PyValue;
}

/** The JavaScript library's type names in the Python library's words. */
const TYPE_NAMES: Record<string, string> = { expression: "expref", "Array<number>": "array-number", "Array<string>": "array-string" };

function pythonType(name: string): string {
  return TYPE_NAMES[name] ?? name;
}

/** A runtime error of the JavaScript library in the words of the Python one, where they can be matched. */
function pythonMessage(message: string): string {
  const arity = /^ArgumentError: (\w+)\(\) takes (at least ?)?(\d+) arguments? but received (\d+)$/.exec(message);
  if (arity) {
    const expected = Number(arity[3]);
    return `Expected ${arity[2] ? "at least " : ""}${expected} ${expected === 1 ? "argument" : "arguments"} for function ${arity[1]}(), received ${arity[4]}`;
  }
  const type = /^TypeError: (\w+)\(\) expected argument (\d+) to be type ([\w<>,]+) but received type ([\w<>]+) instead\.$/.exec(message);
  if (type) {
    const expected = type[3]!.split(",").map((name) => `'${pythonType(name)}'`);
    const received = pythonType(type[4]!);
    // The JavaScript library does not say which value it got; for null (a missing field, the usual case) Python prints None.
    const value = received === "null" ? "None" : `<a ${received}>`;
    return `In function ${type[1]}(), invalid type for value: ${value}, expected one of: [${expected.join(", ")}], received: "${received}"`;
  }
  return message.replace(/^TypeError: /, "");
}

export function compileQuery(expression: string): CompiledQuery {
  checkExpression(expression);
  return {
    expression,
    search(data: PyValue): PyValue {
      try {
        return fromPlain(search(toPlain(data), expression));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new PyException("JMESPathError", pythonMessage(message));
      }
    },
  };
}
