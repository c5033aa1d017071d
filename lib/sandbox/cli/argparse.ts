/**
 * The parts of Python's argparse (3.11) that the AWS CLI's three parsers
 * use, ported so that every oddity learners meet behaves the same: options
 * anywhere, `--opt=value`, unique prefixes (`--key` for `--key-id`), a
 * value that looks like an option ("expected one argument"), negative
 * numbers as values, `--`, the required-arguments message, and the CLI's own
 * "Invalid choice" text with difflib suggestions.
 */
import { getCloseMatches } from "./python/difflib";
import { pyStr, strRepr, type PyValue } from "./python/values";

export const USAGE =
  "aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n" +
  "To see help text, you can run:\n" +
  "\n" +
  "  aws help\n" +
  "  aws <command> help\n" +
  "  aws <command> <subcommand> help\n";

/** A usage error (exit 252), printed as the usage banner then `aws: error: <message>`. */
export class ArgParseError extends Error {
  constructor(readonly detail: string) {
    super(`usage: ${USAGE}\naws: error: ${detail}\n`);
  }
}

/** argparse's ArgumentError, before the parser turns it into a usage error. */
class ArgumentError extends Error {}

export type Nargs = null | "?" | "*" | "+";

export interface ArgAction {
  /** Option strings (`--key-id`); empty for a positional. */
  optionStrings: string[];
  dest: string;
  kind: "store" | "store_true" | "store_false" | "version" | "command";
  nargs?: Nargs;
  /** Conversion of each string (argparse's `type`); its name appears in "invalid int value". */
  type?: { name: string; convert: (text: string) => PyValue };
  choices?: readonly string[];
  required?: boolean;
  default?: PyValue;
  const?: PyValue;
  /** For `kind: "version"`: the text printed. */
  version?: string;
}

export type Namespace = Map<string, PyValue | undefined>;

export interface ParseResult {
  namespace: Namespace;
  extras: string[];
  /** Set when --version ran: print this and exit 0. */
  versionText?: string;
}

function actionName(action: ArgAction): string {
  return action.optionStrings.length ? action.optionStrings.join("/") : action.dest;
}

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/u;

export class ArgParser {
  private readonly actions: ArgAction[] = [];
  /** Option string → action, in insertion order (prefix matches are listed in this order). */
  private readonly optionActions = new Map<string, ArgAction>();

  constructor(actions: readonly ArgAction[]) {
    for (const action of actions) this.add(action);
  }

  /** conflict_handler='resolve': a later option string replaces an earlier one. */
  private add(action: ArgAction): void {
    for (const option of action.optionStrings) {
      const previous = this.optionActions.get(option);
      if (previous) {
        this.optionActions.delete(option);
        previous.optionStrings = previous.optionStrings.filter((name) => name !== option);
        if (previous.optionStrings.length === 0) this.actions.splice(this.actions.indexOf(previous), 1);
      }
    }
    this.actions.push(action);
    for (const option of action.optionStrings) this.optionActions.set(option, action);
  }

  parseKnownArgs(args: readonly string[]): ParseResult {
    const namespace: Namespace = new Map();
    for (const action of this.actions) if (!namespace.has(action.dest)) namespace.set(action.dest, action.default ?? null);
    try {
      return this.parse([...args], namespace);
    } catch (error) {
      if (error instanceof ArgumentError) throw new ArgParseError(error.message);
      throw error;
    }
  }

  private parseOptional(arg: string): [ArgAction | null, string, string | null] | null {
    if (!arg) return null;
    if (arg[0] !== "-") return null;
    const exact = this.optionActions.get(arg);
    if (exact) return [exact, arg, null];
    if (arg.length === 1) return null;
    if (arg.includes("=")) {
      const index = arg.indexOf("=");
      const option = arg.slice(0, index);
      const action = this.optionActions.get(option);
      if (action) return [action, option, arg.slice(index + 1)];
    }
    const tuples = this.optionTuples(arg);
    if (tuples.length > 1) {
      const options = tuples.map(([, option]) => option).join(", ");
      throw new ArgParseError(`ambiguous option: ${arg} could match ${options}`);
    }
    if (tuples.length === 1) return tuples[0]!;
    if (NEGATIVE_NUMBER.test(arg)) return null;
    if (arg.includes(" ")) return null;
    return [null, arg, null];
  }

  private optionTuples(arg: string): [ArgAction, string, string | null][] {
    const result: [ArgAction, string, string | null][] = [];
    if (arg[1] === "-") {
      let prefix = arg;
      let explicit: string | null = null;
      if (arg.includes("=")) {
        const index = arg.indexOf("=");
        prefix = arg.slice(0, index);
        explicit = arg.slice(index + 1);
      }
      for (const [option, action] of this.optionActions) if (option.startsWith(prefix)) result.push([action, option, explicit]);
    } else {
      const shortPrefix = arg.slice(0, 2);
      const shortExplicit = arg.slice(2);
      for (const [option, action] of this.optionActions) {
        if (option === shortPrefix) result.push([action, option, shortExplicit]);
        else if (option.startsWith(arg)) result.push([action, option, null]);
      }
    }
    return result;
  }

  private static nargsPattern(action: ArgAction): string {
    // store_true, store_false and version take no argument (nargs=0).
    if (action.kind === "store_true" || action.kind === "store_false" || action.kind === "version") return "()";
    let pattern: string;
    switch (action.nargs ?? null) {
      case null:
        pattern = "(-*A-*)";
        break;
      case "?":
        pattern = "(-*A?-*)";
        break;
      case "*":
        pattern = "(-*[A-]*)";
        break;
      case "+":
        pattern = "(-*A[A-]*)";
        break;
    }
    if (action.optionStrings.length) pattern = pattern.replace(/-\*/g, "").replace(/-/g, "");
    return pattern;
  }

  private static readonly regexCache = new Map<string, RegExp>();

  private static regex(source: string): RegExp {
    let regex = ArgParser.regexCache.get(source);
    if (!regex) {
      regex = new RegExp("^" + source);
      ArgParser.regexCache.set(source, regex);
    }
    return regex;
  }

  private matchArgument(action: ArgAction, pattern: string): number {
    const match = ArgParser.regex(ArgParser.nargsPattern(action)).exec(pattern);
    if (!match) {
      const messages: Record<string, string> = { null: "expected one argument", "?": "expected at most one argument", "+": "expected at least one argument" };
      throw new ArgumentError(`argument ${actionName(action)}: ${messages[String(action.nargs ?? null)] ?? "expected one argument"}`);
    }
    return match[1]!.length;
  }

  private matchPartial(actions: ArgAction[], pattern: string): number[] {
    for (let count = actions.length; count > 0; count--) {
      const regex = ArgParser.regex(actions.slice(0, count).map((action) => ArgParser.nargsPattern(action)).join(""));
      const match = regex.exec(pattern);
      if (match) return match.slice(1).map((group) => (group ?? "").length);
    }
    return [];
  }

  private parse(argStrings: string[], namespace: Namespace): ParseResult {
    const optionIndices = new Map<number, [ArgAction | null, string, string | null]>();
    const patternParts: string[] = [];
    for (let index = 0; index < argStrings.length; index++) {
      const arg = argStrings[index]!;
      if (arg === "--") {
        patternParts.push("-");
        for (index++; index < argStrings.length; index++) patternParts.push("A");
        break;
      }
      const tuple = this.parseOptional(arg);
      if (tuple === null) patternParts.push("A");
      else {
        optionIndices.set(index, tuple);
        patternParts.push("O");
      }
    }
    const pattern = patternParts.join("");
    const seen = new Set<ArgAction>();
    const extras: string[] = [];
    let versionText: string | undefined;

    const takeAction = (action: ArgAction, strings: string[], optionString?: string) => {
      seen.add(action);
      const values = this.getValues(action, strings);
      switch (action.kind) {
        case "store":
        case "command":
          namespace.set(action.dest, values);
          break;
        case "store_true":
          namespace.set(action.dest, true);
          break;
        case "store_false":
          namespace.set(action.dest, false);
          break;
        case "version":
          versionText ??= action.version ?? "";
          break;
      }
      void optionString;
    };

    const consumeOptional = (startIndex: number): number => {
      const [action, optionString, explicit] = optionIndices.get(startIndex)!;
      if (action === null) {
        extras.push(argStrings[startIndex]!);
        return startIndex + 1;
      }
      if (explicit !== null) {
        const count = this.matchArgument(action, "A");
        if (count === 1) {
          takeAction(action, [explicit], optionString);
          return startIndex + 1;
        }
        // Single-dash option clusters (-xyz) do not exist in the CLI's parsers.
        throw new ArgumentError(`argument ${actionName(action)}: ignored explicit argument ${strRepr(explicit)}`);
      }
      const start = startIndex + 1;
      const count = this.matchArgument(action, pattern.slice(start));
      takeAction(action, argStrings.slice(start, start + count), optionString);
      return start + count;
    };

    const positionals = this.actions.filter((action) => action.optionStrings.length === 0);
    const consumePositionals = (startIndex: number): number => {
      const counts = this.matchPartial(positionals, pattern.slice(startIndex));
      counts.forEach((count, index) => {
        takeAction(positionals[index]!, argStrings.slice(startIndex, startIndex + count));
        startIndex += count;
      });
      positionals.splice(0, counts.length);
      return startIndex;
    };

    let startIndex = 0;
    const maxOptionIndex = optionIndices.size ? Math.max(...optionIndices.keys()) : -1;
    while (startIndex <= maxOptionIndex) {
      const nextOptionIndex = Math.min(...[...optionIndices.keys()].filter((index) => index >= startIndex));
      if (startIndex !== nextOptionIndex) {
        const end = consumePositionals(startIndex);
        if (end > startIndex) {
          startIndex = end;
          continue;
        }
        startIndex = end;
      }
      if (!optionIndices.has(startIndex)) {
        extras.push(...argStrings.slice(startIndex, nextOptionIndex));
        startIndex = nextOptionIndex;
      }
      startIndex = consumeOptional(startIndex);
    }
    const stopIndex = consumePositionals(startIndex);
    extras.push(...argStrings.slice(stopIndex));

    if (versionText !== undefined) return { namespace, extras, versionText };
    const missing = this.actions.filter((action) => !seen.has(action) && action.required).map(actionName);
    if (missing.length) throw new ArgParseError(`the following arguments are required: ${missing.join(", ")}`);
    return { namespace, extras };
  }

  private getValues(action: ArgAction, strings: string[]): PyValue {
    const nargs = action.nargs ?? null;
    if (action.kind === "store_true" || action.kind === "store_false" || action.kind === "version") return null;
    const dash = strings.indexOf("--");
    if (dash >= 0) strings = [...strings.slice(0, dash), ...strings.slice(dash + 1)];
    if (strings.length === 0 && nargs === "?") {
      const value = action.optionStrings.length ? (action.const ?? null) : (action.default ?? null);
      if (typeof value === "string") {
        const converted = this.getValue(action, value);
        this.checkValue(action, converted);
        return converted;
      }
      return value;
    }
    if (strings.length === 1 && (nargs === null || nargs === "?")) {
      const value = this.getValue(action, strings[0]!);
      this.checkValue(action, value);
      return value;
    }
    const values = strings.map((text) => this.getValue(action, text));
    for (const value of values) this.checkValue(action, value);
    return values;
  }

  private getValue(action: ArgAction, text: string): PyValue {
    if (!action.type) return text;
    try {
      return action.type.convert(text);
    } catch {
      throw new ArgumentError(`argument ${actionName(action)}: invalid ${action.type.name} value: ${strRepr(text)}`);
    }
  }

  /** The CLI's own _check_value: two columns of choices, then difflib suggestions. */
  private checkValue(action: ArgAction, value: PyValue): void {
    const choices = action.choices;
    if (!choices || (typeof value === "string" && choices.includes(value))) return;
    const lines = ["Invalid choice, valid choices are:\n"];
    for (let index = 0; index < choices.length; index += 2) {
      lines.push(
        choices
          .slice(index, index + 2)
          .map((choice) => choice.padEnd(40, " "))
          .join(" | "),
      );
    }
    const text = pyStr(value);
    const possible = getCloseMatches(text, choices, 3, 0.8);
    if (possible.length) {
      lines.push(`\n\nInvalid choice: ${strRepr(text)}, maybe you meant:\n`);
      for (const word of possible) lines.push(`  * ${word}`);
    }
    throw new ArgumentError(`argument ${actionName(action)}: ${lines.join("\n")}`);
  }
}
