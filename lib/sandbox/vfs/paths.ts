/**
 * POSIX path arithmetic on plain strings (the browser has no `node:path`).
 * Paths are resolved lexically: the sandbox has no symbolic links, so
 * `a/../b` and `b` always name the same file.
 */

/** Splits an absolute or relative path into its non-empty segments. */
export function segments(path: string): string[] {
  return path.split("/").filter((part) => part !== "" && part !== ".");
}

/** The absolute, normalised form of `path` seen from directory `from` (absolute). */
export function resolvePath(from: string, path: string): string {
  const parts = path.startsWith("/") ? [] : segments(from);
  for (const part of segments(path)) {
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return "/" + parts.join("/");
}

/** The directory part of an absolute normalised path ("/" for "/" itself). */
export function dirname(path: string): string {
  const index = path.lastIndexOf("/");
  return index <= 0 ? "/" : path.slice(0, index);
}

/** The last segment of a path, as coreutils' basename prints it (trailing slashes ignored). */
export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  if (trimmed === "") return path.startsWith("/") ? "/" : "";
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/** Joins a directory and a name with exactly one slash. */
export function joinPath(directory: string, name: string): string {
  return directory.endsWith("/") ? directory + name : `${directory}/${name}`;
}

/** Whether `path` is `ancestor` or lies inside it (both absolute and normalised). */
export function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || ancestor === "/" || path.startsWith(ancestor + "/");
}
