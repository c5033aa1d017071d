import type { FileSystem } from "../vfs/types";
import type { CondExpression } from "./ast";
import { arithmetic, expandPattern, expandRegex, expandString, ExpansionError, type ExpansionHost } from "./expand";
import { matchPattern } from "./glob";
import { PosixRegexError, translatePosix } from "./regex";
import { compileRegex, RegexCompileError } from "./regex-engine";

/**
 * Conditions: `test` / `[ ]` (POSIX rules by argument count, then bash's
 * general grammar with -a, -o, !, parentheses) and `[[ ]]` (patterns,
 * regular expressions, arithmetic comparisons).
 */

const UNARY = new Set(["-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-L", "-n", "-N", "-O", "-G", "-p", "-r", "-s", "-S", "-t", "-u", "-v", "-w", "-x", "-z", "-o"]);
const BINARY = new Set(["=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"]);

/** A `test` failure: bash's message (without "bash: test: ") and status 2. */
export class TestError extends Error {}

export interface TestEnvironment {
  fs: FileSystem;
  isSet(name: string): boolean;
  optionSet(name: string): boolean;
}

function fileTest(operator: string, path: string, env: TestEnvironment): boolean {
  if (path === "") return false;
  const stat = env.fs.stat(path);
  switch (operator) {
    case "-a":
    case "-e":
      return stat !== undefined;
    case "-f":
      return stat?.type === "file";
    case "-d":
      return stat?.type === "directory";
    case "-s":
      return stat !== undefined && (stat.type === "directory" || stat.size > 0);
    case "-r":
    case "-w":
    case "-O":
    case "-G":
      // Everything belongs to the learner and is readable and writable.
      return stat !== undefined;
    case "-x":
      // NOTE: the sandbox has no permission bits: directories are searchable, files count as executable.
      return stat !== undefined;
    case "-N":
      return false;
    default:
      // Devices, pipes, sockets, links, set-id bits, terminals: the sandbox has none.
      return false;
  }
}

function unary(operator: string, operand: string, env: TestEnvironment): boolean {
  switch (operator) {
    case "-z":
      return operand === "";
    case "-n":
      return operand !== "";
    case "-v":
      return env.isSet(operand);
    case "-o":
      return env.optionSet(operand);
    case "-t":
      return false;
    default:
      return fileTest(operator, operand, env);
  }
}

function integer(text: string): bigint {
  const trimmed = text.trim();
  if (!/^[+-]?[0-9]+$/.test(trimmed)) throw new TestError(`${text}: integer expression expected`);
  return BigInt(trimmed);
}

function compareNumbers(operator: string, left: bigint, right: bigint): boolean {
  switch (operator) {
    case "-eq":
      return left === right;
    case "-ne":
      return left !== right;
    case "-lt":
      return left < right;
    case "-le":
      return left <= right;
    case "-gt":
      return left > right;
    default:
      return left >= right;
  }
}

function binary(operator: string, left: string, right: string, env: TestEnvironment): boolean {
  switch (operator) {
    case "=":
    case "==":
      return left === right;
    case "!=":
      return left !== right;
    case "<":
      return left < right;
    case ">":
      return left > right;
    case "-nt":
    case "-ot": {
      const a = env.fs.stat(left);
      const b = env.fs.stat(right);
      if (operator === "-nt") return a !== undefined && (b === undefined || a.modifiedAt > b.modifiedAt);
      return b !== undefined && (a === undefined || a.modifiedAt < b.modifiedAt);
    }
    case "-ef": {
      const a = env.fs.stat(left);
      return a !== undefined && env.fs.stat(right) !== undefined && env.fs.resolve(left) === env.fs.resolve(right);
    }
    default:
      return compareNumbers(operator, integer(left), integer(right));
  }
}

/** `test` and `[`: the arguments without the closing `]`. Throws TestError for bash's usage errors. */
export function evaluateTest(args: readonly string[], env: TestEnvironment): boolean {
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return (args[0] ?? "") !== "";
    case 2:
      return twoArgs(args[0] ?? "", args[1] ?? "", env);
    case 3:
      return threeArgs(args, env);
    case 4:
      if (args[0] === "!") return !threeArgs(args.slice(1), env);
      if (args[0] === "(" && args[3] === ")") return twoArgs(args[1] ?? "", args[2] ?? "", env);
      break;
    default:
      break;
  }
  return new TestParser(args, env).parse();
}

function twoArgs(first: string, second: string, env: TestEnvironment): boolean {
  if (first === "!") return second === "";
  if (UNARY.has(first)) return unary(first, second, env);
  throw new TestError(`${first}: unary operator expected`);
}

function threeArgs(args: readonly string[], env: TestEnvironment): boolean {
  const [first = "", second = "", third = ""] = args;
  if (BINARY.has(second)) return binary(second, first, third, env);
  if (second === "-a") return first !== "" && third !== "";
  if (second === "-o") return first !== "" || third !== "";
  if (first === "!") return !twoArgs(second, third, env);
  if (first === "(" && third === ")") return second !== "";
  throw new TestError(`${second}: binary operator expected`);
}

/** bash's grammar for longer `test` expressions: or := and (-o and)*, and := not (-a not)*, not := ! not | primary. */
class TestParser {
  private index = 0;

  constructor(
    private readonly args: readonly string[],
    private readonly env: TestEnvironment,
  ) {}

  parse(): boolean {
    const value = this.or();
    if (this.index < this.args.length) throw new TestError("too many arguments");
    return value;
  }

  private peek(): string | undefined {
    return this.args[this.index];
  }

  private or(): boolean {
    let value = this.and();
    while (this.peek() === "-o") {
      this.index += 1;
      const right = this.and();
      value = value || right;
    }
    return value;
  }

  private and(): boolean {
    let value = this.not();
    while (this.peek() === "-a") {
      this.index += 1;
      const right = this.not();
      value = value && right;
    }
    return value;
  }

  private not(): boolean {
    if (this.peek() === "!") {
      this.index += 1;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const token = this.peek();
    if (token === undefined) throw new TestError("argument expected");
    if (token === "(") {
      this.index += 1;
      const value = this.or();
      if (this.peek() !== ")") throw new TestError("`)' expected");
      this.index += 1;
      return value;
    }
    const next = this.args[this.index + 1];
    if (next !== undefined && BINARY.has(next) && this.args[this.index + 2] !== undefined) {
      this.index += 3;
      return binary(next, token, this.args[this.index - 1] ?? "", this.env);
    }
    if (UNARY.has(token) && next !== undefined) {
      this.index += 2;
      return unary(token, next, this.env);
    }
    this.index += 1;
    return token !== "";
  }
}

/**
 * `[[ text =~ regex ]]`: POSIX extended, as glibc's regcomp reads it (`.`
 * matches a newline). A pattern it refuses makes the test's status 2, with
 * no message, as in bash.
 */
function matchesRegex(text: string, pattern: string, host: ExpansionHost): boolean {
  try {
    const { source } = translatePosix(pattern, true, { dialect: "glibc" });
    return compileRegex(source, { dotAll: true, longest: true }, host.checkTime).test(text);
  } catch (error) {
    if (error instanceof PosixRegexError || error instanceof RegexCompileError) throw new ExpansionError("", 2);
    throw error;
  }
}

/** `[[ ... ]]`: words are expanded without splitting; `==` takes a pattern, `=~` a regular expression. */
export function evaluateCondition(expression: CondExpression, host: ExpansionHost, fs: FileSystem): boolean {
  const env: TestEnvironment = { fs, isSet: (name) => host.lookup(name) !== undefined, optionSet: () => false };
  const run = (node: CondExpression): boolean => {
    switch (node.kind) {
      case "not":
        return !run(node.operand);
      case "and":
        return run(node.left) && run(node.right);
      case "or":
        return run(node.left) || run(node.right);
      case "word":
        return expandString(node.word, host) !== "";
      case "unary":
        return unary(node.operator, expandString(node.operand, host), env);
      case "binary": {
        const left = expandString(node.left, host);
        switch (node.operator) {
          case "==":
          case "=":
            return matchPattern(expandPattern(node.right, host), left, false, host.checkTime);
          case "!=":
            return !matchPattern(expandPattern(node.right, host), left, false, host.checkTime);
          case "=~":
            return matchesRegex(left, expandRegex(node.right, host), host);
          case "-eq":
          case "-ne":
          case "-lt":
          case "-le":
          case "-gt":
          case "-ge":
            return compareNumbers(node.operator, arithmetic(left, host), arithmetic(expandString(node.right, host), host));
          default:
            return binary(node.operator, left, expandString(node.right, host), env);
        }
      }
    }
  };
  try {
    return run(expression);
  } catch (error) {
    if (error instanceof TestError) throw new ExpansionError(error.message, 2);
    throw error;
  }
}
