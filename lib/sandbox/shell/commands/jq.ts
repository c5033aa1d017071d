import { FsError } from "../../vfs/types";
import { decode } from "../io";
import { fsMessage } from "../messages";
import { bind, BUILTINS, compileErrorText, compileFilter, Halt, JqCompileError, JqError, run, type JqFilter, type RunContext, type Scope } from "../jq/filter";
import { InputReader, type InputFile } from "../jq/input";
import { formatJson, formatString, parseJsonValues, type JsonStyle, type JV } from "../jq/json";
import type { CommandContext, CommandSpec } from "./types";
import { readOperand } from "./util";

/**
 * jq, the JSON processor: a subset of jq 1.6, recorded against the real
 * one (tests/unit/shell/jq-recorded). The options are parsed as jq 1.6's
 * main.c does, including its messages; what the sandbox lacks is refused
 * with "... is not supported in the sandbox".
 */

const DIE = "Use jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq";

/** jq 1.6's usage text: what `jq --help` prints starts with it, as does the complaint about a missing filter. */
const USAGE_HEAD = [
  "jq - commandline JSON processor [version 1.6]",
  "",
  "Usage:\tjq [options] <jq filter> [file...]",
  "\tjq [options] --args <jq filter> [strings...]",
  "\tjq [options] --jsonargs <jq filter> [JSON_TEXTS...]",
  "",
  "jq is a tool for processing JSON inputs, applying the given filter to",
  "its JSON text inputs and producing the filter's results as JSON on",
  "standard output.",
  "",
  "The simplest filter is ., which copies jq's input to its output",
  "unmodified (except for formatting, but note that IEEE754 is used",
  "for number representation internally, with all that that implies).",
  "",
  'For more advanced filters see the jq(1) manpage ("man jq")',
  "and/or https://stedolan.github.io/jq",
  "",
  "Example:",
  "",
  "\t$ echo '{\"foo\": 0}' | jq .",
  "\t{",
  '\t\t"foo": 0',
  "\t}",
  "",
  "",
].join("\n");

/** jq 1.6's `jq --help`. */
const USAGE = USAGE_HEAD + [
  "Some of the options include:",
  "  -c               compact instead of pretty-printed output;",
  "  -n               use `null` as the single input value;",
  "  -e               set the exit status code based on the output;",
  "  -s               read (slurp) all inputs into an array; apply filter to it;",
  "  -r               output raw strings, not JSON texts;",
  "  -R               read raw strings, not JSON texts;",
  "  -C               colorize JSON;",
  "  -M               monochrome (don't colorize JSON);",
  "  -S               sort keys of objects on output;",
  "  --tab            use tabs for indentation;",
  "  --arg a v        set variable $a to value <v>;",
  "  --argjson a v    set variable $a to JSON value <v>;",
  "  --slurpfile a f  set variable $a to an array of JSON texts read from <f>;",
  "  --rawfile a f    set variable $a to a string consisting of the contents of <f>;",
  "  --args           remaining arguments are string arguments, not files;",
  "  --jsonargs       remaining arguments are JSON arguments, not files;",
  "  --               terminates argument processing;",
  "",
  "Named arguments are also available as $ARGS.named[], while",
  "positional arguments are available as $ARGS.positional[].",
  "",
  "See the manpage for more options.",
  "",
].join("\n");

/** Options jq 1.6 has and the sandbox does not. */
const REFUSED_OPTIONS: Record<string, string> = { C: "-C", "color-output": "--color-output", seq: "--seq", stream: "--stream", "stream-errors": "--stream-errors", L: "-L", "run-tests": "--run-tests", "debug-dump-disasm": "--debug-dump-disasm", "debug-trace": "--debug-trace", "debug-trace=all": "--debug-trace=all" };

type Flag = "slurp" | "raw" | "join" | "ascii" | "sortKeys" | "rawInput" | "nullInput" | "fromFile" | "exitStatus";

/** Short option letters and long names that take no value, as main.c checks them. */
const FLAGS: [string, string, Flag][] = [
  ["s", "slurp", "slurp"],
  ["r", "raw-output", "raw"],
  ["a", "ascii-output", "ascii"],
  ["S", "sort-keys", "sortKeys"],
  ["R", "raw-input", "rawInput"],
  ["n", "null-input", "nullInput"],
  ["f", "from-file", "fromFile"],
  ["j", "join-output", "join"],
  ["e", "exit-status", "exitStatus"],
];

interface Options extends Record<Flag, boolean> {
  /** null: one line per result (-c); else the text of one level of indentation. */
  indent: string | null;
}

/** Thrown while reading the command line: what to print on stderr, and the status. */
class Usage {
  constructor(
    readonly message: string,
    readonly status = 2,
    readonly stdout = "",
  ) {}
}

interface CommandLine {
  options: Options;
  program: string | undefined;
  files: string[];
  named: Map<string, JV>;
  positional: JV[];
}

function parseJsonText(text: string): JV | undefined {
  const { values, error } = parseJsonValues(text);
  return error === undefined && values.length === 1 ? (values[0]?.value ?? null) : undefined;
}

function readText(ctx: CommandContext, path: string): string | FsError {
  const data = readOperand(ctx, path);
  return data instanceof FsError ? data : decode(data);
}

function parseCommandLine(ctx: CommandContext): CommandLine {
  const options: Options = { slurp: false, raw: false, join: false, ascii: false, sortKeys: false, rawInput: false, nullInput: false, fromFile: false, exitStatus: false, indent: "  " };
  const args = ctx.args;
  const named = new Map<string, JV>();
  const positional: JV[] = [];
  const files: string[] = [];
  let program: string | undefined;
  let further: "files" | "args" | "jsonargs" = "files";
  let argsDone = false;
  const operand = (text: string) => {
    if (program === undefined) program = text;
    else if (further === "args") positional.push(text);
    else if (further === "jsonargs") {
      const value = parseJsonText(text);
      if (value === undefined) throw new Usage(`jq: invalid JSON text passed to --jsonargs\n${DIE}`);
      positional.push(value);
    } else files.push(text);
  };
  for (let index = 0; index < args.length; index++) {
    const text = args[index] as string;
    // main.c's isoptish: "-" then a letter or "-" is an option; "-1" or "-." is a filter or a file.
    if (argsDone || !/^-[-a-zA-Z]/.test(text)) {
      operand(text);
      continue;
    }
    if (text === "--") {
      if (program === undefined) throw new Usage(`${USAGE_HEAD}For a listing of options, use jq --help.`);
      argsDone = true;
      continue;
    }
    if (text.startsWith("--")) {
      const name = text.slice(2);
      const flag = FLAGS.find(([, long]) => long === name)?.[2];
      if (flag) {
        options[flag] = true;
        // -j is -r without newlines.
        if (flag === "join") options.raw = true;
      } else if (name === "compact-output") options.indent = null;
      else if (name === "tab") options.indent = "\t";
      else if (name === "monochrome-output" || name === "unbuffered") continue;
      else if (name === "indent") {
        if (index >= args.length - 1) throw new Usage(`jq: --indent takes one parameter\n${DIE}`);
        const amount = Number.parseInt(args[++index] ?? "", 10) || 0;
        if (amount < -1 || amount > 7) throw new Usage(`jq: --indent takes a number between -1 and 7\n${DIE}`);
        options.indent = amount === -1 ? "\t" : amount === 0 ? null : " ".repeat(amount);
      } else if (name === "args" || name === "jsonargs") further = name;
      else if (name === "arg" || name === "argjson" || name === "slurpfile" || name === "rawfile" || name === "argfile") {
        if (index >= args.length - 2) {
          const example = name === "arg" ? "value" : name === "argjson" ? "text" : "filename";
          throw new Usage(`jq: --${name} takes two parameters (e.g. --${name} varname ${example})\n${DIE}`);
        }
        const variable = args[index + 1] as string;
        const value = args[index + 2] as string;
        index += 2;
        if (named.has(variable)) continue;
        if (name === "arg") named.set(variable, value);
        else if (name === "argjson") {
          const parsed = parseJsonText(value);
          if (parsed === undefined) throw new Usage(`jq: invalid JSON text passed to --argjson\n${DIE}`);
          named.set(variable, parsed);
        } else {
          const content = readText(ctx, value);
          if (content instanceof FsError) throw new Usage(`jq: Bad JSON in --${name} ${variable} ${value}: Could not open ${value}: ${fsMessage(content.code)}`);
          if (name === "rawfile") named.set(variable, content);
          else {
            const { values, error } = parseJsonValues(content);
            if (error !== undefined) throw new Usage(`jq: Bad JSON in --${name} ${variable} ${value}: ${error}`);
            const all = values.map((entry) => entry.value);
            named.set(variable, name === "argfile" && all.length === 1 ? (all[0] ?? null) : all);
          }
        }
      } else if (name === "help") throw new Usage("", 0, USAGE);
      else if (name === "version") throw new Usage("", 0, "jq-1.6\n");
      else if (REFUSED_OPTIONS[name]) throw new Usage(`jq: error: ${REFUSED_OPTIONS[name]} is not supported in the sandbox\n${DIE}`);
      else throw new Usage(`jq: Unknown option ${text}\n${DIE}`);
      continue;
    }
    // Short options, which may be stacked (-rc); main.c looks for each letter, then refuses any it did not know.
    const letters = text.slice(1);
    for (const letter of letters) if (REFUSED_OPTIONS[letter]) throw new Usage(`jq: error: ${REFUSED_OPTIONS[letter]} is not supported in the sandbox\n${DIE}`);
    let known = 0;
    for (const [short, , key] of FLAGS) {
      if (!letters.includes(short)) continue;
      known += 1;
      options[key] = true;
      if (key === "join") options.raw = true;
    }
    if (letters.includes("c")) {
      known += 1;
      options.indent = null;
    }
    if (letters.includes("M")) known += 1;
    if (letters.includes("h")) throw new Usage("", 0, USAGE);
    if (letters.includes("V")) throw new Usage("", 0, "jq-1.6\n");
    if (known !== letters.length) throw new Usage(`jq: Unknown option ${text}\n${DIE}`);
  }
  return { options, program, files, named, positional };
}

/** The text of one result, as jq prints it. */
function render(value: JV, options: Options): string {
  const style: JsonStyle = { indent: options.indent ?? "", sortKeys: options.sortKeys, ascii: options.ascii };
  // jq 1.6 prints a string with -r and -a as JSON text, escaped.
  if (typeof value === "string" && options.raw) return options.ascii ? formatString(value, true) : value;
  return formatJson(value, style);
}

export const jq: CommandSpec = {
  name: "jq",
  summary: "filter JSON (a subset of jq 1.6)",
  help: `jq [OPTIONS] FILTER [FILE ...]
    Runs FILTER on each JSON value of the files (or standard input) and prints the results.
    A subset of jq 1.6, checked against the real one: what it has prints what jq 1.6 prints,
    messages and exit statuses included; what it lacks says "... is not supported in the
    sandbox". \`jq --help\` prints jq's own help.
    Options:
      -r, --raw-output      strings without quotes    -j, --join-output  as -r, no newlines
      -c, --compact-output  one line per result       -n, --null-input   the input is null
      -s, --slurp           all inputs in one array   -R, --raw-input    lines as strings
      -e, --exit-status     status 1 if the last result is false or null, 4 if none
      -S, --sort-keys  -a, --ascii-output  -M, --monochrome-output  --tab  --indent N
      --arg NAME VALUE  --argjson NAME JSON  --slurpfile NAME FILE  --rawfile NAME FILE
      --argfile NAME FILE  --args  --jsonargs  -f, --from-file FILE  --unbuffered  --
      -h, --help  -V, --version
    Filters:
      .  .a  ."a-b"  .[0]  .[-1]  .[2:4]  .[]  ..  (each with ? after it)  |  ,  ( )
      literals  [ ... ]  { a, "b": .x, (.k): .v, $v, "\\(.a)": 1 }  "text \\(.a)"  # comments
      + - * / %  == != < <= > >=  and or  //  if ... then ... elif ... else ... end
      try ... catch ...  EXP?  EXP as $x | ...  EXP as [$a, {b: $c}] | ...  $ENV  $ARGS
      reduce EXP as $x (INIT; UPDATE)  foreach EXP as $x (INIT; UPDATE; EXTRACT)
      label $name | ... break $name   def name: ...;  def name(f; $v): ...;
      = |= += -= *= /= %= //=   @text @json @csv @tsv @sh @uri @html @base64 @base64d
    Builtins:
      paths and updates: path paths leaf_paths getpath setpath delpaths del to_entries
        from_entries with_entries walk recurse recurse_down
      collections: length keys keys_unsorted has in inside contains map map_values
        select empty add any all sort sort_by group_by unique unique_by min max min_by
        max_by reverse flatten first last nth limit until while repeat range isempty
        index rindex indices transpose combinations bsearch IN INDEX
      types: type arrays objects iterables booleans numbers strings nulls values scalars
        scalars_or_empty tostring tonumber tojson fromjson not error
      numbers: floor ceil round trunc fabs sqrt pow log log10 log2 exp exp2 exp10
        infinite nan isinfinite isnan isnormal isfinite finites normals
      strings: utf8bytelength startswith endswith ltrimstr rtrimstr explode implode split
        splits join ascii_downcase ascii_upcase test match capture scan sub gsub format
      dates: todate fromdate todateiso8601 fromdateiso8601 now (the sandbox's clock)
      input and output: input inputs input_filename env debug stderr halt halt_error
    Not in the sandbox:
      --stream, --seq, --stream-errors, -C/--color-output, -L, --run-tests, --debug-*;
      import, include and modules; ?// (alternative patterns); $__loc__; tostream,
      fromstream, truncate_stream; input_line_number; strftime, strptime, mktime, gmtime,
      localtime, strflocaltime; the rest of the math library (sin, atan2, ...); JOIN;
      builtins, get_search_list, get_prog_origin, get_jq_origin, modulemeta.
    Deep recursion in a filter stops with "(sandbox limit)" (a few hundred calls deep).`,
  run(ctx) {
    let line: CommandLine;
    try {
      line = parseCommandLine(ctx);
    } catch (error) {
      if (!(error instanceof Usage)) throw error;
      if (error.stdout) ctx.stdout.write(error.stdout);
      if (error.message) ctx.stderr.write(`${error.message}\n`);
      return error.status;
    }
    const { options, named, positional, program, files } = line;
    const environment = ctx.shell.environment();
    let source: string;
    if (options.fromFile && program !== undefined) {
      const text = readText(ctx, program);
      if (text instanceof FsError) {
        ctx.stderr.write(`jq: Could not open ${program}: ${fsMessage(text.code)}\n`);
        return 2;
      }
      source = text;
    } else {
      // Without a filter jq uses `.` when its input is not a terminal, which is always so here.
      source = program ?? ".";
    }

    const variables: [string, JV][] = [
      ["ENV", new Map(Object.entries(environment))],
      ["ARGS", new Map<string, JV>([["positional", positional], ["named", new Map(named)]])],
      ...named,
    ];
    let filter: JqFilter;
    try {
      filter = compileFilter(source, new Set(variables.map(([name]) => name)));
    } catch (error) {
      if (error instanceof JqCompileError) {
        ctx.stderr.write(compileErrorText(source, error.problems));
        return 3;
      }
      throw error;
    }
    let scope: Scope | null = null;
    for (const [name, value] of variables) scope = bind(scope, `$${name}`, { value });

    let inputErrors = 0;
    const inputs: InputFile[] = (files.length === 0 ? ["-"] : files).map((file) => {
      const text = readText(ctx, file);
      if (text instanceof FsError) return { name: file, text: "", missing: fsMessage(text.code) };
      return { name: file === "-" ? "<stdin>" : file, text };
    });
    const reader = new InputReader(inputs, { raw: options.rawInput, slurp: options.slurp }, (name, problem) => {
      inputErrors += 1;
      ctx.stderr.write(`jq: error: Could not open file ${name}: ${problem}\n`);
    });
    const cx: RunContext = {
      builtins: BUILTINS,
      checkTime: () => ctx.shell.checkTime(),
      produced: 0,
      readInput: () => {
        const value = reader.read();
        // `input` meeting bad JSON raises jq's parse message as an error, and the main loop does not report it again.
        if (value === undefined && reader.parseError !== undefined && !reader.parseErrorTaken) {
          reader.parseErrorTaken = true;
          throw new JqError(reader.parseError);
        }
        return value;
      },
      inputFilename: () => reader.filename(),
      now: () => ctx.shell.engine.now / 1000,
      environment,
      writeStderr: (text) => ctx.stderr.write(text),
    };

    /** Runs the filter on one input; returns jq's status for it (14: no output, 11: last output false or null). */
    const process = (input: JV): number => {
      let status = 14;
      try {
        run(filter, input, null, scope, cx, (value) => {
          const text = render(value, options);
          ctx.stdout.write(options.join ? text : `${text}\n`);
          status = options.exitStatus && (value === null || value === false) ? 11 : 0;
        });
      } catch (error) {
        if (error instanceof JqError) {
          const message = typeof error.value === "string" ? `: ${error.value}` : ` (not a string): ${formatJson(error.value)}`;
          ctx.stderr.write(`jq: error (at ${reader.position()})${message}\n`);
          return 5;
        }
        if (error instanceof RangeError && /call stack/i.test(error.message)) {
          ctx.stderr.write(`jq: error (at ${reader.position()}): the filter recursed too deeply (sandbox limit)\n`);
          return 5;
        }
        throw error;
      }
      return status;
    };

    let status = 0;
    try {
      if (options.nullInput) status = process(null);
      else {
        for (let value = reader.read(); value !== undefined; value = reader.read()) status = process(value);
        if (reader.parseError !== undefined && !reader.parseErrorTaken) {
          ctx.stderr.write(`parse error: ${reader.parseError}\n`);
          status = 4;
        }
      }
    } catch (error) {
      if (!(error instanceof Halt)) throw error;
      const { message } = error;
      if (typeof message === "string") ctx.stderr.write(message);
      else if (message !== null && message !== undefined) ctx.stderr.write(`${formatJson(message)}\n`);
      return error.status;
    }
    if (inputErrors > 0) return 2;
    if (status >= 10) return options.exitStatus ? status - 10 : 0;
    return status;
  },
};
