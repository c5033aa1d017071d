/**
 * jmespath/exceptions.py: the compile-time errors, whose str() the CLI prints
 * after "Bad value for --query EXPR: ". Runtime errors (type, arity, unknown
 * function) are PyExceptions named as Python names them, since the CLI lets
 * them reach its generic handler.
 */
import { pyStr, type PyValue } from "../python/values";

/** Any error jmespath.compile() raises; its message is str() of the Python exception. */
export class JmesPathSyntaxError extends Error {}

/** Raised inside the lexer and parser; turned into a JmesPathSyntaxError once the whole expression is known. */
export class LexerError extends Error {
  constructor(
    readonly position: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export class ParseError extends Error {
  constructor(
    readonly position: number,
    readonly tokenValue: PyValue,
    readonly tokenType: string,
    readonly msg: string,
  ) {
    super(msg);
  }
}

export class IncompleteExpressionError extends Error {}

/** Python's RecursionError while parsing a deeply nested expression. */
export class ParserRecursionError extends JmesPathSyntaxError {}

/** str() of the exception jmespath.compile(expression) raised, as Parser._do_parse completes it. */
export function syntaxError(expression: string, error: LexerError | ParseError | IncompleteExpressionError): JmesPathSyntaxError {
  if (error instanceof LexerError) {
    return new JmesPathSyntaxError(`Bad jmespath expression: ${error.detail}:\n${expression}\n${" ".repeat(error.position)}^`);
  }
  if (error instanceof IncompleteExpressionError) {
    const length = [...expression].length;
    return new JmesPathSyntaxError(`Invalid jmespath expression: Incomplete expression:\n"${expression}"\n${" ".repeat(length + 1)}^`);
  }
  return new JmesPathSyntaxError(
    `${error.msg}: Parse error at column ${error.position}, token "${pyStr(error.tokenValue)}" (${error.tokenType.toUpperCase()}), for expression:\n"${expression}"\n${" ".repeat(error.position + 1)}^`,
  );
}
