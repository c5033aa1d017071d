/** The sandbox's jq: compile a filter (parse.ts), run it on a value (evaluate.ts). */
export { compileFilter, JqCompileError, type JqFilter } from "./parse";
export { evaluate, JqError, type JqEnvironment } from "./evaluate";
