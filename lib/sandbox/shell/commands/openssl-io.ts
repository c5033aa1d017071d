import { utf8 } from "../../core/encoding";
import { FsError } from "../../vfs/types";
import { fsMessage } from "../messages";
import type { CommandContext } from "./types";
import { out, writeOperand } from "./util";

/** What the sandbox's openssl subcommands share: failures with OpenSSL's texts, file input and output. */

/** OpenSSL's error lines carry a thread id; the sandbox prints a fixed one. */
export const THREAD = "40E7D5B9A27F0000";

export class OpensslFailure extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

export function usage(command: string, message: string): never {
  throw new OpensslFailure(`${command}: ${message}\n${command}: Use -help for summary.\n`);
}

export function readFileOrFail(ctx: CommandContext, path: string): Uint8Array {
  try {
    return ctx.shell.fs.readFile(path);
  } catch (error) {
    if (!(error instanceof FsError)) throw error;
    const reason = fsMessage(error.code);
    throw new OpensslFailure(`Can't open "${path}" for reading, ${reason}\n${THREAD}:error:80000002:system library:BIO_new_file:${reason}:../crypto/bio/bss_file.c:67:calling fopen(${path}, rb)\n${THREAD}:error:10000080:BIO routines:BIO_new_file:no such file:../crypto/bio/bss_file.c:75:\n`);
  }
}

export function writeOutput(ctx: CommandContext, path: string | undefined, data: Uint8Array | string): void {
  const bytes = typeof data === "string" ? utf8.encode(data) : data;
  if (path === undefined) out(ctx, bytes);
  else writeOperand(ctx, path, bytes);
}
