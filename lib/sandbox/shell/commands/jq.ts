import { FsError } from "../../vfs/types";
import { decode } from "../io";
import { fsMessage } from "../messages";
import { compileFilter, evaluate, JqCompileError, JqError, type JqFilter } from "../jq/filter";
import { formatJson, JsonParseError, parseJsonStream, parseJsonValues, type JV } from "../jq/json";
import type { CommandSpec } from "./types";
import { err, readOperand } from "./util";

/** jq, the JSON processor, as far as a learner needs it on AWS CLI output (see `help jq`). */

const USAGE = "Usage:\tjq [OPTIONS] FILTER [FILES...]\n\tjq [OPTIONS] --args FILTER [ARGUMENTS...]";

export const jq: CommandSpec = {
  name: "jq",
  summary: "filter JSON (a subset of jq)",
  help: `jq [-r] [-c] [-n] [-s] [-S] [-j] [-e] [--arg NAME VALUE] FILTER [FILE ...]
    Runs FILTER on each JSON value of the files (or standard input) and prints the results.
      -r  print strings without quotes     -c  one line per result     -n  no input (null)
      -s  read all inputs into one array   -S  sort object keys        -j  like -r, no newlines
      -e  fail (status 1) when the last result is false or null
      --arg NAME VALUE  $NAME is the string VALUE   --argjson NAME JSON  $NAME is the JSON value
    This sandbox's jq is a subset. It has:
      .  .a  .a.b  ."a-b"  .[0]  .[-1]  .[2:4]  .[]  ..  and ? after any of them (no error)
      |  ,  ( )  literals  [ ... ]  { a: .x, "b": 1, (.k): .v, c }  "text \\(.a) text"
      == != < <= > >=  and or not  + - * / %  //  if ... then ... elif ... else ... end
      EXPR as $x | ...   $ENV   @base64 @base64d @json @text @csv @tsv @sh @uri @html
      keys keys_unsorted length has(k) in(o) map(f) map_values(f) select(f) add any all
      to_entries from_entries with_entries(f) sort sort_by(f) group_by(f) unique unique_by(f)
      min max min_by(f) max_by(f) reverse first last nth(n) limit(n; f) range(n) flatten
      tostring tonumber type length utf8bytelength ascii_downcase ascii_upcase split(s) join(s)
      test(re) match(re) capture(re) scan(re) splits(re) split(re; flags) sub(re; s) gsub(re; s) startswith endswith ltrimstr rtrimstr trim contains inside
      tojson fromjson paths leaf_paths getpath(p) recurse env empty error values indices
      arrays objects strings numbers booleans nulls iterables scalars todate fromdate
    It does not have: reduce, foreach, try/catch, label/break, def (your own functions),
    --stream and --seq, SQL-style functions, strftime/strptime, or the math library.
    Messages follow jq 1.6.`,
  run(ctx) {
    let raw = false;
    let join = false;
    let compact = false;
    let nullInput = false;
    let slurp = false;
    let sortKeys = false;
    let exitStatus = false;
    let indent = 2;
    let filterText: string | undefined;
    const files: string[] = [];
    const variables = new Map<string, JV>();
    const args = ctx.args;
    for (let index = 0; index < args.length; index++) {
      const arg = args[index] ?? "";
      if (arg === "--arg" || arg === "--argjson") {
        const name = args[index + 1];
        const value = args[index + 2];
        if (name === undefined || value === undefined) {
          err(ctx, `jq: ${arg} takes two parameters (e.g. ${arg} varname ${arg === "--arg" ? "value" : "text"})\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq`);
          return 2;
        }
        if (arg === "--arg") variables.set(name, value);
        else {
          try {
            const parsed = parseJsonStream(value);
            if (parsed.length !== 1) throw new JsonParseError("");
            variables.set(name, parsed[0] ?? null);
          } catch {
            err(ctx, `jq: invalid JSON text passed to --argjson\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq`);
            return 2;
          }
        }
        index += 2;
        continue;
      }
      if (arg === "--raw-output") raw = true;
      else if (arg === "--join-output") raw = join = true;
      else if (arg === "--compact-output") compact = true;
      else if (arg === "--null-input") nullInput = true;
      else if (arg === "--slurp") slurp = true;
      else if (arg === "--sort-keys") sortKeys = true;
      else if (arg === "--exit-status") exitStatus = true;
      else if (arg === "--tab") indent = 1;
      else if (arg === "--indent") {
        indent = Math.max(0, Math.min(7, Number(args[++index] ?? "2") || 0));
      } else if (/^-[a-zA-Z]+$/.test(arg)) {
        for (const flag of arg.slice(1)) {
          if (flag === "r") raw = true;
          else if (flag === "j") raw = join = true;
          else if (flag === "c") compact = true;
          else if (flag === "n") nullInput = true;
          else if (flag === "s") slurp = true;
          else if (flag === "S") sortKeys = true;
          else if (flag === "e") exitStatus = true;
          else if (flag === "M" || flag === "C" || flag === "a") continue;
          else {
            err(ctx, `jq: Unknown option: ${arg}\n${USAGE}`);
            return 2;
          }
        }
      } else if (filterText === undefined) filterText = arg;
      else files.push(arg);
    }
    // Without a filter jq uses `.` when its input is not a terminal, which is always so here.
    filterText ??= ".";
    let filter: JqFilter;
    try {
      filter = compileFilter(filterText);
    } catch (error) {
      if (error instanceof JqCompileError) {
        err(ctx, `jq: error: ${error.message} at <top-level>, line 1:\n${filterText}\njq: 1 compile error`);
        return 3;
      }
      throw error;
    }
    let text = "";
    for (const file of files.length === 0 ? ["-"] : files) {
      const data = readOperand(ctx, file);
      if (data instanceof FsError) {
        err(ctx, `jq: error: Could not open file ${file}: ${fsMessage(data.code)}`);
        if (files.length <= 1) return 2;
        continue;
      }
      const chunk = decode(data);
      text += chunk !== "" && !chunk.endsWith("\n") && files.length > 1 ? chunk + "\n" : chunk;
    }
    const parsed = parseJsonValues(text);
    const inputs = parsed.values;
    const parseError = parsed.error;
    const queue: JV[] = slurp ? [inputs] : nullInput ? [null] : inputs;
    const env = { variables, env: ctx.shell.environment(), inputs: nullInput ? inputs : [], budget: { results: 0 }, checkTime: () => ctx.shell.checkTime() };
    let status = 0;
    let last: JV | undefined;
    let hadOutput = false;
    const print = (value: JV) => {
      hadOutput = true;
      last = value;
      const rendered = raw && typeof value === "string" ? value : formatJson(value, compact ? 0 : indent, sortKeys);
      ctx.stdout.write(join ? rendered : rendered + "\n");
    };
    for (const input of queue) {
      try {
        for (const value of evaluate(filter, input, env)) print(value);
      } catch (error) {
        if (error instanceof JqError) {
          err(ctx, `jq: error (at ${nullInput ? "<unknown>" : `<stdin>:${(text.match(/\n/g) ?? []).length}`}): ${error.message}`);
          status = 5;
          continue;
        }
        if (error instanceof JqCompileError) {
          err(ctx, `jq: error: ${error.message} at <top-level>, line 1:\n${filterText}\njq: 1 compile error`);
          return 3;
        }
        throw error;
      }
    }
    if (parseError !== undefined) {
      err(ctx, `parse error: ${parseError}`);
      return 2;
    }
    if (exitStatus && status === 0) return !hadOutput ? 4 : last === null || last === false ? 1 : 0;
    return status;
  },
};

