/**
 * The tokenizer of Python jmespath 1.0.1 (jmespath/lexer.py), ported so that
 * tokens, their values and the positions in error messages are the same.
 * Positions count code points, as Python's str indexes do.
 */
import { JsonDecodeError, jsonLoads } from "../python/json";
import type { PyValue } from "../python/values";
import { LexerError } from "./errors";

export type TokenType =
  | "dot" | "star" | "rbracket" | "comma" | "colon" | "current" | "lparen" | "rparen" | "lbrace" | "rbrace"
  | "unquoted_identifier" | "quoted_identifier" | "flatten" | "filter" | "lbracket" | "literal" | "or" | "pipe"
  | "and" | "expref" | "number" | "lte" | "lt" | "gte" | "gt" | "ne" | "not" | "eq" | "eof";

export interface Token {
  type: TokenType;
  value: PyValue;
  start: number;
}

const SIMPLE: Record<string, TokenType> = { ".": "dot", "*": "star", "]": "rbracket", ",": "comma", ":": "colon", "@": "current", "(": "lparen", ")": "rparen", "{": "lbrace", "}": "rbrace" };
const START_ID = /^[A-Za-z_]$/;
const VALID_ID = /^[A-Za-z0-9_]$/;
const DIGIT = /^[0-9]$/;

export function tokenize(expression: string): Token[] {
  const chars = [...expression];
  const length = chars.length;
  const tokens: Token[] = [];
  let position = 0;
  let current: string | null = chars[0] ?? null;
  const next = (): string | null => {
    if (position === length - 1) current = null;
    else {
      position++;
      current = chars[position]!;
    }
    return current;
  };
  const consumeUntil = (delimiter: string): string => {
    const start = position;
    let buffer = "";
    next();
    while (current !== delimiter) {
      if (current === "\\") {
        buffer += "\\";
        next();
      }
      if (current === null) throw new LexerError(start, `Unclosed ${delimiter} delimiter`);
      buffer += current;
      next();
    }
    next();
    return buffer;
  };
  const consumeNumber = (): string => {
    let buffer = current!;
    while (next() !== null && DIGIT.test(current!)) buffer += current;
    return buffer;
  };
  const matchOrElse = (expected: string, matchType: TokenType, elseType: TokenType): Token => {
    const start = position;
    const first = current!;
    const following = next();
    if (following === expected) {
      next();
      return { type: matchType, value: first + following, start };
    }
    return { type: elseType, value: first, start };
  };

  while (current !== null) {
    const char: string = current;
    if (SIMPLE[char]) {
      tokens.push({ type: SIMPLE[char]!, value: char, start: position });
      next();
    } else if (START_ID.test(char)) {
      const start = position;
      let buffer = char;
      while (next() !== null && VALID_ID.test(current!)) buffer += current;
      tokens.push({ type: "unquoted_identifier", value: buffer, start });
    } else if (" \t\n\r".includes(char)) {
      next();
    } else if (char === "[") {
      const start = position;
      const following = next();
      if (following === "]") {
        next();
        tokens.push({ type: "flatten", value: "[]", start });
      } else if (following === "?") {
        next();
        tokens.push({ type: "filter", value: "[?", start });
      } else tokens.push({ type: "lbracket", value: "[", start });
    } else if (char === "'") {
      const start = position;
      const lexeme = consumeUntil("'").split("\\'").join("'");
      tokens.push({ type: "literal", value: lexeme, start });
    } else if (char === "|") tokens.push(matchOrElse("|", "or", "pipe"));
    else if (char === "&") tokens.push(matchOrElse("&", "and", "expref"));
    else if (char === "`") {
      const start = position;
      const lexeme = consumeUntil("`").split("\\`").join("`");
      let value: PyValue;
      try {
        value = jsonLoads(lexeme);
      } catch (error) {
        if (!(error instanceof JsonDecodeError)) throw error;
        try {
          value = jsonLoads(`"${lexeme.replace(/^[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0]+/, "")}"`);
        } catch (inner) {
          if (!(inner instanceof JsonDecodeError)) throw inner;
          throw new LexerError(start, `Bad token ${lexeme}`);
        }
      }
      tokens.push({ type: "literal", value, start });
    } else if (DIGIT.test(char)) {
      const start = position;
      const buffer = consumeNumber();
      tokens.push({ type: "number", value: Number(buffer), start });
    } else if (char === "-") {
      const start = position;
      const buffer = consumeNumber();
      if (buffer.length > 1) tokens.push({ type: "number", value: Number(buffer), start });
      else throw new LexerError(start, `Unknown token '${buffer}'`);
    } else if (char === '"') {
      const start = position;
      const lexeme = '"' + consumeUntil('"') + '"';
      try {
        tokens.push({ type: "quoted_identifier", value: jsonLoads(lexeme), start });
      } catch (error) {
        if (!(error instanceof JsonDecodeError)) throw error;
        throw new LexerError(start, error.message.split(":")[0]!);
      }
    } else if (char === "<") tokens.push(matchOrElse("=", "lte", "lt"));
    else if (char === ">") tokens.push(matchOrElse("=", "gte", "gt"));
    else if (char === "!") tokens.push(matchOrElse("=", "ne", "not"));
    else if (char === "=") {
      if (next() === "=") {
        tokens.push({ type: "eq", value: "==", start: position - 1 });
        next();
      } else {
        const at = current === null ? position : position - 1;
        throw new LexerError(at, "Unknown token '='");
      }
    } else throw new LexerError(position, `Unknown token ${char}`);
  }
  tokens.push({ type: "eof", value: "", start: length });
  return tokens;
}
