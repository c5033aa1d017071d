import { joinPath } from "../vfs/paths";
import type { FileSystem } from "../vfs/types";
import { compareCodePoints } from "./glob";

/**
 * Tab completion for the shell: command names where a command starts,
 * `$NAME` variables, file names (directories end in `/`), `fileb://` and
 * `file://` paths, and the `aws` command's words through the CLI's own
 * completer.
 */

/** The word at the cursor: text[start, end) is replaced by one of the candidates. */
export interface Completion {
  start: number;
  end: number;
  candidates: string[];
}

export interface CompletionSources {
  fs: FileSystem;
  /** Builtins, programs and functions. */
  commands: Iterable<string>;
  variables: Iterable<string>;
  /** The CLI's completer: the words after `aws` before the current one, and the current one. */
  completeAws?: (argvSoFar: string[], partial: string) => string[];
}

interface Scanned {
  /** Words of the current command before the one being typed (quotes removed). */
  words: string[];
  /** The word being typed: where it starts, its text as typed and its value. */
  start: number;
  raw: string;
  value: string;
  /** The quote still open in it, if any. */
  quote: "'" | '"' | undefined;
  /** The previous token was a redirection operator (a file name comes next). */
  afterRedirect: boolean;
}

/** Splits the text before the cursor the way the shell would, as far as completion needs. */
function scan(text: string): Scanned {
  const words: string[] = [];
  let start = text.length;
  let value = "";
  let quote: "'" | '"' | undefined;
  let inWord = false;
  let redirectPending = false;
  let wordAfterRedirect = false;
  const finish = () => {
    // A redirection's file name is not one of the command's words.
    if (inWord && !wordAfterRedirect) words.push(value);
    inWord = false;
    value = "";
  };
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? "";
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === "\\" && quote === '"' && index + 1 < text.length) value += text[++index];
      else value += char;
      continue;
    }
    if (char === " " || char === "\t" || char === "\n") {
      finish();
      continue;
    }
    if ("|;&()".includes(char)) {
      finish();
      words.length = 0;
      redirectPending = false;
      continue;
    }
    if (char === "<" || char === ">") {
      finish();
      redirectPending = true;
      continue;
    }
    if (!inWord) {
      inWord = true;
      start = index;
      wordAfterRedirect = redirectPending;
      redirectPending = false;
    }
    if (char === "'" || char === '"') quote = char;
    else if (char === "\\" && index + 1 < text.length) value += text[++index];
    else value += char;
  }
  if (!inWord) return { words, start: text.length, raw: "", value: "", quote: undefined, afterRedirect: redirectPending };
  return { words, start, raw: text.slice(start), value, quote, afterRedirect: wordAfterRedirect };
}

/** Backslash-escapes what the shell would split or expand in an unquoted candidate. */
function escapeWord(text: string): string {
  return text.replace(/([ \t\n'"\\$`|&;()<>*?[\]#!{}])/g, "\\$1");
}

function fileCandidates(fs: FileSystem, typed: string, directoriesOnly = false): string[] {
  const slash = typed.lastIndexOf("/");
  const directory = slash === -1 ? "" : typed.slice(0, slash + 1);
  const base = slash === -1 ? typed : typed.slice(slash + 1);
  const listed = directory === "" ? "." : directory.startsWith("~") ? fs.home + directory.slice(1) : directory;
  let names: string[];
  try {
    names = fs.list(listed);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    if (!name.startsWith(base)) continue;
    if (name.startsWith(".") && !base.startsWith(".")) continue;
    const isDirectory = fs.stat(joinPath(listed, name))?.type === "directory";
    if (directoriesOnly && !isDirectory) continue;
    out.push(directory + name + (isDirectory ? "/" : ""));
  }
  return out.sort(compareCodePoints);
}

export function completeLine(line: string, cursor: number, sources: CompletionSources): Completion | undefined {
  const before = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  const scanned = scan(before);
  const { words, value, quote } = scanned;
  const end = before.length;
  const render = (candidate: string) => {
    if (quote) return `${quote}${candidate}${candidate.endsWith("/") ? "" : quote}`;
    return escapeWord(candidate);
  };
  const result = (candidates: string[], rendered = true): Completion => ({ start: scanned.start, end, candidates: rendered ? candidates.map(render) : candidates });

  // $NAME
  const variable = /^(.*)\$\{?([A-Za-z_][A-Za-z0-9_]*)?$/.exec(value);
  if (variable && !quote?.includes("'") && scanned.raw.includes("$")) {
    const prefix = variable[2] ?? "";
    const braced = scanned.raw.includes("${");
    const names = [...new Set(sources.variables)].filter((name) => name.startsWith(prefix)).sort(compareCodePoints);
    return { start: scanned.start, end, candidates: names.map((name) => `${scanned.raw.slice(0, scanned.raw.lastIndexOf(braced ? "${" : "$"))}${braced ? `\${${name}}` : `$${name}`}`) };
  }

  let first = 0;
  while (first < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[first] ?? "")) first += 1;
  const withoutAssignments = words.slice(first);

  if (scanned.afterRedirect) return result(fileCandidates(sources.fs, value));

  // The word where a command starts: commands (or paths, when it has a slash).
  if (withoutAssignments.length === 0) {
    if (value.includes("/")) return result(fileCandidates(sources.fs, value));
    const names = [...new Set(sources.commands)].filter((name) => name.startsWith(value)).sort(compareCodePoints);
    return result(names);
  }

  const blob = /^(fileb?:\/\/)(.*)$/.exec(value);
  if (blob) return result(fileCandidates(sources.fs, blob[2] ?? "").map((path) => (blob[1] ?? "") + path));

  const command = withoutAssignments[0];
  if ((command === "aws" || command === "/usr/local/bin/aws") && sources.completeAws) {
    const candidates = sources.completeAws(withoutAssignments.slice(1), value);
    // The CLI offers `fileb://` and `file://` as values of blob options: complete files after them.
    return result(candidates);
  }
  if (command === "cd" || command === "pushd" || command === "rmdir") return result(fileCandidates(sources.fs, value, true));
  if (command === "help" || command === "type" || command === "which" || command === "command") {
    return result([...new Set(sources.commands)].filter((name) => name.startsWith(value)).sort(compareCodePoints));
  }
  return result(fileCandidates(sources.fs, value));
}
