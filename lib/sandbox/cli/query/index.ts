/**
 * --query: a port of Python jmespath 1.0.1, the library the AWS CLI v2
 * evaluates it with, so that a query prints what the real CLI prints, errors
 * included. Checked against recordings of the Python library
 * (tests/unit/cli/jmespath, scripts/record-jmespath-fixtures.py).
 */
import { PyException, type PyValue } from "../python/values";
import type { Node } from "./ast";
import { visit } from "./interpreter";
import { parseExpression } from "./parser";
import { Expref, type JValue } from "./semantics";

export { JmesPathSyntaxError } from "./errors";

export interface CompiledQuery {
  expression: string;
  search(data: PyValue): PyValue;
}

function holdsExpref(value: JValue): boolean {
  if (value instanceof Expref) return true;
  if (Array.isArray(value)) return value.some(holdsExpref);
  if (value instanceof Map) return [...value.values()].some(holdsExpref);
  return false;
}

/** jmespath.compile(expression): throws JmesPathSyntaxError with Python's message. */
export function compileQuery(expression: string): CompiledQuery {
  const tree: Node = parseExpression(expression);
  return {
    expression,
    search(data: PyValue): PyValue {
      const result = visit(tree, data);
      // An &expression left in the result cannot be printed: the CLI's JSON encoder hands the object back to itself.
      // NOTE: that is the --output json message; text and table would print the object's repr instead.
      if (holdsExpref(result)) throw new PyException("ValueError", "Circular reference detected");
      return result as PyValue;
    },
  };
}
