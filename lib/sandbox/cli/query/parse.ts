/**
 * A syntax check of JMESPath expressions that fails exactly where, and with
 * the words that, the Python jmespath 1.0.1 used by the AWS CLI fails
 * (`Invalid jmespath expression: Incomplete expression:\n"Keys["\n      ^`).
 * A port of its lexer and Pratt parser that builds no tree: evaluation is
 * left to the `jmespath` npm package.
 */
import { JsonDecodeError, jsonLoads } from "../python/json";
import { pyRepr, pyStr, type PyValue } from "../python/values";

export class JmesPathSyntaxError extends Error {}

interface Token {
  type: string;
  value: PyValue;
  start: number;
}

class ParseError extends JmesPathSyntaxError {
  constructor(
    readonly position: number,
    readonly tokenValue: PyValue,
    readonly tokenType: string,
    readonly msg: string,
  ) {
    super(msg);
  }
}

class IncompleteExpression extends JmesPathSyntaxError {}

class LexerError extends JmesPathSyntaxError {
  constructor(
    readonly position: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const SIMPLE: Record<string, string> = { ".": "dot", "*": "star", "]": "rbracket", ",": "comma", ":": "colon", "@": "current", "(": "lparen", ")": "rparen", "{": "lbrace", "}": "rbrace" };
const START_ID = /^[A-Za-z_]$/;
const VALID_ID = /^[A-Za-z0-9_]$/;
const DIGIT = /^[0-9]$/;

function tokenize(expression: string): Token[] {
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
  const matchOrElse = (expected: string, matchType: string, elseType: string): Token => {
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

const BINDING_POWER: Record<string, number> = {
  eof: 0,
  unquoted_identifier: 0,
  quoted_identifier: 0,
  literal: 0,
  rbracket: 0,
  rparen: 0,
  comma: 0,
  rbrace: 0,
  number: 0,
  current: 0,
  expref: 0,
  colon: 0,
  pipe: 1,
  or: 2,
  and: 3,
  eq: 5,
  gt: 5,
  lt: 5,
  gte: 5,
  lte: 5,
  ne: 5,
  flatten: 9,
  star: 20,
  filter: 21,
  dot: 40,
  not: 45,
  lbrace: 50,
  lbracket: 55,
  lparen: 60,
};
const PROJECTION_STOP = 10;
const MAX_DEPTH = 500;

type Node = { type: string };

class Parser {
  private index = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): void {
    this.expression(0);
    if (this.current() !== "eof") {
      const token = this.lookaheadToken(0);
      throw new ParseError(token.start, token.value, token.type, `Unexpected token: ${pyStr(token.value)}`);
    }
  }

  private current(): string {
    return this.tokens[Math.min(this.index, this.tokens.length - 1)]!.type;
  }

  private lookahead(offset: number): string {
    return this.lookaheadToken(offset).type;
  }

  private lookaheadToken(offset: number): Token {
    const at = this.index + offset;
    // Python's negative indexes count from the end.
    const index = at < 0 ? this.tokens.length + at : Math.min(at, this.tokens.length - 1);
    return this.tokens[index]!;
  }

  private advance(): void {
    this.index++;
  }

  private expression(bindingPower = 0): Node {
    if (++this.depth > MAX_DEPTH) throw new JmesPathSyntaxError("maximum recursion depth exceeded");
    try {
      const left = this.lookaheadToken(0);
      this.advance();
      let node = this.nud(left);
      let current = this.current();
      while (bindingPower < BINDING_POWER[current]!) {
        if (!LED.has(current)) this.errorToken(this.lookaheadToken(0));
        this.advance();
        node = this.led(current, node);
        current = this.current();
      }
      return node;
    } finally {
      this.depth--;
    }
  }

  private nud(token: Token): Node {
    switch (token.type) {
      case "literal":
        return { type: "literal" };
      case "unquoted_identifier":
        return { type: "field" };
      case "quoted_identifier":
        if (this.current() === "lparen") {
          const next = this.lookaheadToken(0);
          throw new ParseError(0, next.value, next.type, "Quoted identifier not allowed for function names.");
        }
        return { type: "field" };
      case "star":
        if (this.current() !== "rbracket") this.projectionRhs(BINDING_POWER.star!);
        return { type: "value_projection" };
      case "filter":
        return this.ledFilter();
      case "lbrace":
        return this.multiSelectHash();
      case "lparen": {
        const inner = this.expression();
        this.match("rparen");
        return inner;
      }
      case "flatten":
        this.projectionRhs(BINDING_POWER.flatten!);
        return { type: "projection" };
      case "not":
        this.expression(BINDING_POWER.not!);
        return { type: "not_expression" };
      case "lbracket":
        if (this.current() === "number" || this.current() === "colon") return this.projectIfSlice(this.indexExpression());
        if (this.current() === "star" && this.lookahead(1) === "rbracket") {
          this.advance();
          this.advance();
          this.projectionRhs(BINDING_POWER.star!);
          return { type: "projection" };
        }
        return this.multiSelectList();
      case "current":
        return { type: "current" };
      case "expref":
        this.expression(BINDING_POWER.expref!);
        return { type: "expref" };
      default:
        if (token.type === "eof") throw new IncompleteExpression("Incomplete expression");
        throw new ParseError(token.start, token.value, token.type, "invalid token");
    }
  }

  private led(type: string, left: Node): Node {
    switch (type) {
      case "dot":
        if (this.current() !== "star") {
          this.dotRhs(BINDING_POWER.dot!);
          return { type: "subexpression" };
        }
        this.advance();
        this.projectionRhs(BINDING_POWER.dot!);
        return { type: "value_projection" };
      case "pipe":
      case "or":
      case "and":
        this.expression(BINDING_POWER[type]!);
        return { type };
      case "lparen": {
        if (left.type !== "field") {
          const previous = this.lookaheadToken(-2);
          throw new ParseError(previous.start, previous.value, previous.type, `Invalid function name '${pyStr(previous.value)}'`);
        }
        while (this.current() !== "rparen") {
          this.expression();
          if (this.current() === "comma") this.match("comma");
        }
        this.match("rparen");
        return { type: "function_expression" };
      }
      case "filter":
        return this.ledFilter();
      case "eq":
      case "ne":
      case "gt":
      case "gte":
      case "lt":
      case "lte":
        this.expression(BINDING_POWER[type]!);
        return { type: "comparator" };
      case "flatten":
        this.projectionRhs(BINDING_POWER.flatten!);
        return { type: "projection" };
      case "lbracket": {
        const token = this.lookaheadToken(0);
        if (token.type === "number" || token.type === "colon") {
          const right = this.indexExpression();
          if (left.type === "index_expression") return left;
          return this.projectIfSlice(right);
        }
        this.match("star");
        this.match("rbracket");
        this.projectionRhs(BINDING_POWER.star!);
        return { type: "projection" };
      }
      default:
        throw new Error(`no led for ${type}`);
    }
  }

  private ledFilter(): Node {
    this.expression(0);
    this.match("rbracket");
    if (this.current() !== "flatten") this.projectionRhs(BINDING_POWER.filter!);
    return { type: "filter_projection" };
  }

  private indexExpression(): Node {
    if (this.lookahead(0) === "colon" || this.lookahead(1) === "colon") return this.sliceExpression();
    this.advance();
    this.match("rbracket");
    return { type: "index" };
  }

  private sliceExpression(): Node {
    let index = 0;
    let current = this.current();
    while (current !== "rbracket" && index < 3) {
      if (current === "colon") {
        index++;
        if (index === 3) this.errorToken(this.lookaheadToken(0), "syntax error");
        this.advance();
      } else if (current === "number") this.advance();
      else this.errorToken(this.lookaheadToken(0), "syntax error");
      current = this.current();
    }
    this.match("rbracket");
    return { type: "slice" };
  }

  private projectIfSlice(right: Node): Node {
    if (right.type === "slice") {
      this.projectionRhs(BINDING_POWER.star!);
      return { type: "projection" };
    }
    return { type: "index_expression" };
  }

  private multiSelectList(): Node {
    for (;;) {
      this.expression();
      if (this.current() === "rbracket") break;
      this.match("comma");
    }
    this.match("rbracket");
    return { type: "multi_select_list" };
  }

  private multiSelectHash(): Node {
    for (;;) {
      this.matchMultiple(["quoted_identifier", "unquoted_identifier"]);
      this.match("colon");
      this.expression(0);
      if (this.current() === "comma") this.match("comma");
      else if (this.current() === "rbrace") {
        this.match("rbrace");
        break;
      }
    }
    return { type: "multi_select_dict" };
  }

  private projectionRhs(bindingPower: number): void {
    const current = this.current();
    if (BINDING_POWER[current]! < PROJECTION_STOP) return;
    if (current === "lbracket" || current === "filter") this.expression(bindingPower);
    else if (current === "dot") {
      this.match("dot");
      this.dotRhs(bindingPower);
    } else this.errorToken(this.lookaheadToken(0), "syntax error");
  }

  private dotRhs(bindingPower: number): void {
    const lookahead = this.current();
    if (lookahead === "quoted_identifier" || lookahead === "unquoted_identifier" || lookahead === "star") this.expression(bindingPower);
    else if (lookahead === "lbracket") {
      this.match("lbracket");
      this.multiSelectList();
    } else if (lookahead === "lbrace") {
      this.match("lbrace");
      this.multiSelectHash();
    } else {
      const token = this.lookaheadToken(0);
      const allowed = ["quoted_identifier", "unquoted_identifier", "lbracket", "lbrace"];
      this.errorToken(token, `Expecting: ${pyRepr(allowed)}, got: ${token.type}`);
    }
  }

  private errorToken(token: Token, reason = "invalid token"): never {
    throw new ParseError(token.start, token.value, token.type, reason);
  }

  private match(type: string): void {
    if (this.current() === type) this.advance();
    else this.errorMaybeEof(type, this.lookaheadToken(0));
  }

  private matchMultiple(types: string[]): void {
    if (!types.includes(this.current())) this.errorMaybeEof(pyRepr(types), this.lookaheadToken(0));
    this.advance();
  }

  private errorMaybeEof(expected: string, token: Token): never {
    if (token.type === "eof") throw new IncompleteExpression("Incomplete expression");
    throw new ParseError(token.start, token.value, token.type, `Expecting: ${expected}, got: ${token.type}`);
  }
}

const LED = new Set(["dot", "pipe", "or", "and", "lparen", "filter", "eq", "ne", "gt", "gte", "lt", "lte", "flatten", "lbracket"]);

/**
 * Checks an expression as jmespath.compile() does; throws JmesPathSyntaxError
 * whose message is str() of the Python exception.
 */
export function checkExpression(expression: string): void {
  if (!expression) throw new JmesPathSyntaxError("Invalid JMESPath expression: cannot be empty.");
  const length = [...expression].length;
  try {
    new Parser(tokenize(expression)).parse();
  } catch (error) {
    if (error instanceof LexerError) {
      throw new JmesPathSyntaxError(`Bad jmespath expression: ${error.detail}:\n${expression}\n${" ".repeat(error.position)}^`);
    }
    if (error instanceof IncompleteExpression) {
      throw new JmesPathSyntaxError(`Invalid jmespath expression: Incomplete expression:\n"${expression}"\n${" ".repeat(length + 1)}^`);
    }
    if (error instanceof ParseError) {
      throw new JmesPathSyntaxError(
        `${error.msg}: Parse error at column ${error.position}, token "${pyStr(error.tokenValue)}" (${error.tokenType.toUpperCase()}), for expression:\n"${expression}"\n${" ".repeat(error.position + 1)}^`,
      );
    }
    throw error;
  }
}
