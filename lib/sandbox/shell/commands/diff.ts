import { basename, joinPath } from "../../vfs/paths";
import { FsError } from "../../vfs/types";
import { fromLatin1, latin1 } from "../io";
import { fsMessage } from "../messages";
import { compareLines, type Change } from "./diff-compare";
import { parseOptions } from "./options";
import type { CommandContext, CommandSpec } from "./types";
import { err, isStdinOperand, out, readOperand } from "./util";

/**
 * diff(1) from GNU diffutils 3.8: the normal format (`2c2`, `< old`,
 * `---`, `> new`) and the unified one (-u, as in patches and pull
 * requests), -q and -s, the usual exit status (0 the same, 1 different,
 * 2 trouble). Tutorials use it to show that a decrypted file, a downloaded
 * secret or a rendered template is what was expected, and what changed
 * when it is not. Lines are compared as bytes; which lines count as
 * changed is chosen as GNU does (diff-compare.ts). Comparing two
 * directories is not supported.
 */

const USAGE_HINT = "diff: Try 'diff --help' for more information.";

/** How far into a file diff looks for a NUL byte, the sign of a binary file. */
const BINARY_PROBE = 32 * 1024;

/** One file as diff reads it: its lines (as Latin-1 text, one character a byte) and whether the last one lacks its newline. */
interface Side {
  name: string;
  /** What the -u header shows: the name and modification time, or --label's text. */
  header: string;
  data: Uint8Array;
  lines: string[];
  incomplete: boolean;
}

/** A file's time as diff -u prints it (UTC: the sandbox has no other time zone). */
function headerTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000000 +0000`;
}

function splitSide(data: Uint8Array): { lines: string[]; incomplete: boolean } {
  const text = latin1(data);
  if (text === "") return { lines: [], incomplete: false };
  const lines = text.split("\n");
  const incomplete = lines[lines.length - 1] !== "";
  if (!incomplete) lines.pop();
  return { lines, incomplete };
}

/** Numbers lines by equivalence class: equal lines (as the options compare them) get equal numbers. */
function classify(sides: readonly [Side, Side], key: (line: string) => string): [Int32Array, Int32Array] {
  const classes = new Map<string, number>();
  const number = (side: Side) =>
    Int32Array.from(side.lines, (line, index) => {
      // A last line without its newline differs from the same text with one, as in GNU diff.
      const name = key(line) + (side.incomplete && index === side.lines.length - 1 ? "" : "\n");
      let value = classes.get(name);
      if (value === undefined) classes.set(name, (value = classes.size));
      return value;
    });
  return [number(sides[0]), number(sides[1])];
}

/** A line range as the normal format writes it: `3`, `3,5`, or for no lines the line before them. */
function normalRange(first: number, count: number): string {
  return count > 1 ? `${first + 1},${first + count}` : `${first + count}`;
}

/** A line range as a unified hunk header writes it: `3` for one line, `3,4`, or `2,0` for none (after line 2). */
function unifiedRange(first: number, count: number): string {
  if (count === 1) return `${first + 1}`;
  return `${count === 0 ? first : first + 1},${count}`;
}

function lineOf(side: Side, index: number, prefix: string): string {
  const last = side.incomplete && index === side.lines.length - 1;
  return `${prefix}${side.lines[index]}\n${last ? "\\ No newline at end of file\n" : ""}`;
}

function normalFormat(sides: readonly [Side, Side], changes: readonly Change[]): string {
  const [a, b] = sides;
  let text = "";
  for (const change of changes) {
    const letter = change.deleted === 0 ? "a" : change.inserted === 0 ? "d" : "c";
    text += `${normalRange(change.line0, change.deleted)}${letter}${normalRange(change.line1, change.inserted)}\n`;
    for (let i = change.line0; i < change.line0 + change.deleted; i++) text += lineOf(a, i, "< ");
    if (change.deleted > 0 && change.inserted > 0) text += "---\n";
    for (let j = change.line1; j < change.line1 + change.inserted; j++) text += lineOf(b, j, "> ");
  }
  return text;
}

function unifiedFormat(sides: readonly [Side, Side], changes: readonly Change[], context: number): string {
  const [a, b] = sides;
  let text = `--- ${a.header}\n+++ ${b.header}\n`;
  let index = 0;
  while (index < changes.length) {
    // Changes with at most 2 * context unchanged lines between them share a hunk.
    let last = index;
    while (last + 1 < changes.length) {
      const current = changes[last] as Change;
      if ((changes[last + 1] as Change).line0 - (current.line0 + current.deleted) > 2 * context) break;
      last++;
    }
    const first = changes[index] as Change;
    const final = changes[last] as Change;
    const start0 = Math.max(0, first.line0 - context);
    const start1 = Math.max(0, first.line1 - context);
    const end0 = Math.min(a.lines.length, final.line0 + final.deleted + context);
    const end1 = Math.min(b.lines.length, final.line1 + final.inserted + context);
    text += `@@ -${unifiedRange(start0, end0 - start0)} +${unifiedRange(start1, end1 - start1)} @@\n`;
    let i = start0;
    for (const change of changes.slice(index, last + 1)) {
      for (; i < change.line0; i++) text += lineOf(a, i, " ");
      for (; i < change.line0 + change.deleted; i++) text += lineOf(a, i, "-");
      for (let j = change.line1; j < change.line1 + change.inserted; j++) text += lineOf(b, j, "+");
    }
    for (; i < end0; i++) text += lineOf(a, i, " ");
    index = last + 1;
  }
  return text;
}

/** What -i, -b, -w and -Z ignore, as a key equal lines share. */
function lineKey(ignoreCase: boolean, space: "all" | "amount" | "trailing" | undefined): (line: string) => string {
  return (line) => {
    let key = ignoreCase ? line.replace(/[A-Z]/g, (letter) => letter.toLowerCase()) : line;
    if (space === "all") key = key.replace(/[ \t\v\f\r]+/g, "");
    else if (space === "amount") key = key.replace(/[ \t\v\f\r]+/g, " ").replace(/ $/, "");
    else if (space === "trailing") key = key.replace(/[ \t\v\f\r]+$/, "");
    return key;
  };
}

/** Standard input, as `-` or /dev/stdin: it has no directory entry, and its time is now. */
/** Reads one operand, or prints why it cannot. */
function readSide(ctx: CommandContext, name: string, label: string | undefined): Side | undefined {
  // Only an endless device (/dev/zero) stops at the limit: enough to see it is binary and differs from any file.
  const data = readOperand(ctx, name, { limit: BINARY_PROBE });
  if (data instanceof FsError) {
    err(ctx, `diff: ${name}: ${fsMessage(data.code)}`);
    return undefined;
  }
  const modified = isStdinOperand(ctx, name) ? ctx.shell.engine.now : (ctx.shell.fs.stat(name)?.modifiedAt ?? 0);
  return { name, header: label ?? `${name}\t${headerTime(modified)}`, data, ...splitSide(data) };
}

/** The two files to compare: a directory stands for its file named like the other operand. Undefined (after saying why) on trouble. */
function resolveOperands(ctx: CommandContext, operands: readonly [string, string]): [string, string] | undefined {
  const fs = ctx.shell.fs;
  // Both are looked up first and every missing one is reported, as GNU diff does before anything else.
  const missing = operands.filter((name) => !isStdinOperand(ctx, name) && !fs.stat(name));
  for (const name of missing) {
    const error = readOperand(ctx, name);
    err(ctx, `diff: ${name}: ${fsMessage(error instanceof FsError ? error.code : "ENOENT")}`);
  }
  if (missing.length > 0) return undefined;
  const names = [...operands] as [string, string];
  const directory = names.map((name) => !isStdinOperand(ctx, name) && fs.stat(name)?.type === "directory");
  if (directory[0] && directory[1]) {
    err(ctx, "diff: comparing two directories is not supported in the sandbox: compare their files one by one");
    return undefined;
  }
  for (const index of [0, 1] as const) {
    if (!directory[index]) continue;
    const other = names[1 - index] as string;
    if (isStdinOperand(ctx, other)) {
      err(ctx, "diff: cannot compare '-' to a directory");
      return undefined;
    }
    names[index] = joinPath(names[index], basename(other));
  }
  return names;
}

export const diff: CommandSpec = {
  name: "diff",
  summary: "show how two files differ, line by line",
  help: "diff [-u | -U N] [-q] [-s] [-i] [-b] [-w] [-Z] [-a] [--label NAME] FILE1 FILE2\n    Lists the lines that differ: `2c2` then `< ` old and `> ` new lines; -u the unified format of\n    patches (--- and +++ headers, @@ hunks, 3 lines of context, -U N for N); -q only says whether\n    they differ, -s also says when they are the same. -i ignores case, -b changes in the amount of\n    white space, -w all white space, -Z white space at line ends. A FILE may be - (standard input)\n    or a directory holding a file of the other's name. Status: 0 the same, 1 different, 2 trouble.",
  run(ctx) {
    const parsed = parseOptions("diff", ctx.args, [
      { key: "u", short: "u" },
      { key: "U", short: "U", argument: "required" },
      { key: "U", long: "unified", argument: "optional" },
      { key: "q", short: "q", long: "brief" },
      { key: "s", short: "s", long: "report-identical-files" },
      { key: "i", short: "i", long: "ignore-case" },
      { key: "b", short: "b", long: "ignore-space-change" },
      { key: "w", short: "w", long: "ignore-all-space" },
      { key: "Z", short: "Z", long: "ignore-trailing-space" },
      { key: "a", short: "a", long: "text" },
      { key: "label", long: "label", argument: "required" },
      { key: "normal", long: "normal" },
    ]);
    if (!parsed.ok) {
      err(ctx, `${parsed.message.split("\n")[0]}\n${USAGE_HINT}`);
      return 2;
    }
    const { values, operands, order } = parsed.parsed;
    let context: number | undefined;
    for (const { key, value } of order) {
      if (key === "u" || (key === "U" && value === "")) context ??= 3;
      else if (key === "U") {
        if (!/^\d+$/.test(value)) {
          err(ctx, `diff: invalid context length '${value}'\n${USAGE_HINT}`);
          return 2;
        }
        context = Number(value);
      } else if (key === "normal") context = undefined;
    }
    if (operands.length !== 2) {
      err(ctx, `${operands.length < 2 ? `diff: missing operand after '${ctx.args[ctx.args.length - 1] ?? "diff"}'` : `diff: extra operand '${operands[2]}'`}\n${USAGE_HINT}`);
      return 2;
    }
    const pair = operands as [string, string];
    // Standard input twice is one file, the same as itself.
    if (isStdinOperand(ctx, pair[0]) && isStdinOperand(ctx, pair[1])) return 0;
    if (pair[0] === pair[1] && pair[0] !== "-" && ctx.shell.fs.stat(pair[0])?.type === "directory") return 0;
    const names = resolveOperands(ctx, pair);
    if (!names) return 2;
    const labels = values.get("label") ?? [];
    const a = readSide(ctx, names[0], labels[0]);
    const b = a && readSide(ctx, names[1], labels[1]);
    if (!a || !b) return 2;
    const sides = [a, b] as const;
    const report = (message: string) => out(ctx, `${message}\n`);
    if (!values.has("a") && [a.data, b.data].some((data) => data.subarray(0, BINARY_PROBE).includes(0))) {
      if (sameBytes(a.data, b.data)) {
        if (values.has("s")) report(`Files ${names[0]} and ${names[1]} are identical`);
        return 0;
      }
      report(values.has("q") ? `Files ${names[0]} and ${names[1]} differ` : `Binary files ${names[0]} and ${names[1]} differ`);
      return 1;
    }
    const space = values.has("w") ? "all" : values.has("b") ? "amount" : values.has("Z") ? "trailing" : undefined;
    const [x, y] = classify(sides, lineKey(values.has("i"), space));
    const changes = compareLines(x, y, context ?? 0, () => ctx.shell.checkTime());
    if (changes.length === 0) {
      if (values.has("s")) report(`Files ${names[0]} and ${names[1]} are identical`);
      return 0;
    }
    if (values.has("q")) {
      report(`Files ${names[0]} and ${names[1]} differ`);
      return 1;
    }
    ctx.stdout.write(fromLatin1(context === undefined ? normalFormat(sides, changes) : unifiedFormat(sides, changes, context)));
    return 1;
  },
};

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
