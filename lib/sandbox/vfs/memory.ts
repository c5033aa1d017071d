import { dirname, isWithin, resolvePath, segments } from "./paths";
import { FsError, type FileStat, type ShellFileSystem, type WritableFile } from "./types";

/**
 * The learner's files, in memory: a tree of directories and byte files.
 * Every operation checks first and changes afterwards, so a failing call
 * leaves the tree as it was (except a write that fills the file system,
 * which keeps what fitted, as on Linux). `/dev/null` reads as empty and
 * swallows writes, as scripts expect; devices cannot be removed or
 * renamed (EACCES), as for a user who is not root.
 *
 * Linux's limits hold, so that no command can make the tree too big or too
 * deep to save: a name has at most NAME_MAX (255) bytes and a path fewer
 * than PATH_MAX (4096) bytes (ENAMETOOLONG, "File name too long"), and the
 * files hold at most a quota of bytes and of entries, like a small tmpfs
 * (ENOSPC, "No space left on device").
 */

export const DEFAULT_HOME = "/home/learner";
export const DEV_NULL = "/dev/null";
/** Devices that never run dry: read with a byte count (head -c N), written like /dev/null. */
const ENDLESS_DEVICES: ReadonlySet<string> = new Set(["/dev/zero", "/dev/urandom", "/dev/random"]);
/** /dev/null or an endless device: no node in the tree, an empty file to stat, a sink to write. */
const isDevice = (absolute: string) => absolute === DEV_NULL || ENDLESS_DEVICES.has(absolute);

/** Bytes in a path, its terminating NUL included (linux/limits.h). */
export const PATH_MAX = 4096;
/** Bytes in one name (linux/limits.h). */
export const NAME_MAX = 255;

/** How much the learner's files may hold: file bytes, and files plus directories. */
export interface Quota {
  bytes: number;
  entries: number;
}

export const DEFAULT_QUOTA: Quota = { bytes: 64 * 1024 * 1024, entries: 20_000 };

interface FileNode {
  type: "file";
  /** The content is data[0..size); the rest is room to append into. */
  data: Uint8Array;
  size: number;
  modifiedAt: number;
  /** Removed or replaced while a command may still hold it open: writes to it go nowhere. */
  unlinked?: boolean;
}

interface DirectoryNode {
  type: "directory";
  children: Map<string, Node>;
  modifiedAt: number;
}

type Node = FileNode | DirectoryNode;

/** One entry of a listing for snapshots: every directory and file under `/`, parents first. */
export interface FileEntry {
  path: string;
  type: "file" | "directory";
  modifiedAt: number;
  /** File content as bytes (files only). */
  data?: Uint8Array;
}

export interface MemoryFileSystemOptions {
  home?: string;
  /** Simulated time for modification times (ms since the epoch). */
  clock?: () => number;
  /** What the files may hold (DEFAULT_QUOTA unless given). */
  quota?: Quota;
  /** The bytes /dev/urandom and /dev/random give: the session's seeded generator, so that a replay reads the same. */
  random?: (length: number) => Uint8Array;
}

/** UTF-8 length of a string, without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

export class MemoryFileSystem implements ShellFileSystem {
  readonly home: string;
  private quota: Quota;
  private root: DirectoryNode;
  private current: string;
  private readonly clock: () => number;
  private readonly random: ((length: number) => Uint8Array) | undefined;
  private changes = 0;
  private usedBytes = 0;
  private usedEntries = 0;

  constructor(options: MemoryFileSystemOptions = {}) {
    this.clock = options.clock ?? (() => 0);
    this.random = options.random;
    this.quota = options.quota ?? DEFAULT_QUOTA;
    this.home = resolvePath("/", options.home ?? DEFAULT_HOME);
    this.root = this.directory();
    for (const path of ["/tmp", "/dev", this.home]) this.mkdir(path, { parents: true });
    this.current = this.home;
  }

  /** Counts changes to the tree and the working directory, so a saver can tell whether the files need saving again. */
  get revision(): number {
    return this.changes;
  }

  get cwd(): string {
    return this.current;
  }

  /** Bytes and entries (files and directories) in use, against the quota. */
  usage(): { bytes: number; entries: number; quota: Quota } {
    return { bytes: this.usedBytes, entries: this.usedEntries, quota: { ...this.quota } };
  }

  /** Changes what the files may hold; what is there already stays, even over it. */
  setQuota(quota: Quota): void {
    this.quota = { ...quota };
  }

  resolve(path: string): string {
    if (path === "~" || path.startsWith("~/")) return resolvePath(this.home, path.slice(path === "~" ? 1 : 2));
    return resolvePath(this.current, path);
  }

  readFile(path: string, options: { limit?: number } = {}): Uint8Array {
    const absolute = this.resolve(path);
    if (absolute === DEV_NULL) return new Uint8Array(0);
    if (ENDLESS_DEVICES.has(absolute)) {
      if (options.limit === undefined) throw new FsError("EENDLESS", path);
      // More than the files could ever hold is never needed in one read.
      const length = Math.min(options.limit, this.quota.bytes + 1);
      if (absolute === "/dev/zero") return new Uint8Array(length);
      if (!this.random) throw new FsError("ENOENT", path);
      return this.random(length);
    }
    this.checkNames(path, absolute);
    const node = this.lookup(path, absolute);
    if (node.type === "directory") throw new FsError("EISDIR", path);
    return node.data.slice(0, node.size);
  }

  writeFile(path: string, data: Uint8Array, options: { append?: boolean } = {}): void {
    this.changes++;
    const file = this.openNode(path, options.append === true);
    if (file) this.append(file, data, path);
  }

  open(path: string, options: { append?: boolean } = {}): WritableFile {
    this.changes++;
    const file = this.openNode(path, options.append === true);
    return { write: (data) => (file ? this.append(file, data, path) : undefined) };
  }

  stat(path: string): FileStat | undefined {
    if (path === "") return undefined;
    const absolute = this.resolve(path);
    if (isDevice(absolute)) return { type: "file", size: 0, modifiedAt: 0 };
    const node = this.find(absolute);
    // "file.txt/" names a directory, which a file is not (stat fails with ENOTDIR).
    if (!node || (node.type === "file" && path.endsWith("/"))) return undefined;
    return { type: node.type, size: node.type === "file" ? node.size : 4096, modifiedAt: node.modifiedAt };
  }

  list(path: string): string[] {
    const absolute = this.resolve(path);
    this.checkNames(path, absolute);
    const node = this.lookup(path, absolute);
    if (node.type !== "directory") throw new FsError("ENOTDIR", path);
    const names = [...node.children.keys()];
    if (absolute === "/dev") names.push("null", "random", "urandom", "zero");
    return names.sort();
  }

  /**
   * Makes a directory. With `parents`, makes each missing directory of the
   * path in turn, as coreutils' mkdir -p does; an error names the part of
   * the path (as given) where it stopped, and what was made before stays.
   */
  mkdir(path: string, options: { parents?: boolean } = {}): void {
    this.changes++;
    if (options.parents) return this.mkdirParents(path);
    const absolute = this.resolve(path);
    this.checkNames(path, absolute);
    if (absolute === "/" || isDevice(absolute)) throw new FsError("EEXIST", path);
    const parent = this.parentOf(path, absolute);
    const name = absolute.slice(absolute.lastIndexOf("/") + 1);
    if (parent.children.has(name)) throw new FsError("EEXIST", path);
    this.createDirectory(parent, name, path);
  }

  remove(path: string, options: { recursive?: boolean } = {}): void {
    this.changes++;
    const absolute = this.resolve(path);
    // The learner is not root: /dev and its devices stay (rm /dev/null: Permission denied).
    if (isDevice(absolute) || absolute === "/dev") throw new FsError("EACCES", path);
    this.checkNames(path, absolute);
    const node = this.lookup(path, absolute);
    if (absolute === "/") throw new FsError("EINVAL", path);
    if (node.type === "directory") {
      if (!options.recursive) throw new FsError("EISDIR", path);
      if (isWithin(this.current, absolute)) this.current = dirname(absolute);
    }
    const parent = this.parentOf(path, absolute);
    parent.children.delete(absolute.slice(absolute.lastIndexOf("/") + 1));
    this.release(node);
    parent.modifiedAt = this.clock();
  }

  rename(from: string, to: string): void {
    this.changes++;
    const source = this.resolve(from);
    const target = this.resolve(to);
    if (isDevice(source) || source === "/dev") throw new FsError("EACCES", from);
    if (isDevice(target)) throw new FsError("EACCES", to);
    this.checkNames(from, source);
    this.checkNames(to, target);
    const node = this.lookup(from, source);
    if (source === "/") throw new FsError("EINVAL", from);
    if (node.type === "directory" && isWithin(target, source) && target !== source) throw new FsError("EINVAL", to);
    const targetParent = this.parentOf(to, target);
    const targetName = target.slice(target.lastIndexOf("/") + 1);
    const existing = targetParent.children.get(targetName);
    if (source === target) return;
    if (existing) {
      if (existing.type === "directory" && node.type !== "directory") throw new FsError("EISDIR", to);
      if (existing.type !== "directory" && node.type === "directory") throw new FsError("ENOTDIR", to);
      if (existing.type === "directory" && existing.children.size > 0) throw new FsError("ENOTEMPTY", to);
    }
    // Everything inside a moved directory must still have a path shorter than PATH_MAX.
    if (node.type === "directory" && utf8Length(target) + deepestSuffix(node) >= PATH_MAX) throw new FsError("ENAMETOOLONG", to);
    const sourceParent = this.parentOf(from, source);
    const now = this.clock();
    sourceParent.children.delete(source.slice(source.lastIndexOf("/") + 1));
    if (existing) this.release(existing);
    targetParent.children.set(targetName, node);
    sourceParent.modifiedAt = now;
    targetParent.modifiedAt = now;
    if (node.type === "directory" && isWithin(this.current, source)) this.current = target + this.current.slice(source.length);
  }

  chdir(path: string): void {
    this.changes++;
    const absolute = this.resolve(path);
    this.checkNames(path, absolute);
    const node = this.lookup(path, absolute);
    if (node.type !== "directory") throw new FsError("ENOTDIR", path);
    this.current = absolute;
  }

  /** Every directory and file, parents before children, names sorted (for snapshots). */
  entries(): FileEntry[] {
    const out: FileEntry[] = [];
    // An explicit stack: the tree may be deeper than the call stack allows.
    const stack: { node: DirectoryNode; path: string; names: string[]; next: number }[] = [{ node: this.root, path: "/", names: [...this.root.children.keys()].sort(), next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as (typeof stack)[number];
      const name = top.names[top.next++];
      if (name === undefined) {
        stack.pop();
        continue;
      }
      const child = top.node.children.get(name);
      if (!child) continue;
      const childPath = top.path === "/" ? `/${name}` : `${top.path}/${name}`;
      if (child.type === "file") out.push({ path: childPath, type: "file", modifiedAt: child.modifiedAt, data: child.data.slice(0, child.size) });
      else {
        out.push({ path: childPath, type: "directory", modifiedAt: child.modifiedAt });
        stack.push({ node: child, path: childPath, names: [...child.children.keys()].sort(), next: 0 });
      }
    }
    return out;
  }

  /**
   * Replaces the whole tree (and the working directory) with `entries`, which
   * must list parents before children. Builds the new tree aside first, so a
   * bad listing throws and changes nothing. The quota is not applied: a
   * session saved under a larger quota comes back whole (and cannot grow).
   */
  replaceAll(entries: readonly FileEntry[], cwd: string): void {
    this.changes++;
    const scratch = new MemoryFileSystem({ home: this.home, clock: this.clock, quota: { bytes: Infinity, entries: Infinity } });
    scratch.root = scratch.directory();
    // Directories by path, so that each entry finds its parent at once however deep it is.
    const directories = new Map<string, DirectoryNode>([["/", scratch.root]]);
    for (const entry of entries) {
      if (!isNormalAbsolute(entry.path)) throw new FsError("EINVAL", entry.path);
      const parent = directories.get(dirname(entry.path));
      if (!parent) throw new FsError("ENOENT", entry.path);
      const name = entry.path.slice(entry.path.lastIndexOf("/") + 1);
      if (parent.children.has(name)) throw new FsError("EEXIST", entry.path);
      const data = entry.type === "file" ? (entry.data ?? new Uint8Array(0)).slice() : undefined;
      const node: Node = data ? { type: "file", data, size: data.length, modifiedAt: entry.modifiedAt } : { type: "directory", children: new Map(), modifiedAt: entry.modifiedAt };
      parent.children.set(name, node);
      if (node.type === "directory") directories.set(entry.path, node);
    }
    for (const path of ["/tmp", "/dev", this.home]) scratch.mkdir(path, { parents: true });
    const target = scratch.find(cwd);
    if (!target || target.type !== "directory") throw new FsError("ENOENT", cwd);
    this.root = scratch.root;
    this.current = cwd;
    const usage = measure(this.root);
    this.usedBytes = usage.bytes;
    this.usedEntries = usage.entries - 1;
  }

  // ---------------------------------------------------------------------------

  private directory(): DirectoryNode {
    return { type: "directory", children: new Map(), modifiedAt: this.clock() };
  }

  private checkNames(path: string, absolute: string): void {
    if (nameTooLong(path, absolute)) throw new FsError("ENAMETOOLONG", path);
  }

  private mkdirParents(path: string): void {
    // Each prefix of the path as given, as coreutils makes them: "a", "a/b", "a/b/c".
    const pieces = path.split("/");
    let prefix = "";
    for (let index = 0; index < pieces.length; index++) {
      const piece = pieces[index] as string;
      prefix = index === 0 ? piece : `${prefix}/${piece}`;
      if (piece === "" || piece === ".") continue;
      const absolute = this.resolve(prefix);
      this.checkNames(prefix, absolute);
      const existing = this.find(absolute);
      const last = pieces.slice(index + 1).every((rest) => rest === "" || rest === ".");
      if (isDevice(absolute)) throw new FsError(last ? "EEXIST" : "ENOTDIR", prefix);
      if (existing) {
        if (existing.type === "file") throw new FsError(last ? "EEXIST" : "ENOTDIR", prefix);
        continue;
      }
      const parent = this.parentOf(prefix, absolute);
      this.createDirectory(parent, absolute.slice(absolute.lastIndexOf("/") + 1), prefix);
    }
  }

  private createDirectory(parent: DirectoryNode, name: string, path: string): void {
    if (this.usedEntries >= this.quota.entries) throw new FsError("ENOSPC", path);
    const now = this.clock();
    parent.children.set(name, this.directory());
    parent.modifiedAt = now;
    this.usedEntries += 1;
  }

  /** The file to write at `path`: created (or truncated unless `append`) here; undefined for /dev/null. */
  private openNode(path: string, append: boolean): FileNode | undefined {
    const absolute = this.resolve(path);
    // Writing to /dev/null, /dev/zero or /dev/urandom is accepted and goes nowhere, as on Linux.
    if (isDevice(absolute)) return undefined;
    if (absolute === "/") throw new FsError("EISDIR", path);
    this.checkNames(path, absolute);
    const parent = this.parentOf(path, absolute);
    const name = absolute.slice(absolute.lastIndexOf("/") + 1);
    const existing = parent.children.get(name);
    if (existing?.type === "directory") throw new FsError("EISDIR", path);
    const now = this.clock();
    if (existing) {
      if (!append) {
        // Truncate in place: a command that has the file open keeps writing into the same file.
        this.usedBytes -= existing.size;
        existing.size = 0;
        existing.data = new Uint8Array(0);
      }
      existing.modifiedAt = now;
      return existing;
    }
    if (this.usedEntries >= this.quota.entries) throw new FsError("ENOSPC", path);
    const file: FileNode = { type: "file", data: new Uint8Array(0), size: 0, modifiedAt: now };
    parent.children.set(name, file);
    parent.modifiedAt = now;
    this.usedEntries += 1;
    return file;
  }

  /** Appends to a file, up to the quota; past it, keeps what fits and throws ENOSPC. */
  private append(file: FileNode, data: Uint8Array, path: string): void {
    if (file.unlinked || data.length === 0) return;
    const room = Math.max(0, this.quota.bytes - this.usedBytes);
    const written = Math.min(room, data.length);
    if (file.size + written > file.data.length) {
      const grown = new Uint8Array(Math.max(file.size + written, Math.min(file.data.length * 2, file.size + written + 16 * 1024 * 1024)));
      grown.set(file.data.subarray(0, file.size));
      file.data = grown;
    }
    file.data.set(data.subarray(0, written), file.size);
    file.size += written;
    this.usedBytes += written;
    file.modifiedAt = this.clock();
    if (written < data.length) throw new FsError("ENOSPC", path, true);
  }

  /** A node leaves the tree: its bytes and entries no longer count, and open files of it write nowhere. */
  private release(node: Node): void {
    const usage = measure(node);
    this.usedBytes -= usage.bytes;
    this.usedEntries -= usage.entries;
    const stack: Node[] = [node];
    while (stack.length > 0) {
      const current = stack.pop() as Node;
      if (current.type === "file") current.unlinked = true;
      else stack.push(...current.children.values());
    }
  }

  private find(absolute: string): Node | undefined {
    let node: Node = this.root;
    for (const part of segments(absolute)) {
      if (node.type !== "directory") return undefined;
      const child: Node | undefined = node.children.get(part);
      if (!child) return undefined;
      node = child;
    }
    return node;
  }

  /** The node at a path, or the error a POSIX call would give (ENOTDIR when a parent is a file). */
  private lookup(path: string, absolute: string): Node {
    // An empty path names no file, as in Linux's system calls: resolving it to the
    // current directory made `rm -rf "$UNSET"` delete the directory the learner was in.
    if (path === "") throw new FsError("ENOENT", path);
    let node: Node = this.root;
    for (const part of segments(absolute)) {
      if (node.type !== "directory") throw new FsError("ENOTDIR", path);
      const child: Node | undefined = node.children.get(part);
      if (!child) throw new FsError("ENOENT", path);
      node = child;
    }
    // "file.txt/" names a directory that is not one.
    if (node.type === "file" && path.endsWith("/")) throw new FsError("ENOTDIR", path);
    return node;
  }

  private parentOf(path: string, absolute: string): DirectoryNode {
    const parent = this.lookup(path, dirname(absolute));
    if (parent.type !== "directory") throw new FsError("ENOTDIR", path);
    return parent;
  }
}

/** "/a/b" and not "a", "/a//b", "/a/./b", "/a/../b" or "/a/": what resolvePath would give back unchanged (without splitting it). */
function isNormalAbsolute(path: string): boolean {
  return path.startsWith("/") && !/\/\/|\/\.\.?(?:\/|$)/.test(path) && (path === "/" || !path.endsWith("/"));
}

/** Whether a path (as given, or resolved) has PATH_MAX bytes or more, or a name over NAME_MAX: ENAMETOOLONG. */
export function nameTooLong(path: string, absolute: string): boolean {
  if (utf8Length(path) >= PATH_MAX || utf8Length(absolute) >= PATH_MAX) return true;
  return path.split("/").some((name) => utf8Length(name) > NAME_MAX) || segments(absolute).some((name) => utf8Length(name) > NAME_MAX);
}

/** Bytes of file content and entries (the node itself included) in a subtree. */
function measure(node: Node): { bytes: number; entries: number } {
  let bytes = 0;
  let entries = 0;
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Node;
    entries += 1;
    if (current.type === "file") bytes += current.size;
    else stack.push(...current.children.values());
  }
  return { bytes, entries };
}

/** The longest "/a/b/c" below a directory, in bytes: what a move adds to the deepest path inside it. */
function deepestSuffix(node: DirectoryNode): number {
  let deepest = 0;
  const stack: { node: Node; length: number }[] = [{ node, length: 0 }];
  while (stack.length > 0) {
    const current = stack.pop() as { node: Node; length: number };
    deepest = Math.max(deepest, current.length);
    if (current.node.type === "directory") {
      for (const [name, child] of current.node.children) stack.push({ node: child, length: current.length + 1 + utf8Length(name) });
    }
  }
  return deepest;
}
