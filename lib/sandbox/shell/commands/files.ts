import { basename as pathBasename, dirname as pathDirname, isWithin, joinPath } from "../../vfs/paths";
import { nameTooLong } from "../../vfs/memory";
import { FsError, type FileStat } from "../../vfs/types";
import { compareCodePoints } from "../glob";
import { WriteError } from "../io";
import { fsMessage } from "../messages";
import { shellQuote } from "../quote";
import type { CommandContext, CommandSpec } from "./types";
import { eachInput, err, options, out, tryHelp, writeOperand } from "./util";

/** The coreutils that work on files: cat, ls, cp, mv, rm, mkdir, touch ... with GNU's messages. */

/** Why stat found nothing at a path: it does not exist, or its name is too long for Linux to look it up. */
function missing(ctx: CommandContext, path: string): string {
  return fsMessage(nameTooLong(path, ctx.shell.fs.resolve(path)) ? "ENAMETOOLONG" : "ENOENT");
}

const cat: CommandSpec = {
  name: "cat",
  summary: "print files",
  help: "cat [-nbEs] [FILE ...]\n    Prints the files one after the other (standard input when there is none, or for -).\n      -n  number all lines     -b  number non-empty lines\n      -E  show $ at line ends   -s  squeeze repeated empty lines",
  run(ctx) {
    const parsed = options(ctx, [
      { key: "n", short: "n", long: "number" },
      { key: "b", short: "b", long: "number-nonblank" },
      { key: "E", short: "E", long: "show-ends" },
      { key: "s", short: "s", long: "squeeze-blank" },
      { key: "u", short: "u" },
    ]);
    if (!parsed) return 1;
    const number = parsed.values.has("n");
    const nonBlank = parsed.values.has("b");
    const ends = parsed.values.has("E");
    const squeeze = parsed.values.has("s");
    const plain = !number && !nonBlank && !ends && !squeeze;
    let lineNumber = 0;
    let previousBlank = false;
    let failed = false;
    const status = eachInput(ctx, parsed.operands, (data, name) => {
      if (failed) return;
      if (plain) {
        try {
          ctx.stdout.write(data);
        } catch (error) {
          // coreutils 9 copies a file with copy_file_range, so a full file system is reported against the input file.
          if (!(error instanceof WriteError) || name === "-") throw error;
          err(ctx, `cat: ${name}: ${fsMessage(error.code)}`);
          failed = true;
        }
        return;
      }
      const text = new TextDecoder().decode(data);
      const lines = text.split("\n");
      const trailing = lines[lines.length - 1] === "";
      if (trailing) lines.pop();
      let result = "";
      lines.forEach((line, index) => {
        if (index % 1024 === 0) ctx.shell.checkTime();
        const blank = line === "";
        if (squeeze && blank && previousBlank) return;
        previousBlank = blank;
        let prefix = "";
        if (nonBlank ? !blank : number) prefix = `${String(++lineNumber).padStart(6)}\t`;
        const last = index === lines.length - 1 && !trailing;
        result += prefix + line + (last ? "" : (ends ? "$" : "") + "\n");
      });
      ctx.stdout.write(result);
    });
    return failed ? 1 : status;
  },
};

interface Entry {
  /** As shown: the name in a directory listing, the operand as given otherwise. */
  name: string;
  path: string;
  stat: FileStat;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const SIX_MONTHS = (365.2425 / 2) * 24 * 3600 * 1000;

function lsDate(ms: number, now: number): string {
  const date = new Date(ms);
  const month = MONTHS[date.getUTCMonth()] ?? "Jan";
  const day = String(date.getUTCDate()).padStart(2, " ");
  if (Math.abs(now - ms) > SIX_MONTHS || ms > now + 60_000) return `${month} ${day}  ${date.getUTCFullYear()}`;
  return `${month} ${day} ${String(date.getUTCHours()).padStart(2, "0")}:${String(date.getUTCMinutes()).padStart(2, "0")}`;
}

function humanSize(size: number): string {
  if (size < 1024) return String(size);
  const units = ["K", "M", "G", "T"];
  let value = size;
  let unit = "";
  for (const next of units) {
    value /= 1024;
    unit = next;
    if (value < 1024) break;
  }
  return value < 10 ? `${(Math.ceil(value * 10) / 10).toFixed(1)}${unit}` : `${Math.ceil(value)}${unit}`;
}

/**
 * GNU ls's column layout for a terminal 80 characters wide: as many columns
 * as fit, filled top to bottom. Like GNU, it tries at most width / 3 columns
 * (rounded up; a column is at least a name and two spaces), which also keeps
 * a directory of thousands of names from costing millions of steps.
 */
function columns(names: string[], check: () => void, width = 80): string {
  if (names.length === 0) return "";
  const lengths = names.map((name) => [...name].length);
  let best = { cols: 1, rows: names.length, widths: [lengths.reduce((max, length) => Math.max(max, length), 0)] };
  const maxCols = Math.min(Math.max(1, Math.ceil(width / 3)), names.length);
  for (let cols = 2; cols <= maxCols; cols++) {
    check();
    const rows = Math.ceil(names.length / cols);
    if (Math.ceil(names.length / rows) < cols) continue;
    const widths: number[] = [];
    for (let col = 0; col < cols; col++) widths.push(lengths.slice(col * rows, (col + 1) * rows).reduce((max, length) => Math.max(max, length), 0));
    const total = widths.reduce((sum, value) => sum + value, 0) + 2 * (cols - 1);
    if (total < width) best = { cols, rows, widths };
  }
  const lines: string[] = [];
  for (let row = 0; row < best.rows; row++) {
    let line = "";
    for (let col = 0; col < best.cols; col++) {
      const index = col * best.rows + row;
      const name = names[index];
      if (name === undefined) continue;
      const isLast = col === best.cols - 1 || (col + 1) * best.rows + row >= names.length;
      line += isLast ? name : name + " ".repeat((best.widths[col] ?? 0) - (lengths[index] ?? 0) + 2);
    }
    lines.push(line);
  }
  return lines.join("\n") + "\n";
}

const ls: CommandSpec = {
  name: "ls",
  summary: "list files",
  help: "ls [-lah1dtrSF] [FILE ...]\n    Lists the files in each directory (the working directory by default).\n      -l  long format (size, date)   -a  include names starting with .   -A  the same without . and ..\n      -h  sizes like 1.5K            -1  one name per line               -d  list directories themselves\n      -t  newest first  -S  largest first  -r  reverse order  -F  mark directories with /",
  run(ctx) {
    const parsed = options(ctx, [
      { key: "l", short: "l" },
      { key: "a", short: "a", long: "all" },
      { key: "A", short: "A", long: "almost-all" },
      { key: "h", short: "h", long: "human-readable" },
      { key: "1", short: "1" },
      { key: "d", short: "d", long: "directory" },
      { key: "t", short: "t" },
      { key: "S", short: "S" },
      { key: "r", short: "r", long: "reverse" },
      { key: "F", short: "F", long: "classify" },
      { key: "C", short: "C" },
      { key: "color", long: "color", argument: "optional" },
    ]);
    if (!parsed) return 2;
    const has = (key: string) => parsed.values.has(key);
    const fs = ctx.shell.fs;
    const now = ctx.shell.engine.now;
    const long = has("l");
    const oneLine = has("1") || (!ctx.stdoutIsTerminal && !has("C"));
    const show = (name: string) => (ctx.stdoutIsTerminal ? shellQuote(name) : name);
    const display = (entry: Entry) => show(entry.name) + (has("F") && entry.stat.type === "directory" ? "/" : "");
    const sort = (entries: Entry[]) => {
      entries.sort((a, b) => compareCodePoints(a.name, b.name));
      if (has("t")) entries.sort((a, b) => b.stat.modifiedAt - a.stat.modifiedAt);
      if (has("S")) entries.sort((a, b) => b.stat.size - a.stat.size);
      if (has("r")) entries.reverse();
      return entries;
    };
    const render = (entries: Entry[], withTotal: boolean): string => {
      if (!long) return oneLine ? entries.map((entry) => display(entry) + "\n").join("") : columns(entries.map(display), () => ctx.shell.checkTime());
      const sizes = entries.map((entry) => (has("h") ? humanSize(entry.stat.size) : String(entry.stat.size)));
      const links = entries.map((entry) => String(entry.stat.type === "directory" ? 2 + countSubdirectories(entry.path) : 1));
      const sizeWidth = Math.max(0, ...sizes.map((size) => size.length));
      const linkWidth = Math.max(0, ...links.map((link) => link.length));
      const blocks = entries.reduce((sum, entry) => sum + (entry.stat.type === "directory" ? 4 : Math.ceil(entry.stat.size / 4096) * 4), 0);
      const lines = entries.map((entry, index) => {
        const mode = entry.stat.type === "directory" ? "drwxr-xr-x" : "-rw-r--r--";
        return `${mode} ${(links[index] ?? "1").padStart(linkWidth)} learner learner ${(sizes[index] ?? "0").padStart(sizeWidth)} ${lsDate(entry.stat.modifiedAt, now)} ${display(entry)}\n`;
      });
      return (withTotal ? `total ${has("h") ? humanSize(blocks * 1024) : blocks}\n` : "") + lines.join("");
    };
    const countSubdirectories = (path: string): number => {
      try {
        return fs.list(path).filter((name) => fs.stat(joinPath(path, name))?.type === "directory").length;
      } catch {
        return 0;
      }
    };
    const operands = parsed.operands.length === 0 ? ["."] : parsed.operands;
    let status = 0;
    const files: Entry[] = [];
    const directories: Entry[] = [];
    for (const operand of operands) {
      const stat = fs.stat(operand);
      if (!stat) {
        err(ctx, `ls: cannot access '${operand}': ${missing(ctx, operand)}`);
        status = 2;
        continue;
      }
      if (stat.type === "directory" && !has("d")) directories.push({ name: operand, path: operand, stat });
      else files.push({ name: operand, path: operand, stat });
    }
    let output = "";
    if (files.length > 0) output += render(sort(files), false);
    sort(directories);
    directories.forEach((directory, index) => {
      let names: string[];
      try {
        names = fs.list(directory.path);
      } catch (error) {
        if (error instanceof FsError) {
          err(ctx, `ls: cannot open directory '${directory.path}': ${fsMessage(error.code)}`);
          status = 2;
          return;
        }
        throw error;
      }
      const entries: Entry[] = [];
      if (has("a")) {
        for (const special of [".", ".."]) {
          const path = joinPath(directory.path, special);
          const stat = fs.stat(path);
          if (stat) entries.push({ name: special, path, stat });
        }
      }
      for (const name of names) {
        if (name.startsWith(".") && !has("a") && !has("A")) continue;
        const path = joinPath(directory.path, name);
        const stat = fs.stat(path);
        if (stat) entries.push({ name, path, stat });
      }
      const heading = operands.length > 1 || files.length > 0;
      if (heading) output += `${output === "" && index === 0 && files.length === 0 ? "" : "\n"}${show(directory.name)}:\n`;
      output += render(sort(entries), true);
    });
    out(ctx, output);
    return status;
  },
};

function removeOne(ctx: CommandContext, path: string, recursive: boolean, force: boolean, verbose: boolean, emptyDirs: boolean): number {
  const fs = ctx.shell.fs;
  const stat = fs.stat(path);
  if (!stat) {
    if (force) return 0;
    err(ctx, `rm: cannot remove '${path}': ${missing(ctx, path)}`);
    return 1;
  }
  if (/(^|\/)\.\.?\/*$/.test(path)) {
    err(ctx, `rm: refusing to remove '.' or '..' directory: skipping '${path}'`);
    return 1;
  }
  if (stat.type === "directory") {
    if (fs.resolve(path) === "/") {
      err(ctx, "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe");
      return 1;
    }
    if (!recursive) {
      if (emptyDirs && fs.list(path).length === 0) {
        fs.remove(path, { recursive: true });
        if (verbose) out(ctx, `removed directory '${path}'\n`);
        return 0;
      }
      err(ctx, `rm: cannot remove '${path}': Is a directory`);
      return 1;
    }
    if (verbose) {
      const walk = (current: string) => {
        ctx.shell.checkTime();
        for (const name of fs.list(current)) {
          const child = joinPath(current, name);
          if (fs.stat(child)?.type === "directory") walk(child);
          else out(ctx, `removed '${child}'\n`);
        }
        out(ctx, `removed directory '${current}'\n`);
      };
      walk(path);
    }
    return removePath(ctx, path, true);
  }
  if (removePath(ctx, path, false) !== 0) return 1;
  if (verbose) out(ctx, `removed '${path}'\n`);
  return 0;
}

/** Removes a path, or says why it cannot (rm /dev/null: Permission denied, even with -f). */
function removePath(ctx: CommandContext, path: string, recursive: boolean): number {
  try {
    ctx.shell.fs.remove(path, { recursive });
    return 0;
  } catch (error) {
    if (!(error instanceof FsError)) throw error;
    err(ctx, `rm: cannot remove '${path}': ${fsMessage(error.code)}`);
    return 1;
  }
}

const rm: CommandSpec = {
  name: "rm",
  summary: "remove files",
  help: "rm [-rfv] FILE ...\n    Removes files; with -r also directories and everything in them.\n      -f  no error for missing files   -v  say what was removed   -d  remove empty directories",
  run(ctx) {
    const parsed = options(ctx, [
      { key: "r", short: "r", long: "recursive" },
      { key: "r", short: "R" },
      { key: "f", short: "f", long: "force" },
      { key: "i", short: "i" },
      { key: "v", short: "v", long: "verbose" },
      { key: "d", short: "d", long: "dir" },
      { key: "npr", long: "no-preserve-root" },
    ]);
    if (!parsed) return 1;
    const force = parsed.values.has("f");
    if (parsed.operands.length === 0) {
      if (force) return 0;
      err(ctx, `rm: missing operand\n${tryHelp("rm")}`);
      return 1;
    }
    let status = 0;
    for (const path of parsed.operands) status = Math.max(status, removeOne(ctx, path, parsed.values.has("r"), force, parsed.values.has("v"), parsed.values.has("d")));
    return status;
  },
};

const rmdir: CommandSpec = {
  name: "rmdir",
  summary: "remove empty directories",
  help: "rmdir DIR ...\n    Removes each directory, which must be empty.",
  run(ctx) {
    const parsed = options(ctx, [{ key: "p", short: "p", long: "parents" }, { key: "v", short: "v", long: "verbose" }]);
    if (!parsed) return 1;
    if (parsed.operands.length === 0) {
      err(ctx, `rmdir: missing operand\n${tryHelp("rmdir")}`);
      return 1;
    }
    const fs = ctx.shell.fs;
    let status = 0;
    for (const path of parsed.operands) {
      const stat = fs.stat(path);
      const reason = !stat ? missing(ctx, path) : stat.type !== "directory" ? "Not a directory" : fs.list(path).length > 0 ? "Directory not empty" : undefined;
      if (reason) {
        err(ctx, `rmdir: failed to remove '${path}': ${reason}`);
        status = 1;
        continue;
      }
      fs.remove(path, { recursive: true });
    }
    return status;
  },
};

/**
 * Copies a file or (recursively) a directory to `target` (a path that is not
 * an existing directory). Like GNU cp, an entry that cannot be made is
 * reported and the copy goes on with the next; false when anything failed.
 */
function copyTree(ctx: CommandContext, source: string, target: string): boolean {
  ctx.shell.checkTime();
  const fs = ctx.shell.fs;
  const failed = (error: unknown, what: string): false => {
    if (!(error instanceof FsError)) throw error;
    // Data that does not fit: coreutils 9 copies within one file system with copy_file_range, and says so.
    err(ctx, error.whileWriting ? `cp: error copying '${source}' to '${target}': ${fsMessage(error.code)}` : `cp: cannot create ${what} '${target}': ${fsMessage(error.code)}`);
    return false;
  };
  if (fs.stat(source)?.type === "directory") {
    try {
      if (fs.stat(target)?.type !== "directory") fs.mkdir(target);
    } catch (error) {
      return failed(error, "directory");
    }
    let ok = true;
    for (const name of fs.list(source)) ok = copyTree(ctx, joinPath(source, name), joinPath(target, name)) && ok;
    return ok;
  }
  try {
    writeOperand(ctx, target, fs.readFile(source));
  } catch (error) {
    return failed(error, "regular file");
  }
  return true;
}

/** cp and mv share their operand rules: `SRC DEST`, or `SRC ... DIR`. */
function transfer(ctx: CommandContext, mode: "cp" | "mv"): number {
  const parsed = options(ctx, [
    { key: "r", short: "r", long: "recursive" },
    { key: "r", short: "R" },
    { key: "r", short: "a", long: "archive" },
    { key: "f", short: "f", long: "force" },
    { key: "i", short: "i", long: "interactive" },
    { key: "n", short: "n", long: "no-clobber" },
    { key: "v", short: "v", long: "verbose" },
    { key: "p", short: "p" },
    { key: "T", short: "T", long: "no-target-directory" },
  ]);
  if (!parsed) return 1;
  const fs = ctx.shell.fs;
  const operands = parsed.operands;
  if (operands.length === 0) {
    err(ctx, `${mode}: missing file operand\n${tryHelp(mode)}`);
    return 1;
  }
  if (operands.length === 1) {
    err(ctx, `${mode}: missing destination file operand after '${operands[0]}'\n${tryHelp(mode)}`);
    return 1;
  }
  const destination = operands[operands.length - 1] ?? "";
  const sources = operands.slice(0, -1);
  // cp and mv stat the destination first: a name too long for Linux fails there.
  if (nameTooLong(destination, fs.resolve(destination))) {
    err(ctx, `${mode}: cannot stat '${destination}': ${fsMessage("ENAMETOOLONG")}`);
    return 1;
  }
  const destinationIsDirectory = fs.stat(destination)?.type === "directory" && !parsed.values.has("T");
  if (sources.length > 1 && !destinationIsDirectory) {
    err(ctx, `${mode}: target '${destination}' is not a directory`);
    return 1;
  }
  let status = 0;
  for (const source of sources) {
    const stat = fs.stat(source);
    if (!stat) {
      err(ctx, `${mode}: cannot stat '${source}': ${missing(ctx, source)}`);
      status = 1;
      continue;
    }
    if (mode === "cp" && stat.type === "directory" && !parsed.values.has("r")) {
      err(ctx, `cp: -r not specified; omitting directory '${source}'`);
      status = 1;
      continue;
    }
    const target = destinationIsDirectory ? joinPath(destination.replace(/\/+$/, "") || "/", pathBasename(source)) : destination;
    const sourcePath = fs.resolve(source);
    const targetPath = fs.resolve(target);
    if (sourcePath === targetPath) {
      err(ctx, mode === "cp" ? `cp: '${source}' and '${target}' are the same file` : `mv: '${source}' and '${target}' are the same file`);
      status = 1;
      continue;
    }
    if (stat.type === "directory" && isWithin(targetPath, sourcePath)) {
      err(ctx, mode === "cp" ? `cp: cannot copy a directory, '${source}', into itself, '${target}'` : `mv: cannot move '${source}' to a subdirectory of itself, '${target}'`);
      status = 1;
      continue;
    }
    const existing = fs.stat(target);
    if (existing?.type === "directory" && stat.type !== "directory") {
      err(ctx, `${mode}: cannot overwrite directory '${target}' with non-directory`);
      status = 1;
      continue;
    }
    if (existing && existing.type !== "directory" && stat.type === "directory") {
      err(ctx, `${mode}: cannot overwrite non-directory '${target}' with directory '${source}'`);
      status = 1;
      continue;
    }
    if (existing && parsed.values.has("n")) continue;
    const parent = fs.stat(pathDirname(targetPath));
    if (!parent || parent.type !== "directory") {
      const what = stat.type === "directory" ? "directory" : "regular file";
      err(ctx, mode === "cp" ? `cp: cannot create ${what} '${target}': ${parent ? "Not a directory" : "No such file or directory"}` : `mv: cannot move '${source}' to '${target}': ${parent ? "Not a directory" : "No such file or directory"}`);
      status = 1;
      continue;
    }
    try {
      if (mode === "cp") {
        if (!copyTree(ctx, source, target)) {
          status = 1;
          continue;
        }
      } else {
        if (existing?.type === "directory") fs.remove(target, { recursive: true });
        fs.rename(source, target);
      }
    } catch (error) {
      if (error instanceof FsError) {
        // mv names both ends of a failed rename (mv: cannot move 'f' to '': No such file or directory).
        err(ctx, mode === "cp" ? `cp: cannot create '${error.path}': ${fsMessage(error.code)}` : `mv: cannot move '${source}' to '${target}': ${fsMessage(error.code)}`);
        status = 1;
        continue;
      }
      throw error;
    }
    if (parsed.values.has("v")) out(ctx, mode === "cp" ? `'${source}' -> '${target}'\n` : `renamed '${source}' -> '${target}'\n`);
  }
  return status;
}

const cp: CommandSpec = {
  name: "cp",
  summary: "copy files",
  help: "cp [-r] [-v] SOURCE DEST   or   cp [-r] SOURCE ... DIRECTORY\n    Copies files (and with -r directories). -n does not overwrite existing files.",
  run: (ctx) => transfer(ctx, "cp"),
};

const mv: CommandSpec = {
  name: "mv",
  summary: "move or rename files",
  help: "mv [-v] SOURCE DEST   or   mv SOURCE ... DIRECTORY\n    Renames SOURCE to DEST, or moves the sources into DIRECTORY.",
  run: (ctx) => transfer(ctx, "mv"),
};

const touch: CommandSpec = {
  name: "touch",
  summary: "create empty files or update their time",
  help: "touch [-c] FILE ...\n    Creates each FILE if it does not exist (-c: do not create); otherwise sets its time to now.",
  run(ctx) {
    const parsed = options(ctx, [{ key: "c", short: "c", long: "no-create" }, { key: "a", short: "a" }, { key: "m", short: "m" }]);
    if (!parsed) return 1;
    if (parsed.operands.length === 0) {
      err(ctx, `touch: missing file operand\n${tryHelp("touch")}`);
      return 1;
    }
    const fs = ctx.shell.fs;
    let status = 0;
    for (const path of parsed.operands) {
      const stat = fs.stat(path);
      if (stat?.type === "directory") continue;
      if (!stat && parsed.values.has("c")) continue;
      try {
        fs.writeFile(path, stat ? fs.readFile(path) : new Uint8Array(0));
      } catch (error) {
        if (error instanceof FsError) {
          err(ctx, `touch: cannot touch '${path}': ${fsMessage(error.code)}`);
          status = 1;
          continue;
        }
        throw error;
      }
    }
    return status;
  },
};

const mkdir: CommandSpec = {
  name: "mkdir",
  summary: "make directories",
  help: "mkdir [-p] [-v] DIR ...\n    Makes each directory. -p makes missing parents too and is quiet when DIR exists.",
  run(ctx) {
    const parsed = options(ctx, [{ key: "p", short: "p", long: "parents" }, { key: "v", short: "v", long: "verbose" }, { key: "m", short: "m", long: "mode", argument: "required" }]);
    if (!parsed) return 1;
    if (parsed.operands.length === 0) {
      err(ctx, `mkdir: missing operand\n${tryHelp("mkdir")}`);
      return 1;
    }
    const fs = ctx.shell.fs;
    let status = 0;
    for (const path of parsed.operands) {
      // -pv names every directory it creates, parents first (also those made before an error).
      const missing: string[] = [];
      if (parsed.values.has("v") && parsed.values.has("p")) {
        const parts = path.split("/");
        for (let count = 1; count <= parts.length; count++) {
          const prefix = parts.slice(0, count).join("/");
          if (prefix !== "" && parts[count - 1] !== "" && !fs.stat(prefix)) missing.push(prefix);
        }
      }
      let failure: FsError | undefined;
      try {
        fs.mkdir(path, { parents: parsed.values.has("p") });
        if (parsed.values.has("v") && !parsed.values.has("p")) out(ctx, `mkdir: created directory '${path}'\n`);
      } catch (error) {
        if (!(error instanceof FsError)) throw error;
        failure = error;
      }
      for (const created of missing) if (fs.stat(created)) out(ctx, `mkdir: created directory '${created}'\n`);
      if (failure) {
        // With -p the message names the part of the path where mkdir stopped.
        err(ctx, `mkdir: cannot create directory ‘${failure.path}’: ${fsMessage(failure.code)}`);
        status = 1;
      }
    }
    return status;
  },
};

const chmod: CommandSpec = {
  name: "chmod",
  summary: "change permissions (accepted, no effect)",
  help: "chmod MODE FILE ...\n    Accepted so that scripts run, but the sandbox has no permission bits: every file is\n    readable, writable and executable by you.",
  run(ctx) {
    const operands = ctx.args.filter((arg) => !/^-[Rvcf]+$/.test(arg));
    if (operands.length === 0) {
      err(ctx, `chmod: missing operand\n${tryHelp("chmod")}`);
      return 1;
    }
    if (operands.length === 1) {
      err(ctx, `chmod: missing operand after '${operands[0]}'\n${tryHelp("chmod")}`);
      return 1;
    }
    let status = 0;
    for (const path of operands.slice(1)) {
      if (!ctx.shell.fs.stat(path)) {
        err(ctx, `chmod: cannot access '${path}': ${missing(ctx, path)}`);
        status = 1;
      }
    }
    return status;
  },
};

const basename: CommandSpec = {
  name: "basename",
  summary: "strip the directory from a path",
  help: "basename PATH [SUFFIX]\n    Prints PATH without its directory (and without SUFFIX if it ends with it).",
  run(ctx) {
    const parsed = options(ctx, [{ key: "a", short: "a", long: "multiple" }, { key: "s", short: "s", long: "suffix", argument: "required" }]);
    if (!parsed) return 1;
    if (parsed.operands.length === 0) {
      err(ctx, `basename: missing operand\n${tryHelp("basename")}`);
      return 1;
    }
    const multiple = parsed.values.has("a") || parsed.values.has("s");
    const suffix = parsed.values.get("s")?.[0] ?? (multiple ? undefined : parsed.operands[1]);
    if (!multiple && parsed.operands.length > 2) {
      err(ctx, `basename: extra operand '${parsed.operands[2]}'\n${tryHelp("basename")}`);
      return 1;
    }
    for (const path of multiple ? parsed.operands : parsed.operands.slice(0, 1)) {
      let name = pathBasename(path);
      if (suffix && name.endsWith(suffix) && name !== suffix) name = name.slice(0, -suffix.length);
      out(ctx, `${name}\n`);
    }
    return 0;
  },
};

const dirname: CommandSpec = {
  name: "dirname",
  summary: "strip the last part of a path",
  help: "dirname PATH ...\n    Prints PATH without its last component (. when there is no directory).",
  run(ctx) {
    if (ctx.args.length === 0) {
      err(ctx, `dirname: missing operand\n${tryHelp("dirname")}`);
      return 1;
    }
    for (const path of ctx.args) {
      const trimmed = path.replace(/\/+$/, "");
      if (trimmed === "") {
        out(ctx, path.startsWith("/") ? "/\n" : ".\n");
        continue;
      }
      const index = trimmed.lastIndexOf("/");
      out(ctx, index === -1 ? ".\n" : `${trimmed.slice(0, index).replace(/\/+$/, "") || "/"}\n`);
    }
    return 0;
  },
};

const tee: CommandSpec = {
  name: "tee",
  summary: "copy standard input to files and standard output",
  help: "tee [-a] FILE ...\n    Copies standard input to standard output and to each FILE (-a appends).",
  run(ctx) {
    const parsed = options(ctx, [{ key: "a", short: "a", long: "append" }, { key: "i", short: "i" }]);
    if (!parsed) return 1;
    const data = ctx.stdin.readAll();
    let status = 0;
    for (const path of parsed.operands) {
      try {
        writeOperand(ctx, path, data, { append: parsed.values.has("a") });
      } catch (error) {
        if (error instanceof FsError) {
          err(ctx, `tee: ${path}: ${fsMessage(error.code)}`);
          status = 1;
          continue;
        }
        throw error;
      }
    }
    ctx.stdout.write(data);
    return status;
  },
};

export const fileCommands: CommandSpec[] = [cat, ls, rm, rmdir, cp, mv, touch, mkdir, chmod, basename, dirname, tee];
