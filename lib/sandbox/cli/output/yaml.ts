/**
 * `--output yaml` as the CLI prints it: ruamel.yaml's safe representer
 * (keys sorted, YAML 1.2 resolution decides which strings need quotes) over
 * libyaml's emitter (block style, sequences not indented under their key,
 * quoting styles chosen by scalar analysis, long scalars folded at spaces
 * past column 80). The `yaml` npm package makes different choices, so this is
 * a port of the few emitter rules the CLI's output can reach.
 */
import { jsonDumps } from "../python/json";
import { compareCodePoints, floatRepr, isDict, PyDatetime, PyFloat, type PyDict, type PyValue } from "../python/values";

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

// --- YAML 1.2 implicit resolution (ruamel.yaml VersionedResolver) --------------

const RESOLVERS: [string, RegExp][] = [
  ["tTfF", /^(?:true|True|TRUE|false|False|FALSE)$/],
  ["-+0123456789.", /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/],
  ["-+0123456789", /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/],
  ["<", /^(?:<<)$/],
  ["~nN", /^(?:~|null|Null|NULL|)$/],
  ["0123456789", /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/],
  ["=", /^(?:=)$/],
  ["!&*", /^(?:!|&|\*)$/],
];

/** Whether a str written plain would read back as something else (and so must be quoted). */
function resolvesToNonString(value: string): boolean {
  if (value === "") return true;
  // Python's re `$` also matches before a final newline.
  const candidate = value.endsWith("\n") ? value.slice(0, -1) : value;
  for (const [firsts, regex] of RESOLVERS) if (firsts.includes(value[0]!) && regex.test(candidate)) return true;
  return false;
}

// --- Scalar analysis (libyaml) ----------------------------------------------------

const BREAKS = "\n\r\x85\u2028\u2029";
const BLANKZ = " \t" + BREAKS + "\0";

function isPrintable(char: string): boolean {
  const code = char.codePointAt(0)!;
  return code === 0x0a || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff);
}

interface Analysis {
  empty: boolean;
  multiline: boolean;
  flowPlain: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
  byteLength: number;
}

function analyze(scalar: string): Analysis {
  const chars = [...scalar];
  const byteLength = new TextEncoder().encode(scalar).length;
  if (chars.length === 0) return { empty: true, multiline: false, flowPlain: false, blockPlain: true, singleQuoted: true, byteLength };
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (scalar.startsWith("---") || scalar.startsWith("...")) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  let followedByWhitespace = chars.length === 1 || BLANKZ.includes(chars[1]!);
  chars.forEach((char, index) => {
    if (index === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(char)) {
        flowIndicators = true;
        blockIndicators = true;
      }
      if (char === "?" || char === ":") {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (char === "-" && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else {
      if (",?[]{}".includes(char)) flowIndicators = true;
      if (char === ":") {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (char === "#" && precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    }
    if (!isPrintable(char)) special = true;
    if (BREAKS.includes(char)) lineBreaks = true;
    if (char === " ") {
      if (index === 0) leadingSpace = true;
      if (index === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.includes(char)) {
      if (index === 0) leadingBreak = true;
      if (index === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = BLANKZ.includes(char);
    if (index + 1 < chars.length) followedByWhitespace = index + 2 >= chars.length || BLANKZ.includes(chars[index + 2]!);
  });
  let flowPlain = true;
  let blockPlain = true;
  let singleQuoted = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) flowPlain = blockPlain = false;
  if (breakSpace) flowPlain = blockPlain = singleQuoted = false;
  if (spaceBreak || special) flowPlain = blockPlain = singleQuoted = false;
  if (lineBreaks) flowPlain = blockPlain = false;
  if (flowIndicators) flowPlain = false;
  if (blockIndicators) blockPlain = false;
  return { empty: false, multiline: lineBreaks, flowPlain, blockPlain, singleQuoted, byteLength };
}

// --- The emitter ------------------------------------------------------------------

type Style = "plain" | "single" | "double";

class Emitter {
  private out: string[] = [];
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];

  text(): string {
    return this.out.join("");
  }

  private put(text: string): void {
    this.out.push(text);
    this.column += [...text].length;
  }

  private putBreak(): void {
    this.out.push("\n");
    this.column = 0;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) this.put(" ".repeat(indent - this.column));
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  // -- Nodes

  node(value: PyValue, context: { mapping: boolean; simpleKey: boolean }): void {
    if (Array.isArray(value)) {
      if (value.length === 0 || context.simpleKey) this.flowEmpty("[", "]");
      else this.blockSequence(value, context.mapping);
      return;
    }
    if (isDict(value)) {
      if (value.size === 0 || context.simpleKey) this.flowEmpty("{", "}");
      else this.blockMapping(value);
      return;
    }
    const [text, implicitPlain] = represent(value);
    this.scalar(text, implicitPlain, context.simpleKey);
  }

  private flowEmpty(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private blockSequence(items: PyValue[], mappingContext: boolean): void {
    this.increaseIndent(false, mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator("-", true, false, true);
      this.node(item, { mapping: false, simpleKey: false });
    }
    this.popIndent();
  }

  private blockMapping(mapping: PyDict): void {
    this.increaseIndent(false, false);
    const keys = [...mapping.keys()].sort(compareCodePoints);
    for (const key of keys) {
      this.writeIndent();
      const analysis = analyze(key);
      const simple = !analysis.multiline && analysis.byteLength <= 128;
      if (simple) {
        this.node(key, { mapping: true, simpleKey: true });
        this.writeIndicator(":", false, false, false);
      } else {
        this.writeIndicator("?", true, false, true);
        this.node(key, { mapping: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(":", true, false, true);
      }
      this.node(mapping.get(key)!, { mapping: true, simpleKey: false });
    }
    this.popIndent();
  }

  private scalar(text: string, implicitPlain: boolean, simpleKey: boolean): void {
    const analysis = analyze(text);
    let style: Style = "plain";
    if (simpleKey && analysis.multiline) style = "double";
    if (style === "plain") {
      if (!analysis.blockPlain) style = "single";
      if (analysis.empty && simpleKey) style = "single";
      if (!implicitPlain) style = "single";
    }
    if (style === "single" && !analysis.singleQuoted) style = "double";
    this.increaseIndent(true, false);
    const allowBreaks = !simpleKey;
    if (style === "plain") this.writePlain(text, allowBreaks);
    else if (style === "single") this.writeSingleQuoted(text, allowBreaks);
    else this.writeDoubleQuoted(text, allowBreaks);
    this.popIndent();
  }

  private writePlain(text: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(" ");
    const chars = [...text];
    let spaces = false;
    chars.forEach((char, index) => {
      if (char === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[index + 1] !== " ") this.writeIndent();
        else this.put(char);
        spaces = true;
      } else {
        this.put(char);
        this.indention = false;
        spaces = false;
      }
    });
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const chars = [...text];
    let spaces = false;
    let breaks = false;
    chars.forEach((char, index) => {
      if (char === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && index !== 0 && index !== chars.length - 1 && chars[index + 1] !== " ") this.writeIndent();
        else this.put(char);
        spaces = true;
      } else if (BREAKS.includes(char)) {
        if (!breaks && char === "\n") this.putBreak();
        if (char === "\n") this.putBreak();
        else {
          this.out.push(char);
          this.column = 0;
        }
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (char === "'") this.put("'");
        this.put(char);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    });
    if (breaks) this.writeIndent();
    this.writeIndicator("'", false, false, false);
  }

  private writeDoubleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const chars = [...text];
    let spaces = false;
    const escapes: Record<number, string> = { 0x00: "0", 0x07: "a", 0x08: "b", 0x09: "t", 0x0a: "n", 0x0b: "v", 0x0c: "f", 0x0d: "r", 0x1b: "e", 0x22: '"', 0x5c: "\\", 0x85: "N", 0xa0: "_", 0x2028: "L", 0x2029: "P" };
    chars.forEach((char, index) => {
      const code = char.codePointAt(0)!;
      if (!isPrintable(char) || code === 0xfeff || BREAKS.includes(char) || char === '"' || char === "\\") {
        let escaped = escapes[code];
        if (escaped === undefined) {
          const [prefix, width] = code <= 0xff ? ["x", 2] : code <= 0xffff ? ["u", 4] : ["U", 8];
          escaped = prefix + code.toString(16).toUpperCase().padStart(width as number, "0");
        }
        this.put("\\" + escaped);
        spaces = false;
      } else if (char === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && index !== 0 && index !== chars.length - 1) {
          this.writeIndent();
          if (chars[index + 1] === " ") this.put("\\");
        } else this.put(char);
        spaces = true;
      } else {
        this.put(char);
        spaces = false;
      }
    });
    this.writeIndicator('"', false, false, false);
  }
}

/** SafeRepresenter: a scalar's text and whether it may be written plain (it resolves back to itself). */
function represent(value: PyValue): [string, boolean] {
  if (value === null) return ["null", true];
  if (value === true) return ["true", true];
  if (value === false) return ["false", true];
  if (typeof value === "number" && Number.isInteger(value)) return [String(value), true];
  if (typeof value === "number" || value instanceof PyFloat) {
    const number = typeof value === "number" ? value : value.value;
    if (Number.isNaN(number)) return [".nan", true];
    if (number === Infinity) return [".inf", true];
    if (number === -Infinity) return ["-.inf", true];
    return [floatRepr(number).toLowerCase(), true];
  }
  if (value instanceof PyDatetime) return [value.iso.replace("T", " "), true];
  if (value instanceof Uint8Array) return [new TextDecoder().decode(value), false];
  const text = value as string;
  return [text, !resolvesToNonString(text)];
}

/** YAMLDumper.dump: JSON for a bare scalar, otherwise a YAML document. */
export function dumpYaml(value: PyValue): string {
  if (!Array.isArray(value) && !isDict(value)) return jsonDumps(value) + "\n";
  const emitter = new Emitter();
  emitter.node(value, { mapping: false, simpleKey: false });
  emitter.writeIndent();
  return emitter.text();
}
