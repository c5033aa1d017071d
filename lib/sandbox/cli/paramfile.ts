/**
 * `file://` and `fileb://` parameter values, read from the sandbox's files:
 * file:// as text (UTF-8, universal newlines), fileb:// as raw bytes, with
 * the CLI's messages (`Unable to load paramfile fileb://nofile.txt: [Errno 2]
 * No such file or directory: 'nofile.txt'`).
 */
import { FsError, type FileSystem } from "../vfs/types";
import { utf8DecodeStrict } from "./python/base64";
import { strRepr } from "./python/values";

export class ResourceLoadingError extends Error {}

export interface FileAccess {
  fs: FileSystem;
  env: Readonly<Record<string, string>>;
  stdin: Uint8Array;
}

/** os.path.expanduser then os.path.expandvars, as get_file applies them (in that order: expandvars(expanduser(p))). */
function expandPath(path: string, access: FileAccess): string {
  let expanded = path;
  if (expanded === "~" || expanded.startsWith("~/")) expanded = (access.env.HOME ?? access.fs.home) + expanded.slice(1);
  return expanded.replace(/\$(\w+)|\$\{([^}]*)\}/g, (whole, bare: string | undefined, braced: string | undefined) => {
    const name = bare ?? braced ?? "";
    return Object.prototype.hasOwnProperty.call(access.env, name) ? access.env[name]! : whole;
  });
}

const ERRNO: Record<string, [number, string]> = {
  ENOENT: [2, "No such file or directory"],
  EISDIR: [21, "Is a directory"],
  ENOTDIR: [20, "Not a directory"],
  EINVAL: [22, "Invalid argument"],
  EEXIST: [17, "File exists"],
  ENOTEMPTY: [39, "Directory not empty"],
};

function readBytes(filePath: string, access: FileAccess): Uint8Array {
  if (filePath === "/dev/stdin") return access.stdin;
  if (filePath === "") throw new FsError("ENOENT", filePath);
  return access.fs.readFile(filePath);
}

function read(prefix: "file://" | "fileb://", path: string, access: FileAccess): string | Uint8Array {
  const filePath = expandPath(path.slice(prefix.length), access);
  let bytes: Uint8Array;
  try {
    bytes = readBytes(filePath, access);
  } catch (error) {
    if (error instanceof FsError) {
      const [errno, text] = ERRNO[error.code] ?? [5, "Input/output error"];
      throw new ResourceLoadingError(`Unable to load paramfile ${path}: [Errno ${errno}] ${text}: ${strRepr(filePath)}`);
    }
    throw error;
  }
  if (prefix === "fileb://") return bytes;
  const text = utf8DecodeStrict(bytes);
  if (text === null) {
    throw new ResourceLoadingError(
      `Unable to load paramfile (${filePath}), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.`,
    );
  }
  // Text mode reads with universal newlines.
  return text.replace(/\r\n?/g, "\n");
}

/** The loaded value for a file:// or fileb:// value, or null for any other value. */
export function getParamfile(value: unknown, access: FileAccess): string | Uint8Array | null {
  if (typeof value !== "string") return null;
  let data: string | Uint8Array | null = null;
  // Both prefixes are tried in order, as get_paramfile loops over its map.
  if (value.startsWith("file://")) data = read("file://", value, access);
  if (value.startsWith("fileb://")) data = read("fileb://", value, access);
  return data;
}
