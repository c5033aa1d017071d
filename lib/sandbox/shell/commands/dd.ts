import { FsError } from "../../vfs/types";
import { concatBytes } from "../io";
import { fsMessage } from "../messages";
import type { CommandSpec } from "./types";
import { err, parseCount, readOperand, writeOperand } from "./util";

/**
 * dd(1) from coreutils 9, the part tutorials use: copying a number of
 * blocks from a device or file (`dd if=/dev/urandom of=key.bin bs=32
 * count=1`) with if=, of=, bs=, ibs=, obs=, count=, skip=, seek=,
 * status=, conv=notrunc and conv=sync, and the statistics on stderr. The sandbox's
 * clock stands still while a command runs, so the copy takes 0 s, which dd
 * reports as coreutils does ("0 s, Infinity B/s"). Input comes in whole
 * blocks (as with iflag=fullblock): only the last block may be partial.
 */

const USAGE_HINT = "Try 'dd --help' for more information.";

/** The largest block, and the furthest seek, the sandbox allocates: the learner's files hold 64 MiB in all. */
const MAX_BYTES = 64 * 1024 * 1024;

const OPERANDS = new Set(["if", "of", "bs", "ibs", "obs", "count", "skip", "seek", "status", "conv", "iflag", "oflag"]);

/** A size as dd reads it: a number with coreutils' suffixes, plus c (1) and w (2), and products like 2x512. */
function ddNumber(text: string): number | undefined {
  let product = 1;
  for (const factor of text.split("x")) {
    const value = factor === "" ? undefined : /^\d+[cw]$/.test(factor) ? Number(factor.slice(0, -1)) * (factor.endsWith("w") ? 2 : 1) : parseCount(factor);
    if (value === undefined) return undefined;
    product *= value;
  }
  return Number.isSafeInteger(product) ? product : undefined;
}

/** `1.0 kB`: rounded to nearest, one decimal below 10 and none above, as coreutils' human-readable sizes. */
function human(bytes: number, base: 1000 | 1024): string {
  const units = base === 1000 ? ["kB", "MB", "GB", "TB"] : ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / base;
  let unit = 0;
  while (value >= base && unit < units.length - 1) (value /= base, unit++);
  const shown = Math.round(value * 10) / 10 < 10 ? (Math.round(value * 10) / 10).toFixed(1) : String(Math.round(value));
  return `${shown} ${units[unit]}`;
}

function statistics(records: { inFull: number; inPartial: number; outFull: number; outPartial: number }, bytes: number, transfer: boolean): string {
  let text = `${records.inFull}+${records.inPartial} records in\n${records.outFull}+${records.outPartial} records out\n`;
  if (!transfer) return text;
  const sizes = bytes >= 1024 ? ` (${human(bytes, 1000)}, ${human(bytes, 1024)})` : bytes >= 1000 ? ` (${human(bytes, 1000)})` : "";
  // No simulated time passes during a command: coreutils' wording for a copy that took no time.
  return `${text}${bytes} bytes${sizes} copied, 0 s, Infinity B/s\n`;
}

export const dd: CommandSpec = {
  name: "dd",
  summary: "copy blocks of bytes (from a device or file)",
  help: "dd [if=FILE] [of=FILE] [bs=BYTES] [count=N] [skip=N] [seek=N] [status=none|noxfer] [conv=notrunc,sync]\n    Copies COUNT blocks of BS bytes from if= (standard input) to of= (standard output), skipping\n    SKIP blocks of input and SEEK blocks of output, and says how many records it copied on stderr.\n    Example: dd if=/dev/urandom of=key.bin bs=32 count=1 status=none. The time it reports is the\n    simulated clock's, which stands still, so a copy takes 0 s.",
  run(ctx) {
    const settings = new Map<string, string>();
    for (const arg of ctx.args) {
      const equals = arg.indexOf("=");
      const key = arg.slice(0, equals);
      if (equals === -1 || !OPERANDS.has(key)) {
        err(ctx, `dd: unrecognized operand ‘${arg}’\n${USAGE_HINT}`);
        return 1;
      }
      settings.set(key, arg.slice(equals + 1));
    }
    const numbers = new Map<string, number>();
    for (const key of ["bs", "ibs", "obs", "count", "skip", "seek"]) {
      const text = settings.get(key);
      if (text === undefined) continue;
      const value = ddNumber(text);
      if (value === undefined || (value === 0 && key.endsWith("bs"))) {
        err(ctx, `dd: invalid number: ‘${text}’`);
        return 1;
      }
      numbers.set(key, value);
    }
    const status = settings.get("status");
    if (status !== undefined && !["none", "noxfer", "progress"].includes(status)) {
      err(ctx, `dd: invalid status level: ‘${status}’\n${USAGE_HINT}`);
      return 1;
    }
    for (const [key, allowed, what] of [["conv", ["notrunc", "sync", "fsync", "fdatasync"], "conversion"], ["iflag", ["fullblock"], "input flag"], ["oflag", ["sync", "dsync"], "output flag"]] as const) {
      const bad = (settings.get(key) ?? "").split(",").find((flag) => flag !== "" && !(allowed as readonly string[]).includes(flag));
      if (bad !== undefined) {
        err(ctx, `dd: invalid ${what}: ‘${bad}’\n${USAGE_HINT}`);
        return 1;
      }
    }
    const ibs = numbers.get("bs") ?? numbers.get("ibs") ?? 512;
    const obs = numbers.get("bs") ?? numbers.get("obs") ?? 512;
    for (const [size, which] of [[ibs, "input"], [obs, "output"]] as const) {
      if (size <= MAX_BYTES) continue;
      err(ctx, `dd: memory exhausted by ${which} buffer of size ${size} bytes (${human(size, 1024)})`);
      return 1;
    }
    const count = numbers.get("count");
    const skip = (numbers.get("skip") ?? 0) * ibs;
    const wanted = count === undefined ? undefined : skip + count * ibs;
    const input = settings.get("if");
    let data: Uint8Array;
    if (input === undefined) {
      ctx.stdin.read(skip);
      data = wanted === undefined ? ctx.stdin.readAll() : ctx.stdin.read(wanted - skip);
    } else {
      const read = readOperand(ctx, input, wanted === undefined ? {} : { limit: wanted });
      if (read instanceof FsError) {
        err(ctx, read.code === "EENDLESS" ? `dd: error reading '${input}': ${fsMessage(read.code)}` : `dd: failed to open '${input}': ${fsMessage(read.code)}`);
        return 1;
      }
      data = read.subarray(skip, wanted);
    }
    const conversions = (settings.get("conv") ?? "").split(",");
    const records = { inFull: Math.floor(data.length / ibs), inPartial: data.length % ibs === 0 ? 0 : 1, outFull: 0, outPartial: 0 };
    // conv=sync pads a partial last block with NUL bytes to a whole one.
    if (conversions.includes("sync") && records.inPartial) data = concatBytes([data, new Uint8Array(ibs - (data.length % ibs))]);
    // With bs= each block read is written as it is; otherwise the bytes are cut again into obs blocks.
    if (settings.has("bs")) Object.assign(records, { outFull: Math.floor(data.length / ibs), outPartial: data.length % ibs === 0 ? 0 : 1 });
    else Object.assign(records, { outFull: Math.floor(data.length / obs), outPartial: data.length % obs === 0 ? 0 : 1 });
    const output = settings.get("of");
    try {
      if (output === undefined) ctx.stdout.write(data);
      else {
        const seek = (numbers.get("seek") ?? 0) * obs;
        // Linux would leave a hole; the sandbox stores the zeros, so a seek past what the files can hold fills them.
        if (seek > MAX_BYTES) throw new FsError("ENOSPC", output, true);
        const keepRest = conversions.includes("notrunc");
        const existing = seek > 0 || keepRest ? readOperand(ctx, output) : new Uint8Array(0);
        const before = existing instanceof FsError ? new Uint8Array(0) : existing;
        // What was before the seek point stays (zeros fill a gap), and with notrunc so does what was after the copy.
        const head = before.length >= seek ? before.subarray(0, seek) : concatBytes([before, new Uint8Array(seek - before.length)]);
        const tail = keepRest ? before.subarray(seek + data.length) : new Uint8Array(0);
        writeOperand(ctx, output, seek > 0 || keepRest ? concatBytes([head, data, tail]) : data);
      }
    } catch (error) {
      if (!(error instanceof FsError)) throw error;
      err(ctx, error.whileWriting ? `dd: error writing '${output}': ${fsMessage(error.code)}` : `dd: failed to open '${output}': ${fsMessage(error.code)}`);
      return 1;
    }
    if (status !== "none") ctx.stderr.write(statistics(records, data.length, status !== "noxfer"));
    return 0;
  },
};
