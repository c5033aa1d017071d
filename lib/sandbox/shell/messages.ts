import type { FsErrorCode } from "../vfs/types";

/** The C library's text for each file error, as coreutils and bash print it. */
const FS_MESSAGES: Record<FsErrorCode, string> = {
  ENOENT: "No such file or directory",
  EISDIR: "Is a directory",
  ENOTDIR: "Not a directory",
  EEXIST: "File exists",
  ENOTEMPTY: "Directory not empty",
  EINVAL: "Invalid argument",
};

export function fsMessage(code: FsErrorCode): string {
  return FS_MESSAGES[code];
}
