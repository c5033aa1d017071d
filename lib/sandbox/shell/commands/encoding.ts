import { md5, sha1 } from "@noble/hashes/legacy.js";
import { sha256, sha512 } from "@noble/hashes/sha2.js";
import { base64 as scureBase64 } from "@scure/base";
import { FsError } from "../../vfs/types";
import { concatBytes, decode, latin1, LimitExceeded, LIMITS } from "../io";
import { fsMessage } from "../messages";
import type { CommandContext, CommandSpec } from "./types";
import { err, fileError, options, out, parseCount, readOperand, splitLines, tryHelp, writeOperand } from "./util";

/** Bytes made visible: base64, xxd, hexdump -C, and checksums. */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * GNU base64 --decode: newlines are skipped, anything else outside the
 * alphabet (spaces too) is an error unless ignored; complete groups decoded
 * before an error are still written, as GNU does.
 */
export function decodeBase64Gnu(text: string, ignoreGarbage: boolean, check: () => void = () => {}): { bytes: Uint8Array; ok: boolean } {
  let chars = text.replace(/\n/g, "");
  if (ignoreGarbage) chars = chars.replace(/[^A-Za-z0-9+/=]/g, "");
  const out: number[] = [];
  for (let index = 0; index < chars.length; index += 4) {
    if (index % 65536 === 0) check();
    const quantum = chars.slice(index, index + 4);
    const values: number[] = [];
    let padding = 0;
    let valid = true;
    for (let position = 0; position < quantum.length; position++) {
      const char = quantum[position] ?? "";
      if (char === "=" && position >= 2 && (position === 3 || quantum[3] === "=")) {
        padding += 1;
        continue;
      }
      const value = ALPHABET.indexOf(char);
      if (value === -1 || padding > 0) {
        valid = false;
        break;
      }
      values.push(value);
    }
    const [v0 = 0, v1 = 0, v2 = 0, v3 = 0] = values;
    const count = values.length;
    if (count >= 2) out.push(((v0 << 2) | (v1 >> 4)) & 0xff);
    if (count >= 3) out.push(((v1 << 4) | (v2 >> 2)) & 0xff);
    if (count >= 4) out.push(((v2 << 6) | v3) & 0xff);
    if (!valid || quantum.length < 4 || count < 2) return { bytes: Uint8Array.from(out), ok: false };
  }
  return { bytes: Uint8Array.from(out), ok: true };
}

const base64: CommandSpec = {
  name: "base64",
  summary: "encode or decode base64",
  help: "base64 [-d] [-w COLS] [FILE]\n    Encodes FILE (or standard input) as base64, in lines of 76 characters (-w 0: one line).\n      -d, --decode  decode instead (binary output: redirect it to a file)\n      -i  ignore characters outside the base64 alphabet when decoding",
  run(ctx) {
    const parsed = options(ctx, [
      { key: "d", short: "d", long: "decode" },
      { key: "i", short: "i", long: "ignore-garbage" },
      { key: "w", short: "w", long: "wrap", argument: "required" },
    ]);
    if (!parsed) return 1;
    if (parsed.operands.length > 1) {
      err(ctx, `base64: extra operand ‘${parsed.operands[1]}’\n${tryHelp("base64")}`);
      return 1;
    }
    const wrapText = parsed.values.get("w")?.slice(-1)[0];
    const wrap = wrapText === undefined ? 76 : parseCount(wrapText);
    if (wrap === undefined) {
      err(ctx, `base64: invalid wrap size: ‘${wrapText}’`);
      return 1;
    }
    const path = parsed.operands[0] ?? "-";
    const data = readOperand(ctx, path);
    if (data instanceof FsError) {
      fileError(ctx, path, data);
      return 1;
    }
    if (parsed.values.has("d")) {
      const { bytes, ok } = decodeBase64Gnu(latin1(data), parsed.values.has("i"), () => ctx.shell.checkTime());
      ctx.stdout.write(bytes);
      if (!ok) {
        err(ctx, "base64: invalid input");
        return 1;
      }
      return 0;
    }
    const encoded = scureBase64.encode(data);
    if (encoded === "") return 0;
    if (wrap === 0) {
      out(ctx, `${encoded}\n`);
      return 0;
    }
    let text = "";
    for (let index = 0; index < encoded.length; index += wrap) text += encoded.slice(index, index + wrap) + "\n";
    out(ctx, text);
    return 0;
  },
};

const printable = (byte: number) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : ".");
const hex2 = (byte: number) => byte.toString(16).padStart(2, "0");

/** xxd's text back to bytes: plain hex (-r -p), or a regular dump (offsets and ASCII column ignored). */
function revertXxd(text: string, plain: boolean): Uint8Array {
  if (plain) {
    const digits = text.replace(/[^0-9a-fA-F]/g, "");
    const bytes: number[] = [];
    for (let index = 0; index + 1 < digits.length; index += 2) bytes.push(parseInt(digits.slice(index, index + 2), 16));
    return Uint8Array.from(bytes);
  }
  const chunks: { offset: number; bytes: number[] }[] = [];
  for (const line of splitLines(text)) {
    const match = /^\s*([0-9a-fA-F]+):\s?((?:[0-9a-fA-F]{2}\s?)*)/.exec(line);
    if (!match) continue;
    const hexPart = (match[2] ?? "").replace(/\s+/g, "");
    const bytes: number[] = [];
    for (let index = 0; index + 1 < hexPart.length; index += 2) bytes.push(parseInt(hexPart.slice(index, index + 2), 16));
    chunks.push({ offset: parseInt(match[1] ?? "0", 16), bytes });
  }
  const size = Math.max(0, ...chunks.map((chunk) => chunk.offset + chunk.bytes.length));
  const out = new Uint8Array(Math.min(size, 16 * 1024 * 1024));
  for (const chunk of chunks) chunk.bytes.forEach((byte, index) => chunk.offset + index < out.length && (out[chunk.offset + index] = byte));
  return out;
}

/** A dump is built whole before it is written: stop it where the output limit would (xxd prints three or more characters a byte). */
function checkGrowth(ctx: CommandContext, text: string): void {
  ctx.shell.checkTime();
  if (text.length > LIMITS.maxBytes) throw new LimitExceeded(`output stopped after ${LIMITS.maxBytes / (1024 * 1024)} MiB (sandbox limit)`);
}

const xxd: CommandSpec = {
  name: "xxd",
  summary: "hex dump (or its reverse)",
  help: "xxd [-p] [-r] [-u] [-c COLS] [-g BYTES] [-l LEN] [-s OFFSET] [FILE]\n    Shows bytes as hexadecimal with an ASCII column. -p plain hex only, -r turn a dump (or with -p\n    plain hex) back into bytes, -l only LEN bytes (so xxd -l 16 /dev/urandom works), -c bytes per line, -u upper case.",
  run(ctx) {
    const parsed = options(ctx, [
      { key: "p", short: "p", long: "ps" },
      { key: "r", short: "r", long: "revert" },
      { key: "u", short: "u" },
      { key: "c", short: "c", long: "cols", argument: "required" },
      { key: "g", short: "g", long: "groupsize", argument: "required" },
      { key: "l", short: "l", long: "len", argument: "required" },
      { key: "s", short: "s", long: "seek", argument: "required" },
    ]);
    if (!parsed) return 1;
    const [path = "-", outputPath] = parsed.operands;
    const number = (key: string, fallback: number) => {
      const value = parsed.values.get(key)?.slice(-1)[0];
      return value === undefined ? fallback : Number.parseInt(value, value.startsWith("0x") ? 16 : 10);
    };
    // With -l only the bytes shown are needed, so `xxd -l 16 /dev/urandom` reads a device that never ends
    // (and no more than the output limit could show: xxd prints at least two characters a byte).
    const wanted = parsed.values.has("l") && !parsed.values.has("r") ? Math.max(0, number("s", 0)) + Math.max(0, number("l", 0)) : undefined;
    const data = readOperand(ctx, path, wanted !== undefined && Number.isFinite(wanted) ? { limit: Math.min(wanted, LIMITS.maxBytes / 2) } : {});
    if (data instanceof FsError) {
      err(ctx, `xxd: ${path}: ${fsMessage(data.code)}`);
      return 2;
    }
    const write = (bytes: Uint8Array | string) => {
      if (outputPath === undefined) ctx.stdout.write(bytes);
      else writeOperand(ctx, outputPath, typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes);
    };
    const dump = (data: Uint8Array): number => {
      if (parsed.values.has("r")) {
        write(revertXxd(decode(data), parsed.values.has("p")));
        return 0;
      }
      const seek = Math.max(0, number("s", 0));
      const length = parsed.values.has("l") ? Math.max(0, number("l", 0)) : Infinity;
      const bytes = data.subarray(seek, Number.isFinite(length) ? seek + length : undefined);
      const upper = parsed.values.has("u");
      const caseOf = (text: string) => (upper ? text.toUpperCase() : text);
      if (parsed.values.has("p")) {
        const cols = number("c", 30) || 30;
        let text = "";
        for (let index = 0; index < bytes.length; index += cols) {
          if (index % (cols * 1024) === 0) checkGrowth(ctx, text);
          text += caseOf(Array.from(bytes.subarray(index, index + cols), hex2).join("")) + "\n";
        }
        write(text);
        return 0;
      }
      const cols = Math.max(1, number("c", 16) || 16);
      const group = Math.max(0, number("g", 2));
      const groupsPerLine = group === 0 ? 1 : Math.ceil(cols / group);
      const hexWidth = cols * 2 + (group === 0 ? 0 : groupsPerLine);
      let text = "";
      for (let index = 0; index < bytes.length; index += cols) {
        if (index % (cols * 1024) === 0) checkGrowth(ctx, text);
        const line = bytes.subarray(index, index + cols);
        let hexPart = "";
        line.forEach((byte, position) => {
          hexPart += caseOf(hex2(byte));
          if (group !== 0 && (position + 1) % group === 0) hexPart += " ";
        });
        if (group !== 0 && line.length % group !== 0) hexPart += " ";
        text += `${(seek + index).toString(16).padStart(8, "0")}: ${hexPart.padEnd(hexWidth)} ${Array.from(line, printable).join("")}\n`;
      }
      write(text);
      return 0;
    };
    try {
      return dump(data);
    } catch (error) {
      // xxd's status for an output file it cannot open or write is 3.
      if (!(error instanceof FsError) || outputPath === undefined) throw error;
      err(ctx, error.whileWriting ? `xxd: ${fsMessage(error.code)}` : `xxd: ${outputPath}: ${fsMessage(error.code)}`);
      return 3;
    }
  },
};

const hexdump: CommandSpec = {
  name: "hexdump",
  summary: "hex dump (use -C)",
  help: "hexdump -C [FILE ...]\n    Shows bytes in the canonical hex+ASCII layout: offset, 16 bytes in hex, and |text|.\n    Repeated lines are shown once, followed by *. Only the -C layout is supported.",
  run(ctx) {
    const parsed = options(ctx, [{ key: "C", short: "C", long: "canonical" }, { key: "v", short: "v", long: "no-squeezing" }, { key: "n", short: "n", long: "length", argument: "required" }]);
    if (!parsed) return 1;
    const parts: Uint8Array[] = [];
    let status = 0;
    for (const path of parsed.operands.length === 0 ? ["-"] : parsed.operands) {
      const data = readOperand(ctx, path);
      if (data instanceof FsError) {
        err(ctx, `hexdump: ${path}: ${fsMessage(data.code)}`);
        status = 1;
        continue;
      }
      parts.push(data);
    }
    let bytes = concatBytes(parts);
    const length = parsed.values.get("n")?.slice(-1)[0];
    if (length !== undefined) bytes = bytes.subarray(0, Number(length) || 0);
    if (!parsed.values.has("C")) {
      // The default two-byte words layout, for completeness.
      let text = "";
      for (let index = 0; index < bytes.length; index += 16) {
        if (index % 16384 === 0) ctx.shell.checkTime();
        const words: string[] = [];
        for (let position = index; position < Math.min(index + 16, bytes.length); position += 2) words.push((((bytes[position + 1] ?? 0) << 8) | (bytes[position] ?? 0)).toString(16).padStart(4, "0"));
        text += `${index.toString(16).padStart(7, "0")} ${words.join(" ")}\n`;
      }
      if (bytes.length > 0) text += `${bytes.length.toString(16).padStart(7, "0")}\n`;
      out(ctx, text);
      return status;
    }
    let text = "";
    let previous: string | undefined;
    let starred = false;
    for (let index = 0; index < bytes.length; index += 16) {
      if (index % 16384 === 0) ctx.shell.checkTime();
      const line = bytes.subarray(index, index + 16);
      const key = Array.from(line, hex2).join("");
      if (!parsed.values.has("v") && line.length === 16 && key === previous) {
        if (!starred) text += "*\n";
        starred = true;
        continue;
      }
      starred = false;
      previous = line.length === 16 ? key : undefined;
      let hexPart = "";
      line.forEach((byte, position) => {
        if (position === 8) hexPart += " ";
        hexPart += `${hex2(byte)} `;
      });
      text += `${index.toString(16).padStart(8, "0")}  ${hexPart.padEnd(49)} |${Array.from(line, printable).join("")}|\n`;
    }
    if (bytes.length > 0) text += `${bytes.length.toString(16).padStart(8, "0")}\n`;
    out(ctx, text);
    return status;
  },
};

function checksum(name: string, hash: (data: Uint8Array) => Uint8Array, size: number): CommandSpec {
  return {
    name,
    summary: `print or check ${name.replace("sum", "").toUpperCase()} checksums`,
    help: `${name} [-c] [FILE ...]\n    Prints the ${name.replace("sum", "").toUpperCase()} digest of each file (or of standard input) in hexadecimal, then the name.\n      -c  read lines "DIGEST  NAME" from the files and check each`,
    run(ctx) {
      const parsed = options(ctx, [
        { key: "c", short: "c", long: "check" },
        { key: "b", short: "b", long: "binary" },
        { key: "t", short: "t", long: "text" },
        { key: "quiet", long: "quiet" },
        { key: "status", long: "status" },
      ]);
      if (!parsed) return 1;
      const digest = (data: Uint8Array) => Array.from(hash(data), hex2).join("");
      let status = 0;
      if (parsed.values.has("c")) {
        let failures = 0;
        for (const listPath of parsed.operands.length === 0 ? ["-"] : parsed.operands) {
          const list = readOperand(ctx, listPath);
          if (list instanceof FsError) {
            fileError(ctx, listPath, list);
            status = 1;
            continue;
          }
          for (const line of splitLines(decode(list))) {
            const match = new RegExp(`^([0-9a-fA-F]{${size * 2}}) [ *](.+)$`).exec(line);
            if (!match) continue;
            const file = match[2] ?? "";
            const data = readOperand(ctx, file);
            if (data instanceof FsError) {
              fileError(ctx, file, data);
              if (!parsed.values.has("status")) out(ctx, `${file}: FAILED open or read\n`);
              status = 1;
              continue;
            }
            const ok = digest(data) === (match[1] ?? "").toLowerCase();
            if (!ok) failures += 1;
            if (!parsed.values.has("status") && !(ok && parsed.values.has("quiet"))) out(ctx, `${file}: ${ok ? "OK" : "FAILED"}\n`);
          }
        }
        if (failures > 0) {
          if (!parsed.values.has("status")) err(ctx, `${name}: WARNING: ${failures} computed checksum${failures === 1 ? "" : "s"} did NOT match`);
          status = 1;
        }
        return status;
      }
      for (const path of parsed.operands.length === 0 ? ["-"] : parsed.operands) {
        const data = readOperand(ctx, path);
        if (data instanceof FsError) {
          fileError(ctx, path, data);
          status = 1;
          continue;
        }
        out(ctx, `${digest(data)} ${parsed.values.has("b") ? "*" : " "}${path}\n`);
      }
      return status;
    },
  };
}

export const encodingCommands: CommandSpec[] = [
  base64,
  xxd,
  hexdump,
  checksum("sha256sum", sha256, 32),
  checksum("sha512sum", sha512, 64),
  checksum("sha1sum", sha1, 20),
  checksum("md5sum", md5, 16),
];
