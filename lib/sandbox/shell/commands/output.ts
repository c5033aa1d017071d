import { decodeEscape } from "../parser";
import { printfQuote } from "../quote";
import type { CommandSpec } from "./types";
import { err, isIdentifier } from "./util";
import { fromLatin1, LimitExceeded, LIMITS } from "../io";

/** echo and printf, as bash's builtins behave. */

/** Text where each character stands for one byte (`\xff` from an escape is the byte 0xff, not U+00FF in UTF-8). */
function bytesOf(text: string): Uint8Array {
  // Characters above 0xff come from the learner's own text: encode those as UTF-8, keep escaped bytes as bytes.
  if (!/[\u0080-\u00ff]/.test(text)) return new TextEncoder().encode(text);
  const parts: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0xff) parts.push(code);
    else parts.push(...new TextEncoder().encode(char));
  }
  return Uint8Array.from(parts);
}

/** Marks the raw bytes of UTF-8 text as one character per byte, so escapes can be mixed in (see bytesOf). */
function asByteChars(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text;
  let out = "";
  for (const byte of new TextEncoder().encode(text)) out += String.fromCharCode(byte);
  return out;
}

/** Expands echo/%b escapes; `stop` is true after `\c`. */
function expandEscapes(text: string, mode: "echo" | "printf"): { text: string; stop: boolean } {
  let result = "";
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char !== "\\") {
      result += char;
      continue;
    }
    const { text: decoded, length, stop } = decodeEscape(text, index + 1, mode);
    if (stop) return { text: result, stop: true };
    result += decoded;
    index += length;
  }
  return { text: result, stop: false };
}

export const echo: CommandSpec = {
  name: "echo",
  builtin: true,
  summary: "print the arguments",
  help: `echo [-neE] [ARG ...]
    Prints the arguments separated by spaces, then a newline.
      -n  no newline at the end
      -e  interpret backslash escapes: \\n newline, \\t tab, \\\\ backslash, \\0NNN octal byte,
          \\xHH hexadecimal byte, \\c stop printing here
      -E  do not interpret escapes (the default)`,
  run(ctx) {
    let newline = true;
    let escapes = false;
    let index = 0;
    for (; index < ctx.args.length; index++) {
      const arg = ctx.args[index] ?? "";
      if (!/^-[neE]+$/.test(arg)) break;
      for (const flag of arg.slice(1)) {
        if (flag === "n") newline = false;
        else if (flag === "e") escapes = true;
        else escapes = false;
      }
    }
    let text = ctx.args.slice(index).join(" ");
    if (escapes) {
      const expanded = expandEscapes(asByteChars(text), "echo");
      ctx.stdout.write(bytesOf(expanded.text));
      if (!expanded.stop && newline) ctx.stdout.write("\n");
      return 0;
    }
    if (newline) text += "\n";
    ctx.stdout.write(text);
    return 0;
  },
};

/** One %-conversion of a format: flags, width, precision and letter (printf, and seq -f). */
export interface Conversion {
  flags: string;
  width?: number;
  precision?: number;
  letter: string;
}

const MAX_WIDTH = 100_000;

/** A numeric argument as bash's printf reads it: decimal, 0x hex, 0 octal, 'c (a character's code). */
function parseInteger(arg: string): { value: bigint; ok: boolean } {
  if (arg === "") return { value: 0n, ok: true };
  if (/^['"]/.test(arg)) return { value: BigInt(arg.codePointAt(1) ?? 0), ok: true };
  const trimmed = arg.trim();
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(trimmed);
  if (!match) {
    const prefix = /^[+-]?(0[xX][0-9a-fA-F]+|[0-9]+)/.exec(trimmed);
    return { value: prefix ? BigInt(prefix[0].replace(/^\+/, "")) : 0n, ok: false };
  }
  const body = match[2] ?? "0";
  let value = /^0[xX]/.test(body) ? BigInt(body) : body.length > 1 && body.startsWith("0") ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
  if (match[1] === "-") value = -value;
  return { value, ok: true };
}

function parseFloatArg(arg: string): { value: number; ok: boolean } {
  if (arg === "") return { value: 0, ok: true };
  if (/^['"]/.test(arg)) return { value: arg.codePointAt(1) ?? 0, ok: true };
  const trimmed = arg.trim();
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(trimmed)) return { value: Number(BigInt(trimmed.replace(/^[+]/, ""))), ok: true };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed) || /^[+-]?(inf|infinity|nan)$/i.test(trimmed)) {
    const lower = trimmed.toLowerCase();
    if (lower.includes("inf")) return { value: lower.startsWith("-") ? -Infinity : Infinity, ok: true };
    if (lower.includes("nan")) return { value: NaN, ok: true };
    return { value: Number(trimmed), ok: true };
  }
  const prefix = /^[+-]?(\d+\.?\d*|\.\d+)/.exec(trimmed);
  return { value: prefix ? Number(prefix[0]) : 0, ok: false };
}

function pad(text: string, conversion: Conversion, numeric: boolean): string {
  const width = conversion.width ?? 0;
  if (text.length >= width) return text;
  if (conversion.flags.includes("-")) return text + " ".repeat(width - text.length);
  if (numeric && conversion.flags.includes("0") && conversion.precision === undefined) {
    const sign = /^[+\- ]/.test(text) ? (text[0] ?? "") : "";
    const prefix = /^[+\- ]?0[xX]/.test(text) ? text.slice(0, sign.length + 2) : sign;
    return prefix + "0".repeat(width - text.length) + text.slice(prefix.length);
  }
  return " ".repeat(width - text.length) + text;
}

function formatInteger(value: bigint, conversion: Conversion): string {
  const { letter, flags } = conversion;
  let digits: string;
  let sign = "";
  if (letter === "d" || letter === "i") {
    const wrapped = BigInt.asIntN(64, value);
    digits = (wrapped < 0n ? -wrapped : wrapped).toString();
    sign = wrapped < 0n ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
  } else {
    const unsigned = BigInt.asUintN(64, value);
    digits = unsigned.toString(letter === "o" ? 8 : letter === "u" ? 10 : 16);
    if (letter === "X") digits = digits.toUpperCase();
    if (flags.includes("#") && unsigned !== 0n) {
      if (letter === "x") sign = "0x";
      else if (letter === "X") sign = "0X";
      else if (letter === "o") digits = "0" + digits;
    }
  }
  if (conversion.precision !== undefined) {
    digits = conversion.precision === 0 && digits === "0" ? "" : digits.padStart(conversion.precision, "0");
  }
  return pad(sign + digits, conversion, true);
}

/** C's %e exponent form: at least two exponent digits. */
function exponential(value: number, precision: number, upper: boolean): string {
  const [mantissa = "0", exponent = "0"] = value.toExponential(precision).split("e");
  const exp = Number(exponent);
  const text = `${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  return upper ? text.toUpperCase() : text;
}

export function formatFloat(value: number, conversion: Conversion): string {
  const { letter, flags } = conversion;
  const upper = letter === letter.toUpperCase();
  let text: string;
  if (!Number.isFinite(value)) {
    text = Number.isNaN(value) ? "nan" : value < 0 ? "-inf" : "inf";
    if (upper) text = text.toUpperCase();
    if (!text.startsWith("-") && flags.includes("+")) text = "+" + text;
    return pad(text, { ...conversion, flags: conversion.flags.replace("0", "") }, false);
  }
  const requested = conversion.precision ?? 6;
  const precision = Math.min(requested, 100);
  switch (letter.toLowerCase()) {
    case "f":
      text = Math.abs(value) >= 1e21 ? BigInt(Math.round(value)).toString() + (precision > 0 ? "." + "0".repeat(precision) : "") : value.toFixed(precision);
      // toFixed stops at 100 places; past them a double's decimal expansion (at most 1074 places) is zeros for all but tiny values.
      if (requested > precision) text += (precision === 0 ? "." : "") + "0".repeat(requested - precision);
      break;
    case "e":
      text = exponential(value, precision, upper);
      break;
    default: {
      const p = precision === 0 ? 1 : precision;
      const exponent = value === 0 ? 0 : Number(value.toExponential(p - 1).split("e")[1]);
      text = exponent < -4 || exponent >= p ? exponential(value, p - 1, upper) : value.toFixed(Math.max(0, p - 1 - exponent));
      if (!flags.includes("#") && text.includes(".")) text = text.replace(/0+(?=$|[eE])/, "").replace(/\.(?=$|[eE])/, "");
      break;
    }
  }
  if (!text.startsWith("-") && flags.includes("+")) text = "+" + text;
  else if (!text.startsWith("-") && flags.includes(" ")) text = " " + text;
  // The 0 flag pads floats with zeros even with a precision (C ignores it only for integer conversions).
  return pad(text, { ...conversion, precision: undefined }, true);
}

export const printf: CommandSpec = {
  name: "printf",
  builtin: true,
  summary: "print formatted text",
  help: `printf [-v VAR] FORMAT [ARGUMENT ...]
    Prints FORMAT, replacing each %-conversion with the next argument; the format is
    reused while arguments remain. Conversions: %s text, %b text with backslash escapes,
    %q text quoted for the shell, %c first character, %d %i integers, %u %o %x %X
    unsigned, octal and hexadecimal, %f %e %g floating point, %% a percent sign.
    Flags - + space # 0, a width and a .precision (or * to take them from the arguments).
    Escapes in FORMAT: \\n \\t \\\\ \\a \\b \\e \\f \\r \\v \\NNN (octal) \\xHH.
      -v VAR  store the result in the variable VAR instead of printing it`,
  run(ctx) {
    let args = ctx.args;
    let target: string | undefined;
    if (args[0] === "-v") {
      target = args[1];
      if (target === undefined) {
        err(ctx, "bash: printf: -v: option requires an argument\nprintf: usage: printf [-v var] format [arguments]");
        return 2;
      }
      if (!isIdentifier(target)) {
        err(ctx, `bash: printf: \`${target}': not a valid identifier`);
        return 2;
      }
      args = args.slice(2);
    }
    if (args[0] === "--") args = args.slice(1);
    const [format, ...rest] = args;
    if (format === undefined) {
      err(ctx, "printf: usage: printf [-v var] format [arguments]");
      return 2;
    }
    const result = formatPrintf(asByteChars(format), rest.map(asByteChars), () => ctx.shell.checkTime());
    for (const message of result.errors) err(ctx, `bash: printf: ${message}`);
    if (target !== undefined) {
      const error = ctx.shell.setVar(target, new TextDecoder().decode(fromLatin1(result.text)));
      if (error) {
        err(ctx, `bash: ${error}`);
        return 1;
      }
    } else ctx.stdout.write(fromLatin1(result.text));
    return result.status;
  },
};

/** Runs a printf format over the arguments (all text one character per byte); returns the output, error messages and status. */
export function formatPrintf(format: string, args: readonly string[], check: () => void = () => {}): { text: string; errors: string[]; status: number } {
  let output = "";
  const errors: string[] = [];
  let status = 0;
  let argIndex = 0;
  const next = (): string | undefined => args[argIndex++];
  for (;;) {
    check();
    if (output.length > LIMITS.maxBytes) throw new LimitExceeded(`output stopped after ${LIMITS.maxBytes / (1024 * 1024)} MiB (sandbox limit)`);
    const startIndex = argIndex;
    let index = 0;
    let stopped = false;
    while (index < format.length) {
      const char = format[index] ?? "";
      if (char === "\\") {
        const { text, length } = decodeEscape(format, index + 1, "printf");
        output += text;
        index += 1 + length;
        continue;
      }
      if (char !== "%") {
        output += char;
        index += 1;
        continue;
      }
      if (format[index + 1] === "%") {
        output += "%";
        index += 2;
        continue;
      }
      // Length modifiers (l, h, z ...) are accepted and ignored, as bash does.
      const match = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?[hlLjzt]*([a-zA-Z])?/.exec(format.slice(index));
      if (!match || !match[4]) {
        errors.push(`\`${match?.[0] ?? "%"}': missing format character`);
        status = 1;
        stopped = true;
        break;
      }
      index += match[0].length;
      const conversion: Conversion = { flags: match[1] ?? "", letter: match[4] };
      if (match[2] !== undefined) {
        const width = match[2] === "*" ? Number(parseInteger(next() ?? "").value) : Number(match[2]);
        if (Math.abs(width) > MAX_WIDTH) throw new LimitExceeded(`printf: field width ${Math.abs(width)} is over the sandbox's ${MAX_WIDTH} (sandbox limit)`);
        if (width < 0) {
          conversion.flags += "-";
          conversion.width = -width;
        } else conversion.width = width;
      }
      if (match[3] !== undefined) {
        const precision = match[3] === "*" ? Number(parseInteger(next() ?? "").value) : Number(match[3] || "0");
        if (precision > MAX_WIDTH) throw new LimitExceeded(`printf: precision ${precision} is over the sandbox's ${MAX_WIDTH} (sandbox limit)`);
        if (precision >= 0) conversion.precision = precision;
      }
      const letter = conversion.letter;
      switch (letter) {
        case "s": {
          let text = next() ?? "";
          if (conversion.precision !== undefined) text = text.slice(0, conversion.precision);
          output += pad(text, conversion, false);
          break;
        }
        case "b": {
          const expanded = expandEscapes(next() ?? "", "echo");
          let text = expanded.text;
          if (conversion.precision !== undefined) text = text.slice(0, conversion.precision);
          output += pad(text, conversion, false);
          if (expanded.stop) return { text: output, errors, status };
          break;
        }
        case "q":
          output += pad(printfQuote(next() ?? ""), conversion, false);
          break;
        case "c":
          output += pad((next() ?? "").charAt(0), conversion, false);
          break;
        case "d":
        case "i":
        case "o":
        case "u":
        case "x":
        case "X": {
          const arg = next() ?? "";
          const { value, ok } = parseInteger(arg);
          if (!ok) {
            errors.push(`${arg}: invalid number`);
            status = 1;
          }
          output += formatInteger(value, conversion);
          break;
        }
        case "f":
        case "F":
        case "e":
        case "E":
        case "g":
        case "G": {
          const arg = next() ?? "";
          const { value, ok } = parseFloatArg(arg);
          if (!ok) {
            errors.push(`${arg}: invalid number`);
            status = 1;
          }
          output += formatFloat(value, conversion);
          break;
        }
        default:
          errors.push(`\`${letter}': invalid format character`);
          return { text: output, errors, status: 1 };
      }
    }
    if (stopped || argIndex >= args.length || argIndex === startIndex) break;
  }
  return { text: output, errors, status };
}
