/**
 * The shape of a parsed command line, following bash's grammar (the subset
 * the sandbox runs). The parser builds it; the interpreter walks it.
 */

/** One piece of a word. `quoted` parts are neither split into fields nor globbed. */
export type WordPart =
  | { kind: "literal"; text: string; quoted: boolean }
  /** `$name`, `${name}`, `${name:-word}` ... (`op` absent for a plain reference). */
  | { kind: "param"; name: string; quoted: boolean; op?: ParamOp; index?: ArrayIndex }
  /** `${#name}`, or with `index` `${#name[@]}` (the number of elements). */
  | { kind: "length"; name: string; quoted: boolean; index?: ArrayIndex }
  /** `$(...)` or backquotes. */
  | { kind: "command"; program: Program; quoted: boolean }
  /** `<(...)` (its output as a file to read) or `>(...)`: process substitution, never quoted. */
  | { kind: "procsub"; direction: "<" | ">"; program: Program }
  /** `$((...))`: the expression is expanded like a double-quoted word, then evaluated. */
  | { kind: "arith"; expression: Word; quoted: boolean }
  /** A leading `~` (the home directory). */
  | { kind: "tilde" }
  /** Something bash only rejects when it expands it: `${foo bar}` ("bad substitution"). */
  | { kind: "bad"; text: string; quoted: boolean };

/**
 * `${name[@]}`, `${name[*]}`, `${name[2]}`: the only arrays the sandbox has
 * are PIPESTATUS and a variable read as an array of one element (bash's
 * view of a plain variable).
 */
export type ArrayIndex = "@" | "*" | number;

export type ParamOperator =
  | ":-" | "-" | ":=" | "=" | ":+" | "+" | ":?" | "?"
  | "#" | "##" | "%" | "%%"
  | "/" | "//" | "/#" | "/%"
  | "^" | "^^" | "," | ",,"
  | "substring"
  /** `${!name}`: the variable named by name's value. */
  | "indirect";

export interface ParamOp {
  operator: ParamOperator;
  /** The word after the operator (the default value, the pattern, the offset). */
  arg: Word;
  /** For `/pattern/replacement`, and the length of `:offset:length`. */
  second?: Word;
}

export interface Word {
  parts: WordPart[];
  /** The word as written, for messages. */
  text: string;
}

export type RedirectOperator = ">" | ">>" | ">|" | "<" | "<>" | ">&" | "<&" | "&>" | "&>>" | "<<" | "<<-" | "<<<";

export interface Redirect {
  /** The file descriptor written before the operator (`2>`), or undefined for the operator's default. */
  fd?: number;
  operator: RedirectOperator;
  /** The file, the descriptor (`&1`), the here-string or, for here-documents, the body. */
  target: Word;
}

export interface Assignment {
  name: string;
  append: boolean;
  value: Word;
}

export interface SimpleCommand {
  kind: "simple";
  assignments: Assignment[];
  words: Word[];
  redirects: Redirect[];
}

export interface IfCommand {
  kind: "if";
  clauses: { condition: List; body: List }[];
  elseBody?: List;
  redirects: Redirect[];
}

export interface ForCommand {
  kind: "for";
  name: string;
  /** Undefined: `for x; do` (the positional parameters). */
  items?: Word[];
  body: List;
  redirects: Redirect[];
}

export interface ArithForCommand {
  kind: "arith-for";
  init: Word;
  test: Word;
  update: Word;
  body: List;
  redirects: Redirect[];
}

export interface WhileCommand {
  kind: "while";
  until: boolean;
  condition: List;
  body: List;
  redirects: Redirect[];
}

export interface CaseCommand {
  kind: "case";
  subject: Word;
  items: { patterns: Word[]; body: List; terminator: ";;" | ";&" | ";;&" }[];
  redirects: Redirect[];
}

export interface GroupCommand {
  kind: "group";
  /** `( ... )` runs in a subshell: its variable and directory changes do not last. */
  subshell: boolean;
  body: List;
  redirects: Redirect[];
}

export interface ArithCommand {
  kind: "arith";
  expression: Word;
  redirects: Redirect[];
}

/** `[[ ... ]]` */
export interface CondCommand {
  kind: "cond";
  expression: CondExpression;
  redirects: Redirect[];
}

export type CondExpression =
  | { kind: "not"; operand: CondExpression }
  | { kind: "and" | "or"; left: CondExpression; right: CondExpression }
  | { kind: "unary"; operator: string; operand: Word }
  | { kind: "binary"; operator: string; left: Word; right: Word }
  | { kind: "word"; word: Word };

export interface FunctionDefinition {
  kind: "function";
  name: string;
  body: Command;
  /** The definition as written (saved with the session and read back on restore). */
  source: string;
}

export type Command =
  | SimpleCommand
  | IfCommand
  | ForCommand
  | ArithForCommand
  | WhileCommand
  | CaseCommand
  | GroupCommand
  | ArithCommand
  | CondCommand
  | FunctionDefinition;

export interface Pipeline {
  negated: boolean;
  /** Empty only for a bare `time`, which reports the time of nothing. */
  commands: Command[];
  /** For each `|&` between commands: the left command's stderr goes into the pipe too. */
  stderrToo: boolean[];
  /** `time [-p] pipeline`: how long it took goes to the shell's stderr afterwards (-p: POSIX's format). */
  timed?: { posix: boolean };
}

export interface AndOr {
  first: Pipeline;
  rest: { operator: "&&" | "||"; pipeline: Pipeline }[];
}

export type List = AndOr[];

export interface Program {
  body: List;
}
