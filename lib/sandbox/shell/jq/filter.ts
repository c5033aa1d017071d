/** The sandbox's jq: compile a filter (parse.ts, checked against builtins.ts), run it (evaluate.ts). */
import { BUILTINS, isRefused } from "./builtins";
import { checkFilter, JqCompileError, parseFilter, type CompileProblem, type Node } from "./parse";

export { BUILTINS } from "./builtins";
export { Halt, JqError, run, bind, type RunContext, type Scope } from "./evaluate";
export { JqCompileError, type CompileProblem } from "./parse";
export type JqFilter = Node;

/** Parses and checks a filter; `variables` are the names defined outside it ($ENV, --arg names). Throws JqCompileError. */
export function compileFilter(source: string, variables: ReadonlySet<string>): JqFilter {
  // As in jq, what the parser finds wrong (a constant division by zero) stops the compilation before the names are checked.
  const { node, problems } = parseFilter(source);
  if (problems.length === 0) problems.push(...checkFilter(node, { isBuiltin: (key) => BUILTINS.has(key), isRefused, variables }));
  if (problems.length > 0) throw new JqCompileError(problems.sort((a, b) => a.at - b.at));
  return node;
}

/** jq's report of compile errors: each with the line it is on and spaces up to where it is, then how many. */
export function compileErrorText(source: string, problems: readonly CompileProblem[]): string {
  const reports = problems.map(({ message, at }) => {
    const lineStart = source.lastIndexOf("\n", at - 1) + 1;
    const lineEnd = source.indexOf("\n", at) === -1 ? source.length : source.indexOf("\n", at);
    const line = source.slice(0, at).split("\n").length;
    const column = new TextEncoder().encode(source.slice(lineStart, at)).length;
    return `jq: error: ${message} at <top-level>, line ${line}:\n${source.slice(lineStart, lineEnd)}${" ".repeat(column)}\n`;
  });
  return `${reports.join("")}jq: ${problems.length} compile error${problems.length === 1 ? "" : "s"}\n`;
}
