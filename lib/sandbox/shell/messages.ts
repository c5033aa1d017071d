import type { FsErrorCode } from "../vfs/types";

/** The C library's text for each file error, as coreutils and bash print it. */
const FS_MESSAGES: Record<FsErrorCode, string> = {
  ENOENT: "No such file or directory",
  EISDIR: "Is a directory",
  ENOTDIR: "Not a directory",
  EEXIST: "File exists",
  ENOTEMPTY: "Directory not empty",
  EINVAL: "Invalid argument",
  ENAMETOOLONG: "File name too long",
  ENOSPC: "No space left on device",
  EACCES: "Permission denied",
  EENDLESS: "endless device: the sandbox reads it only a given number of bytes at a time (head -c N)",
};

export function fsMessage(code: FsErrorCode): string {
  return FS_MESSAGES[code];
}

/**
 * What a command prints when its standard output is a file it cannot write
 * to (the file system is full), and its exit status, as recorded with the
 * GNU tools on a full tmpfs. Builtins are bash's ("bash: echo: write error:
 * ..."); tools not listed use coreutils' usual form.
 */
export function writeErrorReport(name: string, builtin: boolean, code: FsErrorCode): { message: string; status: number } {
  const reason = fsMessage(code);
  if (builtin) return { message: `bash: ${name}: write error: ${reason}`, status: 1 };
  switch (name) {
    case "jq":
      return { message: `Error: writing output failed: ${reason}`, status: 2 };
    case "sort":
      return { message: `sort: fflush failed: 'standard output': ${reason}\nsort: write error`, status: 2 };
    case "wc":
      return { message: "wc: write error", status: 1 };
    case "grep":
    case "ls":
      return { message: `${name}: write error: ${reason}`, status: 2 };
    case "env":
      return { message: `env: write error: ${reason}`, status: 125 };
    case "xxd":
      return { message: `xxd: ${reason}`, status: 3 };
    case "tee":
      return { message: `tee: 'standard output': ${reason}`, status: 1 };
    default:
      return { message: `${name}: write error: ${reason}`, status: 1 };
  }
}

/**
 * JavaScript's RangeErrors that are the sandbox's own limits, in words a
 * learner can act on. Others (a bad Date, a bad radix) are faults of the
 * sandbox and are reported as such, not as recursion.
 */
export function rangeErrorMessage(error: RangeError): string | undefined {
  if (/call stack/i.test(error.message)) return "maximum recursion depth exceeded (sandbox limit)";
  if (/Invalid (string|array|typed array) length|allocation failed/i.test(error.message)) return "out of memory: a value grew past what the sandbox can hold (sandbox limit)";
  return undefined;
}
