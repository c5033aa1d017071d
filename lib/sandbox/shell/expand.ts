import type { FileSystem } from "../vfs/types";
import { ArithError, evaluateArithmetic, type ArithScope } from "./arith";
import type { ArrayIndex, ParamOp, Program, Word, WordPart } from "./ast";
import { expandBraces } from "./braces";
import { escapePattern, expandPathname, hasGlobChars, removeMatch, replaceMatch } from "./glob";
import type { CheckTime } from "./cpu-budget";
import { LIMITS } from "./io";
import { escapeExtended } from "./regex";

/**
 * Word expansion in bash's order: tilde, parameters, command substitution
 * and arithmetic, then field splitting of what unquoted expansions
 * produced, then file name expansion, then quote removal.
 */

export interface ExpansionHost {
  /** A variable or special parameter (`?`, `#`, `0`, `1`...), or undefined when unset. */
  lookup(name: string): string | undefined;
  positional(): readonly string[];
  /** `${x:=default}` and arithmetic assignments. */
  assign(name: string, value: string): void;
  /** Runs a command substitution; returns its output with trailing newlines removed. */
  substitute(program: Program): string;
  /** Runs a process substitution `<(...)`; returns the name of the file that holds its output. */
  processSubstitution(direction: "<" | ">", program: Program): string;
  readonly home: string;
  readonly fs: FileSystem;
  /** `set -u`: an unset variable is an error. */
  readonly nounset: boolean;
  /** The command line's CPU-time check (cpu-budget.ts): expansions that loop call it. */
  checkTime: CheckTime;
  /** A name read as an array (`${name[@]}`): PIPESTATUS, or a variable as one element ([] when unset). Without it, every name is a variable. */
  elements?(name: string): readonly string[];
}

/** An expansion bash refuses (`${x:?}`, bad substitution, arithmetic errors): ends the command line with status 1. */
export class ExpansionError extends Error {
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
  }
}

/** A piece of expanded text. `split`: subject to field splitting; `glob`: its pattern characters are active. */
type Segment = { text: string; split: boolean; glob: boolean; quoted: boolean } | { fieldBreak: true };

const DEFAULT_IFS = " \t\n";

function segment(text: string, quoted: boolean, literal = false): Segment {
  return { text, split: !quoted && !literal, glob: !quoted, quoted };
}

/** Full expansion: the fields a word list becomes (command arguments, `for` lists). */
export function expandWords(words: readonly Word[], host: ExpansionHost): string[] {
  const out: string[] = [];
  for (const word of words) for (const expanded of expandBraces(word, host.checkTime)) out.push(...expandWord(expanded, host));
  return out;
}

const DECLARATIONS = new Set(["export", "local", "declare", "typeset", "readonly"]);

/**
 * A simple command's words. After export, local, declare, typeset and
 * readonly, an argument that looks like an assignment (NAME=...) is not
 * split or globbed, as bash treats it: `export PASS=$(aws ...)` keeps spaces.
 */
export function expandCommandWords(words: readonly Word[], host: ExpansionHost): string[] {
  const first = words[0];
  if (!first || !DECLARATIONS.has(first.text)) return expandWords(words, host);
  const out: string[] = [first.text];
  for (const word of words.slice(1)) {
    const head = word.parts[0];
    if (head?.kind === "literal" && !head.quoted && /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(head.text)) out.push(expandString(word, host));
    else out.push(...expandWords([word], host));
  }
  return out;
}

export function expandWord(word: Word, host: ExpansionHost): string[] {
  const segments = expandParts(word.parts, host);
  const ifs = host.lookup("IFS") ?? DEFAULT_IFS;
  const fields = splitFields(segments, ifs);
  const out: string[] = [];
  for (const field of fields) {
    if (field.globbable) {
      const matches = expandPathname(field.pattern, host.fs, host.checkTime);
      if (matches.length > 0) {
        out.push(...matches);
        continue;
      }
    }
    out.push(field.text);
  }
  return out;
}

/** Expansion without splitting or file names (assignments, redirect targets, `case` words, here-documents). */
export function expandString(word: Word, host: ExpansionHost): string {
  let text = "";
  let first = true;
  for (const piece of expandParts(word.parts, host)) {
    if ("fieldBreak" in piece) {
      if (!first) text += " ";
      continue;
    }
    text += piece.text;
    first = false;
    if (text.length > LIMITS.maxWordLength) throw new ExpansionError(`${word.text.slice(0, 40)}: value too large (sandbox limit)`);
  }
  return text;
}

/** Expansion as a pattern: quoted characters match themselves, unquoted `*?[` stay special. */
export function expandPattern(word: Word, host: ExpansionHost): string {
  let pattern = "";
  for (const piece of expandParts(word.parts, host)) {
    if ("fieldBreak" in piece) pattern += " ";
    else pattern += piece.glob ? piece.text : escapePattern(piece.text);
  }
  return pattern;
}

/** The right side of `[[ =~ ]]`: quoted parts match themselves, unquoted ones are the regular expression. */
export function expandRegex(word: Word, host: ExpansionHost): string {
  let source = "";
  for (const piece of expandParts(word.parts, host)) {
    if ("fieldBreak" in piece) source += " ";
    else source += piece.quoted ? escapeExtended(piece.text) : piece.text;
  }
  return source;
}

/**
 * The replacement of `${x/pattern/replacement}` as a template for
 * replaceMatch: unquoted `&` stands for the match (bash 5.2's
 * patsub_replacement), so quoted `&` and `\` are backslash-escaped.
 */
function expandReplacement(word: Word, host: ExpansionHost): string {
  let template = "";
  for (const piece of expandParts(word.parts, host)) {
    if ("fieldBreak" in piece) template += " ";
    else template += piece.quoted ? piece.text.replace(/[\\&]/g, "\\$&") : piece.text;
  }
  return template;
}

interface Field {
  text: string;
  pattern: string;
  globbable: boolean;
  exists: boolean;
}

function splitFields(segments: readonly Segment[], ifs: string): Field[] {
  const fields: Field[] = [];
  let current: Field = { text: "", pattern: "", globbable: false, exists: false };
  const finish = (force: boolean) => {
    if (current.exists || force) fields.push(current);
    current = { text: "", pattern: "", globbable: false, exists: false };
  };
  const append = (text: string, glob: boolean, quoted: boolean) => {
    current.text += text;
    current.pattern += glob ? text : escapePattern(text);
    if (glob && hasGlobChars(text)) current.globbable = true;
    if (quoted || text !== "") current.exists = true;
    if (current.text.length > LIMITS.maxWordLength) throw new ExpansionError("word too long (sandbox limit)");
  };
  for (const piece of segments) {
    if ("fieldBreak" in piece) {
      finish(false);
      continue;
    }
    if (!piece.split || ifs === "") {
      append(piece.text, piece.glob, piece.quoted);
      continue;
    }
    let pendingWhite = false;
    for (const char of piece.text) {
      if (!ifs.includes(char)) {
        if (pendingWhite) finish(false);
        pendingWhite = false;
        append(char, piece.glob, false);
        continue;
      }
      if (/\s/.test(char)) {
        pendingWhite = true;
        continue;
      }
      // A non-blank IFS character always ends a field, even an empty one ("a,,b" is three fields).
      pendingWhite = false;
      finish(true);
    }
    if (pendingWhite) finish(false);
  }
  finish(false);
  return fields;
}

function expandParts(parts: readonly WordPart[], host: ExpansionHost): Segment[] {
  const out: Segment[] = [];
  for (const part of parts) {
    switch (part.kind) {
      case "literal":
        out.push(segment(part.text, part.quoted, true));
        break;
      case "tilde":
        out.push(segment(host.lookup("HOME") ?? host.home, true));
        break;
      case "param":
        out.push(...(part.index === undefined ? expandParam(part.name, part.op, part.quoted, host) : expandElement(part.name, part.index, part.quoted, host)));
        break;
      case "length": {
        if (part.index !== undefined) {
          const elements = elementsOf(part.name, host);
          out.push(segment(String(typeof part.index === "number" ? [...(elements[part.index] ?? "")].length : elements.length), part.quoted));
          break;
        }
        if (part.name === "@" || part.name === "*" || part.name === "#") {
          out.push(segment(String(part.name === "#" ? host.lookup("#")?.length ?? 0 : host.positional().length), part.quoted));
          break;
        }
        const value = host.lookup(part.name);
        if (value === undefined && host.nounset) throw new ExpansionError(`${part.name}: unbound variable`);
        out.push(segment(String([...(value ?? "")].length), part.quoted));
        break;
      }
      case "command":
        out.push(segment(host.substitute(part.program), part.quoted));
        break;
      case "arith":
        out.push(segment(arithmetic(expandString(part.expression, host), host).toString(), part.quoted));
        break;
      case "procsub":
        // The file's name is one field, never split or globbed (bash gives /dev/fd/63).
        out.push(segment(host.processSubstitution(part.direction, part.program), true));
        break;
      case "bad":
        throw new ExpansionError(`${part.text}: bad substitution`);
    }
  }
  return out;
}

export function arithmetic(expression: string, host: ExpansionHost): bigint {
  const scope: ArithScope = { get: (name) => host.lookup(name), set: (name, value) => host.assign(name, value) };
  try {
    return evaluateArithmetic(expression, scope);
  } catch (error) {
    if (error instanceof ArithError) throw new ExpansionError(error.message);
    throw error;
  }
}

function expandParam(name: string, op: ParamOp | undefined, quoted: boolean, host: ExpansionHost): Segment[] {
  if ((name === "@" || name === "*") && !op) return positionalSegments(name, quoted, host);
  const value = name === "@" || name === "*" ? joinPositional(name, host) : host.lookup(name);
  if (!op) {
    if (value === undefined && host.nounset) throw new ExpansionError(`${name}: unbound variable`);
    return [segment(value ?? "", quoted)];
  }
  if (op.operator === "indirect") {
    const target = value ?? "";
    if (!/^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?#@*$!-])$/.test(target)) throw new ExpansionError(`${target}: invalid indirect expansion`);
    const resolved = host.lookup(target);
    if (resolved === undefined && host.nounset) throw new ExpansionError(`${target}: unbound variable`);
    return [segment(resolved ?? "", quoted)];
  }
  const isSet = value !== undefined;
  const nonEmpty = isSet && value !== "";
  switch (op.operator) {
    case ":-":
    case "-":
      return (op.operator === ":-" ? nonEmpty : isSet) ? [segment(value ?? "", quoted)] : withQuote(expandParts(op.arg.parts, host), quoted);
    case ":=":
    case "=": {
      if (op.operator === ":=" ? nonEmpty : isSet) return [segment(value ?? "", quoted)];
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ExpansionError(`$${name}: cannot assign in this way`);
      const assigned = expandString(op.arg, host);
      host.assign(name, assigned);
      return [segment(assigned, quoted)];
    }
    case ":+":
    case "+":
      return (op.operator === ":+" ? nonEmpty : isSet) ? withQuote(expandParts(op.arg.parts, host), quoted) : quoted ? [segment("", true)] : [];
    case ":?":
    case "?": {
      if (op.operator === ":?" ? nonEmpty : isSet) return [segment(value ?? "", quoted)];
      const message = expandString(op.arg, host);
      throw new ExpansionError(`${name}: ${message || (op.operator === ":?" ? "parameter null or not set" : "parameter not set")}`);
    }
    default:
      break;
  }
  if (value === undefined && host.nounset) throw new ExpansionError(`${name}: unbound variable`);
  const text = value ?? "";
  switch (op.operator) {
    case "#":
    case "##":
      return [segment(removeMatch(text, expandPattern(op.arg, host), "prefix", op.operator === "##", host.checkTime), quoted)];
    case "%":
    case "%%":
      return [segment(removeMatch(text, expandPattern(op.arg, host), "suffix", op.operator === "%%", host.checkTime), quoted)];
    case "/":
    case "//":
    case "/#":
    case "/%": {
      const mode = op.operator === "/" ? "first" : op.operator === "//" ? "all" : op.operator === "/#" ? "prefix" : "suffix";
      const replacement = op.second ? expandReplacement(op.second, host) : "";
      return [segment(replaceMatch(text, expandPattern(op.arg, host), replacement, mode, host.checkTime), quoted)];
    }
    case "^^":
      return [segment(text.toUpperCase(), quoted)];
    case ",,":
      return [segment(text.toLowerCase(), quoted)];
    case "^":
      return [segment(text.charAt(0).toUpperCase() + text.slice(1), quoted)];
    case ",":
      return [segment(text.charAt(0).toLowerCase() + text.slice(1), quoted)];
    case "substring": {
      const chars = [...text];
      let offset = Number(arithmetic(expandString(op.arg, host), host));
      if (offset < 0) offset = Math.max(0, chars.length + offset);
      let end = chars.length;
      if (op.second) {
        const length = Number(arithmetic(expandString(op.second, host), host));
        if (length < 0) {
          end = chars.length + length;
          if (end < offset) throw new ExpansionError(`${length}: substring expression < 0`);
        } else end = Math.min(chars.length, offset + length);
      }
      return [segment(chars.slice(offset, end).join(""), quoted)];
    }
    default:
      return [segment(text, quoted)];
  }
}

/** Inside double quotes the default word of `${x:-word}` is quoted too. */
function withQuote(segments: Segment[], quoted: boolean): Segment[] {
  if (!quoted) return segments;
  const out = segments.map((piece) => ("fieldBreak" in piece ? piece : { ...piece, split: false, glob: false, quoted: true }));
  return out.length === 0 ? [segment("", true)] : out;
}

function joinPositional(name: "@" | "*", host: ExpansionHost): string | undefined {
  const params = host.positional();
  if (params.length === 0) return undefined;
  const ifs = host.lookup("IFS") ?? DEFAULT_IFS;
  return params.join(name === "*" ? ifs.charAt(0) : " ");
}

function elementsOf(name: string, host: ExpansionHost): readonly string[] {
  if (host.elements) return host.elements(name);
  const value = host.lookup(name);
  return value === undefined ? [] : [value];
}

/** `${name[@]}` (like "$@": one field each, even quoted), `${name[*]}` (like "$*") or `${name[N]}`. */
function expandElement(name: string, index: ArrayIndex, quoted: boolean, host: ExpansionHost): Segment[] {
  const elements = elementsOf(name, host);
  if (typeof index !== "number") return listSegments(elements, index, quoted, host);
  const value = elements[index];
  if (value === undefined && host.nounset) throw new ExpansionError(`${name}[${index}]: unbound variable`);
  return [segment(value ?? "", quoted)];
}

function positionalSegments(name: "@" | "*", quoted: boolean, host: ExpansionHost): Segment[] {
  return listSegments(host.positional(), name, quoted, host);
}

function listSegments(params: readonly string[], name: "@" | "*", quoted: boolean, host: ExpansionHost): Segment[] {
  if (quoted && name === "*") {
    const ifs = host.lookup("IFS") ?? DEFAULT_IFS;
    return [segment(params.join(ifs.charAt(0)), true)];
  }
  const out: Segment[] = [];
  params.forEach((param, index) => {
    if (index > 0) out.push({ fieldBreak: true });
    out.push(segment(param, quoted));
  });
  return out;
}
