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

/** bash's patterns also know `[[:word:]]` and `[[:ascii:]]`; POSIX regular expressions do not. */
const GLOB_ONLY_CLASSES: Record<string, string> = { word: "A-Za-z0-9_", ascii: "\\x00-\\x7f" };

export function posixClass(name: string, dialect: "glob" | "regex"): string | undefined {
  if (Object.hasOwn(POSIX_CLASSES, name)) return POSIX_CLASSES[name];
  if (dialect === "glob" && Object.hasOwn(GLOB_ONLY_CLASSES, name)) return GLOB_ONLY_CLASSES[name];
  return undefined;
}

/** A class's members as code-point ranges (for matchers that do not go through a regular expression). */
export function posixClassRanges(name: string, dialect: "glob" | "regex"): [number, number][] | undefined {
  const source = posixClass(name, dialect);
  if (source === undefined) return undefined;
  const singles: number[] = [];
  for (let index = 0; index < source.length; ) {
    if (source[index] !== "\\") {
      singles.push(source.codePointAt(index) ?? 0);
      index += 1;
      continue;
    }
    const next = source[index + 1] ?? "";
    if (next === "x") {
      singles.push(parseInt(source.slice(index + 2, index + 4), 16));
      index += 4;
      continue;
    }
    singles.push(({ t: 9, n: 10, v: 11, f: 12, r: 13 } as Record<string, number>)[next] ?? next.charCodeAt(0));
    index += 2;
  }
  // Read back with the dashes: the source marks a range by a literal "-" between two members.
  const ranges: [number, number][] = [];
  for (let index = 0; index < singles.length; index++) {
    const first = singles[index] ?? 0;
    if (singles[index + 1] === 0x2d && index + 2 < singles.length) {
      ranges.push([first, singles[index + 2] ?? first]);
      index += 2;
    } else ranges.push([first, first]);
  }
  return ranges;
}
