import { dirname, isWithin, resolvePath, segments } from "./paths";
import { FsError, type FileStat, type FileSystem } from "./types";

/**
 * The learner's files, in memory: a tree of directories and byte files.
 * Every operation checks first and changes afterwards, so a failing call
 * leaves the tree as it was. `/dev/null` reads as empty and swallows writes,
 * as scripts expect.
 */

export const DEFAULT_HOME = "/home/learner";
export const DEV_NULL = "/dev/null";

interface FileNode {
  type: "file";
  data: Uint8Array;
  modifiedAt: number;
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
}

export class MemoryFileSystem implements FileSystem {
  readonly home: string;
  private root: DirectoryNode;
  private current: string;
  private readonly clock: () => number;
  private changes = 0;

  constructor(options: MemoryFileSystemOptions = {}) {
    this.clock = options.clock ?? (() => 0);
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

  resolve(path: string): string {
    if (path === "~" || path.startsWith("~/")) return resolvePath(this.home, path.slice(path === "~" ? 1 : 2));
    return resolvePath(this.current, path);
  }

  readFile(path: string): Uint8Array {
    const absolute = this.resolve(path);
    if (absolute === DEV_NULL) return new Uint8Array(0);
    const node = this.lookup(path, absolute);
    if (node.type === "directory") throw new FsError("EISDIR", path);
    return node.data.slice();
  }

  writeFile(path: string, data: Uint8Array, options: { append?: boolean } = {}): void {
    this.changes++;
    const absolute = this.resolve(path);
    if (absolute === DEV_NULL) return;
    if (absolute === "/") throw new FsError("EISDIR", path);
    const parent = this.parentOf(path, absolute);
    const name = absolute.slice(absolute.lastIndexOf("/") + 1);
    const existing = parent.children.get(name);
    if (existing?.type === "directory") throw new FsError("EISDIR", path);
    const now = this.clock();
    const bytes = options.append && existing ? concat(existing.data, data) : data.slice();
    parent.children.set(name, { type: "file", data: bytes, modifiedAt: now });
    parent.modifiedAt = now;
  }

  stat(path: string): FileStat | undefined {
    const absolute = this.resolve(path);
    if (absolute === DEV_NULL) return { type: "file", size: 0, modifiedAt: 0 };
    const node = this.find(absolute);
    // "file.txt/" names a directory, which a file is not (stat fails with ENOTDIR).
    if (!node || (node.type === "file" && path.endsWith("/"))) return undefined;
    return { type: node.type, size: node.type === "file" ? node.data.length : 4096, modifiedAt: node.modifiedAt };
  }

  list(path: string): string[] {
    const absolute = this.resolve(path);
    const node = this.lookup(path, absolute);
    if (node.type !== "directory") throw new FsError("ENOTDIR", path);
    const names = [...node.children.keys()];
    if (absolute === "/dev") names.push("null");
    return names.sort();
  }

  mkdir(path: string, options: { parents?: boolean } = {}): void {
    this.changes++;
    const absolute = this.resolve(path);
    const parts = segments(absolute);
    let node: DirectoryNode = this.root;
    const now = this.clock();
    // Check the whole path before creating anything.
    const missing: number[] = [];
    let probe: Node | undefined = node;
    for (let index = 0; index < parts.length; index++) {
      if (probe === undefined) {
        missing.push(index);
        continue;
      }
      if (probe.type !== "directory") throw new FsError("ENOTDIR", path);
      probe = probe.children.get(parts[index] ?? "");
      if (probe === undefined) missing.push(index);
    }
    if (missing.length === 0) {
      if (options.parents && probe?.type === "directory") return;
      throw new FsError("EEXIST", path);
    }
    if (!options.parents && missing.length > 1) throw new FsError("ENOENT", path);
    for (const part of parts) {
      let child = node.children.get(part);
      if (!child) {
        child = this.directory();
        node.children.set(part, child);
        node.modifiedAt = now;
      }
      if (child.type !== "directory") throw new FsError("ENOTDIR", path);
      node = child;
    }
  }

  remove(path: string, options: { recursive?: boolean } = {}): void {
    this.changes++;
    const absolute = this.resolve(path);
    if (absolute === DEV_NULL) return;
    const node = this.lookup(path, absolute);
    if (absolute === "/") throw new FsError("EINVAL", path);
    if (node.type === "directory") {
      if (!options.recursive) throw new FsError("EISDIR", path);
      if (isWithin(this.current, absolute)) this.current = dirname(absolute);
    }
    const parent = this.parentOf(path, absolute);
    parent.children.delete(absolute.slice(absolute.lastIndexOf("/") + 1));
    parent.modifiedAt = this.clock();
  }

  rename(from: string, to: string): void {
    this.changes++;
    const source = this.resolve(from);
    const target = this.resolve(to);
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
    const sourceParent = this.parentOf(from, source);
    const now = this.clock();
    sourceParent.children.delete(source.slice(source.lastIndexOf("/") + 1));
    targetParent.children.set(targetName, node);
    sourceParent.modifiedAt = now;
    targetParent.modifiedAt = now;
    if (node.type === "directory" && isWithin(this.current, source)) this.current = target + this.current.slice(source.length);
  }

  chdir(path: string): void {
    this.changes++;
    const absolute = this.resolve(path);
    const node = this.lookup(path, absolute);
    if (node.type !== "directory") throw new FsError("ENOTDIR", path);
    this.current = absolute;
  }

  /** Every directory and file, parents before children, names sorted (for snapshots). */
  entries(): FileEntry[] {
    const out: FileEntry[] = [];
    const walk = (node: DirectoryNode, path: string) => {
      for (const name of [...node.children.keys()].sort()) {
        const child = node.children.get(name);
        if (!child) continue;
        const childPath = path === "/" ? `/${name}` : `${path}/${name}`;
        if (child.type === "file") out.push({ path: childPath, type: "file", modifiedAt: child.modifiedAt, data: child.data.slice() });
        else {
          out.push({ path: childPath, type: "directory", modifiedAt: child.modifiedAt });
          walk(child, childPath);
        }
      }
    };
    walk(this.root, "/");
    return out;
  }

  /**
   * Replaces the whole tree (and the working directory) with `entries`, which
   * must list parents before children. Builds the new tree aside first, so a
   * bad listing throws and changes nothing.
   */
  replaceAll(entries: readonly FileEntry[], cwd: string): void {
    this.changes++;
    const scratch = new MemoryFileSystem({ home: this.home, clock: this.clock });
    scratch.root = scratch.directory();
    for (const entry of entries) {
      if (!entry.path.startsWith("/") || resolvePath("/", entry.path) !== entry.path) throw new FsError("EINVAL", entry.path);
      const parent = scratch.find(dirname(entry.path));
      if (!parent || parent.type !== "directory") throw new FsError("ENOENT", entry.path);
      const name = entry.path.slice(entry.path.lastIndexOf("/") + 1);
      if (parent.children.has(name)) throw new FsError("EEXIST", entry.path);
      parent.children.set(
        name,
        entry.type === "file"
          ? { type: "file", data: (entry.data ?? new Uint8Array(0)).slice(), modifiedAt: entry.modifiedAt }
          : { type: "directory", children: new Map(), modifiedAt: entry.modifiedAt },
      );
    }
    for (const path of ["/tmp", "/dev", this.home]) scratch.mkdir(path, { parents: true });
    const target = scratch.find(cwd);
    if (!target || target.type !== "directory") throw new FsError("ENOENT", cwd);
    this.root = scratch.root;
    this.current = cwd;
  }

  // ---------------------------------------------------------------------------

  private directory(): DirectoryNode {
    return { type: "directory", children: new Map(), modifiedAt: this.clock() };
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

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
