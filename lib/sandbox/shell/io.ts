import type { FsErrorCode } from "../vfs/types";
import { CpuBudget } from "./cpu-budget";

/**
 * Bytes between commands. Pipes, redirects and command output carry
 * Uint8Array end to end, so `aws ... | base64 --decode > encrypted.txt`
 * keeps binary data intact; text is UTF-8 only where a command treats it so.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const encode = (text: string): Uint8Array => encoder.encode(text);
export const decode = (bytes: Uint8Array): string => decoder.decode(bytes);

/** Bytes as Latin-1 text (one character per byte): for byte-wise tools like `tr` and `xxd`. */
export function latin1(bytes: Uint8Array): string {
  let out = "";
  for (let start = 0; start < bytes.length; start += 8192) out += String.fromCharCode(...bytes.subarray(start, start + 8192));
  return out;
}

export function fromLatin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) out[index] = text.charCodeAt(index) & 0xff;
  return out;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const part of parts) size += part.length;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Thrown when a sandbox limit stops the command line (endless loop, runaway output). */
export class LimitExceeded extends Error {
  constructor(message: string) {
    super(message);
  }
}

/** A write to a file failed (the file system is full): the command that wrote reports it in its own words. */
export class WriteError extends Error {
  constructor(readonly code: FsErrorCode) {
    super(code);
  }
}

/** Work allowed to one command line, so that no input can hang the page. */
export interface Budget {
  /** Bytes written to any output (pipes, files, the terminal) so far. */
  bytes: number;
  /** Loop iterations so far. */
  iterations: number;
  /** Commands run so far. */
  commands: number;
  /** CPU time left to the command line. */
  cpu: CpuBudget;
}

export const LIMITS = {
  maxBytes: 16 * 1024 * 1024,
  maxIterations: 10_000,
  maxCommands: 100_000,
  /** Longest value a word or variable may expand to (characters). */
  maxWordLength: 4 * 1024 * 1024,
  maxFunctionDepth: 100,
  maxSubshellDepth: 64,
};

export function newBudget(cpu: CpuBudget = new CpuBudget()): Budget {
  return { bytes: 0, iterations: 0, commands: 0, cpu };
}

/** Where a command writes: the terminal, a pipe (kept here), or a file (written straight through). */
export class Sink {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;

  constructor(
    private readonly budget: Budget,
    /** Sees every write as it happens (the terminal keeps stdout and stderr in the order they were written). */
    private readonly observer?: (bytes: Uint8Array) => void,
    /** A file open for writing: bytes go there instead of being kept; it may throw WriteError. */
    private readonly target?: (bytes: Uint8Array) => void,
  ) {}

  write(data: Uint8Array | string): void {
    const bytes = typeof data === "string" ? encode(data) : data;
    if (bytes.length === 0) return;
    this.budget.cpu.check();
    this.budget.bytes += bytes.length;
    if (this.budget.bytes > LIMITS.maxBytes) throw new LimitExceeded(`output stopped after ${LIMITS.maxBytes / (1024 * 1024)} MiB (sandbox limit)`);
    if (this.target) {
      this.target(bytes);
      return;
    }
    this.chunks.push(bytes);
    this.size += bytes.length;
    this.observer?.(bytes);
  }

  /** Writes past the budget: for the message that says the budget ran out. */
  writeAlways(text: string): void {
    const bytes = encode(text);
    if (this.target) {
      try {
        this.target(bytes);
      } catch (error) {
        // A full file system swallows the message, as it would bash's.
        if (!(error instanceof WriteError)) throw error;
      }
      return;
    }
    this.chunks.push(bytes);
    this.size += bytes.length;
    this.observer?.(bytes);
  }

  get length(): number {
    return this.size;
  }

  bytes(): Uint8Array {
    if (this.chunks.length === 1) return this.chunks[0] ?? new Uint8Array(0);
    const joined = concatBytes(this.chunks);
    this.chunks.length = 0;
    if (joined.length > 0) this.chunks.push(joined);
    return joined;
  }

  /** Takes what was written so far, leaving the sink empty. */
  drain(): Uint8Array {
    const bytes = this.bytes();
    this.chunks.length = 0;
    this.size = 0;
    return bytes;
  }
}

/** What a command reads: a pipe's bytes, a file, a here-document. Reads advance a shared position (`while read`). */
export class Source {
  private position = 0;

  constructor(
    private readonly data: Uint8Array,
    /** Read from a file (`< file`), not a pipe: some tools (wc) lay out their output by the file's size. */
    readonly regularFile = false,
  ) {}

  /** Size of the whole input, read or not. */
  get size(): number {
    return this.data.length;
  }

  static empty(): Source {
    return new Source(new Uint8Array(0));
  }

  /** Everything not read yet. */
  readAll(): Uint8Array {
    const rest = this.data.subarray(this.position);
    this.position = this.data.length;
    return rest;
  }

  /** The next line without its newline, or undefined at the end; `complete` is false when the last line had no newline. */
  readLine(): { line: Uint8Array; complete: boolean } | undefined {
    return this.readUntil(0x0a);
  }

  /** Bytes up to (not including) `delimiter`, which is consumed; undefined at the end. */
  readUntil(delimiter: number): { line: Uint8Array; complete: boolean } | undefined {
    if (this.position >= this.data.length) return undefined;
    const found = this.data.indexOf(delimiter, this.position);
    const end = found === -1 ? this.data.length : found;
    const line = this.data.subarray(this.position, end);
    this.position = found === -1 ? this.data.length : found + 1;
    return { line, complete: found !== -1 };
  }

  /** Up to `count` bytes. */
  read(count: number): Uint8Array {
    const chunk = this.data.subarray(this.position, this.position + count);
    this.position += chunk.length;
    return chunk;
  }
}
