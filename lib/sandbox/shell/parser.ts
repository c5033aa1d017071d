import type {
  AndOr,
  ArrayIndex,
  ArithCommand,
  ArithForCommand,
  CaseCommand,
  ForCommand,
  IfCommand,
  WhileCommand,
  Assignment,
  Command,
  CondExpression,
  List,
  ParamOperator,
  Pipeline,
  Program,
  Redirect,
  RedirectOperator,
  SimpleCommand,
  Word,
  WordPart,
} from "./ast";

/**
 * bash's grammar, read straight from the characters (bash's own lexer
 * depends on the parser's state too: reserved words count only where a
 * command starts, `$(` opens a nested command list). The result says
 * whether the text is a complete program, needs more lines (bash would show
 * its PS2 prompt `> `), or is a syntax error with bash's message.
 */

export type ParseResult =
  | { status: "ok"; program: Program; warnings: string[] }
  /** More input needed: an open quote, `if` without `fi`, a trailing `|` or `\`, a here-document without its end. */
  | { status: "incomplete"; waitingFor: string }
  /** bash's message without the leading "bash: ". */
  | { status: "error"; message: string };

export interface ParseOptions {
  /**
   * The input is all there is (end of a script, or a line that must run now):
   * an unfinished construct is an error (as bash reports at end of file)
   * instead of a request for more lines.
   */
  final?: boolean;
}

/** Nesting deeper than this (`$( $( $( ...`) is refused rather than risking the stack. */
export const MAX_NESTING = 64;

export function parse(source: string, options: ParseOptions = {}): ParseResult {
  const parser = new Parser(source, options.final ?? false);
  try {
    const program = parser.parseProgram();
    return { status: "ok", program, warnings: parser.warnings };
  } catch (error) {
    if (error instanceof Incomplete) {
      if (!options.final) return { status: "incomplete", waitingFor: error.waitingFor };
      return { status: "error", message: error.finalMessage() };
    }
    if (error instanceof SyntaxFailure) return { status: "error", message: error.message };
    if (error instanceof RangeError) return { status: "error", message: "syntax error: command too deeply nested (sandbox limit)" };
    throw error;
  }
}

/** Whether `text` would make bash wait for more lines (`> ` prompt). */
export function needsMoreInput(text: string): boolean {
  return parse(text).status === "incomplete";
}

const QUOTE_WAITS = new Set(["'", '"', "`", "}", ")"]);

class Incomplete extends Error {
  constructor(readonly waitingFor: string) {
    super(`incomplete: ${waitingFor}`);
  }

  finalMessage(): string {
    if (QUOTE_WAITS.has(this.waitingFor) && this.waitingFor !== ")") return `unexpected EOF while looking for matching \`${this.waitingFor}'`;
    return "syntax error: unexpected end of file";
  }
}

class SyntaxFailure extends Error {}

const nearToken = (token: string): SyntaxFailure => new SyntaxFailure(`syntax error near unexpected token \`${token}'`);

type OpValue = "&&" | "||" | ";;&" | ";;" | ";&" | ";" | "&" | "|&" | "|" | "(" | ")";

type Token =
  | { type: "eof"; start: number; end: number }
  | { type: "newline"; start: number; end: number }
  | { type: "op"; value: OpValue; start: number; end: number }
  | { type: "redirect"; fd?: number; operator: RedirectOperator; start: number; end: number }
  | { type: "word"; word: Word; start: number; end: number };

const OPERATORS: readonly OpValue[] = ["&&", "||", ";;&", ";;", ";&", ";", "|&", "|", "&", "(", ")"];
const REDIRECTS: readonly RedirectOperator[] = ["<<<", "<<-", "<<", "<>", "<&", "<", ">>", ">&", ">|", ">", "&>>", "&>"];
const RESERVED = new Set(["if", "then", "elif", "else", "fi", "for", "in", "do", "done", "while", "until", "case", "esac", "function", "{", "}", "!", "[[", "]]"]);
const METACHARS = new Set([" ", "\t", "\n", ";", "&", "|", "(", ")", "<", ">"]);
const SPECIAL_PARAMS = new Set(["?", "#", "@", "*", "$", "!", "-", "0"]);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/;

interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  stripTabs: boolean;
  expand: boolean;
  line: number;
}

/** Collects the parts of one word, merging neighbouring literal text of the same quoting. */
class WordBuilder {
  readonly parts: WordPart[] = [];
  private quotedSomething = false;

  literal(text: string, quoted: boolean): void {
    if (quoted) this.quotedSomething = true;
    if (text === "") return;
    const last = this.parts[this.parts.length - 1];
    if (last?.kind === "literal" && last.quoted === quoted) last.text += text;
    else this.parts.push({ kind: "literal", text, quoted });
  }

  part(part: WordPart): void {
    this.parts.push(part);
  }

  /** `""` is a word (an empty argument), even with no characters in it. */
  finish(): WordPart[] {
    if (this.parts.length === 0 && this.quotedSomething) this.parts.push({ kind: "literal", text: "", quoted: true });
    return this.parts;
  }

  get empty(): boolean {
    return this.parts.length === 0 && !this.quotedSomething;
  }
}

class Parser {
  pos = 0;
  readonly warnings: string[] = [];
  private depth = 0;
  private readonly pending: PendingHeredoc[] = [];
  private readonly cache = new Map<number, Token>();

  constructor(
    private readonly src: string,
    private readonly final: boolean,
  ) {}

  parseProgram(): Program {
    const body = this.parseList(new Set(), false);
    const token = this.peek();
    if (token.type !== "eof") throw this.unexpected(token);
    if (this.pending.length > 0) this.finishHeredocsAtEnd();
    return { body };
  }

  // ---------------------------------------------------------------- grammar

  private enter(): void {
    this.depth += 1;
    if (this.depth > MAX_NESTING) throw new SyntaxFailure("syntax error: command too deeply nested (sandbox limit)");
  }

  private leave(): void {
    this.depth -= 1;
  }

  /** A list of and-or lists, up to one of the reserved words in `terminators`, `)` or the end. */
  private parseList(terminators: ReadonlySet<string>, inCase: boolean): List {
    this.enter();
    const items: AndOr[] = [];
    for (;;) {
      this.skipNewlines();
      const token = this.peek();
      if (token.type === "eof") break;
      if (token.type === "op" && (token.value === ")" || (inCase && (token.value === ";;" || token.value === ";&" || token.value === ";;&")))) break;
      const reserved = this.reservedWord(token);
      if (reserved !== undefined && terminators.has(reserved)) break;
      items.push(this.parseAndOr());
      const separator = this.peek();
      if (separator.type === "op" && (separator.value === ";" || separator.value === "&")) {
        this.consume(separator);
        continue;
      }
      if (separator.type === "newline") continue;
      break;
    }
    this.leave();
    return items;
  }

  /** The body of a compound command: at least one command (bash refuses `then fi`). */
  private parseBody(terminators: ReadonlySet<string>, inCase = false): List {
    const list = this.parseList(terminators, inCase);
    if (list.length === 0 && !inCase) {
      const token = this.peek();
      throw token.type === "eof" ? this.incomplete("end") : this.unexpected(token);
    }
    return list;
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr["rest"] = [];
    for (;;) {
      const token = this.peek();
      if (token.type !== "op" || (token.value !== "&&" && token.value !== "||")) break;
      this.consume(token);
      this.skipNewlines();
      rest.push({ operator: token.value, pipeline: this.parsePipeline() });
    }
    return { first, rest };
  }

  private parsePipeline(): Pipeline {
    let negated = false;
    let timed: Pipeline["timed"];
    for (;;) {
      const token = this.peek();
      if (this.reservedWord(token) === "!") {
        this.consume(token);
        negated = !negated;
        continue;
      }
      // `time` is a reserved word only here, where a pipeline starts (so `echo time` and `"time"` are words).
      if (this.plainWord(token) !== "time") break;
      this.consume(token);
      timed = { posix: false };
      if (this.plainWord(this.peek()) === "-p") {
        this.consume(this.peek());
        timed.posix = true;
      }
      if (this.plainWord(this.peek()) === "--") {
        // bash 5.2 reads `time --` as `time -p` too (its grammar gives both the POSIX format).
        this.consume(this.peek());
        timed.posix = true;
      }
      // A bare `time` (before a newline, `;` or the end) reports the time of nothing.
      const next = this.peek();
      if (next.type === "eof" || next.type === "newline" || (next.type === "op" && next.value === ";")) return { negated, commands: [], stderrToo: [], timed };
    }
    const commands = [this.parseCommand()];
    const stderrToo: boolean[] = [];
    for (;;) {
      const token = this.peek();
      if (token.type !== "op" || (token.value !== "|" && token.value !== "|&")) break;
      this.consume(token);
      this.skipNewlines();
      stderrToo.push(token.value === "|&");
      commands.push(this.parseCommand());
    }
    return { negated, commands, stderrToo, ...(timed ? { timed } : {}) };
  }

  private parseCommand(): Command {
    this.enter();
    try {
      const token = this.peek();
      if (token.type === "eof") throw this.incomplete("command");
      if (token.type === "op") {
        if (token.value === "(") {
          if (this.src[token.start + 1] === "(") {
            const arith = this.tryArithCommand(token.start);
            if (arith) return this.withRedirects(arith);
          }
          this.consume(token);
          const body = this.parseBody(new Set());
          this.expectOp(")");
          return this.withRedirects({ kind: "group", subshell: true, body, redirects: [] });
        }
        throw this.unexpected(token);
      }
      if (token.type === "newline") throw this.unexpected(token);
      const reserved = this.reservedWord(token);
      switch (reserved) {
        case "if":
          return this.withRedirects(this.parseIf());
        case "for":
          return this.withRedirects(this.parseFor());
        case "while":
        case "until":
          return this.withRedirects(this.parseWhile(reserved === "until"));
        case "case":
          return this.withRedirects(this.parseCase());
        case "{": {
          this.consume(token);
          const body = this.parseBody(new Set(["}"]));
          this.expectReserved("}");
          return this.withRedirects({ kind: "group", subshell: false, body, redirects: [] });
        }
        case "[[":
          this.consume(token);
          return this.withRedirects({ kind: "cond", expression: this.parseCond(), redirects: [] });
        case "function":
          return this.parseFunctionKeyword();
        case undefined:
          return this.parseSimple();
        default:
          throw this.unexpected(token);
      }
    } finally {
      this.leave();
    }
  }

  private withRedirects<C extends Exclude<Command, SimpleCommand | { kind: "function" }>>(command: C): C {
    for (let token = this.peek(); token.type === "redirect"; token = this.peek()) command.redirects.push(this.parseRedirect(token));
    const next = this.peek();
    if (next.type === "word") throw this.unexpected(next);
    return command;
  }

  private parseSimple(): Command {
    const command: SimpleCommand = { kind: "simple", assignments: [], words: [], redirects: [] };
    for (;;) {
      const token = this.peek();
      if (token.type === "redirect") {
        command.redirects.push(this.parseRedirect(token));
        continue;
      }
      if (token.type !== "word") break;
      this.consume(token);
      const assignment = command.words.length === 0 ? toAssignment(token.word) : undefined;
      if (assignment) {
        command.assignments.push(assignment);
        continue;
      }
      command.words.push(token.word);
      if (command.words.length === 1 && command.assignments.length === 0 && command.redirects.length === 0) {
        const next = this.peek();
        if (next.type === "op" && next.value === "(") return this.parseFunctionBody(token.word, next, token.start);
      }
    }
    return command;
  }

  /** `name () compound-command` */
  private parseFunctionBody(nameWord: Word, open: Token, start: number): Command {
    this.consume(open);
    const close = this.peek();
    // bash does not wait for the `)` of `name (` on a later line: the newline is the error.
    if (close.type !== "op" || close.value !== ")") throw this.unexpected(close);
    this.consume(close);
    const name = nameWord.text;
    if (!/^[^\s$`'"\\|&;()<>]+$/.test(name)) throw new SyntaxFailure(`\`${name}': not a valid identifier`);
    this.skipNewlines();
    const body = this.parseCompoundForFunction();
    return { kind: "function", name, body, source: this.src.slice(start, this.pos) };
  }

  private parseFunctionKeyword(): Command {
    const start = this.peek().start;
    this.consume(this.peek());
    const nameToken = this.peek();
    if (nameToken.type !== "word") throw nameToken.type === "eof" ? this.incomplete("name") : this.unexpected(nameToken);
    this.consume(nameToken);
    const open = this.peek();
    if (open.type === "op" && open.value === "(") {
      this.consume(open);
      this.expectOp(")");
    }
    this.skipNewlines();
    const body = this.parseCompoundForFunction();
    return { kind: "function", name: nameToken.word.text, body, source: this.src.slice(start, this.pos) };
  }

  private parseCompoundForFunction(): Command {
    const token = this.peek();
    if (token.type === "eof") throw this.incomplete("function body");
    const reserved = this.reservedWord(token);
    const compound = (token.type === "op" && token.value === "(") || (reserved !== undefined && ["{", "if", "for", "while", "until", "case", "[["].includes(reserved));
    if (!compound) throw this.unexpected(token);
    return this.parseCommand();
  }

  private parseIf(): IfCommand {
    this.consume(this.peek());
    const clauses: { condition: List; body: List }[] = [];
    let elseBody: List | undefined;
    for (;;) {
      const condition = this.parseBody(new Set(["then"]));
      this.expectReserved("then");
      const body = this.parseBody(new Set(["elif", "else", "fi"]));
      clauses.push({ condition, body });
      const token = this.peek();
      const reserved = this.reservedWord(token);
      if (reserved === "elif") {
        this.consume(token);
        continue;
      }
      if (reserved === "else") {
        this.consume(token);
        elseBody = this.parseBody(new Set(["fi"]));
      }
      this.expectReserved("fi");
      break;
    }
    return { kind: "if", clauses, ...(elseBody ? { elseBody } : {}), redirects: [] };
  }

  private parseFor(): ForCommand | ArithForCommand {
    this.consume(this.peek());
    const open = this.peek();
    if (open.type === "op" && open.value === "(" && this.src[open.start + 1] === "(") return this.parseArithFor(open.start);
    const nameToken = this.peek();
    if (nameToken.type !== "word") throw nameToken.type === "eof" ? this.incomplete("name") : this.unexpected(nameToken);
    this.consume(nameToken);
    const name = nameToken.word.text;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new SyntaxFailure(`\`${name}': not a valid identifier`);
    let items: Word[] | undefined;
    this.skipNewlines();
    let token = this.peek();
    if (this.reservedWord(token) === "in") {
      this.consume(token);
      items = [];
      for (token = this.peek(); token.type === "word"; token = this.peek()) {
        this.consume(token);
        items.push(token.word);
      }
      if (token.type === "op" && token.value === ";") this.consume(token);
      else if (token.type !== "newline") throw token.type === "eof" ? this.incomplete("do") : this.unexpected(token);
    } else if (token.type === "op" && token.value === ";") {
      this.consume(token);
    }
    this.skipNewlines();
    const body = this.parseDoGroup();
    return { kind: "for", name, ...(items ? { items } : {}), body, redirects: [] };
  }

  /** `for (( init; test; update )) do ... done` */
  private parseArithFor(start: number): ArithForCommand {
    const end = this.findArithEnd(start + 2);
    if (end === undefined) throw this.incomplete("))");
    const inner = this.src.slice(start + 2, end);
    const pieces = inner.split(";");
    if (pieces.length !== 3) throw new SyntaxFailure(`syntax error: arithmetic expression required`);
    this.setPos(end + 2);
    const [init = "", test = "", update = ""] = pieces.map((piece) => piece);
    let token = this.peek();
    if (token.type === "op" && token.value === ";") {
      this.consume(token);
      token = this.peek();
    }
    this.skipNewlines();
    const body = this.parseDoGroup();
    return { kind: "arith-for", init: this.arithWord(init), test: this.arithWord(test.trim() === "" ? "1" : test), update: this.arithWord(update), body, redirects: [] };
  }

  private parseDoGroup(): List {
    this.expectReserved("do");
    const body = this.parseBody(new Set(["done"]));
    this.expectReserved("done");
    return body;
  }

  private parseWhile(until: boolean): WhileCommand {
    this.consume(this.peek());
    const condition = this.parseBody(new Set(["do"]));
    const body = this.parseDoGroup();
    return { kind: "while", until, condition, body, redirects: [] };
  }

  private parseCase(): CaseCommand {
    this.consume(this.peek());
    const subjectToken = this.peek();
    if (subjectToken.type !== "word") throw subjectToken.type === "eof" ? this.incomplete("in") : this.unexpected(subjectToken);
    this.consume(subjectToken);
    this.skipNewlines();
    this.expectReserved("in");
    const items: { patterns: Word[]; body: List; terminator: ";;" | ";&" | ";;&" }[] = [];
    for (;;) {
      this.skipNewlines();
      let token = this.peek();
      if (this.reservedWord(token) === "esac") {
        this.consume(token);
        break;
      }
      if (token.type === "eof") throw this.incomplete("esac");
      if (token.type === "op" && token.value === "(") {
        this.consume(token);
        token = this.peek();
      }
      const patterns: Word[] = [];
      for (;;) {
        token = this.peek();
        if (token.type !== "word") throw token.type === "eof" ? this.incomplete("esac") : this.unexpected(token);
        this.consume(token);
        patterns.push(token.word);
        const next = this.peek();
        if (next.type === "op" && next.value === "|") {
          this.consume(next);
          continue;
        }
        if (next.type === "op" && next.value === ")") {
          this.consume(next);
          break;
        }
        throw next.type === "eof" ? this.incomplete("esac") : this.unexpected(next);
      }
      const body = this.parseList(new Set(["esac"]), true);
      const end = this.peek();
      if (end.type === "op" && (end.value === ";;" || end.value === ";&" || end.value === ";;&")) {
        this.consume(end);
        items.push({ patterns, body, terminator: end.value });
        continue;
      }
      items.push({ patterns, body, terminator: ";;" });
      if (this.reservedWord(end) === "esac") continue;
      throw end.type === "eof" ? this.incomplete("esac") : this.unexpected(end);
    }
    return { kind: "case", subject: subjectToken.word, items, redirects: [] };
  }

  // ---------------------------------------------------------------- [[ ]]

  private parseCond(): CondExpression {
    const expression = this.condOr();
    const token = this.condToken();
    if (token.kind === "end") return expression;
    if (token.kind === "eof") throw this.incomplete("]]");
    throw new SyntaxFailure(`syntax error in conditional expression: unexpected token \`${token.text}'`);
  }

  /** Tokens inside `[[ ]]`: words, `]]`, and the operators that mean something there. */
  private condToken(consume = true, regex = false): { kind: "word"; word: Word; text: string } | { kind: "op"; text: string } | { kind: "end"; text: string } | { kind: "eof"; text: string } {
    const save = this.pos;
    this.skipBlanks(true);
    const start = this.pos;
    const rest = this.src.slice(start, start + 2);
    let result: ReturnType<Parser["condToken"]>;
    if (start >= this.src.length) result = { kind: "eof", text: "" };
    else if (regex && rest !== "&&" && rest !== "||" && this.src[start] !== ")") {
      const { word, end } = this.readWordAt(start, { regex: true });
      this.pos = end;
      result = word.text === "" ? { kind: "op", text: this.src[start] ?? "" } : { kind: "word", word, text: word.text };
    }
    else if (rest === "&&" || rest === "||") {
      this.pos += 2;
      result = { kind: "op", text: rest };
    } else if ("()<>".includes(this.src[start] ?? "") && this.src[start] !== undefined) {
      this.pos += 1;
      result = { kind: "op", text: this.src[start] ?? "" };
    } else {
      const { word, end } = this.readWordAt(start);
      this.pos = end;
      if (word.text === "") {
        this.pos = start + 1;
        result = { kind: "op", text: this.src[start] ?? "" };
      } else if (word.text === "]]" && word.parts.length === 1 && word.parts[0]?.kind === "literal" && !word.parts[0].quoted) result = { kind: "end", text: "]]" };
      else if (word.text === "!" && word.parts[0]?.kind === "literal" && !word.parts[0].quoted) result = { kind: "op", text: "!" };
      else result = { kind: "word", word, text: word.text };
    }
    if (!consume) this.pos = save;
    return result;
  }

  private condOr(): CondExpression {
    let left = this.condAnd();
    while (this.condToken(false).text === "||") {
      this.condToken();
      left = { kind: "or", left, right: this.condAnd() };
    }
    return left;
  }

  private condAnd(): CondExpression {
    let left = this.condNot();
    while (this.condToken(false).text === "&&") {
      this.condToken();
      left = { kind: "and", left, right: this.condNot() };
    }
    return left;
  }

  private condNot(): CondExpression {
    this.enter();
    try {
      const token = this.condToken(false);
      if (token.kind === "op" && token.text === "!") {
        this.condToken();
        return { kind: "not", operand: this.condNot() };
      }
      return this.condPrimary();
    } finally {
      this.leave();
    }
  }

  private condPrimary(): CondExpression {
    const token = this.condToken();
    if (token.kind === "eof") throw this.incomplete("]]");
    if (token.kind === "op" && token.text === "(") {
      const inner = this.condOr();
      const close = this.condToken();
      if (close.kind === "eof") throw this.incomplete("]]");
      if (close.text !== ")") throw new SyntaxFailure(`syntax error in conditional expression: unexpected token \`${close.text}'`);
      return inner;
    }
    if (token.kind !== "word") throw new SyntaxFailure(token.kind === "end" ? "syntax error in conditional expression" : `syntax error in conditional expression: unexpected token \`${token.text}'`);
    if (/^-[a-zA-Z]$/.test(token.text) && UNARY_TESTS.has(token.text)) {
      const next = this.condToken(false);
      if (next.kind === "word") {
        this.condToken();
        return { kind: "unary", operator: token.text, operand: next.word };
      }
    }
    const next = this.condToken(false);
    const operator = next.kind === "word" || next.kind === "op" ? next.text : "";
    if (BINARY_TESTS.has(operator) || operator === "<" || operator === ">") {
      this.condToken();
      const right = this.condToken(true, operator === "=~");
      if (right.kind === "eof") throw this.incomplete("]]");
      if (right.kind !== "word") throw new SyntaxFailure(`syntax error in conditional expression: unexpected token \`${right.text}'`);
      return { kind: "binary", operator, left: token.word, right: right.word };
    }
    return { kind: "word", word: token.word };
  }

  // ---------------------------------------------------------------- redirects and here-documents

  private parseRedirect(token: Extract<Token, { type: "redirect" }>): Redirect {
    this.consume(token);
    const target = this.peek();
    if (target.type !== "word") throw target.type === "eof" ? nearToken("newline") : this.unexpected(target);
    this.consume(target);
    const redirect: Redirect = { ...(token.fd === undefined ? {} : { fd: token.fd }), operator: token.operator, target: target.word };
    if (token.operator === "<<" || token.operator === "<<-") {
      const quoted = target.word.parts.some((part) => part.kind !== "literal" || part.quoted);
      this.pending.push({
        redirect,
        delimiter: quoted ? unquoteDelimiter(target.word.text) : target.word.text,
        stripTabs: token.operator === "<<-",
        expand: !quoted,
        line: this.lineOf(token.start),
      });
      redirect.target = { parts: [], text: "" };
    }
    return redirect;
  }

  private lineOf(position: number): number {
    let line = 1;
    for (let index = 0; index < position; index++) if (this.src[index] === "\n") line += 1;
    return line;
  }

  /** After a newline: the bodies of the here-documents opened on the line just ended. */
  private readHeredocs(): void {
    while (this.pending.length > 0) {
      const doc = this.pending[0];
      if (!doc) break;
      let body = "";
      let found = false;
      while (this.pos < this.src.length) {
        const newline = this.src.indexOf("\n", this.pos);
        const lineEnd = newline === -1 ? this.src.length : newline;
        let line = this.src.slice(this.pos, lineEnd);
        if (doc.stripTabs) line = line.replace(/^\t+/, "");
        this.pos = newline === -1 ? this.src.length : newline + 1;
        if (line === doc.delimiter) {
          found = true;
          break;
        }
        body += line + "\n";
      }
      if (!found) {
        if (!this.final) throw this.incomplete("here-document");
        this.warnings.push(`warning: here-document at line ${doc.line} delimited by end-of-file (wanted \`${doc.delimiter}')`);
      }
      this.pending.shift();
      doc.redirect.target = doc.expand ? this.heredocWord(body) : { parts: [{ kind: "literal", text: body, quoted: true }], text: body };
    }
    this.cache.clear();
  }

  private finishHeredocsAtEnd(): void {
    if (!this.final) throw this.incomplete("here-document");
    for (const doc of this.pending) {
      this.warnings.push(`warning: here-document at line ${doc.line} delimited by end-of-file (wanted \`${doc.delimiter}')`);
      doc.redirect.target = { parts: [], text: "" };
    }
    this.pending.length = 0;
  }

  /** A here-document body with expansions: `$`, backquotes and `\$ \` \\` are special, quotes are not. */
  private heredocWord(body: string): Word {
    const sub = new Parser(body, true);
    sub.depth = this.depth;
    const builder = new WordBuilder();
    while (sub.pos < body.length) {
      const char = body[sub.pos] ?? "";
      if (char === "\\") {
        const next = body[sub.pos + 1];
        if (next === "$" || next === "`" || next === "\\") {
          builder.literal(next, true);
          sub.pos += 2;
        } else if (next === "\n") sub.pos += 2;
        else {
          builder.literal("\\", true);
          sub.pos += 1;
        }
      } else if (char === "$") sub.readDollar(builder, true);
      else if (char === "`") sub.readBackquote(builder, true);
      else {
        builder.literal(char, true);
        sub.pos += 1;
      }
    }
    return { parts: builder.finish(), text: body };
  }

  // ---------------------------------------------------------------- arithmetic

  /** `(( expr ))` as a command, when the parentheses do close as `))`; otherwise it is a nested subshell. */
  private tryArithCommand(start: number): ArithCommand | undefined {
    const end = this.findArithEnd(start + 2);
    if (end === undefined) {
      if (this.src.indexOf(")", start) === -1) throw this.incomplete("))");
      return undefined;
    }
    this.setPos(end + 2);
    return { kind: "arith", expression: this.arithWord(this.src.slice(start + 2, end)), redirects: [] };
  }

  /** Position of the `))` closing an arithmetic expression that starts at `from`, or undefined. */
  private findArithEnd(from: number): number | undefined {
    let depth = 0;
    for (let index = from; index < this.src.length; index++) {
      const char = this.src[index];
      if (char === "(") depth += 1;
      else if (char === ")") {
        if (depth === 0) return this.src[index + 1] === ")" ? index : undefined;
        depth -= 1;
      }
    }
    return undefined;
  }

  /** The text of an arithmetic expression as a word: expansions happen, quotes are removed, nothing splits. */
  private arithWord(text: string): Word {
    const sub = new Parser(text, true);
    sub.depth = this.depth + 1;
    if (sub.depth > MAX_NESTING) throw new SyntaxFailure("syntax error: command too deeply nested (sandbox limit)");
    const builder = new WordBuilder();
    while (sub.pos < text.length) {
      const char = text[sub.pos] ?? "";
      if (char === "$") sub.readDollar(builder, true);
      else if (char === "`") sub.readBackquote(builder, true);
      else if (char === '"') {
        sub.pos += 1;
        sub.readDoubleQuoted(builder);
      } else if (char === "'") sub.readSingleQuoted(builder);
      else if (char === "\\" && text[sub.pos + 1] !== undefined) {
        builder.literal(text[sub.pos + 1] ?? "", true);
        sub.pos += 2;
      } else {
        builder.literal(char, true);
        sub.pos += 1;
      }
    }
    return { parts: builder.finish(), text };
  }

  // ---------------------------------------------------------------- tokens

  private setPos(position: number): void {
    this.pos = position;
  }

  private peek(): Token {
    this.skipBlanks(false);
    const cached = this.cache.get(this.pos);
    if (cached) return cached;
    const token = this.tokenAt(this.pos);
    this.cache.set(this.pos, token);
    return token;
  }

  private consume(token: Token): void {
    this.pos = token.end;
    if (token.type === "newline" && this.pending.length > 0) this.readHeredocs();
  }

  private skipNewlines(): void {
    for (let token = this.peek(); token.type === "newline"; token = this.peek()) this.consume(token);
  }

  /** Blanks, line continuations and comments before a token. */
  private skipBlanks(newlinesToo: boolean): void {
    for (;;) {
      const char = this.src[this.pos];
      if (char === " " || char === "\t" || (newlinesToo && char === "\n")) this.pos += 1;
      else if (char === "\\" && this.src[this.pos + 1] === "\n") this.pos += 2;
      else if (char === "\\" && this.pos + 1 === this.src.length && !this.final) throw this.incomplete("continuation");
      else if (char === "#") {
        const newline = this.src.indexOf("\n", this.pos);
        this.pos = newline === -1 ? this.src.length : newline;
      } else return;
    }
  }

  private tokenAt(start: number): Token {
    const src = this.src;
    if (start >= src.length) return { type: "eof", start, end: start };
    const char = src[start];
    if (char === "\n") return { type: "newline", start, end: start + 1 };
    // A number right before < or > is the redirect's file descriptor: `2>&1`.
    const fdMatch = /^(\d+)(?=[<>])/.exec(src.slice(start, start + 12));
    const afterFd = start + (fdMatch?.[1]?.length ?? 0);
    // `<(` and `>(` start a word (process substitution), not a redirection.
    if (!fdMatch && (src.startsWith("<(", start) || src.startsWith(">(", start))) {
      const { word, end } = this.readWordAt(start);
      return { type: "word", word, start, end };
    }
    for (const operator of REDIRECTS) {
      if (src.startsWith(operator, afterFd) && (fdMatch === null || !operator.startsWith("&"))) {
        return { type: "redirect", ...(fdMatch ? { fd: Number(fdMatch[1]) } : {}), operator, start, end: afterFd + operator.length };
      }
    }
    for (const value of OPERATORS) {
      if (src.startsWith(value, start)) return { type: "op", value, start, end: start + value.length };
    }
    const { word, end } = this.readWordAt(start);
    return { type: "word", word, start, end };
  }

  /** The text of an unquoted word made of plain characters only (`time`, `-p`), or undefined. */
  private plainWord(token: Token): string | undefined {
    if (token.type !== "word") return undefined;
    const [part, ...others] = token.word.parts;
    return others.length === 0 && part?.kind === "literal" && !part.quoted ? part.text : undefined;
  }

  private reservedWord(token: Token): string | undefined {
    if (token.type !== "word") return undefined;
    const [part, ...others] = token.word.parts;
    if (others.length > 0 || part?.kind !== "literal" || part.quoted) return undefined;
    return RESERVED.has(part.text) ? part.text : undefined;
  }

  private expectReserved(name: string): void {
    const token = this.peek();
    if (this.reservedWord(token) === name) {
      this.consume(token);
      return;
    }
    throw token.type === "eof" ? this.incomplete(name) : this.unexpected(token);
  }

  private expectOp(value: OpValue): void {
    const token = this.peek();
    if (token.type === "op" && token.value === value) {
      this.consume(token);
      return;
    }
    throw token.type === "eof" ? this.incomplete(value) : this.unexpected(token);
  }

  private unexpected(token: Token): SyntaxFailure {
    switch (token.type) {
      case "eof":
      case "newline":
        return nearToken("newline");
      case "op":
        return nearToken(token.value);
      case "redirect":
        return nearToken(this.src.slice(token.start, token.end));
      case "word":
        return nearToken(token.word.text);
    }
  }

  private incomplete(waitingFor: string): Incomplete {
    return new Incomplete(waitingFor);
  }

  // ---------------------------------------------------------------- words

  /** Reads one word starting at `start` (up to an unquoted metacharacter). */
  readWordAt(start: number, options: { regex?: boolean } = {}): { word: Word; end: number } {
    const saved = this.pos;
    this.pos = start;
    const builder = new WordBuilder();
    const src = this.src;
    // After =~, bash reads ( ) | as part of the regular expression, and blanks too inside parentheses.
    let depth = 0;
    while (this.pos < src.length) {
      const char = src[this.pos] ?? "";
      if (options.regex && (char === "(" || char === "|" || (char === ")" && depth > 0) || ((char === " " || char === "\t") && depth > 0))) {
        if (char === "(") depth += 1;
        else if (char === ")") depth -= 1;
        builder.literal(char, false);
        this.pos += 1;
        continue;
      }
      if ((char === "<" || char === ">") && src[this.pos + 1] === "(" && !options.regex) {
        this.readProcessSubstitution(builder, char);
        continue;
      }
      if (METACHARS.has(char)) break;
      if (char === "\\") {
        const next = src[this.pos + 1];
        if (next === "\n") this.pos += 2;
        else if (next === undefined) {
          if (!this.final) throw this.incomplete("continuation");
          builder.literal("\\", false);
          this.pos += 1;
        } else {
          builder.literal(next, true);
          this.pos += 2;
        }
      } else if (char === "'") this.readSingleQuoted(builder);
      else if (char === '"') {
        this.pos += 1;
        this.readDoubleQuoted(builder);
      } else if (char === "$") this.readDollar(builder, false);
      else if (char === "`") this.readBackquote(builder, false);
      else if (char === "~" && this.pos === start && isTildeEnd(src[this.pos + 1])) {
        builder.part({ kind: "tilde" });
        this.pos += 1;
      } else {
        builder.literal(char, false);
        this.pos += 1;
      }
    }
    const end = this.pos;
    this.pos = saved;
    return { word: { parts: builder.finish(), text: src.slice(start, end) }, end };
  }

  /** At `<(` or `>(`: the command list up to the matching `)`, as `$(` reads it. */
  private readProcessSubstitution(builder: WordBuilder, direction: "<" | ">"): void {
    this.pos += 2;
    builder.part({ kind: "procsub", direction, program: this.readNestedProgram() });
  }

  /** After `$(`, `<(` or `>(`: a command list and its closing `)`. */
  private readNestedProgram(): Program {
    this.enter();
    const body = this.parseList(new Set(), false);
    this.leave();
    const close = this.peek();
    if (close.type === "eof") throw this.incomplete(")");
    if (close.type !== "op" || close.value !== ")") throw this.unexpected(close);
    this.pos = close.end;
    return { body };
  }

  private readSingleQuoted(builder: WordBuilder): void {
    const close = this.src.indexOf("'", this.pos + 1);
    if (close === -1) throw this.incomplete("'");
    builder.literal(this.src.slice(this.pos + 1, close), true);
    this.pos = close + 1;
  }

  /** After the opening `"`: up to the closing one. */
  readDoubleQuoted(builder: WordBuilder): void {
    const src = this.src;
    builder.literal("", true);
    for (;;) {
      if (this.pos >= src.length) throw this.incomplete('"');
      const char = src[this.pos] ?? "";
      if (char === '"') {
        this.pos += 1;
        return;
      }
      if (char === "\\") {
        const next = src[this.pos + 1];
        if (next === undefined) throw this.incomplete('"');
        if (next === "\n") this.pos += 2;
        else if (next === "$" || next === "`" || next === '"' || next === "\\") {
          builder.literal(next, true);
          this.pos += 2;
        } else {
          builder.literal("\\", true);
          this.pos += 1;
        }
      } else if (char === "$") this.readDollar(builder, true);
      else if (char === "`") this.readBackquote(builder, true);
      else {
        builder.literal(char, true);
        this.pos += 1;
      }
    }
  }

  /** At a `$`: a parameter, a command substitution, an arithmetic expansion, $'...', or just a dollar sign. */
  readDollar(builder: WordBuilder, quoted: boolean): void {
    const src = this.src;
    const next = src[this.pos + 1];
    if (next === "(") {
      if (src[this.pos + 2] === "(") {
        const end = this.findArithEnd(this.pos + 3);
        if (end !== undefined) {
          builder.part({ kind: "arith", expression: this.arithWord(src.slice(this.pos + 3, end)), quoted });
          this.pos = end + 2;
          return;
        }
        if (src.indexOf(")", this.pos) === -1) throw this.incomplete(")");
      }
      this.pos += 2;
      builder.part({ kind: "command", program: this.readNestedProgram(), quoted });
      return;
    }
    if (next === "{") {
      this.readBraceParameter(builder, quoted);
      return;
    }
    if (next === "[") {
      // $[ ... ]: bash's old spelling of $(( ... )).
      let depth = 0;
      for (let index = this.pos + 2; index < src.length; index++) {
        if (src[index] === "[") depth += 1;
        else if (src[index] === "]") {
          if (depth === 0) {
            builder.part({ kind: "arith", expression: this.arithWord(src.slice(this.pos + 2, index)), quoted });
            this.pos = index + 1;
            return;
          }
          depth -= 1;
        }
      }
      throw this.incomplete("]");
    }
    if (next !== undefined && NAME_START.test(next)) {
      let end = this.pos + 1;
      while (end < src.length && NAME_CHAR.test(src[end] ?? "")) end += 1;
      builder.part({ kind: "param", name: src.slice(this.pos + 1, end), quoted });
      this.pos = end;
      return;
    }
    if (next !== undefined && (/[0-9]/.test(next) || SPECIAL_PARAMS.has(next))) {
      builder.part({ kind: "param", name: next, quoted });
      this.pos += 2;
      return;
    }
    if (next === "'" && !quoted) {
      this.pos += 1;
      builder.literal(this.readAnsiC(), true);
      return;
    }
    if (next === '"' && !quoted) {
      // $"..." (a translatable string): the sandbox has one locale, so it is "...".
      this.pos += 2;
      this.readDoubleQuoted(builder);
      return;
    }
    builder.literal("$", quoted);
    this.pos += 1;
  }

  /** `${...}` */
  private readBraceParameter(builder: WordBuilder, quoted: boolean): void {
    const src = this.src;
    const start = this.pos;
    this.pos += 2;
    let length = false;
    const indirect = /^![A-Za-z_][A-Za-z0-9_]*}/.exec(src.slice(this.pos, this.pos + 260));
    if (indirect) {
      this.pos += indirect[0].length;
      builder.part({ kind: "param", name: indirect[0].slice(1, -1), quoted, op: { operator: "indirect", arg: { parts: [], text: "" } } });
      return;
    }
    if (src[this.pos] === "#" && src[this.pos + 1] !== "}" && src[this.pos + 1] !== undefined) {
      length = true;
      this.pos += 1;
    }
    let name = "";
    if (NAME_START.test(src[this.pos] ?? "")) {
      while (NAME_CHAR.test(src[this.pos] ?? "")) name += src[this.pos++];
    } else if (/[0-9]/.test(src[this.pos] ?? "")) {
      while (/[0-9]/.test(src[this.pos] ?? "")) name += src[this.pos++];
    } else if (SPECIAL_PARAMS.has(src[this.pos] ?? "")) name = src[this.pos++] ?? "";
    const bad = () => {
      const close = this.findBraceEnd(start + 2);
      if (close === undefined) throw this.incomplete("}");
      builder.part({ kind: "bad", text: src.slice(start, close + 1), quoted });
      this.pos = close + 1;
    };
    if (name === "") return bad();
    // `${PIPESTATUS[@]}`, `${x[0]}`: a plain subscript, and only right before the closing brace.
    const subscript = NAME_START.test(name) ? /^\[(@|\*|[0-9]{1,9})\]\}/.exec(src.slice(this.pos, this.pos + 12)) : null;
    if (subscript) {
      const raw = subscript[1] as string;
      const index: ArrayIndex = raw === "@" || raw === "*" ? raw : Number(raw);
      this.pos += subscript[0].length;
      builder.part(length ? { kind: "length", name, quoted, index } : { kind: "param", name, quoted, index });
      return;
    }
    if (length) {
      if (src[this.pos] !== "}") return bad();
      this.pos += 1;
      builder.part({ kind: "length", name, quoted });
      return;
    }
    if (this.pos >= src.length) throw this.incomplete("}");
    if (src[this.pos] === "}") {
      this.pos += 1;
      builder.part({ kind: "param", name, quoted });
      return;
    }
    const operator = readParamOperator(src, this.pos);
    if (!operator) return bad();
    this.pos += operator.length;
    if (operator === ":") {
      const offset = this.readParamWord(quoted, [":", "}"]);
      let lengthWord: Word | undefined;
      if (src[this.pos] === ":") {
        this.pos += 1;
        lengthWord = this.readParamWord(quoted, ["}"]);
      }
      this.pos += 1;
      builder.part({ kind: "param", name, quoted, op: { operator: "substring", arg: offset, ...(lengthWord ? { second: lengthWord } : {}) } });
      return;
    }
    // Inside double quotes a pattern and its replacement keep their own quoting ("${f%.*}", "${x/"$y"/z}"), as in bash.
    if (operator.startsWith("/")) {
      const pattern = this.readParamWord(false, ["/", "}"]);
      let replacement: Word = { parts: [], text: "" };
      if (src[this.pos] === "/") {
        this.pos += 1;
        replacement = this.readParamWord(false, ["}"]);
      }
      this.pos += 1;
      builder.part({ kind: "param", name, quoted, op: { operator: operator as ParamOperator, arg: pattern, second: replacement } });
      return;
    }
    const pattern = operator === "#" || operator === "##" || operator === "%" || operator === "%%";
    const arg = this.readParamWord(pattern ? false : quoted, ["}"]);
    this.pos += 1;
    builder.part({ kind: "param", name, quoted, op: { operator: operator as ParamOperator, arg } });
  }

  /** The word inside `${name<op>word}`, up to one of `stops` (not consumed). */
  private readParamWord(outerQuoted: boolean, stops: readonly string[]): Word {
    const src = this.src;
    const start = this.pos;
    const builder = new WordBuilder();
    for (;;) {
      if (this.pos >= src.length) throw this.incomplete("}");
      const char = src[this.pos] ?? "";
      if (stops.includes(char)) break;
      if (char === "\\") {
        const next = src[this.pos + 1];
        if (next === undefined) throw this.incomplete("}");
        if (next !== "\n") builder.literal(next, true);
        this.pos += 2;
      } else if (char === "'" && !outerQuoted) this.readSingleQuoted(builder);
      else if (char === '"') {
        this.pos += 1;
        this.readDoubleQuoted(builder);
      } else if (char === "$") this.readDollar(builder, outerQuoted);
      else if (char === "`") this.readBackquote(builder, outerQuoted);
      else {
        builder.literal(char, outerQuoted);
        this.pos += 1;
      }
    }
    return { parts: builder.finish(), text: src.slice(start, this.pos) };
  }

  /** The `}` that closes a `${` whose contents start at `from` (nested braces and quotes skipped). */
  private findBraceEnd(from: number): number | undefined {
    let depth = 0;
    for (let index = from; index < this.src.length; index++) {
      const char = this.src[index];
      if (char === "\\") index += 1;
      else if (char === "{") depth += 1;
      else if (char === "}") {
        if (depth === 0) return index;
        depth -= 1;
      }
    }
    return undefined;
  }

  /** `` `...` ``: the old command substitution. Backslash keeps its meaning only before $ ` \ (and " inside double quotes). */
  readBackquote(builder: WordBuilder, quoted: boolean): void {
    const src = this.src;
    let inner = "";
    let index = this.pos + 1;
    for (;;) {
      if (index >= src.length) throw this.incomplete("`");
      const char = src[index] ?? "";
      if (char === "`") break;
      if (char === "\\" && index + 1 < src.length) {
        const next = src[index + 1] ?? "";
        if (next === "$" || next === "`" || next === "\\" || (quoted && next === '"')) inner += next;
        else inner += char + next;
        index += 2;
        continue;
      }
      inner += char;
      index += 1;
    }
    this.pos = index + 1;
    const sub = new Parser(inner, true);
    sub.depth = this.depth + 1;
    if (sub.depth > MAX_NESTING) throw new SyntaxFailure("syntax error: command too deeply nested (sandbox limit)");
    const program = sub.parseProgram();
    builder.part({ kind: "command", program, quoted });
  }

  /** `$'...'`, at the `'`: bash's ANSI-C quoting. Returns the decoded text. */
  private readAnsiC(): string {
    const src = this.src;
    let index = this.pos + 1;
    let out = "";
    for (;;) {
      if (index >= src.length) throw this.incomplete("'");
      const char = src[index] ?? "";
      if (char === "'") break;
      if (char !== "\\") {
        out += char;
        index += 1;
        continue;
      }
      const { text, length } = decodeEscape(src, index + 1, "ansi-c");
      out += text;
      index += 1 + length;
    }
    this.pos = index + 1;
    return out;
  }
}

const UNARY_TESTS = new Set(["-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-L", "-n", "-p", "-r", "-s", "-S", "-t", "-u", "-v", "-w", "-x", "-z", "-O", "-G", "-N"]);
const BINARY_TESTS = new Set(["=", "==", "!=", "=~", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"]);

function isTildeEnd(char: string | undefined): boolean {
  return char === undefined || char === "/" || METACHARS.has(char);
}

function readParamOperator(src: string, at: number): string | undefined {
  const candidates = [":-", ":=", ":+", ":?", "##", "%%", "//", "/#", "/%", "^^", ",,", "-", "=", "+", "?", "#", "%", "/", "^", ",", ":"];
  return candidates.find((candidate) => src.startsWith(candidate, at));
}

/** A here-document delimiter with its quotes removed (`'EOF'`, `"EOF"`, `\EOF`). */
function unquoteDelimiter(text: string): string {
  let out = "";
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "'" || char === '"') continue;
    if (char === "\\") {
      out += text[index + 1] ?? "";
      index += 1;
      continue;
    }
    out += char;
  }
  return out;
}

function toAssignment(word: Word): Assignment | undefined {
  const first = word.parts[0];
  if (first?.kind !== "literal" || first.quoted) return undefined;
  const match = ASSIGNMENT.exec(first.text);
  if (!match) return undefined;
  const rest = first.text.slice(match[0].length);
  const parts: WordPart[] = [];
  if (rest.startsWith("~") && (rest.length === 1 ? word.parts.length === 1 : rest[1] === "/")) {
    parts.push({ kind: "tilde" });
    if (rest.length > 1) parts.push({ kind: "literal", text: rest.slice(1), quoted: false });
  } else if (rest !== "") parts.push({ kind: "literal", text: rest, quoted: false });
  parts.push(...word.parts.slice(1));
  return { name: match[1] ?? "", append: match[2] === "+", value: { parts, text: word.text.slice(match[0].length) } };
}

/**
 * One backslash escape, as `$'...'`, `echo -e` and `printf` read them
 * (they differ slightly: `mode`). `at` is just after the backslash.
 * Returns the text and how many characters after the backslash it used;
 * `stop` is true for `\c` in echo/printf %b (stop all output).
 */
export function decodeEscape(src: string, at: number, mode: "ansi-c" | "echo" | "printf"): { text: string; length: number; stop?: boolean } {
  const char = src[at];
  switch (char) {
    case undefined:
      return { text: "\\", length: 0 };
    case "a":
      return { text: "\x07", length: 1 };
    case "b":
      return { text: "\b", length: 1 };
    case "e":
    case "E":
      return { text: "\x1b", length: 1 };
    case "f":
      return { text: "\f", length: 1 };
    case "n":
      return { text: "\n", length: 1 };
    case "r":
      return { text: "\r", length: 1 };
    case "t":
      return { text: "\t", length: 1 };
    case "v":
      return { text: "\v", length: 1 };
    case "\\":
      return { text: "\\", length: 1 };
    case "'":
      return mode === "echo" ? { text: "\\'", length: 1 } : { text: "'", length: 1 };
    case '"':
      return mode === "echo" ? { text: '\\"', length: 1 } : { text: '"', length: 1 };
    case "?":
      return mode === "ansi-c" ? { text: "?", length: 1 } : { text: "\\?", length: 1 };
    case "c":
      if (mode === "ansi-c") {
        const control = src[at + 1];
        if (control === undefined) return { text: "\\c", length: 1 };
        return { text: String.fromCharCode(control.toUpperCase().charCodeAt(0) & 0x1f), length: 2 };
      }
      return { text: "", length: 1, stop: true };
    case "x": {
      const match = /^[0-9a-fA-F]{1,2}/.exec(src.slice(at + 1, at + 3));
      if (!match) return { text: "\\x", length: 1 };
      return { text: String.fromCharCode(parseInt(match[0], 16)), length: 1 + match[0].length };
    }
    case "u":
    case "U": {
      const match = new RegExp(`^[0-9a-fA-F]{1,${char === "u" ? 4 : 8}}`).exec(src.slice(at + 1, at + 9));
      if (!match) return { text: `\\${char}`, length: 1 };
      const code = parseInt(match[0], 16);
      return { text: code <= 0x10ffff ? String.fromCodePoint(code) : "", length: 1 + match[0].length };
    }
    default: {
      // Octal: \nnn for $'...' and printf, \0nnn for echo -e.
      if (mode === "echo" && char === "0") {
        const match = /^[0-7]{0,3}/.exec(src.slice(at + 1, at + 4));
        const digits = match?.[0] ?? "";
        return { text: String.fromCharCode(parseInt(digits || "0", 8) & 0xff), length: 1 + digits.length };
      }
      if (mode !== "echo" && /[0-7]/.test(char)) {
        const match = /^[0-7]{1,3}/.exec(src.slice(at, at + 3));
        const digits = match?.[0] ?? char;
        return { text: String.fromCharCode(parseInt(digits, 8) & 0xff), length: digits.length };
      }
      return { text: `\\${char}`, length: 1 };
    }
  }
}
