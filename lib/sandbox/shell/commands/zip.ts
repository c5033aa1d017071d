import { unzipSync, zipSync, deflateSync, type Zippable } from "fflate";
import { FsError } from "../../vfs/types";
import type { CommandSpec } from "./types";
import { err, options, out } from "./util";

/**
 * zip (Info-ZIP 3.0's messages and exit statuses): packs files into an
 * archive, which Lambda takes as a deployment package. Supported:
 * `zip [-q] [-r] [-j] ARCHIVE FILE...`, adding to or updating an existing
 * archive. Like Info-ZIP, zip prints its warnings and errors on standard
 * output.
 *
 * NOTE: the compression is fflate's deflate, not Info-ZIP's: archives
 * unpack to the same files, but their bytes (and, rarely, a percentage by
 * one) can differ.
 */

/** Info-ZIP's percent(): integer arithmetic, rounded half up, 0 when nothing was saved. */
function percent(original: number, compressed: number): number {
  return original > compressed ? Math.floor((1 + Math.floor((200 * (original - compressed)) / original)) / 2) : 0;
}

interface Entry {
  name: string;
  data: Uint8Array;
  directory: boolean;
  mtime: number;
}

export const zip: CommandSpec = {
  name: "zip",
  summary: "package files into a zip archive",
  help: "zip [-q] [-r] [-j] ARCHIVE FILE...\n    Adds FILEs to ARCHIVE (created if missing; entries of the same name are updated).\n      -r  recurse into directories\n      -j  junk paths: store only the file names\n      -q  quiet",
  run(ctx) {
    const parsed = options(ctx, [
      { key: "q", short: "q", long: "quiet" },
      { key: "r", short: "r", long: "recurse-paths" },
      { key: "j", short: "j", long: "junk-paths" },
    ]);
    if (!parsed) return 16;
    const [archiveArg, ...names] = parsed.operands;
    if (archiveArg === undefined) {
      err(ctx, "zip: the sandbox's zip needs an archive name and the files to add: zip [-qrj] ARCHIVE FILE...");
      return 16;
    }
    // Info-ZIP adds .zip to a name without an extension.
    const archive = archiveArg.slice(archiveArg.lastIndexOf("/") + 1).includes(".") ? archiveArg : `${archiveArg}.zip`;
    const fs = ctx.shell.fs;
    const quiet = parsed.values.has("q");
    const recurse = parsed.values.has("r");
    const junk = parsed.values.has("j");

    const entries: Entry[] = [];
    const visit = (path: string): boolean => {
      const stat = fs.stat(path);
      if (!stat) return false;
      const name = junk ? path.slice(path.lastIndexOf("/") + 1) : path.replace(/^\.\//, "").replace(/^\/+/, "");
      if (stat.type === "directory") {
        if (!junk) entries.push({ name: name.endsWith("/") ? name : `${name}/`, data: new Uint8Array(), directory: true, mtime: stat.modifiedAt });
        if (recurse) for (const child of fs.list(path)) visit(`${path.replace(/\/+$/, "")}/${child}`);
        return true;
      }
      ctx.shell.checkTime();
      entries.push({ name, data: fs.readFile(path), directory: false, mtime: stat.modifiedAt });
      return true;
    };
    for (const name of names) if (!visit(name)) out(ctx, `\tzip warning: name not matched: ${name}\n`);

    let existing: Record<string, Uint8Array> = {};
    const archiveStat = fs.stat(archive);
    if (archiveStat) {
      try {
        existing = unzipSync(fs.readFile(archive));
      } catch {
        out(ctx, `\nzip error: Zip file structure invalid (${archive})\n`);
        return 3;
      }
    }
    if (entries.length === 0) {
      out(ctx, `\nzip error: Nothing to do! (${archive})\n`);
      return 12;
    }

    const files: Zippable = {};
    for (const [name, data] of Object.entries(existing)) files[name] = [data, { level: name.endsWith("/") ? 0 : 6 }];
    for (const entry of entries) {
      const packed = entry.directory ? entry.data : deflateSync(entry.data, { level: 6 });
      const stored = entry.directory || packed.length >= entry.data.length;
      if (!quiet) out(ctx, `${entry.name in existing ? "updating" : "  adding"}: ${entry.name} (${stored ? "stored 0%" : `deflated ${percent(entry.data.length, packed.length)}%`})\n`);
      files[entry.name] = [entry.data, { level: stored ? 0 : 6, mtime: new Date(entry.mtime) }];
    }
    try {
      fs.writeFile(archive, zipSync(files));
    } catch (error) {
      if (!(error instanceof FsError)) throw error;
      out(ctx, `\nzip I/O error: No such file or directory\n\nzip error: Could not create output file (${archive})\n`);
      return 15;
    }
    return 0;
  },
};
