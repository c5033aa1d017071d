import { CodePoints } from "./code-points";
import type { CheckTime } from "./cpu-budget";
import { posixClassRanges } from "./posix-classes";

/**
 * A backtracking matcher for the regular expressions RE2 (regex-engine.ts)
 * cannot run: back-references (grep's `\1`, jq's `\k<name>`), lookahead,
 * atomic groups and possessive quantifiers, repeat counts over 1000, and
 * jq's "n" flag (no empty matches). Backtracking can take exponential time
 * (`^(a*)*\1$`), so the machine keeps its choice points on an explicit stack
 * (no recursion to overflow) and asks `check` every few thousand steps: the
 * command line's CPU-time budget stops it.
 *
 * The syntax is Perl's, as Oniguruma (jq) reads it, which is also what
 * regex.ts produces from POSIX patterns. Invalid patterns throw
 * RegexSyntaxError with Oniguruma's wording, which jq prints.
 */

export class RegexSyntaxError extends Error {}

export interface BacktrackOptions {
  ignoreCase?: boolean;
  /** `.` matches a newline too. */
  dotAll?: boolean;
  /** `$` also matches before a newline that ends the text (Perl and Oniguruma). */
  perlDollar?: boolean;
  /** POSIX: the longest match at the leftmost position, not the first the alternatives find. */
  longest?: boolean;
  /** Empty matches do not count (jq's "n" flag). */
  notEmpty?: boolean;
}

// ================================================================ syntax tree

type Node =
  | { t: "empty" }
  /** icase, dotAll: set by an inline option group ((?i), (?-i), (?s:...)); undefined follows the matcher's options. */
  | { t: "char"; c: number; icase?: boolean }
  | { t: "any"; dotAll?: boolean }
  | { t: "class"; test: (c: number) => boolean; icase?: boolean }
  | { t: "seq"; items: Node[] }
  | { t: "alt"; items: Node[] }
  | { t: "group"; index: number | undefined; body: Node }
  | { t: "repeat"; body: Node; min: number; max: number; greedy: boolean; possessive: boolean }
  | { t: "assert"; kind: AssertKind }
  | { t: "backref"; group: number; icase?: boolean }
  | { t: "named-backref"; name: string; icase?: boolean }
  | { t: "look"; behind: boolean; negated: boolean; body: Node }
  | { t: "atomic"; body: Node };

/** line-start and line-end: ^ and $ under (?m). */
type AssertKind = "bol" | "eol" | "line-start" | "line-end" | "start" | "end" | "end-newline" | "word" | "not-word";

/** Options an inline group sets for the rest of its enclosing group: i (case), s (. matches \n), m (^ $ at lines), x (spaces and # comments ignored). */
interface InlineFlags {
  i?: boolean;
  s?: boolean;
  m?: boolean;
  x?: boolean;
}

const MAX_REPEAT = 100_000;
const MAX_PROGRAM = 200_000;

const isWordCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const isSpaceCode = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

class Parser {
  private index = 0;
  private flags: InlineFlags = {};
  groupCount = 0;
  readonly names: (string | undefined)[] = [undefined];
  private readonly p: number[];

  constructor(pattern: string) {
    this.p = Array.from(pattern, (char) => char.codePointAt(0) ?? 0);
  }

  private peek(offset = 0): number | undefined {
    return this.p[this.index + offset];
  }

  private is(char: string, offset = 0): boolean {
    return this.p[this.index + offset] === char.codePointAt(0);
  }

  parse(): Node {
    const node = this.alternation();
    if (this.index < this.p.length) throw new RegexSyntaxError("unmatched close parenthesis");
    return node;
  }

  private alternation(): Node {
    const items = [this.sequence()];
    while (this.is("|")) {
      this.index += 1;
      items.push(this.sequence());
    }
    return items.length === 1 ? (items[0] as Node) : { t: "alt", items };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.index < this.p.length && !this.is("|") && !this.is(")")) {
      if (this.flags.x && this.skipExtended()) continue;
      const atom = this.atom();
      if (atom === undefined) continue;
      items.push(this.quantified(atom));
    }
    return items.length === 1 ? (items[0] as Node) : items.length === 0 ? { t: "empty" } : { t: "seq", items };
  }

  /** Under (?x): skips one run of white space or a # comment; false when there is none here. */
  private skipExtended(): boolean {
    const start = this.index;
    const c = this.peek();
    if (c === 0x23) {
      while (this.index < this.p.length && !this.is("\n")) this.index += 1;
    } else while (this.peek() !== undefined && /\s/.test(String.fromCodePoint(this.peek()!))) this.index += 1;
    return this.index > start;
  }

  /** The leaf as the inline options in force have it. */
  private withFlags(node: Node): Node {
    const { i, s, m } = this.flags;
    if ((node.t === "char" || node.t === "class" || node.t === "backref" || node.t === "named-backref") && i !== undefined) return { ...node, icase: i };
    if (node.t === "any" && s !== undefined) return { ...node, dotAll: s };
    if (node.t === "assert" && m && (node.kind === "bol" || node.kind === "eol")) return { ...node, kind: node.kind === "bol" ? "line-start" : "line-end" };
    return node;
  }

  private quantified(atom: Node): Node {
    let node = atom;
    for (;;) {
      const bounds = this.quantifier();
      if (!bounds) return node;
      if (node.t === "assert" || node.t === "look") {
        // Oniguruma accepts a repeated assertion as the assertion itself (or nothing when it may repeat zero times).
        if (bounds.min === 0) node = { t: "empty" };
        continue;
      }
      let greedy = true;
      let possessive = false;
      if (this.is("?")) {
        greedy = false;
        this.index += 1;
      } else if (this.is("+") && !bounds.interval) {
        possessive = true;
        this.index += 1;
      }
      node = { t: "repeat", body: node, min: bounds.min, max: bounds.max, greedy, possessive };
    }
  }

  private quantifier(): { min: number; max: number; interval: boolean } | undefined {
    const c = this.peek();
    if (c === 0x2a) return this.advance(1, { min: 0, max: Infinity, interval: false });
    if (c === 0x2b) return this.advance(1, { min: 1, max: Infinity, interval: false });
    if (c === 0x3f) return this.advance(1, { min: 0, max: 1, interval: false });
    if (c !== 0x7b) return undefined;
    const rest = String.fromCodePoint(...this.p.slice(this.index, this.index + 24));
    const match = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    if (!match) return undefined;
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === "" ? Infinity : Number(match[3]);
    if (max < min) throw new RegexSyntaxError("upper is smaller than lower in repeat range");
    if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) throw new RegexSyntaxError("too big number for repeat range");
    return this.advance(match[0].length, { min, max, interval: true });
  }

  private advance<T>(count: number, value: T): T {
    this.index += count;
    return value;
  }

  private atom(): Node | undefined {
    const c = this.peek() as number;
    const char = String.fromCodePoint(c);
    if (char === "*" || char === "+" || char === "?") throw new RegexSyntaxError("target of repeat operator is not specified");
    if (char === "{" && this.quantifierAhead()) throw new RegexSyntaxError("target of repeat operator is not specified");
    this.index += 1;
    switch (char) {
      case "(":
        return this.group();
      case "[":
        return this.withFlags(this.bracket());
      case ".":
        return this.withFlags({ t: "any" });
      case "^":
        return this.withFlags({ t: "assert", kind: "bol" });
      case "$":
        return this.withFlags({ t: "assert", kind: "eol" });
      case "\\":
        return this.withFlags(this.escape());
      default:
        return this.withFlags({ t: "char", c });
    }
  }

  /** After "(?": option letters, then ")" (for the rest of the enclosing group) or ":" (for a group of their own). */
  private inlineOptions(): Node | undefined {
    // Oniguruma (jq 1.6) refuses a group that starts with "-" this way (recorded).
    if (this.is("-")) throw new RegexSyntaxError("invalid group name <>");
    const flags: InlineFlags = { ...this.flags };
    let on = true;
    for (;;) {
      const char = String.fromCodePoint(this.peek() ?? 0);
      if (char === "-" && on) on = false;
      else if (char === "i" || char === "s" || char === "m" || char === "x") flags[char] = on;
      else break;
      this.index += 1;
    }
    if (this.is(")")) {
      this.index += 1;
      this.flags = flags;
      return undefined;
    }
    if (!this.is(":")) throw new RegexSyntaxError("undefined group option");
    this.index += 1;
    const outer = this.flags;
    this.flags = flags;
    const body = this.alternation();
    this.flags = outer;
    if (!this.is(")")) throw new RegexSyntaxError("end pattern with unmatched parenthesis");
    this.index += 1;
    return { t: "group", index: undefined, body };
  }

  private quantifierAhead(): boolean {
    return /^\{\d+(,\d*)?\}/.test(String.fromCodePoint(...this.p.slice(this.index, this.index + 24)));
  }

  private group(): Node | undefined {
    if (this.is("?") && /^[imsx-]$/.test(String.fromCodePoint(this.peek(1) ?? 0))) {
      this.index += 1;
      return this.inlineOptions();
    }
    // Options set inside a group end with it.
    const outer = this.flags;
    this.flags = { ...outer };
    try {
      return this.groupBody();
    } finally {
      this.flags = outer;
    }
  }

  private groupBody(): Node | undefined {
    let node: Node;
    if (this.is("?")) {
      this.index += 1;
      const next = String.fromCodePoint(this.peek() ?? 0);
      if (next === ":") {
        this.index += 1;
        node = this.alternation();
      } else if (next === "=" || next === "!") {
        this.index += 1;
        node = { t: "look", behind: false, negated: next === "!", body: this.alternation() };
      } else if (next === ">") {
        this.index += 1;
        node = { t: "atomic", body: this.alternation() };
      } else if (next === "<" && (this.is("=", 1) || this.is("!", 1))) {
        const negated = this.is("!", 1);
        this.index += 2;
        node = { t: "look", behind: true, negated, body: this.alternation() };
      } else if (next === "<" || next === "'") {
        const close = next === "<" ? ">" : "'";
        this.index += 1;
        let name = "";
        while (this.index < this.p.length && !this.is(close)) name += String.fromCodePoint(this.p[this.index++] ?? 0);
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || !this.is(close)) throw new RegexSyntaxError("invalid group name <" + name + ">");
        this.index += 1;
        const index = ++this.groupCount;
        this.names[index] = name;
        node = { t: "group", index, body: this.alternation() };
      } else throw new RegexSyntaxError("undefined group option");
    } else {
      const index = ++this.groupCount;
      this.names[index] = undefined;
      node = { t: "group", index, body: this.alternation() };
    }
    if (!this.is(")")) throw new RegexSyntaxError("end pattern with unmatched parenthesis");
    this.index += 1;
    return node;
  }

  private escape(): Node {
    const c = this.peek();
    if (c === undefined) throw new RegexSyntaxError("end pattern at escape");
    this.index += 1;
    const char = String.fromCodePoint(c);
    switch (char) {
      case "d":
      case "D":
      case "w":
      case "W":
      case "s":
      case "S":
      case "h":
      case "H":
        return { t: "class", test: shorthand(char) };
      case "b":
        return { t: "assert", kind: "word" };
      case "B":
        return { t: "assert", kind: "not-word" };
      case "A":
        return { t: "assert", kind: "start" };
      case "z":
        return { t: "assert", kind: "end" };
      case "Z":
        return { t: "assert", kind: "end-newline" };
      case "k": {
        if (!this.is("<")) return { t: "char", c };
        this.index += 1;
        let name = "";
        while (this.index < this.p.length && !this.is(">")) name += String.fromCodePoint(this.p[this.index++] ?? 0);
        this.index += 1;
        if (/^\d+$/.test(name)) return { t: "backref", group: Number(name) };
        return { t: "named-backref", name };
      }
      case "p":
      case "P":
        return { t: "class", test: this.property(char === "P") };
      default:
        break;
    }
    if (c >= 0x31 && c <= 0x39) {
      let digits = char;
      while (this.peek() !== undefined && isDigitCode(this.peek() as number) && Number(digits + String.fromCodePoint(this.peek() as number)) <= this.groupCount) digits += String.fromCodePoint(this.p[this.index++] as number);
      return { t: "backref", group: Number(digits) };
    }
    return { t: "char", c: this.literalEscape(c) };
  }

  /** \n \t \xHH \x{H..} \uHHHH \0oo \cX, or the character itself. */
  private literalEscape(c: number): number {
    const char = String.fromCodePoint(c);
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11, a: 7, e: 27 };
    if (Object.hasOwn(simple, char)) return simple[char] as number;
    const rest = () => String.fromCodePoint(...this.p.slice(this.index, this.index + 10));
    if (char === "x") {
      const braced = /^\{([0-9a-fA-F]{1,8})\}/.exec(rest());
      if (braced) {
        this.index += braced[0].length;
        return parseInt(braced[1] ?? "0", 16);
      }
      const plain = /^[0-9a-fA-F]{1,2}/.exec(rest());
      if (plain) this.index += plain[0].length;
      return plain ? parseInt(plain[0], 16) : 0;
    }
    if (char === "u") {
      const hex = /^[0-9a-fA-F]{4}/.exec(rest());
      if (hex) {
        this.index += 4;
        return parseInt(hex[0], 16);
      }
      return c;
    }
    if (char === "0") {
      const octal = /^[0-7]{0,2}/.exec(rest());
      this.index += octal?.[0].length ?? 0;
      return parseInt(octal?.[0] || "0", 8);
    }
    if (char === "c") {
      const next = this.p[this.index++];
      return (next ?? 0x40) & 0x1f;
    }
    return c;
  }

  private property(negated: boolean): (c: number) => boolean {
    let name = "";
    if (this.is("{")) {
      this.index += 1;
      while (this.index < this.p.length && !this.is("}")) name += String.fromCodePoint(this.p[this.index++] ?? 0);
      this.index += 1;
    } else name = String.fromCodePoint(this.p[this.index++] ?? 0);
    let regex: RegExp;
    try {
      regex = new RegExp(`^\\p{${name.replace(/^\^/, "")}}$`, "u");
    } catch {
      throw new RegexSyntaxError("invalid character property name {" + name + "}");
    }
    const invert = negated !== name.startsWith("^");
    return (c) => regex.test(String.fromCodePoint(c)) !== invert;
  }

  private bracket(): Node {
    const negated = this.is("^");
    if (negated) this.index += 1;
    const tests: ((c: number) => boolean)[] = [];
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw new RegexSyntaxError("premature end of char-class");
      if (c === 0x5d && !first) {
        this.index += 1;
        break;
      }
      // A first "]" is a member when another "]" closes the class later.
      if (c === 0x5d && first && !this.p.slice(this.index + 1).includes(0x5d)) throw new RegexSyntaxError("empty char-class");
      first = false;
      if (c === 0x5b && this.peek(1) === 0x3a) {
        const text = String.fromCodePoint(...this.p.slice(this.index));
        const match = /^\[:(\^?)([a-z]*):\]/.exec(text);
        if (match) {
          const ranges = posixClassRanges(match[2] ?? "", "regex") ?? (match[2] === "word" ? posixClassRanges("word", "glob") : undefined);
          if (!ranges) throw new RegexSyntaxError("invalid POSIX bracket type");
          const invert = match[1] === "^";
          tests.push((code) => ranges.some(([from, to]) => code >= from && code <= to) !== invert);
          this.index += match[0].length;
          continue;
        }
      }
      const start = this.classMember();
      if (typeof start === "function") {
        if (this.is("-") && this.peek(1) !== undefined && this.peek(1) !== 0x5d) throw new RegexSyntaxError("unmatched range specifier in char-class");
        tests.push(start);
        continue;
      }
      if (this.is("-") && this.peek(1) !== undefined && this.peek(1) !== 0x5d) {
        this.index += 1;
        const end = this.classMember();
        if (typeof end === "function") throw new RegexSyntaxError("unmatched range specifier in char-class");
        if (end < start) throw new RegexSyntaxError("empty range in char class");
        tests.push((code) => code >= start && code <= end);
        continue;
      }
      tests.push((code) => code === start);
    }
    const test = (code: number) => tests.some((member) => member(code));
    return { t: "class", test: negated ? (code) => !test(code) : test };
  }

  private classMember(): number | ((c: number) => boolean) {
    const c = this.p[this.index++] as number;
    if (c !== 0x5c) return c;
    const next = this.p[this.index];
    if (next === undefined) throw new RegexSyntaxError("premature end of char-class");
    this.index += 1;
    const char = String.fromCodePoint(next);
    if ("dDwWsShH".includes(char)) return shorthand(char);
    if (char === "p" || char === "P") return this.property(char === "P");
    if (char === "b") return 8;
    return this.literalEscape(next);
  }
}

function shorthand(char: string): (c: number) => boolean {
  const lower = char.toLowerCase();
  const test = lower === "d" ? isDigitCode : lower === "w" ? isWordCode : lower === "s" ? isSpaceCode : (c: number) => isDigitCode(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
  return char === lower ? test : (c) => !test(c);
}

// ================================================================ program

type Inst =
  | { op: "char"; codes: readonly number[] }
  | { op: "any"; newline: boolean }
  | { op: "class"; test: (c: number) => boolean }
  | { op: "split"; first: number; second: number }
  | { op: "jmp"; to: number }
  | { op: "save"; slot: number }
  | { op: "assert"; kind: AssertKind }
  | { op: "backref"; group: number; icase: boolean }
  | { op: "look"; program: Inst[]; behind: boolean; negated: boolean }
  | { op: "atomic"; program: Inst[] }
  | { op: "mark"; reg: number }
  | { op: "progress"; reg: number }
  | { op: "target" }
  | { op: "match" };

function foldCase(c: number): number[] {
  const char = String.fromCodePoint(c);
  const variants = new Set([c, char.toLowerCase().codePointAt(0) ?? c, char.toUpperCase().codePointAt(0) ?? c]);
  return [...variants];
}

class Compiler {
  registers = 0;

  constructor(
    private readonly options: BacktrackOptions,
    private readonly names: readonly (string | undefined)[],
  ) {}

  program(node: Node, tail: Inst[]): Inst[] {
    const out: Inst[] = [];
    this.emit(node, out);
    out.push(...tail);
    return out;
  }

  private emit(node: Node, out: Inst[]): void {
    if (out.length > MAX_PROGRAM) throw new RegexSyntaxError("regular expression is too big");
    switch (node.t) {
      case "empty":
        return;
      case "char":
        out.push({ op: "char", codes: (node.icase ?? this.options.ignoreCase) ? foldCase(node.c) : [node.c] });
        return;
      case "any":
        out.push({ op: "any", newline: node.dotAll ?? this.options.dotAll === true });
        return;
      case "class": {
        const test = node.test;
        out.push({ op: "class", test: (node.icase ?? this.options.ignoreCase) ? (c) => foldCase(c).some(test) : test });
        return;
      }
      case "seq":
        for (const item of node.items) this.emit(item, out);
        return;
      case "alt": {
        const jumps: Inst[] = [];
        node.items.forEach((item, index) => {
          if (index === node.items.length - 1) {
            this.emit(item, out);
            return;
          }
          const split: Extract<Inst, { op: "split" }> = { op: "split", first: out.length + 1, second: 0 };
          out.push(split);
          this.emit(item, out);
          const jump: Extract<Inst, { op: "jmp" }> = { op: "jmp", to: 0 };
          jumps.push(jump);
          out.push(jump);
          split.second = out.length;
        });
        for (const jump of jumps) (jump as { to: number }).to = out.length;
        return;
      }
      case "group":
        if (node.index !== undefined) out.push({ op: "save", slot: node.index * 2 });
        this.emit(node.body, out);
        if (node.index !== undefined) out.push({ op: "save", slot: node.index * 2 + 1 });
        return;
      case "assert":
        out.push({ op: "assert", kind: node.kind });
        return;
      case "backref":
        out.push({ op: "backref", group: node.group, icase: node.icase ?? this.options.ignoreCase === true });
        return;
      case "named-backref": {
        const group = this.names.lastIndexOf(node.name);
        if (group <= 0) throw new RegexSyntaxError(`undefined name <${node.name}> reference`);
        out.push({ op: "backref", group, icase: node.icase ?? this.options.ignoreCase === true });
        return;
      }
      case "look":
        out.push({ op: "look", behind: node.behind, negated: node.negated, program: this.program(node.body, node.behind ? [{ op: "target" }, { op: "match" }] : [{ op: "match" }]) });
        return;
      case "atomic":
        out.push({ op: "atomic", program: this.program(node.body, [{ op: "match" }]) });
        return;
      case "repeat":
        this.repeat(node, out);
        return;
    }
  }

  private repeat(node: Extract<Node, { t: "repeat" }>, out: Inst[]): void {
    if (node.possessive) {
      out.push({ op: "atomic", program: this.program({ ...node, possessive: false }, [{ op: "match" }]) });
      return;
    }
    for (let count = 0; count < node.min; count++) this.emit(node.body, out);
    if (node.max === Infinity) {
      const reg = this.registers++;
      const loop = out.length;
      const split: Extract<Inst, { op: "split" }> = { op: "split", first: 0, second: 0 };
      out.push(split);
      const body = out.length;
      out.push({ op: "mark", reg });
      this.emit(node.body, out);
      out.push({ op: "progress", reg }, { op: "jmp", to: loop });
      const after = out.length;
      split.first = node.greedy ? body : after;
      split.second = node.greedy ? after : body;
      return;
    }
    const splits: Extract<Inst, { op: "split" }>[] = [];
    for (let count = node.min; count < node.max; count++) {
      const split: Extract<Inst, { op: "split" }> = { op: "split", first: 0, second: 0 };
      out.push(split);
      splits.push(split);
      (split as { first: number }).first = out.length;
      this.emit(node.body, out);
    }
    const after = out.length;
    for (const split of splits) {
      if (!node.greedy) {
        split.second = split.first;
        split.first = after;
      } else split.second = after;
    }
  }
}

// ================================================================ the machine

const STEPS_BETWEEN_CHECKS = 2048;

export class BacktrackRegex {
  readonly groupCount: number;
  /** Names of the groups by number (index 0 is the whole match). */
  readonly groupNames: readonly (string | undefined)[];
  private readonly main: Inst[];
  private readonly registerCount: number;

  constructor(
    pattern: string,
    private readonly options: BacktrackOptions = {},
  ) {
    const parser = new Parser(pattern);
    const tree = parser.parse();
    this.groupCount = parser.groupCount;
    this.groupNames = parser.names;
    checkBackrefs(tree, parser.groupCount);
    const compiler = new Compiler(options, parser.names);
    this.main = compiler.program(tree, [{ op: "match" }]);
    this.registerCount = compiler.registers;
  }

  /**
   * The first match starting at or after code point `from` (only at `from`
   * when anchored), as capture positions in code points: [start, end,
   * group 1 start, group 1 end, ...], -1 for groups that took no part.
   */
  exec(text: CodePoints, from: number, check: CheckTime, anchored = false): Int32Array | undefined {
    const state = new RunState(text.codes, check, this.groupCount, this.registerCount, this.options);
    for (let start = from; start <= text.length; start++) {
      state.captures.fill(-1);
      const end = state.run(this.main, start, -1, true);
      if (end !== -1) {
        const result = state.best ?? state.captures.slice();
        result[0] = start;
        result[1] = state.best ? (state.best[1] ?? end) : end;
        return result;
      }
      if (anchored) break;
    }
    return undefined;
  }
}

/** `\3` with only two groups is an error in Oniguruma ("invalid backref number/name"). */
function checkBackrefs(node: Node, groups: number): void {
  const visit = (current: Node): void => {
    switch (current.t) {
      case "backref":
        if (current.group > groups || current.group === 0) throw new RegexSyntaxError("invalid backref number/name");
        return;
      case "seq":
      case "alt":
        current.items.forEach(visit);
        return;
      case "group":
      case "repeat":
      case "look":
      case "atomic":
        visit(current.body);
        return;
      default:
        return;
    }
  };
  visit(node);
}

class RunState {
  readonly captures: Int32Array;
  readonly registers: Int32Array;
  /** Longest mode: the captures of the longest match found so far from this start. */
  best: Int32Array | undefined;
  private steps = 0;

  constructor(
    private readonly text: Int32Array,
    private readonly check: CheckTime,
    groups: number,
    registers: number,
    private readonly options: BacktrackOptions,
  ) {
    this.captures = new Int32Array((groups + 1) * 2).fill(-1);
    this.registers = new Int32Array(registers).fill(-1);
  }

  /**
   * Runs `program` from `position`; the end position of the match, or -1.
   * `target` is where a lookbehind's body must end; `top` marks the pattern
   * itself (not a lookaround or atomic group inside it). The stack holds triples:
   * [0, pc, position] choice points, [1, slot, old] capture undos, [2, reg, old] register undos.
   */
  run(program: readonly Inst[], position: number, target: number, top = false): number {
    const text = this.text;
    const n = text.length;
    const stack: number[] = [];
    let pc = 0;
    let pos = position;
    const start = position;
    const longest = this.options.longest === true && top;
    let bestEnd = -1;
    if (longest) this.best = undefined;
    for (;;) {
      if (++this.steps >= STEPS_BETWEEN_CHECKS) {
        this.steps = 0;
        this.check();
      }
      const inst = program[pc] as Inst;
      let ok = true;
      switch (inst.op) {
        case "char":
          if (pos < n && inst.codes.includes(text[pos] as number)) {
            pos += 1;
            pc += 1;
          } else ok = false;
          break;
        case "any":
          if (pos < n && (inst.newline || text[pos] !== 10)) {
            pos += 1;
            pc += 1;
          } else ok = false;
          break;
        case "class":
          if (pos < n && inst.test(text[pos] as number)) {
            pos += 1;
            pc += 1;
          } else ok = false;
          break;
        case "split":
          stack.push(0, inst.second, pos);
          pc = inst.first;
          break;
        case "jmp":
          pc = inst.to;
          break;
        case "save":
          stack.push(1, inst.slot, this.captures[inst.slot] ?? -1);
          this.captures[inst.slot] = pos;
          pc += 1;
          break;
        case "mark":
          stack.push(2, inst.reg, this.registers[inst.reg] ?? -1);
          this.registers[inst.reg] = pos;
          pc += 1;
          break;
        case "progress":
          if (this.registers[inst.reg] === pos) ok = false;
          else pc += 1;
          break;
        case "assert":
          if (this.assertion(inst.kind, pos)) pc += 1;
          else ok = false;
          break;
        case "backref": {
          const from = this.captures[inst.group * 2] ?? -1;
          const to = this.captures[inst.group * 2 + 1] ?? -1;
          if (from === -1 || to === -1) {
            ok = false;
            break;
          }
          const length = to - from;
          if (pos + length > n) {
            ok = false;
            break;
          }
          for (let index = 0; index < length && ok; index++) {
            const a = text[from + index] as number;
            const b = text[pos + index] as number;
            ok = a === b || (inst.icase && foldCase(a).includes(b));
          }
          if (ok) {
            pos += length;
            pc += 1;
          }
          break;
        }
        case "look": {
          const saved = this.captures.slice();
          let found = false;
          if (inst.behind) {
            for (let from = pos; from >= 0 && !found; from--) found = this.run(inst.program, from, pos) !== -1;
          } else found = this.run(inst.program, pos, -1) !== -1;
          if (found === inst.negated) {
            this.captures.set(saved);
            ok = false;
          } else {
            if (inst.negated) this.captures.set(saved);
            else this.keepCaptures(saved, stack);
            pc += 1;
          }
          break;
        }
        case "atomic": {
          const saved = this.captures.slice();
          const end = this.run(inst.program, pos, -1);
          if (end === -1) {
            this.captures.set(saved);
            ok = false;
          } else {
            this.keepCaptures(saved, stack);
            pos = end;
            pc += 1;
          }
          break;
        }
        case "target":
          if (pos === target) pc += 1;
          else ok = false;
          break;
        case "match":
          if (this.options.notEmpty === true && top && pos === start) {
            ok = false;
            break;
          }
          if (!longest) return pos;
          if (pos > bestEnd) {
            bestEnd = pos;
            this.best = this.captures.slice();
            this.best[1] = pos;
          }
          ok = false;
          break;
      }
      if (ok) continue;
      // Back up to the last choice point, undoing what was recorded after it.
      for (;;) {
        if (stack.length === 0) return bestEnd;
        const old = stack.pop() as number;
        const at = stack.pop() as number;
        const kind = stack.pop() as number;
        if (kind === 1) this.captures[at] = old;
        else if (kind === 2) this.registers[at] = old;
        else {
          pc = at;
          pos = old;
          break;
        }
      }
    }
  }

  /** A sub-match's captures stay, and are undone when the outer match backs up past it. */
  private keepCaptures(saved: Int32Array, stack: number[]): void {
    for (let slot = 0; slot < saved.length; slot++) {
      if (saved[slot] !== this.captures[slot]) stack.push(1, slot, saved[slot] ?? -1);
    }
  }

  private assertion(kind: AssertKind, pos: number): boolean {
    const text = this.text;
    const n = text.length;
    switch (kind) {
      case "bol":
      case "start":
        return pos === 0;
      case "line-start":
        return pos === 0 || text[pos - 1] === 10;
      case "line-end":
        return pos === n || text[pos] === 10;
      case "end":
        return pos === n;
      case "eol":
        return pos === n || (this.options.perlDollar === true && pos === n - 1 && text[pos] === 10);
      case "end-newline":
        return pos === n || (pos === n - 1 && text[pos] === 10);
      case "word":
      case "not-word": {
        const before = pos > 0 && isWordCode(text[pos - 1] as number);
        const after = pos < n && isWordCode(text[pos] as number);
        return (before !== after) === (kind === "word");
      }
    }
  }
}
