import { describe, parseJsonValues, type JV } from "./json";

/**
 * jq 1.6's language, parsed: tokens as its lexer.l makes them, then a tree
 * of Nodes (evaluate.ts runs them) following parser.y's grammar and
 * precedences, then a check that every function and variable is defined.
 * Compile errors carry the offset jq points at; syntax errors name the
 * token as bison does ("unexpected IDENT, expecting $end").
 */

/** One compile error: jq's message and the offset of the token it points at. */
export interface CompileProblem {
  message: string;
  at: number;
}

/** A filter that does not compile: jq's exit status 3. */
export class JqCompileError extends Error {
  /** An enclosing `if` has added bison's "Possibly unterminated" message. */
  recovered = false;

  constructor(readonly problems: CompileProblem[]) {
    super(problems.map((problem) => problem.message).join("\n"));
  }
}

export interface Param {
  name: string;
  /** `$name`: the argument's values are bound to $name (and `name` is the argument filter too). */
  value: boolean;
}

export interface FunctionDef {
  name: string;
  params: Param[];
  body: Node;
}

export type Pattern =
  | { kind: "variable"; name: string }
  | { kind: "array"; items: Pattern[] }
  | { kind: "object"; entries: { key: Node; variable?: string; value?: Pattern }[] };

export type Node =
  | { kind: "identity" }
  | { kind: "recurse" }
  | { kind: "literal"; value: JV }
  | { kind: "string"; parts: (string | Node)[]; format?: string }
  | { kind: "format"; name: string }
  /** `optional`: `.a?`, `.[]?`... (INDEX_OPT, EACH_OPT): only this step's own error is ignored. */
  | { kind: "index"; target: Node; key: Node; optional?: boolean }
  | { kind: "slice"; target: Node; from?: Node; to?: Node; optional?: boolean }
  | { kind: "iterate"; target: Node; optional?: boolean }
  /** `try body catch handler`, and `Exp?` (no handler): catches what is raised while body's outputs are used, too. */
  | { kind: "try"; body: Node; handler?: Node }
  | { kind: "pipe"; left: Node; right: Node }
  | { kind: "comma"; left: Node; right: Node }
  /** Arithmetic, comparisons, `and`, `or` and `//`. */
  | { kind: "binary"; op: string; left: Node; right: Node }
  | { kind: "neg"; operand: Node }
  | { kind: "array"; body?: Node }
  | { kind: "object"; entries: { key: Node; value: Node }[] }
  | { kind: "if"; condition: Node; then: Node; otherwise: Node }
  /** `builtin`: not a function the filter defines (set by the check after parsing). */
  | { kind: "call"; name: string; args: Node[]; at: number; builtin?: boolean }
  | { kind: "variable"; name: string; at: number }
  | { kind: "bind"; source: Node; pattern: Pattern; body: Node }
  | { kind: "reduce"; source: Node; pattern: Pattern; init: Node; update: Node }
  | { kind: "foreach"; source: Node; pattern: Pattern; init: Node; update: Node; extract?: Node }
  | { kind: "label"; name: string; body: Node }
  | { kind: "break"; name: string; at: number }
  | { kind: "def"; def: FunctionDef; body: Node }
  /** `=`, `|=`, `+=`, `-=`, `*=`, `/=`, `%=`, `//=` */
  | { kind: "assign"; op: string; target: Node; value: Node };

type TokenType = "punct" | "ident" | "keyword" | "field" | "number" | "string" | "format" | "invalid" | "interpEnd" | "eof";

interface Token {
  type: TokenType;
  value: string;
  start: number;
  /** A string's literal pieces and interpolations (each its own tokens, ending with an interpEnd token, or eof when unterminated). */
  parts?: (string | Token[])[];
}

/** Words jq's lexer makes keywords (`not` is a function). */
const KEYWORDS = new Set(["as", "import", "include", "module", "def", "if", "then", "elif", "else", "end", "and", "or", "reduce", "foreach", "try", "catch", "label", "break", "__loc__"]);
const PUNCT = ["!=", "==", "//=", "//", "|=", "+=", "-=", "*=", "/=", "%=", "<=", ">=", "..", "?//", ".", "?", "=", ";", ",", ":", "|", "+", "-", "*", "/", "%", "$", "<", ">", "[", "{", "(", "]", "}", ")"];
const CLOSING: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

class Lexer {
  index = 0;
  /**
   * Where lexer.l's last match started, whitespace and comments included:
   * bison reports an error at the end of the filter there.
   */
  private lastMatch = 0;

  constructor(private readonly source: string) {}

  private match(start: number, length: number): void {
    this.lastMatch = start;
    this.index = start + length;
  }

  /** Tokens up to the end, or (in an interpolation) up to its closing parenthesis. */
  tokens(interpolation: boolean): Token[] {
    const source = this.source;
    const tokens: Token[] = [];
    // Brackets opened so far: a closing one that does not match is not a token (INVALID_CHARACTER), as in lexer.l.
    const open: string[] = [];
    const push = (type: TokenType, value: string, start: number, length: number) => {
      tokens.push({ type, value, start });
      this.match(start, length);
    };
    while (this.index < source.length) {
      const start = this.index;
      const char = source[start] as string;
      const rest = source.slice(start, start + 200);
      const blank = /^([ \t]+|\n|#[^\n]*)/.exec(rest);
      if (blank) {
        this.match(start, (blank[0] as string).length);
        continue;
      }
      if (char === '"') {
        tokens.push(this.string(start));
        continue;
      }
      const number = /^([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?/.exec(rest);
      const field = /^\.[a-zA-Z_][a-zA-Z_0-9]*/.exec(rest);
      const word = /^([a-zA-Z_][a-zA-Z_0-9]*::)*[a-zA-Z_][a-zA-Z_0-9]*/.exec(rest);
      const format = /^@[a-zA-Z0-9_]+/.exec(rest);
      if (number) push("number", number[0], start, number[0].length);
      else if (field) push("field", field[0].slice(1), start, field[0].length);
      else if (word) push(KEYWORDS.has(word[0]) ? "keyword" : "ident", word[0], start, word[0].length);
      else if (format) push("format", format[0].slice(1), start, format[0].length);
      else {
        const punct = PUNCT.find((candidate) => source.startsWith(candidate, start));
        if (!punct) push("invalid", char, start, 1);
        else if (punct === "(" || punct === "[" || punct === "{") {
          open.push(punct);
          push("punct", punct, start, 1);
        } else if (CLOSING[punct] === undefined) push("punct", punct, start, punct.length);
        else if (open.length === 0 && interpolation && punct === ")") {
          push("interpEnd", ")", start, 1);
          return tokens;
        } else if (open[open.length - 1] !== CLOSING[punct]) push("invalid", punct, start, 1);
        else {
          open.pop();
          push("punct", punct, start, 1);
        }
      }
    }
    tokens.push({ type: "eof", value: "", start: this.lastMatch });
    return tokens;
  }

  /** A string literal from its opening quote: text pieces (escapes done) and interpolated token lists. */
  private string(start: number): Token {
    const source = this.source;
    const parts: (string | Token[])[] = [];
    let text = "";
    // Text up to a quote or backslash is one match in lexer.l, a run of escapes another.
    let inText = false;
    this.match(start, 1);
    for (;;) {
      if (this.index >= source.length) {
        throw new JqCompileError([{ message: syntaxError("$end", "expecting QQSTRING_TEXT or QQSTRING_INTERP_START or QQSTRING_END"), at: this.lastMatch }]);
      }
      const char = source[this.index] as string;
      if (char === '"') {
        this.match(this.index, 1);
        break;
      }
      if (char !== "\\") {
        if (!inText) this.match(this.index, 0);
        inText = true;
        text += char;
        this.index += 1;
        continue;
      }
      inText = false;
      if (source[this.index + 1] === "(") {
        if (text !== "") parts.push(text);
        text = "";
        this.match(this.index, 2);
        const inner = this.tokens(true);
        parts.push(inner);
        // An interpolation left open ends the filter: its parser reports where.
        if (inner[inner.length - 1]?.type === "eof") return { type: "string", value: "", start, parts };
        continue;
      }
      // A run of escapes is decoded as JSON, as lexer.l hands it to jv_parse (and its errors are jv_parse's).
      const run = /^(\\[^u(]|\\u[a-zA-Z0-9]{0,4})+/.exec(source.slice(this.index))?.[0] ?? "\\";
      const decoded = parseJsonValues(`"${run}"`);
      if (decoded.error !== undefined) throw new JqCompileError([{ message: `${decoded.error} (while parsing '"${run}"')`, at: this.index }]);
      text += decoded.values[0]?.value as string;
      this.match(this.index, run.length);
    }
    if (text !== "" || parts.length === 0) parts.push(text);
    return { type: "string", value: "", start, parts };
  }
}

function syntaxError(unexpected: string, expecting?: string): string {
  return `syntax error, unexpected ${unexpected}${expecting ? `, ${expecting}` : ""} (Unix shell quoting issues?)`;
}

/** How bison names a token in "unexpected ...". */
function tokenName(token: Token): string {
  switch (token.type) {
    case "eof":
      return "$end";
    case "ident":
      return "IDENT";
    case "field":
      return "FIELD";
    case "number":
      return "LITERAL";
    case "string":
      return "QQSTRING_START";
    case "format":
      return "FORMAT";
    case "invalid":
      return "INVALID_CHARACTER";
    case "interpEnd":
      return "QQSTRING_INTERP_END";
    case "keyword":
      return token.value;
    default:
      return token.value.length === 1 ? `'${token.value}'` : token.value;
  }
}

/** Binary operators: precedence (higher binds tighter) and associativity, from parser.y. */
const BINARY: Record<string, { precedence: number; assoc: "left" | "right" | "none" }> = {
  "|": { precedence: 1, assoc: "right" },
  ",": { precedence: 2, assoc: "left" },
  "//": { precedence: 3, assoc: "right" },
  "=": { precedence: 4, assoc: "none" },
  "|=": { precedence: 4, assoc: "none" },
  "+=": { precedence: 4, assoc: "none" },
  "-=": { precedence: 4, assoc: "none" },
  "*=": { precedence: 4, assoc: "none" },
  "/=": { precedence: 4, assoc: "none" },
  "%=": { precedence: 4, assoc: "none" },
  "//=": { precedence: 4, assoc: "none" },
  or: { precedence: 5, assoc: "left" },
  and: { precedence: 6, assoc: "left" },
  "==": { precedence: 7, assoc: "none" },
  "!=": { precedence: 7, assoc: "none" },
  "<": { precedence: 7, assoc: "none" },
  "<=": { precedence: 7, assoc: "none" },
  ">": { precedence: 7, assoc: "none" },
  ">=": { precedence: 7, assoc: "none" },
  "+": { precedence: 8, assoc: "left" },
  "-": { precedence: 8, assoc: "left" },
  "*": { precedence: 9, assoc: "left" },
  "/": { precedence: 9, assoc: "left" },
  "%": { precedence: 9, assoc: "left" },
};
const UNARY_MINUS = 8;

class FilterParser {
  private index = 0;
  readonly problems: CompileProblem[] = [];

  constructor(
    private readonly tokens: Token[],
    /** The top level (where a finished expression may only be followed by the end) or an interpolation. */
    private readonly topLevel: boolean,
  ) {}

  parse(): Node {
    // A program may be empty or only definitions (its body is then `.`), so at the start bison expects the end.
    if (this.topLevel && !this.canStart(this.peek())) {
      if (this.peek().type === "eof") return { kind: "identity" };
      this.fail("expecting $end");
    }
    const node = this.expression(0);
    // The top level ends at the end of the filter, an interpolation at its closing parenthesis.
    if (this.peek().type !== (this.topLevel ? "eof" : "interpEnd")) this.fail(this.topLevel ? "expecting $end" : undefined);
    return node;
  }

  /** Whether an expression can begin with `token`. */
  private canStart(token: Token): boolean {
    if (token.type === "punct") return [".", "..", "[", "{", "(", "$", "-"].includes(token.value);
    if (token.type === "keyword") return ["def", "if", "try", "reduce", "foreach", "label", "break", "import", "include", "module"].includes(token.value);
    return token.type !== "eof" && token.type !== "invalid" && token.type !== "interpEnd";
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index += 1;
    return token;
  }

  private is(value: string, type: TokenType = "punct"): boolean {
    const token = this.peek();
    return token.type === type && token.value === value;
  }

  private fail(expecting?: string): never {
    const token = this.peek();
    throw new JqCompileError([...this.problems, { message: syntaxError(tokenName(token), expecting), at: token.start }]);
  }

  private expect(value: string, type: TokenType = "punct", expecting?: string): Token {
    if (!this.is(value, type)) this.fail(expecting);
    return this.next();
  }

  private identifier(expecting?: string): Token {
    if (this.peek().type !== "ident") this.fail(expecting);
    return this.next();
  }

  /** Exp at a precedence level: prefix forms, then binary operators that bind at least as tightly as `min`. */
  private expression(min: number): Node {
    const start = this.peek().start;
    let left = this.prefix();
    for (;;) {
      const token = this.peek();
      const op = token.type === "punct" || token.type === "keyword" ? token.value : "";
      const info = BINARY[op];
      if (!info || info.precedence < min) return left;
      this.next();
      const right = this.expression(info.assoc === "left" || info.assoc === "none" ? info.precedence + 1 : info.precedence);
      if (info.assoc === "none") {
        const following = this.peek();
        const again = BINARY[following.type === "punct" || following.type === "keyword" ? following.value : ""];
        if (again && again.precedence === info.precedence) this.fail();
      }
      left = this.combine(op, left, right, start);
    }
  }

  private combine(op: string, left: Node, right: Node, at: number): Node {
    if (op === "|") return { kind: "pipe", left, right };
    if (op === ",") return { kind: "comma", left, right };
    if (op.endsWith("=") && !["==", "!=", "<=", ">="].includes(op)) return { kind: "assign", op, target: left, value: right };
    if (op === "/" && left.kind === "literal" && right.kind === "literal" && typeof left.value === "number" && typeof right.value === "number") {
      // jq folds constant arithmetic while compiling, and refuses a constant division by zero.
      const value = left.value / right.value;
      if (!Number.isFinite(value) && !Number.isNaN(value)) this.problems.push({ message: "Division by zero?", at });
    }
    return { kind: "binary", op, left, right };
  }

  /** The forms that begin with a keyword or `-`, and Terms (with `as` bindings and a trailing `?`). */
  private prefix(): Node {
    const token = this.peek();
    if (token.type === "punct" && token.value === "-") {
      this.next();
      return { kind: "neg", operand: this.expression(UNARY_MINUS + 1) };
    }
    if (token.type === "keyword") {
      switch (token.value) {
        case "def": {
          const def = this.definition();
          // A program may end with definitions (its body is then `.`).
          const body: Node = this.peek().type === "eof" && this.topLevel ? { kind: "identity" } : this.expression(0);
          return { kind: "def", def, body };
        }
        case "if":
          return this.optional(this.ifNode());
        case "try": {
          this.next();
          const body = this.postfix();
          if (!this.is("catch", "keyword")) return { kind: "try", body };
          this.next();
          return { kind: "try", body, handler: this.postfix() };
        }
        case "reduce":
        case "foreach":
          return this.optional(this.loop(token.value));
        case "label": {
          this.next();
          this.expect("$", "punct", "expecting '$'");
          const name = this.identifier("expecting IDENT");
          this.expect("|", "punct", "expecting '|'");
          return { kind: "label", name: name.value, body: this.expression(0) };
        }
        case "import":
        case "include":
        case "module":
          throw new JqCompileError([{ message: `${token.value} is not supported in the sandbox`, at: token.start }]);
        default:
          break;
      }
    }
    const term = this.term();
    if (this.is("as", "keyword")) {
      this.next();
      const pattern = this.pattern();
      if (this.is("?//")) throw new JqCompileError([{ message: "?// is not supported in the sandbox", at: this.peek().start }]);
      this.expect("|", "punct", "expecting '|'");
      return { kind: "bind", source: term, pattern, body: this.expression(0) };
    }
    return this.optional(term);
  }

  /** `Exp '?'`: a try without a handler, as often as it is written. */
  private optional(node: Node): Node {
    let result = node;
    while (this.is("?")) {
      this.next();
      result = { kind: "try", body: result };
    }
    return result;
  }

  /** What `try` and `catch` take: a Term (or a keyword form) with its `?`s, as their high precedence allows. */
  private postfix(): Node {
    const token = this.peek();
    if (token.type === "keyword" && ["if", "try", "reduce", "foreach", "def", "label"].includes(token.value)) return this.prefix();
    if (token.type === "punct" && token.value === "-") return this.prefix();
    return this.optional(this.term());
  }

  private definition(): FunctionDef {
    this.expect("def", "keyword");
    const name = this.identifier("expecting IDENT");
    const params: Param[] = [];
    if (!this.is("(") && !this.is(":")) this.fail("expecting '(' or ':'");
    if (this.is("(")) {
      this.next();
      for (;;) {
        if (this.is("$")) {
          this.next();
          params.push({ name: this.identifier("expecting IDENT").value, value: true });
        } else params.push({ name: this.identifier("expecting IDENT or '$'").value, value: false });
        if (this.is(";")) {
          this.next();
          continue;
        }
        this.expect(")", "punct", "expecting ';' or ')'");
        break;
      }
    }
    this.expect(":");
    const body = this.expression(0);
    this.expect(";");
    return { name: name.value, params, body };
  }

  private loop(keyword: "reduce" | "foreach"): Node {
    this.next();
    const source = this.term();
    this.expect("as", "keyword", "expecting FIELD or as or '.' or '['");
    const pattern = this.pattern();
    this.expect("(", "punct", "expecting '('");
    const init = this.expression(0);
    this.expect(";");
    const update = this.expression(0);
    if (keyword === "reduce") {
      this.expect(")");
      return { kind: "reduce", source, pattern, init, update };
    }
    let extract: Node | undefined;
    if (this.is(";")) {
      this.next();
      extract = this.expression(0);
    }
    this.expect(")", "punct", extract ? undefined : "expecting ';' or ')'");
    return { kind: "foreach", source, pattern, init, update, ...(extract ? { extract } : {}) };
  }

  private pattern(): Pattern {
    if (this.is("$")) {
      this.next();
      return { kind: "variable", name: this.identifier("expecting IDENT").value };
    }
    if (this.is("[")) {
      this.next();
      const items: Pattern[] = [this.pattern()];
      while (this.is(",")) {
        this.next();
        items.push(this.pattern());
      }
      this.expect("]", "punct", "expecting ',' or ']'");
      return { kind: "array", items };
    }
    if (this.is("{")) {
      this.next();
      const entries: { key: Node; variable?: string; value?: Pattern }[] = [];
      for (;;) {
        const token = this.peek();
        if (token.type === "punct" && token.value === "$") {
          this.next();
          const name = this.identifier("expecting IDENT").value;
          let value: Pattern | undefined;
          if (this.is(":")) {
            this.next();
            value = this.pattern();
          }
          entries.push({ key: { kind: "literal", value: name }, variable: name, ...(value ? { value } : {}) });
        } else {
          let key: Node;
          if (token.type === "ident" || token.type === "keyword") {
            this.next();
            key = { kind: "literal", value: token.value };
          } else if (token.type === "string" || token.type === "format") {
            key = this.stringTerm();
          } else if (this.is("(")) {
            this.next();
            key = this.expression(0);
            this.expect(")");
          } else return this.fail();
          this.expect(":", "punct", "expecting ':'");
          entries.push({ key, value: this.pattern() });
        }
        if (this.is(",")) {
          this.next();
          continue;
        }
        this.expect("}", "punct", "expecting ',' or '}'");
        return { kind: "object", entries };
      }
    }
    return this.fail("expecting '$' or '[' or '{'");
  }

  /** `if`, and (elif) the `if` in an else branch, which shares the outer one's `end` and error recovery. */
  private ifNode(elif = false): Node {
    const start = this.next();
    let afterThen = false;
    const rest = (): Node => {
      const condition = this.expression(0);
      this.expect("then", "keyword");
      afterThen = true;
      const then = this.expression(0);
      let otherwise: Node;
      if (this.is("elif", "keyword")) otherwise = this.ifNode(true);
      else {
        // jq 1.6 needs an else.
        this.expect("else", "keyword");
        otherwise = this.expression(0);
        this.expect("end", "keyword");
      }
      return { kind: "if", condition, then, otherwise };
    };
    if (elif) return rest();
    try {
      return rest();
    } catch (error) {
      // Bison's error recovery ("if" Exp "then" error) adds a message about the `if` of an error after its `then`.
      if (error instanceof JqCompileError && !error.recovered && afterThen && error.problems[error.problems.length - 1]?.message.startsWith("syntax error")) {
        error.problems.push({ message: "Possibly unterminated 'if' statement", at: start.start });
        error.recovered = true;
      }
      throw error;
    }
  }

  /** A Term: a primary and its suffixes (.a, ."a", [e], [], [e:e], each with an optional `?`). */
  private term(): Node {
    let node = this.primary();
    for (;;) {
      const token = this.peek();
      if (token.type === "field") {
        this.next();
        node = this.suffixOptional({ kind: "index", target: node, key: { kind: "literal", value: token.value } });
        continue;
      }
      if (this.is(".")) {
        this.next();
        if (this.peek().type !== "string" && this.peek().type !== "format") this.fail("expecting FORMAT or QQSTRING_START");
        node = this.suffixOptional({ kind: "index", target: node, key: this.stringTerm() });
        continue;
      }
      if (this.is("[")) {
        node = this.bracket(node);
        continue;
      }
      return node;
    }
  }

  private suffixOptional(node: Extract<Node, { kind: "index" | "slice" | "iterate" }>): Node {
    if (!this.is("?")) return node;
    this.next();
    return { ...node, optional: true };
  }

  private bracket(target: Node): Node {
    this.expect("[");
    if (this.is("]")) {
      this.next();
      return this.suffixOptional({ kind: "iterate", target });
    }
    if (this.is(":")) {
      this.next();
      const to = this.expression(0);
      this.expect("]");
      return this.suffixOptional({ kind: "slice", target, to });
    }
    const key = this.expression(0);
    if (this.is(":")) {
      this.next();
      if (this.is("]")) {
        this.next();
        return this.suffixOptional({ kind: "slice", target, from: key });
      }
      const to = this.expression(0);
      this.expect("]");
      return this.suffixOptional({ kind: "slice", target, from: key, to });
    }
    this.expect("]");
    return this.suffixOptional({ kind: "index", target, key });
  }

  private primary(): Node {
    const token = this.peek();
    switch (token.type) {
      case "number":
        this.next();
        return { kind: "literal", value: Number(token.value) };
      case "string":
        return this.stringTerm();
      case "format":
        if (this.peek(1).type === "string") return this.stringTerm();
        this.next();
        return { kind: "format", name: token.value };
      case "field":
        this.next();
        return this.suffixOptional({ kind: "index", target: { kind: "identity" }, key: { kind: "literal", value: token.value } });
      case "ident":
        return this.call();
      case "keyword":
        if (token.value === "break") {
          this.next();
          const name = this.is("$") && this.peek(1).type === "ident" ? this.peek(1) : undefined;
          if (!name) {
            // Bison's error recovery (BREAK error) adds a message of its own.
            const unexpected = this.is("$") ? this.peek(1) : this.peek();
            throw new JqCompileError([
              ...this.problems,
              { message: syntaxError(tokenName(unexpected), this.is("$") ? "expecting IDENT" : "expecting '$'"), at: unexpected.start },
              { message: "break requires a label to break to", at: token.start },
            ]);
          }
          this.index += 2;
          return { kind: "break", name: name.value, at: token.start };
        }
        return this.fail();
      case "punct":
        break;
      default:
        return this.fail();
    }
    switch (token.value) {
      case ".": {
        this.next();
        if (this.peek().type === "string" || (this.peek().type === "format" && this.peek(1).type === "string")) {
          return this.suffixOptional({ kind: "index", target: { kind: "identity" }, key: this.stringTerm() });
        }
        return { kind: "identity" };
      }
      case "..":
        this.next();
        return { kind: "recurse" };
      case "$": {
        this.next();
        const name = this.peek();
        if (name.type === "keyword" && name.value === "__loc__") throw new JqCompileError([{ message: "$__loc__ is not supported in the sandbox", at: token.start }]);
        if (name.type !== "ident") this.fail("expecting IDENT or __loc__");
        this.next();
        return { kind: "variable", name: name.value, at: token.start };
      }
      case "(": {
        this.next();
        const inner = this.expression(0);
        this.expect(")");
        return inner;
      }
      case "[": {
        this.next();
        if (this.is("]")) {
          this.next();
          return { kind: "array" };
        }
        const body = this.expression(0);
        this.expect("]");
        return { kind: "array", body };
      }
      case "{":
        return this.objectNode();
      default:
        return this.fail();
    }
  }

  private call(): Node {
    const token = this.next();
    const args: Node[] = [];
    if (this.is("(")) {
      this.next();
      args.push(this.expression(0));
      while (this.is(";")) {
        this.next();
        args.push(this.expression(0));
      }
      this.expect(")", "punct", "expecting ';' or ')'");
    }
    if (args.length === 0 && (token.value === "true" || token.value === "false" || token.value === "null")) {
      return { kind: "literal", value: token.value === "null" ? null : token.value === "true" };
    }
    return { kind: "call", name: token.value, args, at: token.start };
  }

  /** A string, or a format applied to one (`@base64 "x\(.a)"`): the format escapes the interpolated values. */
  private stringTerm(): Node {
    let format: string | undefined;
    if (this.peek().type === "format") format = this.next().value;
    const token = this.next();
    const parts = (token.parts ?? []).map((part) => {
      if (typeof part === "string") return part;
      const inner = new FilterParser(part, false);
      const node = inner.parse();
      this.problems.push(...inner.problems);
      return node;
    });
    if (parts.length === 1 && typeof parts[0] === "string") return { kind: "literal", value: parts[0] };
    return { kind: "string", parts, ...(format !== undefined ? { format } : {}) };
  }

  private objectNode(): Node {
    this.expect("{");
    const entries: { key: Node; value: Node }[] = [];
    let entryStart = this.peek().start;
    try {
      while (!this.is("}")) {
        entryStart = this.peek().start;
        this.objectEntry(entries);
      }
    } catch (error) {
      // Bison's error recovery (MkDictPair: error ':' ExpD) adds a message when a ':' follows the error before a ',' or '}'.
      if (error instanceof JqCompileError && !error.recovered && error.problems[error.problems.length - 1]?.message.startsWith("syntax error")) {
        const next = this.tokens.slice(this.index).find((token) => token.type === "punct" && [":", ",", "}"].includes(token.value));
        if (next?.value === ":") {
          error.problems.push({ message: "May need parentheses around object key expression", at: entryStart });
          error.recovered = true;
        }
      }
      throw error;
    }
    this.next();
    return { kind: "object", entries };
  }

  /** One `key: value` of an object construction, and the ',' after it. */
  private objectEntry(entries: { key: Node; value: Node }[]): void {
    const token = this.peek();
    let key: Node;
    let value: Node | undefined;
    if (token.type === "ident" || token.type === "keyword") {
      this.next();
      key = { kind: "literal", value: token.value };
    } else if (token.type === "string" || token.type === "format") {
      key = this.stringTerm();
    } else if (token.type === "punct" && token.value === "$") {
      this.next();
      const name = this.peek();
      if (name.type === "keyword" && name.value === "__loc__") throw new JqCompileError([{ message: "$__loc__ is not supported in the sandbox", at: token.start }]);
      if (name.type !== "ident") this.fail("expecting IDENT");
      this.next();
      key = { kind: "literal", value: name.value };
      value = { kind: "variable", name: name.value, at: token.start };
    } else if (token.type === "punct" && token.value === "(") {
      this.next();
      key = this.expression(0);
      this.expect(")");
      if (key.kind === "literal" && typeof key.value !== "string") this.problems.push({ message: `Cannot use ${describe(key.value)} as object key`, at: token.start });
      if (!this.is(":")) this.fail("expecting ':'");
    } else return this.fail();
    if (value === undefined) {
      if (this.is(":")) {
        this.next();
        value = this.objectValue();
      } else {
        // `{a}` and `{"a b"}` take the field of that name.
        value = { kind: "index", target: { kind: "identity" }, key };
      }
    }
    entries.push({ key, value });
    if (this.is(",")) this.next();
    else if (!this.is("}")) this.fail("expecting '}'");
  }

  /** ExpD: a Term, `-` one, or a pipe of them (`{a: .b | length}`); anything else needs parentheses. */
  private objectValue(): Node {
    const node = this.negatedTerm();
    if (!this.is("|")) return node;
    this.next();
    return { kind: "pipe", left: node, right: this.objectValue() };
  }

  private negatedTerm(): Node {
    if (!this.is("-")) return this.term();
    this.next();
    return { kind: "neg", operand: this.negatedTerm() };
  }
}

/** Parses a filter: throws JqCompileError on a syntax error; other problems (a constant division by zero) come back with the tree. */
export function parseFilter(source: string): { node: Node; problems: CompileProblem[] } {
  const parser = new FilterParser(new Lexer(source).tokens(false), true);
  const node = parser.parse();
  return { node, problems: [...parser.problems] };
}

/** Parses definitions only (the builtins written in jq). */
export function parseDefinitions(source: string): FunctionDef[] {
  const tokens = new Lexer(source).tokens(false);
  const defs: FunctionDef[] = [];
  let node = new FilterParser(tokens, true).parse();
  while (node.kind === "def") {
    defs.push(node.def);
    node = node.body;
  }
  return defs;
}

/** What the check knows about names the filter does not define itself. */
export interface Globals {
  /** `name/arity` of a function the sandbox has. */
  isBuiltin(key: string): boolean;
  /** A function jq 1.6 has that the sandbox does not. */
  isRefused(name: string, arity: number): boolean;
  /** Variables defined outside the filter ($ENV, $ARGS, --arg names). */
  variables: ReadonlySet<string>;
}

interface Names {
  key: string;
  parent: Names | null;
  /** For a definition: whether the filter calls it (jq checks only the definitions it uses). */
  used?: boolean;
}

function find(names: Names | null, key: string): Names | undefined {
  for (let entry = names; entry; entry = entry.parent) if (entry.key === key) return entry;
  return undefined;
}

function patternVariables(pattern: Pattern, names: Names | null): Names | null {
  if (pattern.kind === "variable") return { key: `$${pattern.name}`, parent: names };
  let result = names;
  if (pattern.kind === "array") for (const item of pattern.items) result = patternVariables(item, result);
  else {
    for (const entry of pattern.entries) {
      if (entry.variable !== undefined) result = { key: `$${entry.variable}`, parent: result };
      if (entry.value) result = patternVariables(entry.value, result);
    }
  }
  return result;
}

/**
 * Binds each call to a definition (marking calls of builtins) and lists
 * what is not defined, in jq's words, or refused by the sandbox. As in jq,
 * the arguments of a call that is not defined are not looked into, nor the
 * body of a definition the filter never calls.
 */
export function checkFilter(root: Node, globals: Globals): CompileProblem[] {
  const visitPattern = (pattern: Pattern, names: Names | null, problems: CompileProblem[]) => {
    if (pattern.kind === "array") pattern.items.forEach((item) => visitPattern(item, names, problems));
    else if (pattern.kind === "object") {
      for (const entry of pattern.entries) {
        visit(entry.key, names, problems);
        if (entry.value) visitPattern(entry.value, names, problems);
      }
    }
  };
  const visit = (node: Node, names: Names | null, problems: CompileProblem[]): void => {
    const each = (...nodes: (Node | undefined)[]) => nodes.forEach((child) => child && visit(child, names, problems));
    switch (node.kind) {
      case "identity":
      case "recurse":
      case "literal":
      case "format":
        return;
      case "string":
        return each(...node.parts.filter((part): part is Node => typeof part !== "string"));
      case "index":
        return each(node.target, node.key);
      case "slice":
        return each(node.target, node.from, node.to);
      case "iterate":
        return each(node.target);
      case "try":
        return each(node.body, node.handler);
      case "pipe":
      case "comma":
      case "binary":
        return each(node.left, node.right);
      case "neg":
        return each(node.operand);
      case "array":
        return each(node.body);
      case "object":
        return each(...node.entries.flatMap((entry) => [entry.key, entry.value]));
      case "if":
        return each(node.condition, node.then, node.otherwise);
      case "assign":
        return each(node.target, node.value);
      case "call": {
        const key = `${node.name}/${node.args.length}`;
        const defined = find(names, key);
        if (defined) defined.used = true;
        else if (globals.isBuiltin(key)) node.builtin = true;
        else if (globals.isRefused(node.name, node.args.length)) return void problems.push({ message: `${node.name} is not supported in the sandbox`, at: node.at });
        else return void problems.push({ message: `${key} is not defined`, at: node.at });
        return each(...node.args);
      }
      case "variable":
        if (!find(names, `$${node.name}`) && !globals.variables.has(node.name)) problems.push({ message: `$${node.name} is not defined`, at: node.at });
        return;
      case "bind":
        each(node.source);
        visitPattern(node.pattern, names, problems);
        return visit(node.body, patternVariables(node.pattern, names), problems);
      case "reduce":
      case "foreach": {
        each(node.source, node.init);
        visitPattern(node.pattern, names, problems);
        const inner = patternVariables(node.pattern, names);
        visit(node.update, inner, problems);
        if (node.kind === "foreach" && node.extract) visit(node.extract, inner, problems);
        return;
      }
      case "label":
        return visit(node.body, { key: `*label/${node.name}`, parent: names }, problems);
      case "break":
        if (!find(names, `*label/${node.name}`)) problems.push({ message: `$*label-${node.name} is not defined`, at: node.at });
        return;
      case "def": {
        const { def } = node;
        const defined: Names = { key: `${def.name}/${def.params.length}`, parent: names };
        let inner: Names = defined;
        for (const param of def.params) {
          inner = { key: `${param.name}/0`, parent: inner };
          if (param.value) inner = { key: `$${param.name}`, parent: inner };
        }
        const own: CompileProblem[] = [];
        visit(def.body, inner, own);
        // Calls from its own body do not count as uses.
        defined.used = false;
        visit(node.body, defined, problems);
        if (defined.used) problems.push(...own);
        return;
      }
    }
  };
  const problems: CompileProblem[] = [];
  visit(root, null, problems);
  return problems;
}
