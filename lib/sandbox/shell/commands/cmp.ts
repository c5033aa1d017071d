import { FsError } from "../../vfs/types";
import { fsMessage } from "../messages";
import { parseOptions } from "./options";
import type { CommandSpec } from "./types";
import { err, out, readOperand } from "./util";

/**
 * cmp(1) from GNU diffutils 3.8: where two files first differ (byte and
 * line), or every differing byte with -l, or nothing with -s; status 0 when
 * they are the same, 1 when they differ, 2 on trouble. Envelope-encryption
 * tutorials use it to show that a decrypted file matches the original.
 */
const OCTAL = (byte: number) => byte.toString(8).padStart(3, " ");

/** A byte as cmp -b shows it: ^X for control characters, M- for the upper half. */
function printable(byte: number): string {
  let prefix = "";
  let value = byte;
  if (value >= 128) {
    prefix = "M-";
    value -= 128;
  }
  if (value < 32) return `${prefix}^${String.fromCharCode(value + 64)}`;
  if (value === 127) return `${prefix}^?`;
  return prefix + String.fromCharCode(value);
}

export const cmp: CommandSpec = {
  name: "cmp",
  summary: "compare two files byte by byte",
  help: "cmp [-s | -l] [-b] FILE1 [FILE2]\n    Says where FILE1 and FILE2 (standard input for - or when missing) first differ, by byte and\n    line; -l lists every differing byte (offset and octal values), -b shows the bytes too, -s says\n    nothing. Status: 0 the same, 1 different, 2 trouble.",
  run(ctx) {
    const parsed = parseOptions("cmp", ctx.args, [
      { key: "s", short: "s", long: "silent" },
      { key: "s", long: "quiet" },
      { key: "l", short: "l", long: "verbose" },
      { key: "b", short: "b", long: "print-bytes" },
    ]);
    if (!parsed.ok) {
      err(ctx, parsed.message.replace(/\nTry /, "\ncmp: Try "));
      return 2;
    }
    const { values, operands } = parsed.parsed;
    const silent = values.has("s");
    const list = values.has("l");
    const bytes = values.has("b");
    if (operands.length === 0 || operands.length > 2) {
      err(ctx, operands.length === 0 ? "cmp: missing operand after 'cmp'\ncmp: Try 'cmp --help' for more information." : `cmp: invalid --ignore-initial value '${operands[2]}'\ncmp: Try 'cmp --help' for more information.`);
      return 2;
    }
    if (silent && list) {
      err(ctx, "cmp: options -l and -s are incompatible\ncmp: Try 'cmp --help' for more information.");
      return 2;
    }
    const names = [operands[0]!, operands[1] ?? "-"];
    const data: Uint8Array[] = [];
    for (const name of names) {
      const content = readOperand(ctx, name);
      if (content instanceof FsError) {
        if (!silent) err(ctx, `cmp: ${name}: ${fsMessage(content.code)}`);
        return 2;
      }
      data.push(content);
    }
    const [first, second] = data as [Uint8Array, Uint8Array];
    const common = Math.min(first.length, second.length);
    let differ = false;
    let lines = 0;
    const width = String(common).length;
    for (let index = 0; index < common; index++) {
      const a = first[index]!;
      const b = second[index]!;
      if (a !== b) {
        differ = true;
        if (silent) return 1;
        if (!list) {
          const shown = bytes ? ` is ${OCTAL(a)} ${printable(a)} ${OCTAL(b)} ${printable(b)}` : "";
          out(ctx, `${names[0]} ${names[1]} differ: byte ${index + 1}, line ${lines + 1}${shown}\n`);
          return 1;
        }
        const offset = String(index + 1).padStart(width, " ");
        out(ctx, bytes ? `${offset} ${OCTAL(a)} ${printable(a).padEnd(4, " ")} ${OCTAL(b)} ${printable(b)}\n` : `${offset} ${OCTAL(a)} ${OCTAL(b)}\n`);
      }
      if (a === 10) lines += 1;
    }
    if (first.length === second.length) return differ ? 1 : 0;
    if (!silent) {
      const shorter = first.length < second.length ? names[0] : names[1];
      if (common === 0) err(ctx, `cmp: EOF on ${shorter} which is empty`);
      else if (list) err(ctx, `cmp: EOF on ${shorter} after byte ${common}`);
      else {
        // "line N" when the shorter file ends a line, "in line N" when it stops inside one.
        const endsLine = (first.length < second.length ? first : second)[common - 1] === 10;
        err(ctx, `cmp: EOF on ${shorter} after byte ${common}, ${endsLine ? `line ${lines}` : `in line ${lines + 1}`}`);
      }
    }
    return 1;
  },
};
