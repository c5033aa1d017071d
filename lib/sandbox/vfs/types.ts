/**
 * The learner's files in the sandbox (plaintext.txt, encrypted.txt, ...):
 * a small in-memory POSIX-like file system, binary-safe, kept with the
 * sandbox's snapshot so that `fileb://` and redirects work as on a real
 * machine. (Contract shared by the shell and the aws command.)
 */
export type FsErrorCode = "ENOENT" | "EISDIR" | "ENOTDIR" | "EEXIST" | "ENOTEMPTY" | "EINVAL" | "ENAMETOOLONG" | "ENOSPC"
  /** Removing or renaming a device, or /dev itself: the learner is not root. */
  | "EACCES"
  /** NOTE: not a Linux error: an endless device (/dev/zero, /dev/urandom) read to its end, which the sandbox cannot do. */
  | "EENDLESS";

export class FsError extends Error {
  override readonly name = "FsError";
  constructor(
    readonly code: FsErrorCode,
    /** The path as the caller gave it (messages quote it that way). */
    readonly path: string,
    /** ENOSPC while writing data, after the file was created (cp says "error writing", not "cannot create"). */
    readonly whileWriting = false,
  ) {
    super(`${code}: ${path}`);
  }
}

/** A file open for writing: what a redirection writes goes straight into it. */
export interface WritableFile {
  /** Appends bytes; throws FsError ENOSPC (after writing what fits) when the file system is full. */
  write(data: Uint8Array): void;
}

export interface FileStat {
  type: "file" | "directory";
  size: number;
  /** ms since the epoch, simulated time. */
  modifiedAt: number;
}

export interface FileSystem {
  /** Current working directory (absolute). */
  readonly cwd: string;
  /** Home directory; `~` expands to it. */
  readonly home: string;
  /** Absolute, normalised form of `path`, relative paths taken from cwd. */
  resolve(path: string): string;
  /**
   * Throws FsError ENOENT / EISDIR. `limit`: the most bytes the caller will use
   * (head -c N); an endless device (/dev/zero, /dev/urandom) can only be read with one.
   */
  readFile(path: string, options?: { limit?: number }): Uint8Array;
  /** Creates or replaces (or appends to) a file; the parent directory must exist (ENOENT otherwise). */
  writeFile(path: string, data: Uint8Array, options?: { append?: boolean }): void;
  stat(path: string): FileStat | undefined;
  /** Names in a directory, sorted. Throws ENOENT / ENOTDIR. */
  list(path: string): string[];
  mkdir(path: string, options?: { parents?: boolean }): void;
  remove(path: string, options?: { recursive?: boolean }): void;
  rename(from: string, to: string): void;
  chdir(path: string): void;
}

/** The file system the shell needs: also files held open while a command writes to them (`> file`). */
export interface ShellFileSystem extends FileSystem {
  /** Creates or truncates (or, with `append`, opens for appending) a file and returns it open for writing. */
  open(path: string, options?: { append?: boolean }): WritableFile;
}
