import type { JV } from "./json";

/**
 * jq's language, parsed: tokens, then a tree of Nodes (see evaluate.ts for
 * what they do). Filters using what the sandbox's jq lacks fail to compile
 * with a message saying so.
 */

/** A filter that does not compile: jq's exit status 3. */
export class JqCompileError extends Error {}

export type Node =
  | { kind: "identity" }
  | { kind: "recurse" }
  | { kind: "literal"; value: JV }
  | { kind: "string"; parts: (string | Node)[]; format?: string }
  | { kind: "format"; name: string }
  | { kind: "index"; target: Node; key: Node; optional: boolean }
  | { kind: "slice"; target: Node; from?: Node; to?: Node; optional: boolean }
  | { kind: "iterate"; target: Node; optional: boolean }
  | { kind: "try"; body: Node }
  | { kind: "pipe"; left: Node; right: Node }
  | { kind: "comma"; left: Node; right: Node }
  | { kind: "binary"; op: string; left: Node; right: Node }
  | { kind: "neg"; operand: Node }
  | { kind: "array"; body?: Node }
  | { kind: "object"; entries: { key: Node; value?: Node }[] }
  | { kind: "if"; branches: { condition: Node; body: Node }[]; otherwise?: Node }
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "variable"; name: string }
  | { kind: "bind"; source: Node; name: string; body: Node }
  /** `=`, `|=`, `+=`, `-=`, `*=`, `/=`, `%=`, `//=` */
  | { kind: "assign"; op: string; target: Node; value: Node };

interface Token {
  type: "punct" | "ident" | "field" | "var" | "number" | "string" | "format" | "keyword" | "eof";
  value: string;
  /** For strings: literal pieces and interpolated source. */
  parts?: (string | { source: string })[];
}

const KEYWORDS = new Set(["if", "then", "elif", "else", "end", "and", "or", "as", "reduce", "foreach", "try", "catch", "def", "import", "include", "label"]);
const PUNCT = ["|=", "+=", "-=", "*=", "/=", "//=", "==", "!=", "<=", ">=", "//", "..", "?//", "|", ",", "+", "-", "*", "/", "%", "<", ">", "=", "(", ")", "[", "]", "{", "}", ":", ";", "?", "."];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index] ?? "";
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    if (char === "#") {
      while (index < source.length && source[index] !== "\n") index += 1;
      continue;
    }
    if (char === '"') {
      const parts: (string | { source: string })[] = [];
      let literal = "";
      index += 1;
      for (;;) {
        if (index >= source.length) throw new JqCompileError("unterminated string");
        const c = source[index] ?? "";
        if (c === '"') {
          index += 1;
          break;
        }
        if (c === "\\") {
          const next = source[index + 1] ?? "";
          if (next === "(") {
            let depth = 1;
            let end = index + 2;
            for (; end < source.length && depth > 0; end++) {
              if (source[end] === "(") depth += 1;
              else if (source[end] === ")") depth -= 1;
              else if (source[end] === '"') {
                end += 1;
                while (end < source.length && source[end] !== '"') end += source[end] === "\\" ? 2 : 1;
              }
            }
            if (depth > 0) throw new JqCompileError("unterminated string interpolation");
            if (literal !== "") parts.push(literal);
            literal = "";
            parts.push({ source: source.slice(index + 2, end - 1) });
            index = end;
            continue;
          }
          const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", '"': '"', "\\": "\\", "/": "/" };
          if (simple[next] !== undefined) {
            literal += simple[next];
            index += 2;
            continue;
          }
          if (next === "u" && /^[0-9a-fA-F]{4}$/.test(source.slice(index + 2, index + 6))) {
            literal += String.fromCharCode(parseInt(source.slice(index + 2, index + 6), 16));
            index += 6;
            continue;
          }
          throw new JqCompileError(`invalid escape at line 1, column ${index + 1}`);
        }
        literal += c;
        index += 1;
      }
      if (literal !== "" || parts.length === 0) parts.push(literal);
      tokens.push({ type: "string", value: "", parts });
      continue;
    }
    const number = /^(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)/.exec(source.slice(index));
    if (number && !(char === "." && !/\d/.test(source[index + 1] ?? ""))) {
      tokens.push({ type: "number", value: number[0] });
      index += number[0].length;
      continue;
    }
    if (char === "." && /[A-Za-z_]/.test(source[index + 1] ?? "")) {
      const match = /^\.([A-Za-z_][A-Za-z0-9_]*)/.exec(source.slice(index));
      tokens.push({ type: "field", value: match?.[1] ?? "" });
      index += match?.[0].length ?? 1;
      continue;
    }
    if (char === "$" && /[A-Za-z_]/.test(source[index + 1] ?? "")) {
      const match = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(source.slice(index));
      tokens.push({ type: "var", value: match?.[1] ?? "" });
      index += match?.[0].length ?? 1;
      continue;
    }
    if (char === "@") {
      const match = /^@([A-Za-z0-9_]+)/.exec(source.slice(index));
      if (!match) throw new JqCompileError("syntax error, unexpected INVALID_CHARACTER");
      tokens.push({ type: "format", value: match[1] ?? "" });
      index += match[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*/.exec(source.slice(index));
      const word = match?.[0] ?? char;
      tokens.push({ type: KEYWORDS.has(word) ? "keyword" : "ident", value: word });
      index += word.length;
      continue;
    }
    const punct = PUNCT.find((candidate) => source.startsWith(candidate, index));
    if (!punct) throw new JqCompileError("syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?)");
    tokens.push({ type: "punct", value: punct });
    index += punct.length;
  }
  tokens.push({ type: "eof", value: "" });
  return tokens;
}

class FilterParser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.pipe();
    if (this.peek().type !== "eof") this.unexpected();
    return node;
  }

  private peek(offset = 0): Token {
    return this.tokens[this.index + offset] ?? { type: "eof", value: "" };
  }

  private next(): Token {
    const token = this.peek();
    this.index += 1;
    return token;
  }

  private is(value: string, type: Token["type"] = "punct"): boolean {
    const token = this.peek();
    return token.type === type && token.value === value;
  }

  private expect(value: string, type: Token["type"] = "punct"): void {
    if (!this.is(value, type)) this.unexpected();
    this.index += 1;
  }

  private unexpected(): never {
    const token = this.peek();
    const what = token.type === "eof" ? "$end" : token.type === "ident" ? "IDENT" : token.type === "number" ? "LITERAL" : token.type === "string" ? "QQSTRING_START" : token.type === "field" ? "FIELD" : token.type === "keyword" ? token.value : `'${token.value}'`;
    throw new JqCompileError(`syntax error, unexpected ${what} (Unix shell quoting issues?)`);
  }

  private pipe(): Node {
    const left = this.comma();
    if (this.is("as", "keyword")) {
      this.next();
      const variable = this.next();
      if (variable.type !== "var") this.unexpected();
      this.expect("|");
      return { kind: "bind", source: left, name: variable.value, body: this.pipe() };
    }
    if (this.is("|")) {
      this.next();
      return { kind: "pipe", left, right: this.pipe() };
    }
    return left;
  }

  private comma(): Node {
    let left = this.alternative();
    while (this.is(",")) {
      this.next();
      left = { kind: "comma", left, right: this.alternative() };
    }
    return left;
  }

  private alternative(): Node {
    const left = this.assignment();
    if (this.is("//")) {
      this.next();
      return { kind: "binary", op: "//", left, right: this.alternative() };
    }
    return left;
  }

  private assignment(): Node {
    const target = this.or();
    const op = ["=", "|=", "+=", "-=", "*=", "/=", "%=", "//="].find((candidate) => this.is(candidate));
    if (!op) return target;
    this.next();
    return { kind: "assign", op, target, value: this.or() };
  }

  private or(): Node {
    let left = this.and();
    while (this.is("or", "keyword")) {
      this.next();
      left = { kind: "binary", op: "or", left, right: this.and() };
    }
    return left;
  }

  private and(): Node {
    let left = this.comparison();
    while (this.is("and", "keyword")) {
      this.next();
      left = { kind: "binary", op: "and", left, right: this.comparison() };
    }
    return left;
  }

  private comparison(): Node {
    const left = this.additive();
    for (const op of ["==", "!=", "<=", ">=", "<", ">"]) {
      if (this.is(op)) {
        this.next();
        return { kind: "binary", op, left, right: this.additive() };
      }
    }
    return left;
  }

  private additive(): Node {
    let left = this.multiplicative();
    while (this.is("+") || this.is("-")) {
      const op = this.next().value;
      left = { kind: "binary", op, left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): Node {
    let left = this.unary();
    while (this.is("*") || this.is("/") || this.is("%")) {
      const op = this.next().value;
      left = { kind: "binary", op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Node {
    if (this.is("-")) {
      this.next();
      return { kind: "neg", operand: this.postfix() };
    }
    return this.postfix();
  }

  private postfix(): Node {
    let node = this.primary();
    for (;;) {
      if (this.peek().type === "field") {
        node = { kind: "index", target: node, key: { kind: "literal", value: this.next().value }, optional: this.optional() };
        continue;
      }
      if (this.is(".") && this.peek(1).type === "string") {
        this.next();
        node = { kind: "index", target: node, key: this.primary(), optional: this.optional() };
        continue;
      }
      if (this.is("[") || (this.is(".") && this.peek(1).type === "punct" && this.peek(1).value === "[")) {
        if (this.is(".")) this.next();
        node = this.bracketSuffix(node);
        continue;
      }
      if (this.is("?")) {
        this.next();
        node = { kind: "try", body: node };
        continue;
      }
      return node;
    }
  }

  private optional(): boolean {
    if (this.is("?")) {
      this.next();
      return true;
    }
    return false;
  }

  private bracketSuffix(target: Node): Node {
    this.expect("[");
    if (this.is("]")) {
      this.next();
      return { kind: "iterate", target, optional: this.optional() };
    }
    if (this.is(":")) {
      this.next();
      const to = this.pipe();
      this.expect("]");
      return { kind: "slice", target, to, optional: this.optional() };
    }
    const key = this.pipe();
    if (this.is(":")) {
      this.next();
      const to = this.is("]") ? undefined : this.pipe();
      this.expect("]");
      return { kind: "slice", target, from: key, ...(to ? { to } : {}), optional: this.optional() };
    }
    this.expect("]");
    return { kind: "index", target, key, optional: this.optional() };
  }

  private primary(): Node {
    const token = this.peek();
    switch (token.type) {
      case "number":
        this.next();
        return { kind: "literal", value: Number(token.value) };
      case "string":
        this.next();
        return this.stringNode(token);
      case "format": {
        this.next();
        if (this.peek().type === "string") return { ...this.stringNode(this.next()), format: token.value } as Node;
        return { kind: "format", name: token.value };
      }
      case "field":
        this.next();
        return { kind: "index", target: { kind: "identity" }, key: { kind: "literal", value: token.value }, optional: this.optional() };
      case "var":
        this.next();
        return { kind: "variable", name: token.value };
      case "keyword":
        if (token.value === "if") return this.ifNode();
        if (token.value === "reduce" || token.value === "foreach" || token.value === "try" || token.value === "def" || token.value === "label") {
          throw new JqCompileError(`${token.value} is not supported in this sandbox's jq (see help jq)`);
        }
        return this.unexpected();
      case "ident": {
        this.next();
        const args: Node[] = [];
        if (this.is("(")) {
          this.next();
          args.push(this.pipe());
          while (this.is(";")) {
            this.next();
            args.push(this.pipe());
          }
          this.expect(")");
        }
        if (token.value === "true" && args.length === 0) return { kind: "literal", value: true };
        if (token.value === "false" && args.length === 0) return { kind: "literal", value: false };
        if (token.value === "null" && args.length === 0) return { kind: "literal", value: null };
        const arity = FUNCTIONS[token.value];
        if (arity === undefined || !arity.includes(args.length)) throw new JqCompileError(`${token.value}/${args.length} is not defined`);
        return { kind: "call", name: token.value, args };
      }
      case "punct":
        break;
      default:
        return this.unexpected();
    }
    if (token.value === ".") {
      this.next();
      if (this.peek().type === "string") return { kind: "index", target: { kind: "identity" }, key: this.primary(), optional: this.optional() };
      if (this.is("[")) return this.bracketSuffix({ kind: "identity" });
      return { kind: "identity" };
    }
    if (token.value === "..") {
      this.next();
      return { kind: "recurse" };
    }
    if (token.value === "(") {
      this.next();
      const inner = this.pipe();
      this.expect(")");
      return inner;
    }
    if (token.value === "[") {
      this.next();
      if (this.is("]")) {
        this.next();
        return { kind: "array" };
      }
      const body = this.pipe();
      this.expect("]");
      return { kind: "array", body };
    }
    if (token.value === "{") return this.objectNode();
    return this.unexpected();
  }

  private stringNode(token: Token): Node {
    const parts = (token.parts ?? []).map((part) => (typeof part === "string" ? part : new FilterParser(tokenize(part.source)).parse()));
    if (parts.length === 1 && typeof parts[0] === "string") return { kind: "literal", value: parts[0] };
    return { kind: "string", parts };
  }

  private ifNode(): Node {
    this.expect("if", "keyword");
    const branches: { condition: Node; body: Node }[] = [];
    const condition = this.pipe();
    this.expect("then", "keyword");
    branches.push({ condition, body: this.pipe() });
    let otherwise: Node | undefined;
    for (;;) {
      if (this.is("elif", "keyword")) {
        this.next();
        const elifCondition = this.pipe();
        this.expect("then", "keyword");
        branches.push({ condition: elifCondition, body: this.pipe() });
        continue;
      }
      if (this.is("else", "keyword")) {
        this.next();
        otherwise = this.pipe();
      }
      this.expect("end", "keyword");
      break;
    }
    return { kind: "if", branches, ...(otherwise ? { otherwise } : {}) };
  }

  private objectNode(): Node {
    this.expect("{");
    const entries: { key: Node; value?: Node }[] = [];
    while (!this.is("}")) {
      const token = this.peek();
      let key: Node;
      if (token.type === "ident" || token.type === "keyword") {
        this.next();
        key = { kind: "literal", value: token.value };
      } else if (token.type === "string") {
        this.next();
        key = this.stringNode(token);
      } else if (token.type === "var") {
        this.next();
        entries.push({ key: { kind: "literal", value: token.value }, value: { kind: "variable", name: token.value } });
        if (!this.is("}")) this.expect(",");
        continue;
      } else if (this.is("(")) {
        this.next();
        key = this.pipe();
        this.expect(")");
      } else if (token.type === "number") {
        throw new JqCompileError("Object keys must be strings");
      } else return this.unexpected();
      let value: Node | undefined;
      if (this.is(":")) {
        this.next();
        value = this.alternativeNoComma();
      }
      entries.push({ key, ...(value ? { value } : {}) });
      if (!this.is("}")) this.expect(",");
    }
    this.expect("}");
    return { kind: "object", entries };
  }

  /** An object value: anything but a bare comma (`{a: 1, b: 2}`), pipes allowed only in parentheses. */
  private alternativeNoComma(): Node {
    return this.alternative();
  }
}

/** Function name -> the numbers of arguments it takes. */
export const FUNCTIONS: Record<string, number[]> = {
  empty: [0], error: [0, 1], not: [0], length: [0], utf8bytelength: [0], keys: [0], keys_unsorted: [0], values: [0], has: [1], in: [1],
  map: [1], map_values: [1], select: [1], add: [0], any: [0, 1], all: [0, 1], range: [1, 2], floor: [0], sqrt: [0], ceil: [0], round: [0], fabs: [0],
  tostring: [0], tonumber: [0], type: [0], sort: [0], sort_by: [1], group_by: [1], unique: [0], unique_by: [1], min: [0], max: [0], min_by: [1], max_by: [1],
  reverse: [0], contains: [1], inside: [1], startswith: [1], endswith: [1], ltrimstr: [1], rtrimstr: [1], ascii_downcase: [0], ascii_upcase: [0],
  split: [1, 2], join: [1], test: [1, 2], match: [1, 2], capture: [1, 2], scan: [1], explode: [0], implode: [0], to_entries: [0], from_entries: [0], with_entries: [1], tojson: [0], fromjson: [0],
  first: [0, 1], last: [0, 1], nth: [1], flatten: [0, 1], env: [0], input: [0], inputs: [0], debug: [0], isnan: [0], infinite: [0], nan: [0],
  arrays: [0], objects: [0], strings: [0], numbers: [0], booleans: [0], nulls: [0], iterables: [0], scalars: [0], indices: [1], index: [1], rindex: [1],
  ascii: [0], limit: [2], until: [2], recurse: [0, 1], paths: [0], leaf_paths: [0], getpath: [1], to_array: [0], splits: [1, 2], sub: [2, 3], gsub: [2, 3],
  tostream: [0], now: [0], todate: [0], fromdate: [0], abs: [0], trim: [0], ltrim: [0], rtrim: [0], halt: [0], halt_error: [0, 1],
  del: [1], setpath: [2], delpaths: [1], path: [1],
};

export function compileFilter(source: string): Node {
  return new FilterParser(tokenize(source)).parse();
}

export type { Node as JqFilter };
