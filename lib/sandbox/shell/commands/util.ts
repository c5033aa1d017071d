import { FsError } from "../../vfs/types";
import { fsMessage } from "../messages";
import type { CommandContext } from "./types";
import { parseOptions, type OptionSpec, type ParsedOptions } from "./options";

/** Small helpers every command uses: printing, errors in GNU's format, reading operands. */

export function out(ctx: CommandContext, text: string | Uint8Array): void {
  ctx.stdout.write(text);
}

/** Writes `message` and a newline to stderr. */
export function err(ctx: CommandContext, message: string): void {
  ctx.stderr.write(`${message}\n`);
}

/** Parses options; on a usage error prints GNU's message and returns undefined. */
export function options(ctx: CommandContext, specs: readonly OptionSpec[], args: readonly string[] = ctx.args, permute = true): ParsedOptions | undefined {
  const outcome = parseOptions(ctx.name, args, specs, { permute });
  if (outcome.ok) return outcome.parsed;
  err(ctx, outcome.message);
  return undefined;
}

export const tryHelp = (name: string): string => `Try '${name} --help' for more information.`;

/**
 * Linux's names for a process's own standard streams. The file system has
 * no streams, so the commands that read or write file operands send these
 * to their own (`cat /dev/stdin`, `tee /dev/stderr`), as the redirections
 * in shell.ts do for `> /dev/stderr`.
 */
const STREAM_NAMES: Readonly<Record<string, 0 | 1 | 2>> = { "/dev/stdin": 0, "/dev/fd/0": 0, "/proc/self/fd/0": 0, "/dev/stdout": 1, "/dev/fd/1": 1, "/proc/self/fd/1": 1, "/dev/stderr": 2, "/dev/fd/2": 2, "/proc/self/fd/2": 2 };

/** Which standard stream a path names (0 for /dev/stdin, `-` is not a path here), or undefined for a file. */
export function streamOf(ctx: CommandContext, path: string): 0 | 1 | 2 | undefined {
  if (path === "") return undefined;
  const absolute = ctx.shell.fs.resolve(path);
  return Object.hasOwn(STREAM_NAMES, absolute) ? STREAM_NAMES[absolute] : undefined;
}

/** Whether a file operand means standard input: `-`, /dev/stdin and its other names. */
export function isStdinOperand(ctx: CommandContext, path: string): boolean {
  return path === "-" || streamOf(ctx, path) === 0;
}

/** A file operand's bytes (`-` and /dev/stdin are standard input), or the FsError that stopped it. */
export function readOperand(ctx: CommandContext, path: string, options: { limit?: number } = {}): Uint8Array | FsError {
  if (isStdinOperand(ctx, path)) return ctx.stdin.readAll();
  try {
    return ctx.shell.fs.readFile(path, options);
  } catch (error) {
    if (error instanceof FsError) return error;
    throw error;
  }
}

/** Writes a file operand: /dev/stdout and /dev/stderr are the command's own streams. Throws FsError like fs.writeFile. */
export function writeOperand(ctx: CommandContext, path: string, data: Uint8Array, options: { append?: boolean } = {}): void {
  const stream = streamOf(ctx, path);
  if (stream === 1 || stream === 2) (stream === 1 ? ctx.stdout : ctx.stderr).write(data);
  else ctx.shell.fs.writeFile(path, data, options);
}

/**
 * A file name as coreutils prints it in a message (quotef, the shell-escape
 * style): as it is when the shell would read it back unchanged, otherwise in
 * single quotes, or in double quotes when it holds a single quote. An empty
 * name is '' (cat: '': No such file or directory).
 */
export function quoteName(name: string): string {
  if (name !== "" && /^[A-Za-z0-9_\-.,:/@%+=^]+$/.test(name)) return name;
  if (!name.includes("'")) return `'${name}'`;
  if (!/[$`"\\!]/.test(name)) return `"${name}"`;
  return `'${name.replace(/'/g, "'\\''")}'`;
}

/** `name: path: No such file or directory`, the form most coreutils use. */
export function fileError(ctx: CommandContext, path: string, error: FsError): void {
  err(ctx, `${ctx.name}: ${quoteName(path)}: ${fsMessage(error.code)}`);
}

/**
 * The inputs of a filter: each operand (or standard input when there is
 * none), with errors reported as `name: path: reason`. Returns the status
 * so far (1 if any operand failed).
 */
export function eachInput(ctx: CommandContext, operands: readonly string[], visit: (data: Uint8Array, name: string) => void, report: (path: string, error: FsError) => void = (path, error) => fileError(ctx, path, error)): number {
  let status = 0;
  for (const path of operands.length === 0 ? ["-"] : operands) {
    const data = readOperand(ctx, path);
    if (data instanceof FsError) {
      report(path, data);
      status = 1;
      continue;
    }
    visit(data, path);
  }
  return status;
}

/** Splits bytes into lines (without their newline); a final line without newline is kept, an empty tail is not. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Parses a count like coreutils: digits with an optional multiplier suffix (K, M, G, KB, KiB ...). */
export function parseCount(text: string): number | undefined {
  const match = /^([0-9]+)(b|kB|K|KiB|k|MB|M|MiB|GB|G|GiB)?$/.exec(text);
  if (!match) return undefined;
  const multipliers: Record<string, number> = { b: 512, kB: 1000, K: 1024, KiB: 1024, k: 1024, MB: 1e6, M: 1024 ** 2, MiB: 1024 ** 2, GB: 1e9, G: 1024 ** 3, GiB: 1024 ** 3 };
  const value = Number(match[1]) * (match[2] ? (multipliers[match[2]] ?? 1) : 1);
  return Number.isFinite(value) ? value : undefined;
}

export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}
