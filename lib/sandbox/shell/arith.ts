/**
 * Shell arithmetic (`$(( ))`, `(( ))`, `let`-style): 64-bit signed
 * integers with C's operators, as bash evaluates them, including bash's
 * error messages (`1/0: division by 0 (error token is "0")`).
 */

export interface ArithScope {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

/** An arithmetic error with bash's full message (`expr: reason (error token is "...")`). */
export class ArithError extends Error {}

type TokenKind = "num" | "id" | "op" | "eof";

interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  value?: bigint;
}

const OPS = ["<<=", ">>=", "**", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", "+", "-", "*", "/", "%", "<", ">", "!", "~", "&", "^", "|", "?", ":", "=", "(", ")", ","];
const ASSIGN_OPS = new Set(["=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|="]);
const MAX_RECURSION = 100;

const wrap = (value: bigint): bigint => BigInt.asIntN(64, value);

export function evaluateArithmetic(expression: string, scope: ArithScope, depth = 0): bigint {
  // bash quotes the expression in its messages without the blanks around it.
  return new Evaluator(expression.trim(), scope, depth).run();
}

class Evaluator {
  private position = 0;
  private current: Token = { kind: "eof", text: "", start: 0 };
  /** Start of the last token read that was not the end: bash's "error token" starts there. */
  private lastStart = 0;
  /** Above zero while evaluating a branch whose value is not used (`0 && x++`): no side effects. */
  private noEval = 0;

  constructor(
    private readonly text: string,
    private readonly scope: ArithScope,
    private readonly depth: number,
  ) {}

  run(): bigint {
    if (this.depth > MAX_RECURSION) this.fail("expression recursion level exceeded");
    this.next();
    if (this.kind() === "eof") return 0n;
    const value = this.comma();
    if (this.kind() !== "eof") this.fail("syntax error in expression");
    return value;
  }

  private fail(reason: string, token: string = this.text.slice(this.lastStart)): never {
    throw new ArithError(`${this.text}: ${reason} (error token is "${token}")`);
  }

  private next(): void {
    const text = this.text;
    while (this.position < text.length && /\s/.test(text[this.position] ?? "")) this.position += 1;
    const start = this.position;
    if (start >= text.length) {
      this.current = { kind: "eof", text: "", start };
      return;
    }
    this.lastStart = start;
    const char = text[start] ?? "";
    if (/[0-9]/.test(char)) {
      let end = start;
      while (end < text.length && /[0-9A-Za-z#@_]/.test(text[end] ?? "")) end += 1;
      const literal = text.slice(start, end);
      this.position = end;
      this.current = { kind: "num", text: literal, start, value: this.parseNumber(literal) };
      return;
    }
    if (/[A-Za-z_]/.test(char)) {
      let end = start;
      while (end < text.length && /[A-Za-z0-9_]/.test(text[end] ?? "")) end += 1;
      this.position = end;
      this.current = { kind: "id", text: text.slice(start, end), start };
      return;
    }
    const op = OPS.find((candidate) => text.startsWith(candidate, start));
    if (!op) {
      this.position = start + 1;
      this.fail("syntax error: invalid arithmetic operator");
    }
    this.position = start + op.length;
    this.current = { kind: "op", text: op, start };
  }

  private parseNumber(literal: string): bigint {
    const hash = literal.indexOf("#");
    let base = 10;
    let digits = literal;
    if (hash !== -1) {
      base = Number(literal.slice(0, hash));
      digits = literal.slice(hash + 1);
      if (!Number.isInteger(base) || base < 2 || base > 64) this.fail("invalid arithmetic base");
    } else if (/^0[xX]/.test(literal)) {
      base = 16;
      digits = literal.slice(2);
    } else if (literal.startsWith("0") && literal.length > 1) {
      base = 8;
      digits = literal.slice(1);
    }
    let value = 0n;
    for (const digit of digits) {
      const d = digitValue(digit, base);
      if (d === undefined || d >= base) this.fail("value too great for base");
      value = wrap(value * BigInt(base) + BigInt(d));
    }
    return value;
  }

  /** The current token's kind (a method, so that TypeScript does not keep a narrowing across next()). */
  private kind(): TokenKind {
    return this.current.kind;
  }

  private isOp(text: string): boolean {
    return this.current.kind === "op" && this.current.text === text;
  }

  private comma(): bigint {
    let value = this.assignment();
    while (this.isOp(",")) {
      this.next();
      value = this.assignment();
    }
    return value;
  }

  private assignment(): bigint {
    if (this.current.kind === "id") {
      const saved = { position: this.position, current: this.current, lastStart: this.lastStart };
      const name = this.current.text;
      this.next();
      if (this.kind() === "op" && ASSIGN_OPS.has(this.current.text)) {
        const op = this.current.text;
        this.next();
        const right = this.assignment();
        let value = right;
        if (op !== "=") value = this.binary(op.slice(0, -1), this.variable(name), right, this.current.start);
        if (!this.noEval) this.scope.set(name, value.toString());
        return value;
      }
      this.position = saved.position;
      this.current = saved.current;
      this.lastStart = saved.lastStart;
    }
    const value = this.conditional();
    if (this.current.kind === "op" && ASSIGN_OPS.has(this.current.text)) this.fail("attempted assignment to non-variable");
    return value;
  }

  private conditional(): bigint {
    const condition = this.logicalOr();
    if (!this.isOp("?")) return condition;
    this.next();
    if (condition === 0n) this.noEval += 1;
    const yes = this.comma();
    if (condition === 0n) this.noEval -= 1;
    if (!this.isOp(":")) this.fail("`:' expected for conditional expression");
    this.next();
    if (condition !== 0n) this.noEval += 1;
    const no = this.conditional();
    if (condition !== 0n) this.noEval -= 1;
    return condition !== 0n ? yes : no;
  }

  private logicalOr(): bigint {
    let value = this.logicalAnd();
    while (this.isOp("||")) {
      this.next();
      const skip = value !== 0n;
      if (skip) this.noEval += 1;
      const right = this.logicalAnd();
      if (skip) this.noEval -= 1;
      value = value !== 0n || right !== 0n ? 1n : 0n;
    }
    return value;
  }

  private logicalAnd(): bigint {
    let value = this.level(0);
    while (this.isOp("&&")) {
      this.next();
      const skip = value === 0n;
      if (skip) this.noEval += 1;
      const right = this.level(0);
      if (skip) this.noEval -= 1;
      value = value !== 0n && right !== 0n ? 1n : 0n;
    }
    return value;
  }

  private static readonly LEVELS: readonly (readonly string[])[] = [["|"], ["^"], ["&"], ["==", "!="], ["<", ">", "<=", ">="], ["<<", ">>"], ["+", "-"], ["*", "/", "%"]];

  private level(index: number): bigint {
    const ops = Evaluator.LEVELS[index];
    if (!ops) return this.power();
    let value = this.level(index + 1);
    while (this.current.kind === "op" && ops.includes(this.current.text)) {
      const op = this.current.text;
      this.next();
      const operandStart = this.current.start;
      const right = this.level(index + 1);
      value = this.binary(op, value, right, operandStart);
    }
    return value;
  }

  private binary(op: string, left: bigint, right: bigint, operandStart: number): bigint {
    switch (op) {
      case "|":
        return left | right;
      case "^":
        return left ^ right;
      case "&":
        return left & right;
      case "==":
        return left === right ? 1n : 0n;
      case "!=":
        return left !== right ? 1n : 0n;
      case "<":
        return left < right ? 1n : 0n;
      case ">":
        return left > right ? 1n : 0n;
      case "<=":
        return left <= right ? 1n : 0n;
      case ">=":
        return left >= right ? 1n : 0n;
      case "<<":
        return wrap(left << (right & 63n));
      case ">>":
        return left >> (right & 63n);
      case "+":
        return wrap(left + right);
      case "-":
        return wrap(left - right);
      case "*":
        return wrap(left * right);
      case "/":
      case "%":
        if (right === 0n) {
          if (this.noEval) return 0n;
          this.fail("division by 0", this.text.slice(operandStart).replace(/^\s+/, ""));
        }
        if (left === -(2n ** 63n) && right === -1n) return op === "/" ? left : 0n;
        return op === "/" ? left / right : left % right;
      default:
        return 0n;
    }
  }

  private power(): bigint {
    const base = this.unary();
    if (!this.isOp("**")) return base;
    this.next();
    const exponent = this.power();
    if (exponent < 0n) {
      if (this.noEval) return 0n;
      this.fail("exponent less than 0");
    }
    let result = 1n;
    let factor = base;
    let remaining = exponent;
    while (remaining > 0n) {
      if (remaining & 1n) result = wrap(result * factor);
      factor = wrap(factor * factor);
      remaining >>= 1n;
    }
    return result;
  }

  private unary(): bigint {
    if (this.current.kind === "op") {
      const op = this.current.text;
      if (op === "++" || op === "--") {
        this.next();
        if (this.kind() !== "id") this.fail("syntax error: operand expected");
        const name = this.current.text;
        this.next();
        const value = wrap(this.variable(name) + (op === "++" ? 1n : -1n));
        if (!this.noEval) this.scope.set(name, value.toString());
        return value;
      }
      if (op === "-" || op === "+" || op === "!" || op === "~") {
        this.next();
        const value = this.unary();
        if (op === "-") return wrap(-value);
        if (op === "!") return value === 0n ? 1n : 0n;
        if (op === "~") return ~value;
        return value;
      }
    }
    return this.postfix();
  }

  private postfix(): bigint {
    if (this.current.kind === "id") {
      const name = this.current.text;
      this.next();
      if (this.isOp("++") || this.isOp("--")) {
        const op = this.current.text;
        this.next();
        const value = this.variable(name);
        if (!this.noEval) this.scope.set(name, wrap(value + (op === "++" ? 1n : -1n)).toString());
        return value;
      }
      return this.variable(name);
    }
    return this.primary();
  }

  private primary(): bigint {
    const token = this.current;
    if (token.kind === "num") {
      this.next();
      return token.value ?? 0n;
    }
    if (token.kind === "op" && token.text === "(") {
      this.next();
      const value = this.comma();
      if (!this.isOp(")")) this.fail("missing `)'");
      this.next();
      return value;
    }
    this.fail("syntax error: operand expected");
  }

  /** A variable's value; a value that is not a number is itself evaluated (bash does), an unset or empty one is 0. */
  private variable(name: string): bigint {
    const raw = this.scope.get(name);
    if (raw === undefined || raw.trim() === "") return 0n;
    if (/^\s*-?[0-9]+\s*$/.test(raw)) return wrap(BigInt(raw.trim()));
    return evaluateArithmetic(raw, this.scope, this.depth + 1);
  }
}

function digitValue(digit: string, base: number): number | undefined {
  const code = digit.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 97 + 10;
  if (code >= 65 && code <= 90) return base <= 36 ? code - 65 + 10 : code - 65 + 36;
  if (digit === "@") return 62;
  if (digit === "_") return 63;
  return undefined;
}
