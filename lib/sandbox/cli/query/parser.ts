/**
 * The Pratt parser of Python jmespath 1.0.1 (jmespath/parser.py), ported
 * method for method: the same tree, and the same error at the same token.
 */
import { pyRepr, pyStr } from "../python/values";
import type { Comparator, Node } from "./ast";
import { IncompleteExpressionError, JmesPathSyntaxError, LexerError, ParseError, ParserRecursionError, syntaxError } from "./errors";
import { tokenize, type Token, type TokenType } from "./lexer";

const BINDING_POWER: Record<TokenType, number> = {
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
  // Everything above stops a projection.
  star: 20,
  filter: 21,
  dot: 40,
  not: 45,
  lbrace: 50,
  lbracket: 55,
  lparen: 60,
};
const PROJECTION_STOP = 10;
/** Python's default recursion limit (1000 frames) is reached at about this nesting; the CLI then dies with RecursionError. */
const MAX_DEPTH = 500;
const COMPARATORS = new Set<TokenType>(["eq", "ne", "lt", "gt", "lte", "gte"]);
const IDENTITY: Node = { type: "identity" };

class Parser {
  private index = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const parsed = this.expression(0);
    if (this.current() !== "eof") {
      const token = this.lookaheadToken(0);
      throw new ParseError(token.start, token.value, token.type, `Unexpected token: ${pyStr(token.value)}`);
    }
    return parsed;
  }

  private current(): TokenType {
    return this.lookaheadToken(0).type;
  }

  private lookahead(offset: number): TokenType {
    return this.lookaheadToken(offset).type;
  }

  private lookaheadToken(offset: number): Token {
    const at = this.index + offset;
    // Python's negative indexes count from the end; past the end, the eof token stands in for Python's IndexError paths, which the grammar never reaches.
    const index = at < 0 ? this.tokens.length + at : Math.min(at, this.tokens.length - 1);
    return this.tokens[index]!;
  }

  private advance(): void {
    this.index++;
  }

  private expression(bindingPower = 0): Node {
    if (++this.depth > MAX_DEPTH) throw new ParserRecursionError("maximum recursion depth exceeded");
    try {
      const leftToken = this.lookaheadToken(0);
      this.advance();
      let left = this.nud(leftToken);
      let current = this.current();
      while (bindingPower < BINDING_POWER[current]) {
        this.advance();
        left = this.led(current, left);
        current = this.current();
      }
      return left;
    } finally {
      this.depth--;
    }
  }

  private nud(token: Token): Node {
    switch (token.type) {
      case "literal":
        return { type: "literal", value: token.value };
      case "unquoted_identifier":
        return { type: "field", name: token.value as string };
      case "quoted_identifier": {
        // A quoted identifier cannot name a function.
        if (this.current() === "lparen") {
          const next = this.lookaheadToken(0);
          throw new ParseError(0, next.value, next.type, "Quoted identifier not allowed for function names.");
        }
        return { type: "field", name: token.value as string };
      }
      case "star": {
        const right = this.current() === "rbracket" ? IDENTITY : this.projectionRhs(BINDING_POWER.star);
        return { type: "value_projection", left: IDENTITY, right };
      }
      case "filter":
        return this.ledFilter(IDENTITY);
      case "lbrace":
        return this.multiSelectHash();
      case "lparen": {
        const inner = this.expression();
        this.match("rparen");
        return inner;
      }
      case "flatten":
        return { type: "projection", left: { type: "flatten", child: IDENTITY }, right: this.projectionRhs(BINDING_POWER.flatten) };
      case "not":
        return { type: "not_expression", child: this.expression(BINDING_POWER.not) };
      case "lbracket":
        if (this.current() === "number" || this.current() === "colon") return this.projectIfSlice(IDENTITY, this.indexExpression());
        if (this.current() === "star" && this.lookahead(1) === "rbracket") {
          this.advance();
          this.advance();
          return { type: "projection", left: IDENTITY, right: this.projectionRhs(BINDING_POWER.star) };
        }
        return this.multiSelectList();
      case "current":
        return { type: "current" };
      case "expref":
        return { type: "expref", child: this.expression(BINDING_POWER.expref) };
      default:
        if (token.type === "eof") throw new IncompleteExpressionError();
        throw new ParseError(token.start, token.value, token.type, "invalid token");
    }
  }

  private led(type: TokenType, left: Node): Node {
    if (COMPARATORS.has(type)) return { type: "comparator", comparator: type as Comparator, left, right: this.expression(BINDING_POWER[type]) };
    switch (type) {
      case "dot": {
        if (this.current() !== "star") {
          const right = this.dotRhs(BINDING_POWER.dot);
          if (left.type === "subexpression") {
            left.children.push(right);
            return left;
          }
          return { type: "subexpression", children: [left, right] };
        }
        this.advance();
        return { type: "value_projection", left, right: this.projectionRhs(BINDING_POWER.dot) };
      }
      case "pipe":
        return { type: "pipe", left, right: this.expression(BINDING_POWER.pipe) };
      case "or":
        return { type: "or_expression", left, right: this.expression(BINDING_POWER.or) };
      case "and":
        return { type: "and_expression", left, right: this.expression(BINDING_POWER.and) };
      case "lparen": {
        if (left.type !== "field") {
          // Two tokens back is the would-be function name, one back the "(".
          const previous = this.lookaheadToken(-2);
          throw new ParseError(previous.start, previous.value, previous.type, `Invalid function name '${pyStr(previous.value)}'`);
        }
        const args: Node[] = [];
        while (this.current() !== "rparen") {
          const argument = this.expression();
          if (this.current() === "comma") this.match("comma");
          args.push(argument);
        }
        this.match("rparen");
        return { type: "function_expression", name: left.name, args };
      }
      case "filter":
        return this.ledFilter(left);
      case "flatten":
        return { type: "projection", left: { type: "flatten", child: left }, right: this.projectionRhs(BINDING_POWER.flatten) };
      case "lbracket": {
        const token = this.lookaheadToken(0);
        if (token.type === "number" || token.type === "colon") {
          const right = this.indexExpression();
          if (left.type === "index_expression") {
            // Python appends to the chain rather than nesting, even for a slice (which then does not project).
            left.children.push(right);
            return left;
          }
          return this.projectIfSlice(left, right);
        }
        this.match("star");
        this.match("rbracket");
        return { type: "projection", left, right: this.projectionRhs(BINDING_POWER.star) };
      }
      default: {
        const token = this.lookaheadToken(-1);
        throw new ParseError(token.start, token.value, token.type, "invalid token");
      }
    }
  }

  private ledFilter(left: Node): Node {
    const condition = this.expression(0);
    this.match("rbracket");
    const right = this.current() === "flatten" ? IDENTITY : this.projectionRhs(BINDING_POWER.filter);
    return { type: "filter_projection", left, right, condition };
  }

  private indexExpression(): Node {
    if (this.lookahead(0) === "colon" || this.lookahead(1) === "colon") return this.sliceExpression();
    const node: Node = { type: "index", index: this.lookaheadToken(0).value as number };
    this.advance();
    this.match("rbracket");
    return node;
  }

  private sliceExpression(): Node {
    const parts: (number | null)[] = [null, null, null];
    let index = 0;
    let current = this.current();
    while (current !== "rbracket" && index < 3) {
      if (current === "colon") {
        index++;
        if (index === 3) this.errorToken(this.lookaheadToken(0), "syntax error");
        this.advance();
      } else if (current === "number") {
        parts[index] = this.lookaheadToken(0).value as number;
        this.advance();
      } else this.errorToken(this.lookaheadToken(0), "syntax error");
      current = this.current();
    }
    this.match("rbracket");
    return { type: "slice", start: parts[0]!, stop: parts[1]!, step: parts[2]! };
  }

  private projectIfSlice(left: Node, right: Node): Node {
    const indexExpression: Node = { type: "index_expression", children: [left, right] };
    if (right.type === "slice") return { type: "projection", left: indexExpression, right: this.projectionRhs(BINDING_POWER.star) };
    return indexExpression;
  }

  private multiSelectList(): Node {
    const children: Node[] = [];
    for (;;) {
      children.push(this.expression());
      if (this.current() === "rbracket") break;
      this.match("comma");
    }
    this.match("rbracket");
    return { type: "multi_select_list", children };
  }

  private multiSelectHash(): Node {
    const pairs: { key: string; value: Node }[] = [];
    for (;;) {
      const keyToken = this.lookaheadToken(0);
      this.matchMultiple(["quoted_identifier", "unquoted_identifier"]);
      this.match("colon");
      pairs.push({ key: keyToken.value as string, value: this.expression(0) });
      if (this.current() === "comma") this.match("comma");
      else if (this.current() === "rbrace") {
        this.match("rbrace");
        break;
      }
    }
    return { type: "multi_select_dict", pairs };
  }

  private projectionRhs(bindingPower: number): Node {
    const current = this.current();
    if (BINDING_POWER[current] < PROJECTION_STOP) return IDENTITY;
    if (current === "lbracket" || current === "filter") return this.expression(bindingPower);
    if (current === "dot") {
      this.match("dot");
      return this.dotRhs(bindingPower);
    }
    return this.errorToken(this.lookaheadToken(0), "syntax error");
  }

  private dotRhs(bindingPower: number): Node {
    const lookahead = this.current();
    if (lookahead === "quoted_identifier" || lookahead === "unquoted_identifier" || lookahead === "star") return this.expression(bindingPower);
    if (lookahead === "lbracket") {
      this.match("lbracket");
      return this.multiSelectList();
    }
    if (lookahead === "lbrace") {
      this.match("lbrace");
      return this.multiSelectHash();
    }
    const token = this.lookaheadToken(0);
    const allowed = ["quoted_identifier", "unquoted_identifier", "lbracket", "lbrace"];
    return this.errorToken(token, `Expecting: ${pyRepr(allowed)}, got: ${token.type}`);
  }

  private errorToken(token: Token, reason: string): never {
    throw new ParseError(token.start, token.value, token.type, reason);
  }

  private match(type: TokenType): void {
    if (this.current() === type) this.advance();
    else this.errorMaybeEof(type, this.lookaheadToken(0));
  }

  private matchMultiple(types: TokenType[]): void {
    if (!types.includes(this.current())) this.errorMaybeEof(pyRepr(types), this.lookaheadToken(0));
    this.advance();
  }

  private errorMaybeEof(expected: string, token: Token): never {
    if (token.type === "eof") throw new IncompleteExpressionError();
    throw new ParseError(token.start, token.value, token.type, `Expecting: ${expected}, got: ${token.type}`);
  }
}

/**
 * jmespath.compile(expression): the tree, or a JmesPathSyntaxError whose
 * message is str() of the exception Python raises.
 */
export function parseExpression(expression: string): Node {
  if (!expression) throw new JmesPathSyntaxError("Invalid JMESPath expression: cannot be empty.");
  try {
    return new Parser(tokenize(expression)).parse();
  } catch (error) {
    if (error instanceof LexerError || error instanceof ParseError || error instanceof IncompleteExpressionError) throw syntaxError(expression, error);
    throw error;
  }
}
