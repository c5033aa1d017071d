import { describe, expect, it } from "vitest";
import { FsError, MemoryFileSystem, restoreFiles, snapshotFiles } from "@/lib/sandbox/vfs";

/** The learner's files: an in-memory, binary-safe POSIX-like tree. */

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

function fsError(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof FsError) return `${error.code} ${error.path}`;
    throw error;
  }
  return "no error";
}

describe("MemoryFileSystem", () => {
  it("starts in /home/learner with /tmp and the devices /dev/null, /dev/zero and /dev/urandom", () => {
    const fs = new MemoryFileSystem();
    expect([fs.cwd, fs.home]).toEqual(["/home/learner", "/home/learner"]);
    expect(fs.stat("/tmp")?.type).toBe("directory");
    expect(fs.list("/dev")).toEqual(["null", "random", "urandom", "zero"]);
  });

  it("resolves relative paths, . and .., and ~", () => {
    const fs = new MemoryFileSystem();
    expect(fs.resolve("a/./b/../c")).toBe("/home/learner/a/c");
    expect(fs.resolve("/x/../../y")).toBe("/y");
    expect(fs.resolve("~/k")).toBe("/home/learner/k");
  });

  it("writes, appends and reads bytes exactly", () => {
    const fs = new MemoryFileSystem({ clock: () => 42 });
    const binary = Uint8Array.from([0, 255, 10, 13, 128]);
    fs.writeFile("b", binary);
    fs.writeFile("b", Uint8Array.from([7]), { append: true });
    expect(Array.from(fs.readFile("b"))).toEqual([0, 255, 10, 13, 128, 7]);
    expect(fs.stat("b")).toEqual({ type: "file", size: 6, modifiedAt: 42 });
  });

  it("gives copies, so callers cannot change stored files", () => {
    const fs = new MemoryFileSystem();
    const data = bytes("abc");
    fs.writeFile("f", data);
    data[0] = 0;
    fs.readFile("f")[1] = 0;
    expect(text(fs.readFile("f"))).toBe("abc");
  });

  it("fails as POSIX calls fail", () => {
    const fs = new MemoryFileSystem();
    fs.writeFile("file", bytes("x"));
    expect(fsError(() => fs.readFile("nope"))).toBe("ENOENT nope");
    expect(fsError(() => fs.readFile("/tmp"))).toBe("EISDIR /tmp");
    expect(fsError(() => fs.writeFile("missing/f", bytes("")))).toBe("ENOENT missing/f");
    expect(fsError(() => fs.writeFile("file/f", bytes("")))).toBe("ENOTDIR file/f");
    expect(fsError(() => fs.list("file"))).toBe("ENOTDIR file");
    expect(fsError(() => fs.mkdir("file"))).toBe("EEXIST file");
    expect(fsError(() => fs.mkdir("a/b"))).toBe("ENOENT a/b");
    expect(fsError(() => fs.remove("/tmp"))).toBe("EISDIR /tmp");
    expect(fsError(() => fs.chdir("file"))).toBe("ENOTDIR file");
    expect(fs.stat("file/")).toBeUndefined();
  });

  it("makes parents with mkdir -p, and accepts existing directories then", () => {
    const fs = new MemoryFileSystem();
    fs.mkdir("a/b/c", { parents: true });
    fs.mkdir("a/b", { parents: true });
    expect(fs.list("a/b")).toEqual(["c"]);
  });

  it("renames files and directories, refusing to move a directory into itself", () => {
    const fs = new MemoryFileSystem();
    fs.mkdir("d/e", { parents: true });
    fs.writeFile("d/e/f", bytes("1"));
    fs.rename("d", "moved");
    expect(text(fs.readFile("moved/e/f"))).toBe("1");
    expect(fsError(() => fs.rename("moved", "moved/e/x"))).toBe("EINVAL moved/e/x");
  });

  it("leaves a removed working directory for its parent", () => {
    const fs = new MemoryFileSystem();
    fs.mkdir("w");
    fs.chdir("w");
    fs.remove("/home/learner/w", { recursive: true });
    expect(fs.cwd).toBe("/home/learner");
  });

  it("/dev/null swallows writes and reads empty", () => {
    const fs = new MemoryFileSystem();
    fs.writeFile("/dev/null", bytes("gone"));
    expect(fs.readFile("/dev/null").length).toBe(0);
  });
});

describe("file snapshots", () => {
  it("round-trip every file, binary ones too, and the working directory", () => {
    const fs = new MemoryFileSystem({ clock: () => 5 });
    fs.mkdir("d");
    fs.writeFile("d/bin", Uint8Array.from([0, 1, 254, 255]));
    fs.chdir("d");
    const snapshot = JSON.parse(JSON.stringify(snapshotFiles(fs)));
    expect(snapshot.entries).toContainEqual({ path: "/home/learner/d/bin", type: "file", modifiedAt: 5, base64: "AAH+/w==" });
    const copy = new MemoryFileSystem();
    restoreFiles(copy, snapshot);
    expect(Array.from(copy.readFile("/home/learner/d/bin"))).toEqual([0, 1, 254, 255]);
    expect(copy.cwd).toBe("/home/learner/d");
  });

  it("refuse damaged snapshots and change nothing", () => {
    const fs = new MemoryFileSystem();
    fs.writeFile("keep", bytes("me"));
    const good = snapshotFiles(fs);
    expect(() => restoreFiles(fs, { ...good, entries: [{ path: "/x", type: "file", modifiedAt: 0, base64: "!!" }] })).toThrow("not valid base64");
    expect(() => restoreFiles(fs, { ...good, entries: [{ path: "/a/b", type: "file", modifiedAt: 0, base64: "" }] })).toThrow();
    expect(() => restoreFiles(fs, { ...good, format: "other" })).toThrow();
    expect(text(fs.readFile("keep"))).toBe("me");
  });
});
