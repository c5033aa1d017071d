/**
 * POSIX character classes (`[[:alpha:]]`, ...) as JavaScript character-class
 * ranges, shared by shell patterns and regular expressions. Looked up by own
 * keys only, so a name such as `constructor` is simply not a class.
 */
const POSIX_CLASSES: Record<string, string> = {
  alpha: "a-zA-Z",
  digit: "0-9",
  alnum: "a-zA-Z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  xdigit: "0-9A-Fa-f",
  cntrl: "\\x00-\\x1f\\x7f",
  print: "\\x20-\\x7e",
  graph: "\\x21-\\x7e",
};

/** bash's patterns also know `[[:word:]]`; POSIX regular expressions do not. */
const GLOB_ONLY_CLASSES: Record<string, string> = { word: "A-Za-z0-9_" };

export function posixClass(name: string, dialect: "glob" | "regex"): string | undefined {
  if (Object.hasOwn(POSIX_CLASSES, name)) return POSIX_CLASSES[name];
  if (dialect === "glob" && Object.hasOwn(GLOB_ONLY_CLASSES, name)) return GLOB_ONLY_CLASSES[name];
  return undefined;
}
