/**
 * Command-line options the way GNU getopt_long reads them: bundled short
 * options (`-rf`), attached or separate arguments (`-n5`, `-n 5`), long
 * options and their unique abbreviations (`--decode`, `--dec`), `--` to
 * stop, options after operands (GNU permutes), and GNU's messages.
 */

export interface OptionSpec {
  /** Key the parsed value is stored under. */
  key: string;
  short?: string;
  long?: string;
  /** "required": takes an argument; "optional": only as --long=value. */
  argument?: "required" | "optional";
}

export interface ParsedOptions {
  /** key -> values given, in order ("" for flags). */
  values: Map<string, string[]>;
  operands: string[];
  /** Every option in command-line order (for options whose order matters). */
  order: { key: string; value: string }[];
}

export type ParseOutcome = { ok: true; parsed: ParsedOptions } | { ok: false; message: string };

const tryHelp = (name: string) => `Try '${name} --help' for more information.`;

export function parseOptions(name: string, args: readonly string[], specs: readonly OptionSpec[], options: { permute?: boolean } = {}): ParseOutcome {
  const permute = options.permute ?? true;
  const values = new Map<string, string[]>();
  const order: { key: string; value: string }[] = [];
  const operands: string[] = [];
  const record = (key: string, value: string) => {
    const list = values.get(key) ?? [];
    list.push(value);
    values.set(key, list);
    order.push({ key, value });
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (arg === "--") {
      operands.push(...args.slice(index + 1));
      break;
    }
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const given = arg.slice(2, eq === -1 ? undefined : eq);
      const exact = specs.find((spec) => spec.long === given);
      const candidates = exact ? [exact] : specs.filter((spec) => spec.long?.startsWith(given));
      const unique = [...new Set(candidates.map((spec) => spec.long))];
      if (unique.length === 0) return { ok: false, message: `${name}: unrecognized option '${arg}'\n${tryHelp(name)}` };
      if (unique.length > 1) {
        return { ok: false, message: `${name}: option '${arg.slice(0, eq === -1 ? undefined : eq)}' is ambiguous; possibilities:${unique.map((long) => ` '--${long}'`).join("")}\n${tryHelp(name)}` };
      }
      const spec = candidates[0] as OptionSpec;
      if (spec.argument === "required") {
        if (eq !== -1) record(spec.key, arg.slice(eq + 1));
        else if (index + 1 < args.length) record(spec.key, args[++index] ?? "");
        else return { ok: false, message: `${name}: option '--${spec.long}' requires an argument\n${tryHelp(name)}` };
      } else if (eq !== -1) {
        if (spec.argument !== "optional") return { ok: false, message: `${name}: option '--${spec.long}' doesn't allow an argument\n${tryHelp(name)}` };
        record(spec.key, arg.slice(eq + 1));
      } else record(spec.key, "");
      continue;
    }
    if (arg.startsWith("-") && arg !== "-") {
      for (let position = 1; position < arg.length; position++) {
        const letter = arg[position] ?? "";
        const spec = specs.find((candidate) => candidate.short === letter);
        if (!spec) return { ok: false, message: `${name}: invalid option -- '${letter}'\n${tryHelp(name)}` };
        if (spec.argument === "required") {
          const rest = arg.slice(position + 1);
          if (rest !== "") record(spec.key, rest);
          else if (index + 1 < args.length) record(spec.key, args[++index] ?? "");
          else return { ok: false, message: `${name}: option requires an argument -- '${letter}'\n${tryHelp(name)}` };
          break;
        }
        record(spec.key, "");
      }
      continue;
    }
    operands.push(arg);
    if (!permute) {
      operands.push(...args.slice(index + 1));
      break;
    }
  }
  return { ok: true, parsed: { values, operands, order } };
}

export function has(parsed: ParsedOptions, key: string): boolean {
  return parsed.values.has(key);
}

/** The last value given for an option (GNU tools let a later option win). */
export function last(parsed: ParsedOptions, key: string): string | undefined {
  const list = parsed.values.get(key);
  return list?.[list.length - 1];
}
