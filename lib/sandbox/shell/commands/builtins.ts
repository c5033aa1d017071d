import { FsError } from "../../vfs/types";
import { evaluateTest, TestError } from "../conditions";
import { arithmetic, ExpansionError } from "../expand";
import { decode } from "../io";
import { fsMessage } from "../messages";
import { parse } from "../parser";
import { shellQuote } from "../quote";
import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal } from "../signals";
import type { CommandContext, CommandSpec } from "./types";
import { err, isIdentifier, out } from "./util";

/** bash's own builtins: the ones that act on the shell itself (variables, directory, control flow). */

const KEYWORDS = new Set(["if", "then", "elif", "else", "fi", "for", "in", "do", "done", "while", "until", "case", "esac", "function", "{", "}", "!", "[[", "]]", "time"]);

function setPwd(ctx: CommandContext, previous: string): void {
  ctx.shell.setVar("OLDPWD", previous, { exported: true });
  ctx.shell.setVar("PWD", ctx.shell.fs.cwd, { exported: true });
}

const cd: CommandSpec = {
  name: "cd",
  builtin: true,
  summary: "change the working directory",
  help: `cd [DIR]
    Changes the working directory to DIR; without DIR to your home directory
    ($HOME, /home/learner). \`cd -\` goes back to the previous directory and prints it.`,
  run(ctx) {
    const args = ctx.args[0] === "--" ? ctx.args.slice(1) : ctx.args.filter((arg) => arg !== "-L" && arg !== "-P");
    if (args.length > 1) {
      err(ctx, "bash: cd: too many arguments");
      return 1;
    }
    let target = args[0];
    let print = false;
    if (target === undefined) {
      target = ctx.shell.getVar("HOME");
      if (target === undefined) {
        err(ctx, "bash: cd: HOME not set");
        return 1;
      }
    } else if (target === "-") {
      target = ctx.shell.getVar("OLDPWD");
      if (target === undefined) {
        err(ctx, "bash: cd: OLDPWD not set");
        return 1;
      }
      print = true;
    }
    if (target === "") return 0;
    const previous = ctx.shell.fs.cwd;
    try {
      ctx.shell.fs.chdir(target);
    } catch (error) {
      if (error instanceof FsError) {
        err(ctx, `bash: cd: ${target}: ${fsMessage(error.code)}`);
        return 1;
      }
      throw error;
    }
    setPwd(ctx, previous);
    if (print) out(ctx, `${ctx.shell.fs.cwd}\n`);
    return 0;
  },
};

const pwd: CommandSpec = {
  name: "pwd",
  builtin: true,
  summary: "print the working directory",
  help: "pwd\n    Prints the absolute path of the working directory.",
  run(ctx) {
    const bad = ctx.args.find((arg) => arg.startsWith("-") && arg !== "-L" && arg !== "-P");
    if (bad) {
      err(ctx, `bash: pwd: ${bad.slice(0, 2)}: invalid option\npwd: usage: pwd [-LP]`);
      return 2;
    }
    out(ctx, `${ctx.shell.fs.cwd}\n`);
    return 0;
  },
};

/** NAME=value or NAME: returns the name, the value if any, or an error for a bad name. */
function splitAssignment(arg: string): { name: string; value?: string; append: boolean } {
  const match = /^([^=+]*)(\+?)=([\s\S]*)$/.exec(arg);
  if (!match) return { name: arg, append: false };
  return { name: match[1] ?? "", value: match[3] ?? "", append: match[2] === "+" };
}

function declareLine(name: string, flags: string, value: string | undefined): string {
  return value === undefined ? `declare ${flags} ${name}` : `declare ${flags} ${name}="${value.replace(/(["\\$`])/g, "\\$1")}"`;
}

function flagsOf(variable: { exported: boolean; readonly: boolean }): string {
  const flags = (variable.readonly ? "r" : "") + (variable.exported ? "x" : "");
  return flags === "" ? "--" : `-${flags}`;
}

function listVariables(ctx: CommandContext, filter: (variable: { exported: boolean; readonly: boolean }) => boolean): void {
  const names = [...ctx.shell.vars.keys()].sort();
  for (const name of names) {
    const variable = ctx.shell.vars.get(name);
    if (variable && filter(variable)) out(ctx, declareLine(name, flagsOf(variable), variable.value) + "\n");
  }
}

/** export, readonly, declare, local: they share the NAME[=VALUE] argument handling. */
function declaration(ctx: CommandContext, builtin: string, defaults: { exported?: boolean; readonly?: boolean; local?: boolean }): number {
  let exported = defaults.exported;
  let readonly = defaults.readonly;
  let unexport = false;
  let print = false;
  let functions = false;
  let index = 0;
  for (; index < ctx.args.length; index++) {
    const arg = ctx.args[index] ?? "";
    if (arg === "--") {
      index += 1;
      break;
    }
    if (!/^[-+][a-zA-Z]+$/.test(arg)) break;
    for (const flag of arg.slice(1)) {
      const on = arg.startsWith("-");
      if (flag === "x") {
        if (on) exported = true;
        else unexport = true;
      } else if (flag === "r") readonly = on;
      else if (flag === "p") print = true;
      else if (flag === "f" || flag === "F") functions = true;
      else if (flag === "n" && builtin === "export") unexport = true;
      else if ("ilgtu".includes(flag)) continue;
      else if (flag === "a" || flag === "A") {
        err(ctx, `bash: ${builtin}: -${flag}: arrays are not supported in this sandbox`);
        return 2;
      } else {
        err(ctx, `bash: ${builtin}: -${flag}: invalid option`);
        return 2;
      }
    }
  }
  const args = ctx.args.slice(index);
  if (functions) {
    for (const name of args.length > 0 ? args : [...ctx.shell.functions.keys()].sort()) if (ctx.shell.functions.has(name)) out(ctx, `${name}\n`);
    return 0;
  }
  if (args.length === 0 || (print && builtin !== "local")) {
    if (args.length === 0) {
      if (builtin === "export") listVariables(ctx, (variable) => variable.exported);
      else if (builtin === "readonly") listVariables(ctx, (variable) => variable.readonly);
      else listVariables(ctx, (variable) => (exported ? variable.exported : true) && (readonly ? variable.readonly : true));
      return 0;
    }
    let status = 0;
    for (const name of args) {
      const variable = ctx.shell.vars.get(name);
      if (!variable) {
        err(ctx, `bash: declare: ${name}: not found`);
        status = 1;
        continue;
      }
      out(ctx, declareLine(name, flagsOf(variable), variable.value) + "\n");
    }
    return status;
  }
  if (defaults.local && ctx.shell.callDepth === 0) {
    err(ctx, `bash: ${builtin}: can only be used in a function`);
    return 1;
  }
  let status = 0;
  for (const arg of args) {
    const { name, value, append } = splitAssignment(arg);
    if (!isIdentifier(name)) {
      err(ctx, `bash: ${builtin}: \`${arg}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (defaults.local || (builtin === "declare" && ctx.shell.callDepth > 0)) ctx.shell.declareLocal(name);
    const existing = ctx.shell.vars.get(name);
    if (value !== undefined) {
      const error = ctx.shell.setVar(name, append ? (existing?.value ?? "") + value : value);
      if (error) {
        err(ctx, `bash: ${error}`);
        status = 1;
        continue;
      }
    } else if (!existing && (defaults.local || builtin === "declare")) {
      ctx.shell.setVar(name, "");
    }
    const variable = ctx.shell.vars.get(name);
    if (variable) {
      if (exported) variable.exported = true;
      if (unexport) variable.exported = false;
      if (readonly) variable.readonly = true;
    } else if (exported || readonly) {
      // `export NAME` before NAME has a value: remembered as an exported, unset variable.
      ctx.shell.vars.set(name, { value: "", exported: exported ?? false, readonly: readonly ?? false });
    }
  }
  return status;
}

const exportSpec: CommandSpec = {
  name: "export",
  builtin: true,
  summary: "mark variables for the environment of commands",
  help: `export [-n] [NAME[=VALUE] ...]
    Marks each NAME to be passed to the commands you run (the aws command reads
    AWS_DEFAULT_REGION, AWS_DEFAULT_OUTPUT ... from there). With VALUE, sets it too.
    Without NAME, lists the exported variables. -n removes the mark.`,
  run: (ctx) => declaration(ctx, "export", { exported: true }),
};

const readonlySpec: CommandSpec = {
  name: "readonly",
  builtin: true,
  summary: "make variables unchangeable",
  help: "readonly [NAME[=VALUE] ...]\n    Marks each NAME read-only: later assignments fail. Without NAME, lists them.",
  run: (ctx) => declaration(ctx, "readonly", { readonly: true }),
};

const declare: CommandSpec = {
  name: "declare",
  builtin: true,
  summary: "set variables and their attributes",
  help: "declare [-rx] [-p] [NAME[=VALUE] ...]\n    Sets variables (local inside a function); -x exports, -r makes read-only, -p prints.\n    Arrays (-a, -A) are not supported in this sandbox.",
  run: (ctx) => declaration(ctx, "declare", {}),
};

const typeset: CommandSpec = { ...declare, name: "typeset", summary: "the same as declare", run: (ctx) => declaration(ctx, "typeset", {}) };

const local: CommandSpec = {
  name: "local",
  builtin: true,
  summary: "declare variables local to a function",
  help: "local NAME[=VALUE] ...\n    Inside a function: NAME gets its previous value back when the function returns.",
  run: (ctx) => declaration(ctx, "local", { local: true }),
};

const unset: CommandSpec = {
  name: "unset",
  builtin: true,
  summary: "remove variables or functions",
  help: "unset [-v] [-f] NAME ...\n    Removes the variables (or with -f the functions) named.",
  run(ctx) {
    let functions = false;
    let index = 0;
    for (; index < ctx.args.length; index++) {
      const arg = ctx.args[index] ?? "";
      if (arg === "--") {
        index += 1;
        break;
      }
      if (!/^-[a-zA-Z]+$/.test(arg)) break;
      for (const flag of arg.slice(1)) {
        if (flag === "f") functions = true;
        else if (flag === "v" || flag === "n") functions = false;
        else {
          err(ctx, `bash: unset: -${flag}: invalid option\nunset: usage: unset [-f] [-v] [-n] [name ...]`);
          return 2;
        }
      }
    }
    let status = 0;
    for (const name of ctx.args.slice(index)) {
      if (functions) {
        ctx.shell.functions.delete(name);
        continue;
      }
      if (!isIdentifier(name)) {
        err(ctx, `bash: unset: \`${name}': not a valid identifier`);
        status = 1;
        continue;
      }
      const error = ctx.shell.unsetVar(name);
      if (error) {
        err(ctx, `bash: ${error}`);
        status = 1;
      }
    }
    return status;
  },
};

const OPTION_NAMES: Record<string, "errexit" | "nounset" | "pipefail" | "xtrace"> = { errexit: "errexit", nounset: "nounset", pipefail: "pipefail", xtrace: "xtrace" };
const OPTION_LETTERS: Record<string, "errexit" | "nounset" | "xtrace"> = { e: "errexit", u: "nounset", x: "xtrace" };

const set: CommandSpec = {
  name: "set",
  builtin: true,
  summary: "set shell options and positional parameters",
  help: `set [-eux] [-o OPTION] [--] [ARG ...]
    -e  stop the command line when a command fails (errexit)
    -u  treat unset variables as an error (nounset)
    -x  print each command before running it (xtrace)
    -o pipefail  a pipeline fails when any of its commands fails
    +e, +u, +x, +o ... turn them off. \`set -- a b\` sets $1 and $2.
    Without arguments, lists the shell's variables.`,
  run(ctx) {
    const args = ctx.args;
    if (args.length === 0) {
      for (const name of [...ctx.shell.vars.keys()].sort()) out(ctx, `${name}=${shellQuote(ctx.shell.vars.get(name)?.value ?? "")}\n`);
      return 0;
    }
    for (let index = 0; index < args.length; index++) {
      const arg = args[index] ?? "";
      if (arg === "--" || arg === "-") {
        ctx.shell.positional = args.slice(index + 1);
        return 0;
      }
      if (!/^[-+]/.test(arg)) {
        ctx.shell.positional = args.slice(index);
        return 0;
      }
      const on = arg.startsWith("-");
      for (const letter of arg.slice(1)) {
        if (letter === "o") {
          const optionName = args[index + 1];
          if (optionName === undefined) {
            for (const [name, key] of Object.entries(OPTION_NAMES)) out(ctx, on ? `${name.padEnd(15)}\t${ctx.shell.options[key] ? "on" : "off"}\n` : `set ${ctx.shell.options[key] ? "-o" : "+o"} ${name}\n`);
            continue;
          }
          index += 1;
          const key = OPTION_NAMES[optionName];
          if (!key) {
            if (["braceexpand", "hashall", "histexpand", "history", "interactive-comments", "monitor", "emacs", "vi", "noclobber", "posix"].includes(optionName)) continue;
            err(ctx, `bash: set: ${optionName}: invalid option name`);
            return 1;
          }
          ctx.shell.options[key] = on;
          continue;
        }
        const key = Object.hasOwn(OPTION_LETTERS, letter) ? OPTION_LETTERS[letter] : undefined;
        if (key) ctx.shell.options[key] = on;
        else if (!"hBHmCbfnvkPTE".includes(letter)) {
          err(ctx, `bash: set: ${arg.charAt(0)}${letter}: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]`);
          return 2;
        }
      }
    }
    return 0;
  },
};

const shift: CommandSpec = {
  name: "shift",
  builtin: true,
  summary: "shift the positional parameters",
  help: "shift [N]\n    Drops the first N (default 1) positional parameters: $2 becomes $1.",
  run(ctx) {
    const arg = ctx.args[0] ?? "1";
    if (!/^\d+$/.test(arg)) {
      err(ctx, `bash: shift: ${arg}: numeric argument required`);
      return 1;
    }
    const count = Number(arg);
    if (count > ctx.shell.positional.length) return 1;
    ctx.shell.positional = ctx.shell.positional.slice(count);
    return 0;
  },
};

function readBuiltin(ctx: CommandContext): number {
  let raw = false;
  let delimiter = 0x0a;
  let count: number | undefined;
  let names: string[] = [];
  const args = ctx.args;
  let index = 0;
  for (; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (arg === "--") {
      index += 1;
      break;
    }
    if (!arg.startsWith("-") || arg === "-") break;
    for (let position = 1; position < arg.length; position++) {
      const flag = arg[position] ?? "";
      if (flag === "r" || flag === "s" || flag === "e") {
        if (flag === "r") raw = true;
        continue;
      }
      if ("pdntu".includes(flag)) {
        const value = arg.slice(position + 1) || args[++index];
        if (value === undefined) {
          err(ctx, `bash: read: -${flag}: option requires an argument\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]`);
          return 2;
        }
        if (flag === "p") ctx.stderr.write(value);
        else if (flag === "d") delimiter = value === "" ? 0 : value.charCodeAt(0);
        else if (flag === "n") count = Number(value);
        break;
      }
      if (flag === "a") {
        err(ctx, "bash: read: -a: arrays are not supported in this sandbox");
        return 2;
      }
      err(ctx, `bash: read: -${flag}: invalid option\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]`);
      return 2;
    }
  }
  names = args.slice(index);
  for (const name of names) {
    if (!isIdentifier(name)) {
      err(ctx, `bash: read: \`${name}': not a valid identifier`);
      return 1;
    }
  }
  let text = "";
  let complete = false;
  let gotAny = false;
  if (count !== undefined) {
    const bytes = ctx.stdin.read(count);
    gotAny = bytes.length > 0;
    complete = bytes.length === count;
    text = decode(bytes);
  } else {
    for (;;) {
      const piece = ctx.stdin.readUntil(delimiter);
      if (!piece) break;
      gotAny = true;
      const line = decode(piece.line);
      complete = piece.complete;
      // Without -r a backslash at the end of a line joins the next one.
      if (!raw && piece.complete && (/\\+$/.exec(line)?.[0].length ?? 0) % 2 === 1) {
        text += line.slice(0, -1);
        continue;
      }
      text += line;
      break;
    }
  }
  const ifs = ctx.shell.getVar("IFS") ?? " \t\n";
  const fields = splitForRead(text, ifs, Math.max(1, names.length), raw);
  if (names.length === 0) {
    ctx.shell.setVar("REPLY", raw ? text : unescapeRead(text));
  } else {
    names.forEach((name, position) => {
      const error = ctx.shell.setVar(name, fields[position] ?? "");
      if (error) err(ctx, `bash: ${error}`);
    });
  }
  return gotAny && complete ? 0 : 1;
}

function unescapeRead(text: string): string {
  return text.replace(/\\([\s\S])/g, "$1");
}

/** Splits a line for `read`: the last name gets the rest of the line, IFS blanks trimmed. */
function splitForRead(text: string, ifs: string, count: number, raw: boolean): string[] {
  const isIfs = (char: string) => ifs.includes(char);
  const isBlank = (char: string) => isIfs(char) && /\s/.test(char);
  const fields: string[] = [];
  let index = 0;
  const chars = [...text];
  while (index < chars.length && isBlank(chars[index] ?? "")) index += 1;
  while (fields.length < count - 1 && index < chars.length) {
    let field = "";
    while (index < chars.length && !isIfs(chars[index] ?? "")) {
      if (!raw && chars[index] === "\\" && index + 1 < chars.length) index += 1;
      field += chars[index];
      index += 1;
    }
    fields.push(field);
    while (index < chars.length && isBlank(chars[index] ?? "")) index += 1;
    if (index < chars.length && isIfs(chars[index] ?? "") && !isBlank(chars[index] ?? "")) {
      index += 1;
      while (index < chars.length && isBlank(chars[index] ?? "")) index += 1;
    }
  }
  let rest = chars.slice(index).join("");
  rest = rest.replace(new RegExp(`[${[...ifs].filter((char) => /\s/.test(char)).map((char) => (char === "\t" ? "\\t" : char === "\n" ? "\\n" : " ")).join("") || " "}]+$`), "");
  fields.push(raw ? rest : unescapeRead(rest));
  return fields;
}

const read: CommandSpec = {
  name: "read",
  builtin: true,
  summary: "read a line into variables",
  help: `read [-r] [-p PROMPT] [-d DELIM] [-n COUNT] [NAME ...]
    Reads one line from standard input and splits it into the NAMEs (the last NAME gets
    the rest of the line; without NAME the line goes to $REPLY). Fails at the end of the
    input, so \`while read -r line; do ...; done < file\` reads a file line by line.
      -r  backslashes are ordinary characters (use it unless you need otherwise)`,
  run: readBuiltin,
};

function statusArgument(ctx: CommandContext, builtin: string): number | undefined {
  const arg = ctx.args[0];
  if (arg === undefined) return ctx.shell.status;
  if (!/^[+-]?\d+$/.test(arg.trim())) {
    err(ctx, `bash: ${builtin}: ${arg}: numeric argument required`);
    return undefined;
  }
  return Number(BigInt.asUintN(8, BigInt(arg.trim())));
}

const exit: CommandSpec = {
  name: "exit",
  builtin: true,
  summary: "stop the command line with a status",
  help: `exit [N]
    Sets the status ($?) to N (default: the last command's) and stops the command line
    being run, or the script or subshell it is in. The sandbox session stays open: it
    has nothing to log out of.`,
  run(ctx) {
    if (ctx.args.length > 1 && /^[+-]?\d+$/.test(ctx.args[0] ?? "")) {
      err(ctx, "bash: exit: too many arguments");
      return 1;
    }
    const status = statusArgument(ctx, "exit");
    throw new ExitSignal(status ?? 2);
  },
};

const returnSpec: CommandSpec = {
  name: "return",
  builtin: true,
  summary: "return from a function",
  help: "return [N]\n    Leaves the current function (or sourced script) with status N (default: the last command's).",
  run(ctx) {
    if (ctx.shell.callDepth === 0) {
      err(ctx, "bash: return: can only `return' from a function or sourced script");
      return 2;
    }
    const status = statusArgument(ctx, "return");
    throw new ReturnSignal(status ?? 2);
  },
};

function loopControl(ctx: CommandContext, builtin: "break" | "continue"): number {
  const arg = ctx.args[0] ?? "1";
  if (!/^-?\d+$/.test(arg)) {
    err(ctx, `bash: ${builtin}: ${arg}: numeric argument required`);
    return 1;
  }
  const levels = Number(arg);
  if (levels < 1) {
    err(ctx, `bash: ${builtin}: ${arg}: loop count out of range`);
    return 1;
  }
  if (ctx.shell.loopDepth === 0) {
    err(ctx, `bash: ${builtin}: only meaningful in a \`for', \`while', or \`until' loop`);
    return 0;
  }
  throw builtin === "break" ? new BreakSignal(levels) : new ContinueSignal(levels);
}

const breakSpec: CommandSpec = {
  name: "break",
  builtin: true,
  summary: "leave a loop",
  help: "break [N]\n    Leaves the innermost loop (or N loops).",
  run: (ctx) => loopControl(ctx, "break"),
};

const continueSpec: CommandSpec = {
  name: "continue",
  builtin: true,
  summary: "go to the next turn of a loop",
  help: "continue [N]\n    Skips the rest of this turn of the innermost loop (or of the Nth loop).",
  run: (ctx) => loopControl(ctx, "continue"),
};

const evalSpec: CommandSpec = {
  name: "eval",
  builtin: true,
  summary: "run arguments as a command line",
  help: "eval [ARG ...]\n    Joins the arguments with spaces and runs the result as a command line.",
  run(ctx) {
    const text = ctx.args.join(" ");
    if (text.trim() === "") return 0;
    return ctx.shell.evalText(text);
  },
};

function sourceBuiltin(ctx: CommandContext): number {
  const [file, ...args] = ctx.args;
  if (file === undefined) {
    err(ctx, `bash: ${ctx.name}: filename argument required\n${ctx.name}: usage: ${ctx.name} filename [arguments]`);
    return 2;
  }
  let text: string;
  try {
    text = decode(ctx.shell.fs.readFile(file));
  } catch (error) {
    if (error instanceof FsError) {
      err(ctx, `bash: ${file}: ${fsMessage(error.code)}`);
      return 1;
    }
    throw error;
  }
  return ctx.shell.runScript(text, { subshell: false, args });
}

const source: CommandSpec = {
  name: "source",
  builtin: true,
  summary: "run a file's commands in this shell",
  help: "source FILE [ARG ...]\n    Runs the commands in FILE in the current shell, so its variables and functions stay. `.` is the same.",
  run: sourceBuiltin,
};

const dot: CommandSpec = { ...source, name: ".", run: sourceBuiltin };

const trueSpec: CommandSpec = { name: "true", summary: "succeed", help: "true\n    Does nothing, successfully (status 0).", run: () => 0 };
const falseSpec: CommandSpec = { name: "false", summary: "fail", help: "false\n    Does nothing, unsuccessfully (status 1).", run: () => 1 };
const colon: CommandSpec = { name: ":", builtin: true, summary: "do nothing", help: ":\n    Does nothing (status 0); its arguments are still expanded.", run: () => 0 };

function runTest(ctx: CommandContext, args: readonly string[], name: string): number {
  try {
    return evaluateTest(args, {
      fs: ctx.shell.fs,
      isSet: (variable) => ctx.shell.getVar(variable) !== undefined,
      optionSet: (option) => option in ctx.shell.options && ctx.shell.options[option as keyof typeof ctx.shell.options],
    })
      ? 0
      : 1;
  } catch (error) {
    if (error instanceof TestError) {
      err(ctx, `bash: ${name}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

const TEST_HELP = `test EXPRESSION   or   [ EXPRESSION ]
    Succeeds (status 0) when EXPRESSION is true, fails (1) when false, 2 on a mistake.
      -e FILE  exists          -f FILE  is a file          -d FILE  is a directory
      -s FILE  is not empty    -r/-w/-x FILE  exists (the sandbox has no permissions)
      -z TEXT  is empty        -n TEXT  is not empty
      A = B, A != B            texts equal / different
      N -eq M, -ne, -lt, -le, -gt, -ge   integer comparisons
      ! EXPR, EXPR -a EXPR, EXPR -o EXPR, ( EXPR )
    [[ ... ]] is also understood: it adds == with patterns, =~ with regular expressions,
    && and ||, and does not split variables into words.`;

const test: CommandSpec = { name: "test", builtin: true, summary: "evaluate a condition", help: TEST_HELP, run: (ctx) => runTest(ctx, ctx.args, "test") };

const bracket: CommandSpec = {
  name: "[",
  builtin: true,
  summary: "evaluate a condition (ends with ])",
  help: TEST_HELP,
  run(ctx) {
    if (ctx.args[ctx.args.length - 1] !== "]") {
      err(ctx, "bash: [: missing `]'");
      return 2;
    }
    return runTest(ctx, ctx.args.slice(0, -1), "[");
  },
};

const let_: CommandSpec = {
  name: "let",
  builtin: true,
  summary: "evaluate arithmetic",
  help: "let EXPRESSION ...\n    Evaluates each arithmetic expression (like $(( ))); fails when the last one is 0.",
  run(ctx) {
    if (ctx.args.length === 0) {
      err(ctx, "bash: let: expression expected");
      return 1;
    }
    let value = 0n;
    const host = {
      lookup: (name: string) => ctx.shell.getVar(name),
      positional: () => ctx.shell.positional,
      assign: (name: string, text: string) => {
        const error = ctx.shell.setVar(name, text);
        if (error) throw new ExpansionError(error);
      },
      substitute: () => "",
      // `let` evaluates arithmetic only: no word there holds a process substitution.
      processSubstitution: () => "",
      home: ctx.shell.fs.home,
      fs: ctx.shell.fs,
      nounset: false,
      checkTime: () => ctx.shell.checkTime(),
    };
    try {
      for (const arg of ctx.args) value = arithmetic(arg, host);
    } catch (error) {
      if (error instanceof ExpansionError) {
        err(ctx, `bash: let: ${error.message}`);
        return 1;
      }
      throw error;
    }
    return value !== 0n ? 0 : 1;
  },
};

function pathOf(ctx: CommandContext, name: string): string {
  return name === "aws" ? "/usr/local/bin/aws" : `/usr/bin/${name}`;
}

const type: CommandSpec = {
  name: "type",
  builtin: true,
  summary: "tell what a name runs",
  help: "type [-t] NAME ...\n    Tells whether each NAME is a shell keyword, a function, a shell builtin or a program.",
  run(ctx) {
    let terse = false;
    const names = ctx.args.filter((arg) => {
      if (arg === "-t") {
        terse = true;
        return false;
      }
      return true;
    });
    let status = 0;
    for (const name of names) {
      const kind = KEYWORDS.has(name) ? "keyword" : ctx.shell.kindOf(name);
      if (!kind) {
        if (!terse) err(ctx, `bash: type: ${name}: not found`);
        status = 1;
        continue;
      }
      if (terse) out(ctx, `${kind === "program" ? "file" : kind}\n`);
      else if (kind === "keyword") out(ctx, `${name} is a shell keyword\n`);
      else if (kind === "function") out(ctx, `${name} is a function\n`);
      else if (kind === "builtin") out(ctx, `${name} is a shell builtin\n`);
      else out(ctx, `${name} is ${pathOf(ctx, name)}\n`);
    }
    return status;
  },
};

const command: CommandSpec = {
  name: "command",
  builtin: true,
  summary: "run a command, ignoring functions",
  help: "command [-v] NAME [ARG ...]\n    Runs NAME as a builtin or program even if a function has that name.\n    -v  print how NAME would be found (fails if it would not).",
  run(ctx) {
    if (ctx.args[0] === "-v" || ctx.args[0] === "-V") {
      let status = 0;
      for (const name of ctx.args.slice(1)) {
        const kind = KEYWORDS.has(name) ? "keyword" : ctx.shell.kindOf(name);
        if (!kind) {
          status = 1;
          continue;
        }
        out(ctx, `${kind === "program" ? pathOf(ctx, name) : name}\n`);
      }
      return status;
    }
    if (ctx.args.length === 0) return 0;
    return ctx.shell.invoke(ctx.args, { skipFunctions: true });
  },
};

const which: CommandSpec = {
  name: "which",
  summary: "show where a program is",
  help: "which NAME ...\n    Prints the path of each program (not of shell builtins or functions).",
  run(ctx) {
    let status = 0;
    for (const name of ctx.args.filter((arg) => !arg.startsWith("-"))) {
      const spec = ctx.shell.commands.get(name);
      if (!spec || spec.builtin) {
        status = 1;
        continue;
      }
      out(ctx, `${pathOf(ctx, name)}\n`);
    }
    return status;
  },
};

function bashBuiltin(ctx: CommandContext): number {
  const args = [...ctx.args];
  let command: string | undefined;
  let parseOnly = false;
  const flags: string[] = [];
  while (args.length > 0 && /^[-+][a-zA-Z]+$/.test(args[0] ?? "")) {
    const arg = args.shift() ?? "";
    for (const flag of arg.slice(1)) {
      if (flag === "c") {
        command = args.shift();
        if (command === undefined) {
          err(ctx, `bash: -c: option requires an argument`);
          return 2;
        }
      } else if (flag === "n") parseOnly = true;
      else if ("euxo".includes(flag)) flags.push(`${arg[0]}${flag}`);
    }
  }
  if (args[0] === "--") args.shift();
  const setOptions = flags.length > 0 ? `set ${flags.join(" ")}\n` : "";
  let text: string;
  let name: string;
  let positional: string[];
  if (command !== undefined) {
    text = command;
    name = args[0] ?? ctx.name;
    positional = args.slice(1);
  } else if (args.length > 0) {
    const file = args[0] ?? "";
    try {
      text = decode(ctx.shell.fs.readFile(file));
    } catch (error) {
      if (error instanceof FsError) {
        err(ctx, `${ctx.name}: ${file}: ${fsMessage(error.code)}`);
        return 127;
      }
      throw error;
    }
    name = file;
    positional = args.slice(1);
  } else {
    text = decode(ctx.stdin.readAll());
    name = ctx.name;
    positional = [];
  }
  if (parseOnly) {
    const parsed = parse(text, { final: true });
    if (parsed.status === "ok") return 0;
    err(ctx, `${ctx.name}: ${parsed.status === "error" ? parsed.message : "syntax error: unexpected end of file"}`);
    return 2;
  }
  return ctx.shell.runScript(setOptions + text, { subshell: true, name, args: positional });
}

const bash: CommandSpec = {
  name: "bash",
  summary: "run a script in a new shell",
  help: "bash [-eux] [-c COMMANDS | FILE] [ARG ...]\n    Runs COMMANDS, FILE, or standard input in a new shell: it sees exported variables only,\n    and its changes (variables, directory) do not come back. `sh` is the same shell.",
  run: bashBuiltin,
};

const sh: CommandSpec = { ...bash, name: "sh" };

const exec: CommandSpec = {
  name: "exec",
  builtin: true,
  summary: "run a command in place of the shell",
  help: "exec COMMAND [ARG ...]\n    Runs COMMAND, then stops the command line with its status (the shell is replaced).\n    NOTE: `exec` with only redirections (to redirect the rest of a script) is not supported.",
  run(ctx) {
    if (ctx.args.length === 0) return 0;
    throw new ExitSignal(ctx.shell.invoke(ctx.args, { skipFunctions: true }));
  },
};

const wait: CommandSpec = {
  name: "wait",
  builtin: true,
  summary: "wait for background jobs",
  help: "wait\n    Commands ended with & run to completion at once in the sandbox, so there is nothing to wait for.",
  run: () => 0,
};

export const shellBuiltins: CommandSpec[] = [
  cd,
  pwd,
  exportSpec,
  readonlySpec,
  declare,
  typeset,
  local,
  unset,
  set,
  shift,
  read,
  exit,
  returnSpec,
  breakSpec,
  continueSpec,
  evalSpec,
  source,
  dot,
  trueSpec,
  falseSpec,
  colon,
  test,
  bracket,
  let_,
  type,
  command,
  which,
  bash,
  sh,
  exec,
  wait,
];
