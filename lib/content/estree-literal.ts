import type { Expression, Node } from "estree";

/** A value an author may write as a JSX prop: JSON data, nothing executable. */
export type LiteralValue = string | number | boolean | null | LiteralValue[] | { [key: string]: LiteralValue };

export class NotALiteralError extends Error {}

/**
 * Evaluates the estree of a JSX attribute expression when it is plain data:
 * strings, numbers, booleans, null, template strings without substitutions,
 * negative numbers, arrays and objects of those. Anything else (identifiers,
 * calls, spreads, computed keys) is refused, because chapter props must be
 * checkable at build time.
 */
export function evaluateLiteral(node: Node): LiteralValue {
  switch (node.type) {
    case "Program": {
      const [statement, ...rest] = node.body;
      if (!statement || rest.length > 0 || statement.type !== "ExpressionStatement") {
        throw new NotALiteralError("expected a single expression");
      }
      return evaluateLiteral(statement.expression);
    }
    case "Literal":
      if (node.value instanceof RegExp || typeof node.value === "bigint" || node.value === undefined) {
        throw new NotALiteralError("regular expressions and bigints are not allowed");
      }
      return node.value;
    case "TemplateLiteral":
      if (node.expressions.length > 0) throw new NotALiteralError("template strings may not contain ${...}");
      return node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join("");
    case "UnaryExpression": {
      const value = evaluateLiteral(node.argument);
      if (node.operator === "-" && typeof value === "number") return -value;
      throw new NotALiteralError(`operator ${node.operator} is not allowed`);
    }
    case "ArrayExpression":
      return node.elements.map((element) => {
        if (element === null || element.type === "SpreadElement") {
          throw new NotALiteralError("holes and spreads are not allowed in arrays");
        }
        return evaluateLiteral(element);
      });
    case "ObjectExpression": {
      const result: { [key: string]: LiteralValue } = {};
      for (const property of node.properties) {
        if (property.type !== "Property" || property.computed || property.kind !== "init" || property.method) {
          throw new NotALiteralError("only plain `key: value` properties are allowed in objects");
        }
        const key =
          property.key.type === "Identifier"
            ? property.key.name
            : property.key.type === "Literal" && typeof property.key.value === "string"
              ? property.key.value
              : undefined;
        if (key === undefined) throw new NotALiteralError("object keys must be names or strings");
        if (Object.hasOwn(result, key)) throw new NotALiteralError(`duplicate key "${key}"`);
        result[key] = evaluateLiteral(property.value as Expression);
      }
      return result;
    }
    default:
      throw new NotALiteralError(`${describe(node)} is not allowed; write plain data (strings, numbers, arrays, objects)`);
  }
}

function describe(node: Node): string {
  if (node.type === "Identifier") return `the name \`${node.name}\``;
  return "an expression of type " + node.type;
}
